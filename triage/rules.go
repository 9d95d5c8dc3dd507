package triage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ruleFile is the rules file as written: see assets/rules.yaml for what each part means.
type ruleFile struct {
	Version             string              `yaml:"version"`
	Spellings           map[string]string   `yaml:"spellings"`
	Rephrasings         map[string]string   `yaml:"rephrasings"`
	NarrowNegations     []string            `yaml:"narrow_negations"`
	Negations           []string            `yaml:"negations"`
	PseudoNegations     []string            `yaml:"pseudo_negations"`
	PostNegations       []string            `yaml:"post_negations"`
	ClauseBreakers      []string            `yaml:"clause_breakers"`
	WordClasses         map[string][]string `yaml:"word_classes"`
	Fallback            map[string]ruleSpec `yaml:"fallback"`
	Concepts            map[string][]string `yaml:"concepts"`
	Masks               map[string][]string `yaml:"masks"`
	ClausePhrases       []string            `yaml:"clause_phrases"` // concepts whose phrases stay inside one clause, as a mask's do
	StatementMasks      []string            `yaml:"statement_masks"`
	StandAside          map[string][]string `yaml:"stand_aside_near"`
	ClauseScoped        []string            `yaml:"clause_scoped"`
	ForwardScoped       []string            `yaml:"forward_scoped"`
	SentenceScoped      []string            `yaml:"sentence_scoped"`
	DocumentScoped      []string            `yaml:"document_scoped"`
	Conditions          []string            `yaml:"conditions"`
	QuestionsOnly       []string            `yaml:"questions_only"`
	EmergencyNone       []string            `yaml:"every_emergency_none"`
	PersonFacts         []string            `yaml:"person_facts"`
	ResolvedSince       []string            `yaml:"resolved_since"`
	ResolvedAfter       []string            `yaml:"resolved_after"`
	PastReadThrough     []string            `yaml:"past_read_through"`     // past times read for the red flag going on (pastgoeson.go)
	SharesCue           []string            `yaml:"shares_cue"`            // concepts whose phrases leave their negating word to deny what follows too
	Qualifiers          []string            `yaml:"qualifiers"`            // read by an emergency rule, no emergency word: a time in minutes, a side
	ToldAfter           [][]string          `yaml:"told_after"`            // pairs: the first counts only when told after the second
	ReportedApart       [][]string          `yaml:"reported_apart"`        // pairs: a condition, a red flag told apart from it as a report
	ReportedApartClause [][]string          `yaml:"reported_apart_clause"` // pairs: as reported_apart, by clause
	Lasting             [][]string          `yaml:"lasting"`               // pairs: a long-standing concept, an event told with its length
	SaidOf              [][]string          `yaml:"said_of"`               // triples: a concept, the subjects that take it, those that keep it
	SaidOfBack          [][]string          `yaml:"said_of_back"`          // five: a concept, other subjects, own, pronouns that may stand for another, own felt
	FutureTime          string              `yaml:"future_time"`           // a time to come: an emergency word that reports nothing alone
	CountedNow          countedNowSpec      `yaml:"counted_now"`
	AgeCounted          []string            `yaml:"age_counted"`   // read with a count of ten or more that may be the patient's age
	NowSaidWith         [][]string          `yaml:"now_said_with"` // pairs: a time word, a concept it may be the time of
	UndoneAfter         [][]string          `yaml:"undone_after"`  // fives: a stand-aside, its relief, the undoing, a pattern told, its subjects
	DenialAfter         [][]string          `yaml:"denial_after"`  // sixes: a denial of a red flag's severity, the red flag, what undoes it, the patient's subject words, another's, a contrast
	SafetyNets          safetyNetSpec       `yaml:"safety_nets"`
	FallbackTeams       fallbackTeamsSpec   `yaml:"fallback_teams"`
	Rules               []ruleSpec          `yaml:"rules"`
}

// fallbackTeamsSpec is the rules file's fallback_teams: which team a request belongs to
// when no rule that names a team recognised it (see teamOfFallback in engine.go). Over
// names the fallbacks and catch-all (weak) rules whose team GP it may read again; Teams
// are read in order, the first that holds gives the team. A team reading sets no
// priority and no signpost: it moves a request between queues, never up or down one.
type fallbackTeamsSpec struct {
	Over  []string   `yaml:"over"`
	Teams []ruleSpec `yaml:"teams"`
}

// safetyNetSpec is the rules file's safety_nets: the words that tell a safety net
// given ("the dentist said if it spreads to my eye, go to A&E") from a report, and the
// patient's answer to it (see safetynet.go). A file without them reads no safety net.
type safetyNetSpec struct {
	Advice       []string `yaml:"advice"`
	NotCondition []string `yaml:"not_condition"`
	Means        []string `yaml:"means"`
	Consequence  []string `yaml:"consequence"`
	// GoingBack are consequences that send the patient back at once without naming 999
	// or A&E ("come straight back if …"): a net of them reached counts only when its
	// condition names words an emergency rule reads (addReached in safetynet.go).
	GoingBack    []string `yaml:"going_back"`
	Answers      []string `yaml:"answers"`
	Denials      []string `yaml:"denials"`
	Affirmations []string `yaml:"affirmations"`
	// Reached, Continuations and Resolutions read a net that came true by reference
	// (addReached in safetynet.go).
	Reached       []string `yaml:"reached"`
	Continuations []string `yaml:"continuations"`
	Resolutions   []string `yaml:"resolutions"`
	// PlayedDown are the words that make a sentence opening with a denial, said after
	// a net came true by reference, an answer to it ("It's back. No sweating, just a
	// twinge."); without one, the denial tells of something else ("It has come back.
	// No headache.") and the net stays reached.
	PlayedDown []string `yaml:"played_down"`
	// DeniedVerbs are the denials that, later in such a sentence, deny the net itself
	// ("It came back. No, it hasn't.").
	DeniedVerbs []string `yaml:"denied_verbs"`
	// QuestionReached are the phrases besides Reached that, opening the sentence after
	// a question or a condition, say it came true ("took them at teatime"; joined.go).
	QuestionReached []string `yaml:"question_reached"`
	// AgainSubjects, AgainVerbs and AgainNotStates read a net's red flag told as back
	// in its state by reference ("It has gone heavy again"; againLen in safetynet.go).
	AgainSubjects  []string `yaml:"again_subjects"`
	AgainVerbs     []string `yaml:"again_verbs"`
	AgainNotStates []string `yaml:"again_not_states"`
	// RecentAfterLast are the words after "last" that make it recent, not a
	// resolution: "in the last hour".
	RecentAfterLast []string `yaml:"recent_after_last"`
	// FirstPersonTimes and TimeWords read the times after "I did" or "I have" that say
	// when a net came true ("I did about an hour ago"; timesFrom in safetynet.go).
	FirstPersonTimes []string `yaml:"first_person_times"`
	TimeWords        []string `yaml:"time_words"`
}

// ruleSpec is one rule as written in the rules file.
type ruleSpec struct {
	ID       string   `yaml:"id"`
	Says     string   `yaml:"says"`
	Priority string   `yaml:"priority"`
	Team     string   `yaml:"team"`
	Signpost string   `yaml:"signpost"`
	All      []string `yaml:"all"`
	Any      []string `yaml:"any"`
	None     []string `yaml:"none"`
	// NoneInClause are concepts that stop the rule only for its words said in their
	// own clause, not for the whole request (see conceptsHold).
	NoneInClause []string `yaml:"none_in_clause"`
	Several      []string `yaml:"several"` // at least Min of these concepts must be present
	Min          int      `yaml:"min"`
	Kind         string   `yaml:"kind"`
	Sex          string   `yaml:"sex"`
	Age          string   `yaml:"age"`     // years: "16-64", "16-", "-15"
	Months       string   `yaml:"months"`  // age in months, for babies: "-2", "3-5"
	Temp         float64  `yaml:"temp"`    // a temperature of at least this many °C is mentioned
	Ketones      float64  `yaml:"ketones"` // a blood ketone reading, when given, of at least this (mmol/L)
	Weak         bool     `yaml:"weak"`    // counts only when no other rule fires
	// Asked are concepts that must be said in a sentence asked as a question ("can I
	// take ibuprofen with my losartan?"); fallback_teams only, where a thing asked of is
	// what the request is about.
	Asked []string `yaml:"asked"`
	// Denied are concepts one of which must be said negated, and none of them said
	// plainly ("no thoughts of harming myself", "not suicidal"); fallback_teams only,
	// where a risk the patient rules out tells what the request is about.
	Denied []string `yaml:"denied"`
}

// RuleError is a problem in a rules file, with the line it is on.
type RuleError struct {
	Source string
	Line   int
	Msg    string
}

// Error implements error.
func (e *RuleError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s line %d: %s", e.Source, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Source, e.Msg)
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// NewEngine builds an engine from a rules file. A file with any problem is refused
// whole with the line and the problem, so a practice's typo can never half-load; the
// caller keeps the engine it had.
func NewEngine(rules []byte, source string) (*Engine, error) {
	var rf ruleFile
	dec := yaml.NewDecoder(bytes.NewReader(rules))
	dec.KnownFields(true)
	if err := dec.Decode(&rf); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &RuleError{Source: source, Msg: "the rules file is empty"}
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, &RuleError{Source: source, Line: line, Msg: m[2]}
		}
		return nil, &RuleError{Source: source, Msg: msg}
	}
	var lines struct {
		Rules               []yaml.Node `yaml:"rules"`
		Concepts            yaml.Node   `yaml:"concepts"`
		Masks               yaml.Node   `yaml:"masks"`
		ClausePhrases       yaml.Node   `yaml:"clause_phrases"`
		StatementMasks      yaml.Node   `yaml:"statement_masks"`
		StandAside          yaml.Node   `yaml:"stand_aside_near"`
		ClauseScoped        yaml.Node   `yaml:"clause_scoped"`
		ForwardScoped       yaml.Node   `yaml:"forward_scoped"`
		SentenceScoped      yaml.Node   `yaml:"sentence_scoped"`
		DocumentScoped      yaml.Node   `yaml:"document_scoped"`
		Conditions          yaml.Node   `yaml:"conditions"`
		QuestionsOnly       yaml.Node   `yaml:"questions_only"`
		EmergencyNone       yaml.Node   `yaml:"every_emergency_none"`
		PersonFacts         yaml.Node   `yaml:"person_facts"`
		ResolvedSince       yaml.Node   `yaml:"resolved_since"`
		ResolvedAfter       yaml.Node   `yaml:"resolved_after"`
		PastReadThrough     yaml.Node   `yaml:"past_read_through"`
		SharesCue           yaml.Node   `yaml:"shares_cue"`
		Qualifiers          yaml.Node   `yaml:"qualifiers"`
		ToldAfter           yaml.Node   `yaml:"told_after"`
		ReportedApart       yaml.Node   `yaml:"reported_apart"`
		ReportedApartClause yaml.Node   `yaml:"reported_apart_clause"`
		Lasting             yaml.Node   `yaml:"lasting"`
		SaidOf              yaml.Node   `yaml:"said_of"`
		SaidOfBack          yaml.Node   `yaml:"said_of_back"`
		FutureTime          yaml.Node   `yaml:"future_time"`
		CountedNow          yaml.Node   `yaml:"counted_now"`
		AgeCounted          yaml.Node   `yaml:"age_counted"`
		NowSaidWith         yaml.Node   `yaml:"now_said_with"`
		UndoneAfter         yaml.Node   `yaml:"undone_after"`
		DenialAfter         yaml.Node   `yaml:"denial_after"`
		WordClasses         yaml.Node   `yaml:"word_classes"`
		Rephrasings         yaml.Node   `yaml:"rephrasings"`
		NarrowNeg           yaml.Node   `yaml:"narrow_negations"`
		Fallback            yaml.Node   `yaml:"fallback"`
		FallbackTeams       struct {
			Over  yaml.Node   `yaml:"over"`
			Teams []yaml.Node `yaml:"teams"`
		} `yaml:"fallback_teams"`
	}
	// One parse gives both the lines of each key and the whole tree (namesOutside).
	var root yaml.Node
	if err := yaml.Unmarshal(rules, &root); err != nil {
		return nil, &RuleError{Source: source, Msg: err.Error()}
	}
	if err := root.Decode(&lines); err != nil {
		return nil, &RuleError{Source: source, Msg: err.Error()}
	}
	bad := func(line int, format string, args ...any) error {
		return &RuleError{Source: source, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if strings.TrimSpace(rf.Version) == "" {
		return nil, bad(1, "the rules file needs a version, so staff can see which rules made a suggestion")
	}
	if len(rf.Rules) == 0 {
		return nil, bad(0, "the rules file has no rules")
	}

	e := &Engine{version: rf.Version, source: source, spellings: map[string]string{}, rephrase: map[string][]rephrasing{}, cues: map[string]bool{}, after: map[string]bool{},
		byFirst: map[string][]phrase{}, byPrefix: map[string][]phrase{}, breakers: map[string]bool{}, fallback: map[Kind]rule{}}
	for k, v := range rf.Spellings {
		e.spellings[strings.ToLower(k)] = strings.ToLower(v)
	}
	for i := 0; i+1 < len(lines.Rephrasings.Content); i += 2 {
		k := lines.Rephrasings.Content[i]
		from, to := k.Value, rf.Rephrasings[k.Value]
		r := rephrasing{from: normalizePhrase(from, e.spellings), to: normalizePhrase(to, e.spellings)}
		r.narrow = slices.ContainsFunc(rf.NarrowNegations, func(n string) bool { return slices.Equal(normalizePhrase(n, e.spellings), r.from) })
		if len(r.from) < 2 || len(r.to) == 0 || len(r.to) > len(r.from) {
			return nil, bad(k.Line, "rephrasing %q as %q: it must read two or more words as one or more, and not as more words than it has", from, to)
		}
		e.rephrase[r.from[0]] = append(e.rephrase[r.from[0]], r)
	}
	for _, n := range rf.NarrowNegations {
		if _, ok := rf.Rephrasings[n]; !ok {
			return nil, bad(lines.NarrowNeg.Line, "narrow_negations: %q is not a rephrasing", n)
		}
	}
	for _, rs := range e.rephrase {
		// The longest first, so "can no longer" is read before "no longer"; then by
		// words, so the order does not hang on the map's.
		slices.SortFunc(rs, func(a, b rephrasing) int {
			if len(a.from) != len(b.from) {
				return len(b.from) - len(a.from)
			}
			return slices.Compare(a.from, b.from)
		})
	}
	for _, n := range rf.Negations {
		e.cues[strings.ToLower(n)] = true
	}
	for _, n := range rf.PostNegations {
		e.after[strings.ToLower(n)] = true
	}
	e.nets = newSafetyNetWords(rf.SafetyNets, e.spellings)
	for _, b := range rf.ClauseBreakers {
		e.breakers[strings.ToLower(b)] = true
	}
	for _, p := range rf.PseudoNegations {
		e.pseudo = append(e.pseudo, normalizePhrase(p, e.spellings))
	}

	// Word classes, in file order so a word in two classes always gets the first.
	classNames := map[string]bool{}
	for i := 0; i+1 < len(lines.WordClasses.Content); i += 2 {
		k := lines.WordClasses.Content[i]
		c := wordClass{name: "@" + k.Value, names: map[string]bool{}}
		if len(rf.WordClasses[k.Value]) == 0 {
			return nil, bad(k.Line, "word class %q has no words", k.Value)
		}
		for _, w := range rf.WordClasses[k.Value] {
			w = strings.ToLower(strings.TrimSpace(w))
			if suf, ok := strings.CutPrefix(w, "*"); ok {
				if len(suf) < 3 || strings.ContainsAny(suf, " *") {
					return nil, bad(k.Line, "word class %q: suffix %q must be one word of at least 3 letters after the *", k.Value, w)
				}
				c.suffixes = append(c.suffixes, suf)
				continue
			}
			if w == "" || strings.ContainsAny(w, " *") {
				return nil, bad(k.Line, "word class %q: %q must be one word, or *suffix", k.Value, w)
			}
			c.names[w] = true
		}
		classNames[c.name] = true
		e.classes = append(e.classes, c)
	}
	usesUnknownClass := func(words []string) string {
		for _, w := range words {
			if strings.HasPrefix(w, "@") && !classNames[w] {
				return w
			}
		}
		return ""
	}

	// Concepts, in file order so ids are stable.
	ids := map[string]int{}
	e.conceptID = ids
	conceptLine := map[string]int{}
	for i := 0; i+1 < len(lines.Concepts.Content); i += 2 {
		k := lines.Concepts.Content[i]
		conceptLine[k.Value] = k.Line
		ids[k.Value] = len(e.concepts)
		e.concepts = append(e.concepts, k.Value)
	}
	inClause, err := conceptsNamed("clause_phrases", rf.ClausePhrases, lines.ClausePhrases, ids, bad)
	if err != nil {
		return nil, err
	}
	for _, name := range e.concepts {
		phrases := rf.Concepts[name]
		if len(phrases) == 0 {
			return nil, bad(conceptLine[name], "concept %q has no phrases", name)
		}
		for _, p := range phrases {
			if strings.Contains(p, "&") {
				if strings.Contains(p, "$") {
					return nil, bad(conceptLine[name], "concept %q: %q: a group of words said anywhere in a sentence has no clause end (\"$\")", name, p)
				}
				tg := together{concept: ids[name]}
				for _, part := range strings.Split(p, "&") {
					words := normalizePhrase(part, e.spellings)
					if len(words) == 0 || words[0] == "?" {
						return nil, bad(conceptLine[name], "concept %q: %q has an empty part", name, p)
					}
					if w := usesUnknownClass(words); w != "" {
						return nil, bad(conceptLine[name], "concept %q: %q names word class %s, which word_classes does not define", name, p, w)
					}
					tg.parts = append(tg.parts, phrase{concept: ids[name], words: words})
				}
				e.together = append(e.together, tg)
				continue
			}
			text, atEnd := strings.CutSuffix(strings.TrimSpace(p), " $")
			if strings.Contains(text, "$") {
				return nil, bad(conceptLine[name], "concept %q: phrase %q: \"$\" (the clause ends here) may only be its last word, after a space", name, p)
			}
			words := normalizePhrase(text, e.spellings)
			if len(words) == 0 || words[0] == "?" {
				return nil, bad(conceptLine[name], "concept %q: phrase %q has no words to start from", name, p)
			}
			if w := usesUnknownClass(words); w != "" {
				return nil, bad(conceptLine[name], "concept %q: %q names word class %s, which word_classes does not define", name, p, w)
			}
			// A mask's phrases stay inside one clause, and so do those that start with a
			// number: "10/10, paracetamol not touching it" is a score, not ten tablets,
			// and those of a concept listed in clause_phrases, whose phrases leave words
			// open ("@lipword ? ? @swellword") that must not reach over a comma ("my
			// tongue is sore, not swollen") nor be a negating word ("lips not swollen").
			_, mask := rf.Masks[name]
			counted := slices.Contains(numberPatterns, words[0])
			ph := phrase{concept: ids[name], words: words, inClause: mask || counted, atEnd: atEnd}
			if slices.Contains(inClause, ids[name]) {
				ph.inClause, ph.openDenied = true, e.cues
			}
			if strings.HasSuffix(words[0], "*") {
				if len(words[0]) < 4 {
					return nil, bad(conceptLine[name], "concept %q: prefix %q is too short to be safe (at least 3 letters)", name, words[0])
				}
				e.byPrefix[words[0][:3]] = append(e.byPrefix[words[0][:3]], ph)
			} else {
				e.byFirst[words[0]] = append(e.byFirst[words[0]], ph)
			}
		}
	}

	// Masks: a concept whose phrases hide another's where they overlap.
	readOutside := namesOutside(&root)
	for i := 0; i+1 < len(lines.Masks.Content); i += 2 {
		k := lines.Masks.Content[i]
		by, ok := ids[k.Value]
		if !ok {
			return nil, bad(k.Line, "masks: %q is not a concept", k.Value)
		}
		if len(rf.Masks[k.Value]) == 0 {
			return nil, bad(k.Line, "masks: %q hides no concept", k.Value)
		}
		if e.maskedBy == nil {
			e.maskedBy = make([][]int, len(e.concepts))
			e.masker = make([]bool, len(e.concepts))
		}
		e.masker[by] = true
		if g := groupPhrase(rf.Concepts[k.Value]); g != "" && !readOutside[k.Value] {
			// Masks are read from phrases said in a row, before groups are matched: a group
			// in a concept nothing else reads would hide nothing, silently.
			return nil, bad(conceptLine[k.Value], "concept %q is only a mask, and its phrase %q is a group of words said anywhere in a sentence, which a mask cannot hide with; write it as the words in a row", k.Value, g)
		}
		for _, name := range rf.Masks[k.Value] {
			c, ok := ids[name]
			if !ok {
				return nil, bad(k.Line, "masks: %q hides %q, which is not a concept", k.Value, name)
			}
			if c == by {
				return nil, bad(k.Line, "masks: %q cannot hide itself", k.Value)
			}
			e.maskedBy[c] = append(e.maskedBy[c], by)
		}
	}

	// namedAmong reads the concepts named under key, each of which must already be one
	// that among says; the error names the first that is not, on its own line.
	namedAmong := func(key string, names []string, node yaml.Node, among func(c int) bool, isNot string) ([]int, error) {
		cs, err := conceptsNamed(key, names, node, ids, bad)
		if err != nil {
			return nil, err
		}
		for i, c := range cs {
			if !among(c) {
				line := node.Line
				if i < len(node.Content) {
					line = node.Content[i].Line
				}
				return nil, bad(line, "%s: %q is %s", key, names[i], isNot)
			}
		}
		return cs, nil
	}

	// statement_masks: masks that hide nothing in a sentence asked as a question.
	isMask := func(c int) bool { return e.masker != nil && e.masker[c] }
	statement, err := namedAmong("statement_masks", rf.StatementMasks, lines.StatementMasks, isMask, "not a mask")
	if err != nil {
		return nil, err
	}
	e.statementMask = conceptFlags(len(e.concepts), statement)

	// stand_aside_near: a mask that hides nothing where one of its concepts is said in
	// its sentence or the one before or after.
	for i := 0; i+1 < len(lines.StandAside.Content); i += 2 {
		k := lines.StandAside.Content[i]
		by, ok := ids[k.Value]
		if !ok || !isMask(by) {
			return nil, bad(k.Line, "stand_aside_near: %q is not a mask", k.Value)
		}
		cs, err := conceptsNamed("stand_aside_near", rf.StandAside[k.Value], *lines.StandAside.Content[i+1], ids, bad)
		if err != nil {
			return nil, err
		}
		if len(cs) == 0 {
			return nil, bad(k.Line, "stand_aside_near: %q names no concept", k.Value)
		}
		if e.standAside == nil {
			e.standAside = make([][]int, len(e.concepts))
		}
		e.standAside[by] = cs
	}

	scoped, err := conceptsNamed("clause_scoped", rf.ClauseScoped, lines.ClauseScoped, ids, bad)
	if err != nil {
		return nil, err
	}
	e.scoped = scoped
	// forward_scoped and every_emergency_none name clause-scoped concepts only: they
	// say how far a scope reaches and which rules it stops, not a new kind of scope.
	inScoped := func(key string, names []string, node yaml.Node) ([]int, error) {
		return namedAmong(key, names, node, func(c int) bool { return slices.Contains(scoped, c) }, "not in clause_scoped")
	}
	forward, err := inScoped("forward_scoped", rf.ForwardScoped, lines.ForwardScoped)
	if err != nil {
		return nil, err
	}
	e.forward = conceptFlags(len(e.concepts), forward)
	sentenceWide, err := inScoped("sentence_scoped", rf.SentenceScoped, lines.SentenceScoped)
	if err != nil {
		return nil, err
	}
	e.sentenceWide = conceptFlags(len(e.concepts), sentenceWide)
	isForward := func(c int) bool { return e.forward != nil && e.forward[c] }
	conditions, err := namedAmong("conditions", rf.Conditions, lines.Conditions, isForward, "not in forward_scoped")
	if err != nil {
		return nil, err
	}
	e.condition = conceptFlags(len(e.concepts), conditions)
	told, err := namedAmong("document_scoped", rf.DocumentScoped, lines.DocumentScoped, isForward, "not in forward_scoped")
	if err != nil {
		return nil, err
	}
	e.told = conceptFlags(len(e.concepts), told)
	if e.askedOnly, err = inScoped("questions_only", rf.QuestionsOnly, lines.QuestionsOnly); err != nil {
		return nil, err
	}
	everyEmergency, err := inScoped("every_emergency_none", rf.EmergencyNone, lines.EmergencyNone)
	if err != nil {
		return nil, err
	}
	facts, err := conceptsNamed("person_facts", rf.PersonFacts, lines.PersonFacts, ids, bad)
	if err != nil {
		return nil, err
	}
	e.fact = conceptFlags(len(e.concepts), facts)
	resolved, err := inScoped("resolved_since", rf.ResolvedSince, lines.ResolvedSince)
	if err != nil {
		return nil, err
	}
	e.backward = conceptFlags(len(e.concepts), resolved)
	if e.olderTime, err = conceptsNamed("resolved_after", rf.ResolvedAfter, lines.ResolvedAfter, ids, bad); err != nil {
		return nil, err
	}
	if e.readThrough, err = inScoped("past_read_through", rf.PastReadThrough, lines.PastReadThrough); err != nil {
		return nil, err
	}
	if e.sharesCue, err = conceptsNamed("shares_cue", rf.SharesCue, lines.SharesCue, ids, bad); err != nil {
		return nil, err
	}
	if e.qualifiers, err = conceptsNamed("qualifiers", rf.Qualifiers, lines.Qualifiers, ids, bad); err != nil {
		return nil, err
	}
	if e.toldAfter, err = conceptArrays[[2]int]("told_after", rf.ToldAfter, lines.ToldAfter, "a pair of concepts", ids, bad); err != nil {
		return nil, err
	}
	if e.reportedApart, err = conceptArrays[[2]int]("reported_apart", rf.ReportedApart, lines.ReportedApart, "a condition and a red flag it names", ids, bad); err != nil {
		return nil, err
	}
	if e.lasting, err = conceptArrays[[2]int]("lasting", rf.Lasting, lines.Lasting, "a long-standing concept and an event told with its length", ids, bad); err != nil {
		return nil, err
	}
	if e.reportedApartClause, err = conceptArrays[[2]int]("reported_apart_clause", rf.ReportedApartClause, lines.ReportedApartClause, "a concept that stands a rule aside and a red flag of it", ids, bad); err != nil {
		return nil, err
	}
	if e.saidOf, err = conceptArrays[[3]int]("said_of", rf.SaidOf, lines.SaidOf, "a concept, its other subjects and its own", ids, bad); err != nil {
		return nil, err
	}
	if e.saidOfBack, err = conceptArrays[[5]int]("said_of_back", rf.SaidOfBack, lines.SaidOfBack,
		"a concept, its other subjects, its own, the pronouns that may stand for another and its own felt", ids, bad); err != nil {
		return nil, err
	}
	if e.future, err = optionalConcept("future_time", rf.FutureTime, lines.FutureTime, ids, bad); err != nil {
		return nil, err
	}
	if e.counted, err = countedNowConcepts(rf.CountedNow, lines.CountedNow, ids, bad); err != nil {
		return nil, err
	}
	if e.ageCounted, err = conceptsNamed("age_counted", rf.AgeCounted, lines.AgeCounted, ids, bad); err != nil {
		return nil, err
	}
	nowSaidWith, err := conceptArrays[[2]int]("now_said_with", rf.NowSaidWith, lines.NowSaidWith, "a time word and a concept it may be the time of", ids, bad)
	if err != nil {
		return nil, err
	}
	e.nowSaidWith = timesOf(nowSaidWith)
	undoneAfter, err := conceptArrays[[5]int]("undone_after", rf.UndoneAfter, lines.UndoneAfter,
		"a stand-aside, its relief, what undoes the relief, what makes the undoing a pattern and what it may be said of", ids, bad)
	if err != nil {
		return nil, err
	}
	if e.denialAfter, err = conceptArrays[[6]int]("denial_after", rf.DenialAfter, lines.DenialAfter,
		"a denial, the red flag it denies, what undoes the denial, the patient's subject words, another's and a contrast", ids, bad); err != nil {
		return nil, err
	}
	if len(undoneAfter) > 0 {
		// An undoing is read with the words around it (undoneNow, undoneOfOurs): without
		// them every undoing would be read as something else's, and undone_after would
		// silently undo nothing.
		for _, c := range []struct {
			name string
			to   *wordClass
		}{{"@undo_tail", &e.undoTail}, {"@undone_elsewhere", &e.undoneElsewhere}} {
			i := slices.IndexFunc(e.classes, func(w wordClass) bool { return w.name == c.name })
			if i < 0 {
				return nil, bad(lines.UndoneAfter.Line, "undone_after needs the word class %s (under word_classes)", strings.TrimPrefix(c.name, "@"))
			}
			*c.to = e.classes[i]
		}
	}

	seen := map[string]int{}
	for i, spec := range rf.Rules {
		line := 0
		if i < len(lines.Rules) {
			line = lines.Rules[i].Line
		}
		if first, dup := seen[spec.ID]; dup {
			return nil, bad(line, "rule id %q is used twice (first on line %d)", spec.ID, first)
		}
		seen[spec.ID] = line
		r, err := compileRule(spec, ids, line, bad)
		if err != nil {
			return nil, err
		}
		if len(r.all) == 0 && len(r.anyOf) == 0 && len(r.several) == 0 {
			return nil, bad(line, "rule %q names no concepts in all or any, so it would fire on every request", spec.ID)
		}
		if r.priority == Emergency {
			// A red flag asked about, told as a condition, or told of someone else or
			// of the past is no emergency now, whichever rule reads it: the scope stops
			// every emergency rule for the words it speaks for, not only the rules that
			// thought to list it.
			for _, c := range everyEmergency {
				if !slices.Contains(r.none, c) {
					r.none = append(r.none, c)
				}
			}
		}
		e.rules = append(e.rules, r)
	}
	for _, k := range []Kind{Clinical, Admin} {
		spec, ok := rf.Fallback[string(k)]
		if !ok {
			return nil, bad(lines.Fallback.Line, "the rules file needs a fallback for %s requests that no rule matches", k)
		}
		line := lines.Fallback.Line
		for i := 0; i+1 < len(lines.Fallback.Content); i += 2 {
			if lines.Fallback.Content[i].Value == string(k) {
				line = lines.Fallback.Content[i].Line
			}
		}
		if spec.ID == "" {
			spec.ID = "no-rule-" + string(k)
		}
		r, err := compileRule(spec, ids, line, bad)
		if err != nil {
			var re *RuleError
			if errors.As(err, &re) {
				re.Msg = strings.Replace(re.Msg, fmt.Sprintf("rule %q", spec.ID), fmt.Sprintf("fallback %q", k), 1)
			}
			return nil, err
		}
		e.fallback[k] = r
	}
	if err := e.compileFallbackTeams(rf.FallbackTeams, lines.FallbackTeams.Over.Line, lines.FallbackTeams.Teams, ids, seen, bad); err != nil {
		return nil, err
	}
	// A concept nothing reads costs every request its matching and says nothing; one left
	// behind when its rule went (round 15 left three) is refused, not carried silently.
	for _, name := range e.concepts {
		if !readOutside[name] && !isMask(ids[name]) {
			return nil, bad(conceptLine[name], "concept %q is read by no rule, mask, scope or list: remove it, or name it where it should be read", name)
		}
	}
	for _, t := range undoneAfter {
		u := reliefUndone{standAside: t[0], relief: t[1], undo: t[2], pattern: t[3], subject: t[4]}
		for _, r := range e.rules {
			if !slices.Contains(r.none, u.standAside) {
				continue
			}
			for _, x := range slices.Concat(r.all, r.anyOf, r.several) {
				if !slices.Contains(u.flags, x) {
					u.flags = append(u.flags, x)
				}
			}
		}
		e.undoneAfter = append(e.undoneAfter, u)
	}
	e.buildIndex()
	e.indexRules()
	return e, nil
}

func compileRule(spec ruleSpec, ids map[string]int, line int, bad func(int, string, ...any) error) (rule, error) {
	r := rule{id: spec.ID, says: sentence(spec.Says), line: line, minTemp: spec.Temp, minKetones: spec.Ketones, weak: spec.Weak}
	if strings.TrimSpace(spec.ID) == "" {
		return r, bad(line, "a rule needs an id")
	}
	if strings.TrimSpace(spec.Says) == "" {
		return r, bad(line, "rule %q needs a 'says': the reason staff will read", spec.ID)
	}
	var err error
	if r.priority, err = ParsePriority(spec.Priority); err != nil {
		return r, bad(line, "rule %q: %s", spec.ID, ErrorMessage(err))
	}
	if r.team, err = ParseTeam(spec.Team); err != nil {
		return r, bad(line, "rule %q: %s", spec.ID, ErrorMessage(err))
	}
	if r.signpost, err = ParseSignpost(spec.Signpost); err != nil {
		return r, bad(line, "rule %q: %s", spec.ID, ErrorMessage(err))
	}
	if r.priority == Emergency && r.signpost != Signpost999 {
		return r, bad(line, "rule %q: an emergency must be signposted to 999", spec.ID)
	}
	if spec.Kind != "" {
		if r.kind, err = ParseKind(spec.Kind); err != nil {
			return r, bad(line, "rule %q: %s", spec.ID, ErrorMessage(err))
		}
	}
	if spec.Sex != "" {
		if r.sex, err = ParseSex(spec.Sex); err != nil {
			return r, bad(line, "rule %q: %s", spec.ID, ErrorMessage(err))
		}
	}
	if r.minAge, r.maxAge, err = parseRange(spec.Age, 130); err != nil {
		return r, bad(line, "rule %q: age %v", spec.ID, err)
	}
	if r.minMonth, r.maxMo, err = parseRange(spec.Months, 24); err != nil {
		return r, bad(line, "rule %q: months %v", spec.ID, err)
	}
	if spec.Temp != 0 && (spec.Temp < 35 || spec.Temp > 43) {
		return r, bad(line, "rule %q: temp %.1f is not a body temperature in °C", spec.ID, spec.Temp)
	}
	lookup := func(names []string) ([]int, error) {
		var out []int
		for _, n := range names {
			id, ok := ids[n]
			if !ok {
				return nil, bad(line, "rule %q names concept %q, which the concepts section does not define", spec.ID, n)
			}
			out = append(out, id)
		}
		return out, nil
	}
	if len(spec.Asked) > 0 || len(spec.Denied) > 0 {
		return r, bad(line, "rule %q: asked and denied are read only by fallback_teams", spec.ID)
	}
	if r.all, err = lookup(spec.All); err != nil {
		return r, err
	}
	if r.anyOf, err = lookup(spec.Any); err != nil {
		return r, err
	}
	if r.none, err = lookup(spec.None); err != nil {
		return r, err
	}
	if r.noneInClause, err = lookup(spec.NoneInClause); err != nil {
		return r, err
	}
	if r.several, err = lookup(spec.Several); err != nil {
		return r, err
	}
	r.min = spec.Min
	switch {
	case len(r.several) == 0 && spec.Min != 0:
		return r, bad(line, "rule %q: min needs a list of concepts in several", spec.ID)
	case len(r.several) > 0 && (spec.Min < 2 || spec.Min > len(r.several)):
		return r, bad(line, "rule %q: min must be from 2 to the %d concepts in several, not %d (for one of them, use any)", spec.ID, len(r.several), spec.Min)
	}
	return r, nil
}

// compileFallbackTeams reads fallback_teams (fallbackTeamsSpec). Each id in over must
// be a fallback's or a catch-all (weak) rule's: a team reading after a rule that
// recognised the problem would overrule that rule's team. A team entry may set no
// priority and no signpost (it moves no request up or down), must name a team other
// than the GP's (the GP's is already the fallback's) and concepts to read.
func (e *Engine) compileFallbackTeams(spec fallbackTeamsSpec, overLine int, teamLines []yaml.Node, ids map[string]int, ruleLines map[string]int, bad func(int, string, ...any) error) error {
	if len(spec.Teams) == 0 {
		return nil
	}
	e.teamOver = map[string]bool{}
	for _, id := range spec.Over {
		ok := false
		for _, fb := range e.fallback {
			ok = ok || fb.id == id
		}
		for _, r := range e.rules {
			ok = ok || (r.id == id && r.weak)
		}
		if !ok {
			return bad(overLine, "fallback_teams: over names %q, which is neither a fallback nor a weak rule", id)
		}
		e.teamOver[id] = true
	}
	if len(e.teamOver) == 0 {
		return bad(overLine, "fallback_teams: teams need the fallbacks or weak rules they read over (over)")
	}
	for i, ts := range spec.Teams {
		line := 0
		if i < len(teamLines) {
			line = teamLines[i].Line
		}
		if first, dup := ruleLines[ts.ID]; dup {
			return bad(line, "rule id %q is used twice (first on line %d)", ts.ID, first)
		}
		ruleLines[ts.ID] = line
		if ts.Priority != "" || ts.Signpost != "" || ts.Weak || ts.Temp != 0 || ts.Ketones != 0 {
			return bad(line, "fallback_teams: %q sets a priority, signpost, weak, temp or ketones: a team reading may move a request between teams only", ts.ID)
		}
		ts.Priority, ts.Signpost = string(Routine), string(SignpostNone) // placeholders: never read
		asked, denied := ts.Asked, ts.Denied
		ts.Asked, ts.Denied = nil, nil
		r, err := compileRule(ts, ids, line, bad)
		if err != nil {
			return err
		}
		// verb says what the entry does with the concepts, for the error: "asks of", "denies".
		idsOf := func(verb string, names []string) ([]int, error) {
			var out []int
			for _, n := range names {
				id, ok := ids[n]
				if !ok {
					return nil, bad(line, "fallback_teams: %q %s concept %q, which the concepts section does not define", ts.ID, verb, n)
				}
				out = append(out, id)
			}
			return out, nil
		}
		if r.asked, err = idsOf("asks of", asked); err != nil {
			return err
		}
		if r.denied, err = idsOf("denies", denied); err != nil {
			return err
		}
		if r.team == TeamGP {
			return bad(line, "fallback_teams: %q names the GP team, which the fallbacks already give", ts.ID)
		}
		if len(r.all) == 0 && len(r.anyOf) == 0 && len(r.several) == 0 && len(r.asked) == 0 && len(r.denied) == 0 {
			return bad(line, "fallback_teams: %q names no concepts in all or any, so it would take every request", ts.ID)
		}
		e.teamRules = append(e.teamRules, r)
	}
	return nil
}

// parseRange reads "a-b", "a-", "-b" or "a"; -1 means no limit.
func parseRange(s string, max int) (int, int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return -1, -1, nil
	}
	lo, hi, isRange := strings.Cut(s, "-")
	if !isRange {
		hi = lo
	}
	num := func(v string) (int, error) {
		v = strings.TrimSpace(v)
		if v == "" {
			return -1, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > max {
			return 0, fmt.Errorf("%q is not a range like 16-64, 16- or -15 (0 to %d)", s, max)
		}
		return n, nil
	}
	a, err := num(lo)
	if err != nil {
		return 0, 0, err
	}
	b, err := num(hi)
	if err != nil {
		return 0, 0, err
	}
	if a >= 0 && b >= 0 && a > b {
		return 0, 0, fmt.Errorf("%q runs backwards", s)
	}
	return a, b, nil
}

// sentence makes a rule's "says" read as a clinical sentence on the desk: a capital
// first letter and a full stop, as a reviewer writes in a record ("Signs of a stroke:
// slurred or muddled speech.").
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

// conceptTuples reads key's lists of n concepts each (told_after's pairs, said_of's
// triples); a list of another length is refused on its own line, saying it is not what.
func conceptTuples(key string, lists [][]string, node yaml.Node, n int, what string, ids map[string]int, bad func(int, string, ...any) error) ([][]int, error) {
	var out [][]int
	for i, list := range lists {
		at := node
		if i < len(node.Content) {
			at = *node.Content[i]
		}
		if len(list) != n {
			return nil, bad(at.Line, "%s: %v is not %s", key, list, what)
		}
		cs, err := conceptsNamed(key, list, at, ids, bad)
		if err != nil {
			return nil, err
		}
		out = append(out, cs)
	}
	return out, nil
}

// conceptArrays reads key's tuples of concepts as conceptTuples does, each as the
// array of ids the engine keeps (its length is the tuple's: [2]int for told_after's
// pairs, [5]int for undone_after's fives).
func conceptArrays[A [2]int | [3]int | [5]int | [6]int](key string, lists [][]string, node yaml.Node, what string, ids map[string]int, bad func(int, string, ...any) error) ([]A, error) {
	var zero A
	tuples, err := conceptTuples(key, lists, node, len(zero), what, ids, bad)
	if err != nil {
		return nil, err
	}
	out := make([]A, 0, len(tuples))
	for _, cs := range tuples {
		out = append(out, A(cs))
	}
	return out, nil
}

// timesOf groups now_said_with's pairs by their time word, in the order each first
// appears, so a request reads each time word once with all its concepts.
func timesOf(pairs [][2]int) []timeOf {
	var out []timeOf
	for _, p := range pairs {
		i := slices.IndexFunc(out, func(t timeOf) bool { return t.time == p[0] })
		if i < 0 {
			out = append(out, timeOf{time: p[0]})
			i = len(out) - 1
		}
		out[i].of = append(out[i].of, p[1])
	}
	return out
}

// optionalConcept reads key's one concept name: its id, or -1 where the rules file
// names none (a practice's file may leave the reading out).
func optionalConcept(key, name string, node yaml.Node, ids map[string]int, bad func(int, string, ...any) error) (int, error) {
	if name == "" {
		return -1, nil
	}
	c, ok := ids[name]
	if !ok {
		return -1, bad(node.Line, "%s: %q is not a concept", key, name)
	}
	return c, nil
}

// countedNowSpec is the rules file's counted_now: the concepts keepCountedNow reads.
type countedNowSpec struct {
	Event  string   `yaml:"event"`  // an event told as counted ("two fits")
	Recent string   `yaml:"recent"` // a time of today ("since breakfast")
	Habit  string   `yaml:"habit"`  // a rate or a habit ("a month", "usually")
	Older  []string `yaml:"older"`  // times of the days before ("on Monday")
}

// countedNowConcepts reads counted_now into ids; without an event the reading is off
// (event -1), and with one every other field must be named, since a count read without
// its times would keep old fits as a cluster now.
func countedNowConcepts(spec countedNowSpec, node yaml.Node, ids map[string]int, bad func(int, string, ...any) error) (countedNow, error) {
	out := countedNow{event: -1, recent: -1, habit: -1}
	if spec.Event == "" && spec.Recent == "" && spec.Habit == "" && len(spec.Older) == 0 {
		return out, nil
	}
	if spec.Event == "" || spec.Recent == "" || spec.Habit == "" || len(spec.Older) == 0 {
		return out, bad(node.Line, "counted_now needs event, recent, habit and older, each naming concepts")
	}
	at := yaml.Node{Line: node.Line} // the mapping's line: its content alternates keys and values
	var err error
	for _, f := range []struct {
		name string
		to   *int
	}{{spec.Event, &out.event}, {spec.Recent, &out.recent}, {spec.Habit, &out.habit}} {
		if *f.to, err = optionalConcept("counted_now", f.name, at, ids, bad); err != nil {
			return out, err
		}
	}
	out.older, err = conceptsNamed("counted_now", spec.Older, at, ids, bad)
	return out, err
}

// conceptsNamed turns a rules-file list of concept names (clause_scoped, person_facts)
// into their ids, refusing an unknown name with the line it is on, so that a practice
// editing its rules file is told where its mistake is.
func conceptsNamed(key string, names []string, node yaml.Node, ids map[string]int, bad func(int, string, ...any) error) ([]int, error) {
	out := make([]int, 0, len(names))
	for i, name := range names {
		c, ok := ids[name]
		if !ok {
			line := node.Line
			if i < len(node.Content) {
				line = node.Content[i].Line
			}
			return nil, bad(line, "%s: %q is not a concept", key, name)
		}
		out = append(out, c)
	}
	return out, nil
}

// conceptFlags marks, by concept id, the n concepts' members of cs; nil when cs is
// empty, so that a rules file without the list costs the engine nothing.
func conceptFlags(n int, cs []int) []bool {
	if len(cs) == 0 {
		return nil
	}
	f := make([]bool, n)
	for _, c := range cs {
		f[c] = true
	}
	return f
}

// groupPhrase is the first of phrases that is a group ("a & b": its parts said anywhere in
// one sentence), or "" when none is.
func groupPhrase(phrases []string) string {
	for _, p := range phrases {
		if strings.Contains(p, "&") {
			return p
		}
	}
	return ""
}

// namesOutside collects every name the rules file gives anywhere but in the concepts
// section and the masks section: in a rule, a scope list or any other key that reads a
// concept. A concept not among them is read only as a mask, or not at all.
func namesOutside(root *yaml.Node) map[string]bool {
	names := map[string]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			names[n.Value] = true
			return
		}
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 0 {
				continue // a key names a field, not a concept read
			}
			walk(c)
		}
	}
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		switch doc.Content[i].Value {
		case "concepts", "masks":
			continue
		}
		walk(doc.Content[i+1])
	}
	return names
}
