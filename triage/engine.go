package triage

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Engine suggests a priority, a team and any signposting for a request, and says why.
// It is built from a rules file (see assets/rules.yaml): the clinical knowledge is
// data a practice can read and replace, and this code only matches it against what
// the patient wrote. An Engine does not change after it is built, so one can serve
// every goroutine.
type Engine struct {
	version   string
	source    string
	spellings map[string]string
	rephrase  map[string][]rephrasing // ways of saying a thing read as other words, by first word
	cues      map[string]bool         // words that negate what follows them in a clause
	after     map[string]bool         // words that negate what comes just before them ("peeing normally")
	pseudo    [][]string              // phrases that start with a cue but negate nothing
	pseudoPat []phrase                // pseudo, compiled
	concepts  []string                // concept names by id
	conceptID map[string]int          // concept ids by name
	byFirst   map[string][]phrase     // phrases indexed by their first word
	byPrefix  map[string][]phrase     // phrases whose first word is a prefix (word*), by its first three letters
	vocab     vocab                   // ids of the words the rules name (engine_index.go)
	phrases   phraseIndex             // byFirst and byPrefix by those ids, long lists split by second word
	together  []together              // concepts said as words anywhere in one sentence ("chest & tight*")
	groupIx   groupIndex              // which together groups a text's words allow
	rules     []rule
	fallback  map[Kind]rule
	// teamRules read which team a request belongs to where only a fallback or a
	// catch-all rule in teamOver recognised it (rules file: fallback_teams).
	teamRules []rule
	teamOver  map[string]bool
	breakers  map[string]bool // words that end a clause, as full stops do
	classes   []wordClass     // word classes ("@medicine") that phrases may name
	opinion   *SecondOpinion  // the model that may raise a suggestion; nil for rules alone
	// maskedBy lists, for a concept, the concepts whose phrases hide it where they
	// overlap: "coil fitted" is not a fit, "temp is fine" is not a fever.
	maskedBy [][]int
	masker   []bool // concepts whose phrases are masks, by id
	// statementMask marks, by id, the masks that hide nothing in a sentence asked as a
	// question (statement_masks): "confused as usual?" asks whether the usual holds, and
	// the answer may be no ("Confused as usual? No, much more").
	statementMask []bool
	// standAside lists, by mask id, the concepts that make the mask hide nothing when
	// said in its sentence or the one before or after (stand_aside_near): "took the rest
	// of the week off. all of it. sorry." tells a supply, whatever closes the span.
	standAside [][]int
	// scoped are the concepts that stop a rule only for the clauses they speak for
	// (clause_scoped: "last year" puts its own clause in the past, not the request).
	scoped []int
	// forward marks, by id, the scoped concepts that speak only for the words after
	// them in their clause (forward_scoped: "call 999 if she is floppy", "a letter
	// about my overdose"), present tense or not, and not for what comes before them.
	forward []bool
	// condition marks, by id, the forward-scoped concepts that are conditions
	// ("conditions": "if", "in case"): a report after one in its sentence says it came
	// true, and then it scopes nothing.
	condition []bool
	// told marks, by id, the forward-scoped concepts that tell what a document says
	// (document_scoped: "the letter says he had a fit"): they speak for the rest of
	// their clause whatever its verbs, up to a time of now or a new report joined on.
	told []bool
	// sentenceWide marks, by id, the scoped concepts that speak for their whole sentence
	// (sentence_scoped: "I can't breathe for a few minutes, then it settles" tells of a
	// panic that passes across a comma), and for no other sentence: a panic said to settle
	// cannot stop a rule for "Right now I can't breathe" in the next one.
	sentenceWide []bool
	// askedOnly is the ids of the scoped concepts that speak only in a sentence ending
	// with a question mark (questions_only): "can this tablet cause chest pain?" asks,
	// while "can warfarin cause vomiting blood i been vomiting blood all morning" tells.
	askedOnly []int
	// fact marks, by id, the concepts that are facts about the person (person_facts:
	// pregnant, on insulin): true now whenever they began, so never put in the past.
	fact []bool
	// backward marks, by id, the scoped concepts that say a red flag told before them
	// has resolved (resolved_since: "it went off on its own", "came round straight
	// away"): they speak for the past-tense clauses just before them, not their own.
	backward []bool
	// olderTime are the concepts that tell a time a day or more ago (resolved_after):
	// a resolution speaks only for a red flag told with one. What happened this
	// morning and stopped may still be an emergency now.
	olderTime []int
	// readThrough are the clause-scoped past times read for the red flag going on
	// (past_read_through, pastScope.goesOn): a comparison, an onset, a present clause around
	// them or a report after them that it goes on, and they speak for nothing.
	readThrough []int
	// sharesCue are the concepts (rules file: shares_cue) whose phrases tell a denial
	// with its negating word ("no trouble breathing") and leave that word to deny what
	// follows as well: "not short of breath at rest" is still breath denied.
	sharesCue []int
	// emergencyWord marks, by id, the concepts an emergency rule reads: said after a
	// resolution, one says the red flag is back, and the resolution speaks for nothing.
	emergencyWord []bool
	// qualifiers are the concepts (rules file: qualifiers) an emergency rule reads that
	// are no emergency word: a time in minutes or a side of the body says nothing alone.
	qualifiers []int
	// toldAfter pairs, by id, a concept with the one it must be told after to mean what
	// its rule reads (rules file: told_after).
	toldAfter [][2]int
	// reportedApart pairs, by id, a condition asked in advance with a red flag it names
	// (rules file: reported_apart): the red flag told as a report in a sentence apart
	// from the condition drops the condition (dropReportedApart).
	reportedApart [][2]int
	// reportedApartClause pairs, by id, a concept that stands a rule aside with a red flag
	// of that rule (rules file: reported_apart_clause): as reportedApart, by clause.
	reportedApartClause [][2]int
	// lasting pairs, by id, a long-standing concept with an event told with its length
	// (rules file: lasting): the first's words inside the second's, told as a report,
	// tell how long the event went on and are dropped (dropLasting).
	lasting [][2]int
	// saidOf holds, by id, a concept told of a subject, the subjects that take it from
	// its rule and the subjects that keep it (rules file: said_of).
	saidOf [][3]int
	// saidOfBack holds, by id, a concept, its other subjects, its own, the pronouns that
	// may stand for another and the words of its own felt that claim a pronoun (rules
	// file: said_of_back): said of another subject before it, in its clause or by a
	// pronoun, the concept is dropped (dropSaidOfBack).
	saidOfBack [][5]int
	// future is the id of the concept of a time to come (rules file: future_time), or -1.
	future int
	// counted holds, by id, the concepts keepCountedNow reads (rules file: counted_now);
	// counted.event is -1 where the rules file names none.
	counted countedNow
	// ageCounted are the concepts read with a count of ten or more beside their words
	// (rules file: age_counted), whose count may be the patient's age.
	ageCounted []int
	// nowSaidWith holds, by id, each time word of the rules file's now_said_with with the
	// concepts it may be the time of, in the file's order: said in a sentence apart from
	// every one of them, the time word counts only where that sentence does not tell the
	// patient well (keepNowSaidWith).
	nowSaidWith []timeOf
	// undoneAfter holds, by id, the rules file's undone_after: a stand-aside, the relief
	// it tells, the words that undo the relief said after it in its sentence ("it calmed
	// down then came back"), the words that make that undoing a pattern, not this time
	// ("comes back every few weeks"), and what an undoing may be said of ("it", "they").
	// A relief undone is no relief: the stand-aside speaks for nothing in that sentence
	// (keepReliefNotUndone).
	undoneAfter []reliefUndone
	// denialAfter holds, by id, the rules file's denial_after: a denial of a red flag's
	// severity ("can talk in full sentences"), the red flag it denies, the words that undo
	// the denial said after it ("but only a few words", "an hour ago"), and the words that
	// name the patient and another as a subject ("I", "my" and "he", "my husband"). A
	// denial counts only told after its red flag, of the same person, now (keepDenialAfter).
	denialAfter [][6]int
	// undoTail and undoneElsewhere are the word classes @undo_tail and @undone_elsewhere
	// that undone_after reads around an undoing (undoneNow, undoneOfOurs); a rules file
	// with no undone_after needs neither.
	undoTail, undoneElsewhere wordClass
	// nets are the words that tell a safety net given from a report (safety_nets).
	nets safetyNetWords
	// ruleBy lists, by concept, the rules that cannot fire without it: a rule's
	// first concept of all, or else each of its any or several (engine_scratch.go).
	ruleBy [][]int32
}

// WithSecondOpinion returns a copy of the engine that lets m raise its suggestions
// (never lower them); nil gives the rules alone.
func (e *Engine) WithSecondOpinion(m *SecondOpinion) *Engine {
	c := *e
	c.opinion = m
	return &c
}

// SecondOpinion returns the model that may raise the engine's suggestions, or nil.
func (e *Engine) SecondOpinion() *SecondOpinion { return e.opinion }

// phrase is one way of saying a concept, as normalised words; a word ending in * is a
// prefix ("vomit*" matches vomiting, vomited) and "?" stands for any one word.
type phrase struct {
	concept int
	words   []string
	pats    []pword // words, compiled (buildIndex)
	// inClause keeps the phrase inside one clause. A mask's phrase must: "temp, ok to
	// give her calpol?" says nothing about a normal temperature, and a mask that ran
	// over the comma would hide the fever.
	inClause bool
	// atEnd, written as a last word "$" in the rules file, matches the phrase only
	// where its clause ends with it: "took the rest of the week off." tells time taken
	// off, while "took the rest of the week off a blister strip" tells tablets taken
	// off their strip, and no list of what may follow "off" can name every strip.
	atEnd bool
	// openDenied, set for a concept of clause_phrases, are the negating words an open
	// word ("?") of the phrase may not be: "my lips not swollen" is no "@lipword ?
	// @swellword", since a negating word inside a phrase denies nothing before it.
	openDenied map[string]bool
}

// rule is a compiled rule of the rules file.
type rule struct {
	id, says   string
	line       int
	priority   Priority
	team       Team
	signpost   Signpost
	all, anyOf []int // concepts: every one of all, and one of anyOf, must be present
	none       []int // concepts that stop the rule when present
	// noneInClause are concepts that stop the rule only for its words said in the
	// clause they are said in (rules file: none_in_clause).
	noneInClause    []int
	several         []int // concepts of which at least min must be present
	min             int
	kind            Kind
	sex             Sex
	minAge, maxAge  int // years, inclusive; -1 for no limit
	minMonth, maxMo int // age in months, inclusive; -1 for no limit
	minTemp         float64
	minKetones      float64 // a blood ketone reading, when given, must be at least this
	weak            bool    // a catch-all: it counts only when no specific rule fires
	asked           []int   // fallback_teams: concepts that must be said in a question
	denied          []int   // fallback_teams: concepts that must be said and denied
}

// Version is the rules file's version, shown to staff beside every suggestion so a
// decision can be traced to the rules in force.
func (e *Engine) Version() string { return e.version }

// Source names where the rules came from: the built-in file or a practice's own.
func (e *Engine) Source() string { return e.source }

// feverC is the temperature that counts as a fever when the text gives a number.
const feverC = 37.8

// normalC is the lowest temperature read as normal: from it up to feverC, a measured
// temperature says there is no fever. Below it a low temperature may be a sign of
// sepsis in an older person, so the word "temperature" keeps counting as a fever.
const normalC = 36.0

// bareTemperature are the words that only name a temperature, without saying it is high.
var bareTemperature = map[string]bool{"temp": true, "temps": true, "temperature": true, "temperatures": true}

// feverMedicine names what brings a temperature down: after it, a normal reading does not
// mean there was no fever.
var feverMedicine = map[string]bool{"calpol": true, "paracetamol": true, "ibuprofen": true, "nurofen": true,
	"calprofen": true, "medised": true, "panadol": true}

// namesFeverMedicine reports whether the text names a medicine that lowers a temperature.
func namesFeverMedicine(toks []token) bool {
	for _, t := range toks {
		if feverMedicine[t.norm] {
			return true
		}
	}
	return false
}

// match is one phrase found in the text, over tokens [from, to).
type match struct {
	concept  int
	from, to int
	// groupFrom and groupTo are, for a part of a group said together in a sentence
	// ("chest & tight*"), the words from the group's first part to its last; both 0
	// for a phrase said as one.
	groupFrom, groupTo int
}

// Classify suggests a priority, team and signpost for one request. The most urgent
// rule that fires decides; rules of equal urgency that name different teams give the
// GP team, as LABELS.md asks. When nothing fires, a clinical request is "soon" for the
// GP team (a new problem needs assessing) and an admin one is routine for admin.
func (e *Engine) Classify(in Input) Suggestion {
	in.Sex, in.Kind = canonicalSex(in.Sex), canonicalKind(in.Kind)
	sc := e.getScratch()
	defer putScratch(sc) // the analysis lives in sc: it must not outlive this call
	s, a := e.classifyRules(in, sc)
	if e.opinion != nil && s.Priority != Emergency {
		var marks func(string) []string
		if e.opinion.ScopeMarks != 0 {
			marks = func(text string) []string {
				if text == in.Text {
					return e.scopeMarks(a, e.opinion.ScopeMarks)
				}
				rest := in
				rest.Text = text
				return e.ScopeMarksOf(rest, e.opinion.ScopeMarks)
			}
		}
		e.opinion.raise(in, &s, func(p Priority) (ruling, string, bool) { return e.evidence(in, a, p) }, marks)
	}
	return s
}

// analysis is what the rules read in a request: the concepts present and the facts.
type analysis struct {
	f       features
	present [][]match
	// denied holds the concepts present together with those the patient negated ("didn't
	// lose consciousness"), so the second opinion can tell a red flag denied from one
	// never mentioned.
	denied [][]match
	past   *pastScope // the clauses a past-time phrase speaks for; nil when none is said
	toks   []token    // the words read, for the text without the sentences a ruling rests on
	// netAdvice marks, by token, the safety nets the rules read as not reached or only
	// asked about ("They said 999 if the chest pain came back"): out of the 999
	// evidence (netAdviceNotReached).
	netAdvice []bool
}

// ruledOut reports whether a rule giving priority p found its words in the request but
// was stopped by the patient's age, sex, a baby's months or a temperature: facts the
// second opinion, which reads only the words, cannot weigh. "Burning when I wee" is
// same-day in a man and Pharmacy First in a woman of 30; a baby's 37.5 is not 38.
//
// It is also ruled out when the patient denied the very sign that would make a rule
// give p: the rule holds only if the negated words count ("bumped his head, didn't
// lose consciousness"). The model reads words, not their negation, and such a raise is
// the alarm the patient's own words answer. Rules that count several signs together
// (sepsis, a suicide plan) are left out of this: one sign denied does not deny the rest.
//
// It says which: facts ruling out a priority stop the second opinion altogether (the
// rules read the words and weighed what the model cannot), while words denied or put
// in the past rule out only that priority, and a less urgent head may still raise.
func (e *Engine) ruledOut(in Input, a analysis, p Priority) (ruling, []bool) {
	out := allowed
	var drop []bool // by sentence: where the words of a rule ruled out by words are said
	// a.past as its own clauses alone, and with every word in the present: the same
	// for every rule, so made once, when the first rule needs them.
	var own, cleared *pastScope
	for i := range e.rules {
		r := &e.rules[i]
		if r.priority != p || r.weak {
			continue
		}
		if r.conceptsHold(a.toks, a.denied, a.past) && !r.factsHold(in, a.f) && !r.onlyAgeRulesOut(in, a.f) {
			// Said or denied, the words meet a rule the facts rule out: "temperature of
			// 37.5" in a baby of 8 weeks, read as no fever, is not raised to 38.
			return ruledOutByFacts, nil
		}
		if len(r.several) == 0 && !r.conceptsHold(a.toks, a.present, a.past) && r.conceptsHold(a.toks, a.denied, a.past) && r.factsHold(in, a.f) {
			out = ruledOutByWords
			drop = a.sentencesOf(r, drop)
		}
		if a.past == nil {
			continue
		}
		if own == nil {
			own, cleared = a.past.own(a.present, e.scoped), a.past.cleared()
		}
		if !r.conceptsHold(a.toks, a.present, own) && r.conceptsHold(a.toks, a.present, cleared) && r.factsHold(in, a.f) {
			// The words are there but the patient put them in the past or asked about
			// them in the same clause ("what are the signs of sepsis?", "I collapsed in
			// 2021"): the model, which reads no time, may not raise them back. A time
			// said alone in the clause beside them ("Last week, I think I have sepsis")
			// is the rules' weakest reading of the past; there the model may raise.
			out = ruledOutByWords
			drop = a.sentencesOf(r, drop)
		}
	}
	return out, drop
}

// evidence is the rules' ruling on a raise to p and the words the second opinion may
// raise on: the whole text (trimmed false), or the text without the sentences whose
// denied or past red flags ruled the raise out and, for a raise to 999, without the
// clauses the rules' clause-scoped concepts speak for (a past episode, a question about
// a red flag, and any scope the rules file adds) and without the advice of a safety net
// the rules read as not reached or only asked about ("They said 999 if the chest pain
// came back. It's gone away again now"): a 999 call must rest on words about the
// patient now, not on "what are the signs of a stroke?", "back in 2019 I collapsed" or
// a clinician's "999 if". The model's score carries no scope, so the rest is read
// again on its own.
func (e *Engine) evidence(in Input, a analysis, p Priority) (r ruling, rest string, trimmed bool) {
	r, drop := e.ruledOut(in, a, p)
	switch {
	case r == ruledOutByFacts:
		return r, "", false
	case p == Emergency && (a.past != nil || a.netAdvice != nil):
		return r, a.kept(in.Text, func(k int) bool {
			return !dropped(drop, a.toks[k].sentence) && (a.past == nil || !a.past.any(k)) && !(k < len(a.netAdvice) && a.netAdvice[k])
		}), true
	case r == ruledOutByWords:
		return r, a.without(in.Text, drop), true
	}
	return r, "", false
}

// dropped reports whether sentence k is marked in drop.
func dropped(drop []bool, k int) bool { return k < len(drop) && drop[k] }

// sentencesOf marks in drop (by sentence, grown as needed) every sentence in which a
// concept of r is denied or put in the past: the words that ruled the raise out.
func (a analysis) sentencesOf(r *rule, drop []bool) []bool {
	for _, list := range [][]int{r.all, r.anyOf, r.several} {
		for _, c := range list {
			for _, m := range a.denied[c] {
				if !a.deniedOrPast(c, m) {
					continue
				}
				k := a.toks[m.from].sentence
				for len(drop) <= k {
					drop = append(drop, false)
				}
				drop[k] = true
			}
		}
	}
	return drop
}

// deniedOrPast reports whether match m of concept c was negated or masked (it is not
// among the concepts present) or said in the past or in a question.
func (a analysis) deniedOrPast(c int, m match) bool {
	present := false
	for _, p := range a.present[c] {
		if p == m {
			present = true
			break
		}
	}
	if !present {
		return true
	}
	return a.past != nil && a.past.any(m.from)
}

// without is the text with the sentences marked in drop left out, or "" when nothing
// is left. A denial or a past event in one sentence ("no chest pain. …", "I had sepsis
// in 2020. …") rules out a raise for what it says, not for an emergency the rules
// missed in another sentence: the second opinion reads the rest on its own.
func (a analysis) without(text string, drop []bool) string {
	return a.kept(text, func(k int) bool { return !dropped(drop, a.toks[k].sentence) })
}

// kept is the text of the words keep keeps, each run of them as the patient wrote it
// and the runs joined as sentences, or "" when none is kept.
func (a analysis) kept(text string, keep func(k int) bool) string {
	var b strings.Builder
	for i := 0; i < len(a.toks); {
		j := i
		for j < len(a.toks) && keep(j) == keep(i) {
			j++
		}
		if keep(i) {
			if b.Len() > 0 {
				b.WriteString(". ")
			}
			b.WriteString(text[a.toks[i].start:a.toks[j-1].end])
		}
		i = j
	}
	return b.String()
}

// ruling is what the rules say of a raise the second opinion would make.
type ruling int

const (
	allowed         ruling = iota
	ruledOutByWords        // the patient denied the red flag or put it in the past: this priority only
	ruledOutByFacts        // the patient's age, sex, a baby's months or a temperature: no raise at all
)

// classifyRules is the rules' suggestion alone, and what they read. The analysis is
// kept in sc, so it is good only until sc is given back.
func (e *Engine) classifyRules(in Input, sc *scratch) (Suggestion, analysis) {
	s, a, joins := e.classifyOnce(in, sc)
	if s.Priority == Emergency || len(joins) == 0 {
		return s, a
	}
	// A question answered by reference in the next sentence (joined.go): read the pair
	// as one sentence, and raise to what that reading finds only when it is an
	// emergency. The analysis stays the first reading's: the callers read it only
	// below an emergency.
	j := in
	j.Text = joined(in.Text, joins)
	sc2 := e.getScratch()
	defer putScratch(sc2)
	if js, _, _ := e.classifyOnce(j, sc2); js.Priority == Emergency {
		return js, a
	}
	return s, a
}

// classifyOnce is classifyRules' reading of in as written, with the offsets of the
// sentence marks between a question and its answer by reference (answeredJoins).
func (e *Engine) classifyOnce(in Input, sc *scratch) (Suggestion, analysis, []int) {
	toks := rephrase(tokenize(in.Text, e.spellings, e.breakers, e.classes), e.rephrase)
	e.lookUp(toks)
	all := e.findPhrases(toks)
	joins := e.answeredJoins(in.Text, toks, all)
	masks := e.liveMasks(toks, all)
	found, hidden := e.masked(all, masks)
	present := sc.present
	negated := make([]bool, len(found))
	for i, m := range found {
		negated[i] = e.negated(toks, found, m)
	}
	denied := sc.denied
	var negatedSaid []int // the concepts said negated at least once (fallback_teams' denied)
	for i, m := range found {
		if !negated[i] && !insideNegated(found, negated, m) {
			present[m.concept] = append(present[m.concept], m)
		} else {
			negatedSaid = append(negatedSaid, m.concept)
		}
		denied[m.concept] = append(denied[m.concept], m)
	}
	for _, m := range hidden {
		// Words read another way ("coil fitted", "pain down one side of my face") are,
		// for the second opinion, as good as denied: they are not the red flag.
		denied[m.concept] = append(denied[m.concept], m)
	}
	for _, m := range e.findTogether(toks, found, masks, sc) {
		present[m.concept] = append(present[m.concept], m)
	}
	temp, at := temperature(toks)
	if fever, ok := e.conceptID["fever"]; ok && temp >= feverC && !slices.ContainsFunc(present[fever], func(m match) bool { return m.from <= at && at < m.to }) {
		// "she is 38.6" says fever as plainly as the word does, and where it says it: a
		// word for fever said only in a question ("what temperature is too high? she is
		// 38.4") must not be the only fever the rules see.
		present[fever] = append(present[fever], match{concept: fever, from: at, to: at + 1})
	} else if ok && temp >= normalC && temp < feverC && in.Age >= 1 && !namesFeverMedicine(toks) {
		// "temp 37.4" names a temperature that was taken and is normal: the bare word
		// is no fever. Words that describe one ("burning up", "shivery") still count.
		// Not for a baby, nor after paracetamol or ibuprofen: "had a temperature all
		// night, gave calpol and it's 37.6 now" is a fever brought down, and a parent's
		// report of a fever in a baby under 3 months counts.
		present[fever] = slices.DeleteFunc(present[fever], func(m match) bool {
			return m.to-m.from == 1 && m.from >= 0 && bareTemperature[toks[m.from].norm]
		})
	}
	if fever, ok := e.conceptID["fever"]; ok && temp >= normalC && temp < feverC && len(present[fever]) > 0 && namesFeverMedicine(toks) {
		// "temperature all night, 37.6 after calpol": the reading measures the medicine,
		// not the fever the parent reports, so it rules out no rule's threshold (a baby
		// under 3 months with a fever is an emergency, LABELS.md).
		temp = 0
	}
	e.addOxygenReadings(in.Text, in.Age, toks, present)
	e.addPulseReadings(in.Age, toks, present)
	f := features{age: in.Age, months: monthsFromText(toks, in.Age), temp: temp}
	f.ketones, f.ketoneSaid = ketoneReading(toks)
	e.applyFacts(in.Answers, &f, present)
	for c := range present {
		if len(denied[c]) == 0 {
			denied[c] = present[c]
		}
	}
	for _, c := range e.askedOnly {
		// Not asked, such a concept says nothing: it neither scopes nor stops a rule.
		// Nor does a question answered by a report after it of words an emergency rule
		// reads: "can the implant cause an ectopic? I have severe one sided pain and
		// feel faint" asks about what is happening.
		present[c] = slices.DeleteFunc(present[c], func(m match) bool {
			return m.from < 0 || !toks[m.from].asked || e.emergencyWordAfter(toks, present, toks[m.from].sentence)
		})
	}
	e.keepCountedNow(toks, present)
	e.keepToldAfter(toks, present)
	e.keepNowSaidWith(toks, present)
	e.dropSaidOfOther(toks, present)
	e.dropSaidOfBack(toks, present, denied)
	e.keepDenialAfter(in.Text, toks, present, denied)
	e.keepReliefNotUndone(toks, present, denied)
	e.dropAgeCounts(toks, present, in.Age)
	past := e.pastScopeOf(toks, present)
	everyNet, nets := e.safetyNets(toks)
	if len(nets) > 0 {
		past = e.addSafetyNets(toks, present, past, e.standing(in, f, present, past, toks, nets))
	}
	e.dropLasting(in.Text, toks, present, past)
	e.dropReportedApart(in.Text, toks, present, past)
	forward := e.forwardNets(toks) // read once: both below need them
	e.addReached(in.Text, toks, present, everyNet, forward)
	advice := e.netAdviceNotReached(toks, present, everyNet, forward)

	var fired []*rule
	maybe := e.rulesToTry(present, sc)
	for i := range e.rules {
		if !maybe[i] {
			continue // none of the concepts it needs is in the text
		}
		if r := &e.rules[i]; r.fires(in, f, toks, present, past) {
			fired = append(fired, r)
		}
	}
	for _, q := range in.Answers.YesTo() {
		fired = append(fired, answerRule(q))
	}
	if slices.ContainsFunc(fired, func(r *rule) bool { return !r.weak }) {
		fired = slices.DeleteFunc(fired, func(r *rule) bool { return r.weak })
	}
	if len(fired) == 0 {
		kind := in.Kind
		if kind != Admin {
			kind = Clinical
		}
		fb := e.fallback[kind]
		s := Suggestion{Priority: fb.priority, Team: fb.team, Signpost: fb.signpost,
			Reasons: []Reason{{Rule: fb.id, Says: fb.says}}}
		e.teamOfFallback(in, f, present, negatedSaid, past, toks, &s)
		return s, analysis{f, present, denied, past, toks, advice}, joins
	}
	slices.SortStableFunc(fired, func(a, b *rule) int { return a.priority.Rank() - b.priority.Rank() })
	best := fired[0].priority
	s := Suggestion{Priority: best, Team: fired[0].team, Signpost: fired[0].signpost}
	for _, r := range fired {
		if r.priority != best {
			break
		}
		if r.team != s.Team {
			s.Team = TeamGP // problems of equal urgency for different teams go to the GP
		}
		if r.signpost != s.Signpost {
			s.Signpost = SignpostNone // two places to send them: a person should decide
		}
	}
	if best == Emergency {
		s.Team, s.Signpost = TeamGP, Signpost999
	}
	if s.Signpost != SignpostNone {
		s.Team = TeamGP // the GP team's reviewer closes what is signposted
	}
	for _, r := range fired {
		if r.priority != best {
			break // less urgent rules decided nothing; the reviewer sees why this priority
		}
		s.Reasons = append(s.Reasons, r.reason(in.Text, toks, present))
	}
	e.teamOfFallback(in, f, present, negatedSaid, past, toks, &s)
	return s, analysis{f, present, denied, past, toks, advice}, joins
}

// askedHold reports whether each of the rule's asked concepts is said in a sentence
// asked as a question: "do I still need the omeprazole?" asks of the medicine, where
// "paracetamol helped" tells what was tried for a problem.
func (r *rule) askedHold(toks []token, present [][]match) bool {
	for _, c := range r.asked {
		if !slices.ContainsFunc(present[c], func(m match) bool { return m.from >= 0 && toks[m.from].asked }) {
			return false
		}
	}
	return true
}

// deniedHold reports whether one of the rule's denied concepts is said negated
// (negatedSaid) and none of them is present: "no thoughts of harming myself" rules a
// risk out and so tells of the patient's mood, where the same words said plainly are
// a risk for the rules to read.
func (r *rule) deniedHold(present [][]match, negatedSaid []int) bool {
	if len(r.denied) == 0 {
		return true
	}
	said := false
	for _, c := range r.denied {
		if len(present[c]) > 0 {
			return false
		}
		said = said || slices.Contains(negatedSaid, c)
	}
	return said
}

// teamOfFallback reads which team a request belongs to where no rule that names a team
// recognised it: every reason is a fallback's or a catch-all rule's of fallback_teams'
// over ("a clinical problem no rule recognised" goes to the GP). The first team reading
// that holds gives the team, and its reason is added after theirs so staff see why.
// Priority and signpost are left as they are: a team reading moves a request between
// queues, never up or down one; a signposted request stays the GP's, whose reviewer
// closes it, and so does an emergency.
func (e *Engine) teamOfFallback(in Input, f features, present [][]match, negatedSaid []int, past *pastScope, toks []token, s *Suggestion) {
	if len(e.teamRules) == 0 || s.Priority == Emergency || s.Signpost != SignpostNone || len(s.Reasons) == 0 {
		return
	}
	for _, r := range s.Reasons {
		if !e.teamOver[r.Rule] {
			return
		}
	}
	for i := range e.teamRules {
		if r := &e.teamRules[i]; r.fires(in, f, toks, present, past) && r.askedHold(toks, present) && r.deniedHold(present, negatedSaid) {
			s.Team = r.team
			s.Reasons = append(s.Reasons, r.reason(in.Text, toks, present))
			return
		}
	}
}

// emergencyWordAfter reports whether a word an emergency rule reads is present in a
// sentence after sentence k. A time ("on Monday", resolved_after) and a scope are no
// report of a red flag, nor is a time to come (future_time): "can lamotrigine cause
// seizures? I start it next week" tells when the medicine starts, not a fit now.
func (e *Engine) emergencyWordAfter(toks []token, present [][]match, k int) bool {
	skip := func(c int) bool {
		return slices.Contains(e.olderTime, c) || c == e.future
	}
	return e.emergencyWordWhere(present, skip, func(m match) bool {
		return m.from >= 0 && toks[m.from].sentence > k
	})
}

// emergencyWordWhere reports whether a concept an emergency rule reads, other than a
// clause-scoped one and those skip names (nil: none), is matched where at says. It is
// the one walk behind emergencyWordAfter and emergencyWordFrom.
func (e *Engine) emergencyWordWhere(present [][]match, skip func(c int) bool, at func(m match) bool) bool {
	for c, ms := range present {
		if c >= len(e.emergencyWord) || !e.emergencyWord[c] || slices.Contains(e.scoped, c) || (skip != nil && skip(c)) {
			continue
		}
		if slices.ContainsFunc(ms, at) {
			return true
		}
	}
	return false
}

// countedNow names, by id, the concepts keepCountedNow reads (rules file: counted_now):
// events told as counted ("two fits", "another seizure"), the times of today that make
// such a count a cluster now ("since breakfast", "at 10"), those that make it a rate or
// a habit ("a month", "usually", "over the years"), which no hour of today undoes, and
// the times that put a sentence in the days before ("on Monday", "last year").
type countedNow struct {
	event, recent, habit int
	older                []int
}

// keepCountedNow keeps a counted event (fits_counted) only in a sentence that also
// tells a time of today, and only where its own clause tells no older time without
// one of today: "2 fits today, my lamotrigine is out of stock", "ran out on Friday and
// I've had 2 fits today" and "a fit at 8am and another at 11am, the tablets ran out 2
// days ago" are clusters now, while "two seizures a few weeks ago,
// can I collect it today" counts fits of weeks ago and asks for something today. The
// times are read in the count's own sentence and clause, never anywhere in the
// message, so a "today" said of a prescription cannot make old fits new.
func (e *Engine) keepCountedNow(toks []token, present [][]match) {
	c := e.counted.event
	if c < 0 || len(present[c]) == 0 {
		return
	}
	said := func(id int, where func(t token) bool) bool {
		return slices.ContainsFunc(present[id], func(m match) bool {
			return m.from >= 0 && where(toks[m.from])
		})
	}
	present[c] = slices.DeleteFunc(present[c], func(m match) bool {
		if m.from < 0 {
			return false
		}
		at := toks[m.from]
		if !said(e.counted.recent, func(t token) bool { return t.sentence == at.sentence }) {
			return true
		}
		inClause := func(t token) bool { return t.sentence == at.sentence && t.clause == at.clause }
		if said(e.counted.habit, inClause) {
			return true // "2 seizures a month at about 3am": a rate, whatever the hour
		}
		return !said(e.counted.recent, inClause) && slices.ContainsFunc(e.counted.older, func(id int) bool {
			return said(id, inClause)
		})
	})
}

// keepToldAfter keeps, for each pair of the rules file's told_after (e.toldAfter), the
// matches of the first concept that come after the first match of the second; where
// the second is not said, the first is left as it is (the rule needs both). A fit told
// by reference ("had two") is a fit after a spell without them only when said after the
// spell; a sugar told as back up ("went to 6.4") answers a low only when said after it.
func (e *Engine) keepToldAfter(toks []token, present [][]match) {
	for _, p := range e.toldAfter {
		a, b := p[0], p[1]
		if len(present[a]) == 0 || len(present[b]) == 0 {
			continue
		}
		first := -1
		for _, m := range present[b] {
			if m.from >= 0 && (first < 0 || m.from < first) {
				first = m.from
			}
		}
		if first < 0 {
			continue
		}
		present[a] = slices.DeleteFunc(present[a], func(m match) bool { return m.from >= 0 && m.from < first })
	}
}

// keepNowSaidWith reads, for each time word of the rules file's now_said_with pairs
// (e.nowSaidWith), whose time it tells: said in the sentence of one of its concepts,
// theirs; said in a sentence apart from them all, the patient's at the time of that
// sentence, which is no time of a red flag where it is said of the patient told well
// (toldWell). "if my sugar's 2.5 and won't go up, do I call 999? I'm well now" asks in
// advance and tells the patient well now: the "now" is dropped. "Reading 2.2. Not rising
// after glucogel. He's now very drowsy" and "husband says I'm fine now but I feel awful,
// sugar 2.1 and won't go up" keep theirs. A time word whose concepts are none of them
// said is left as it is: the rules that read it need one of them too.
func (e *Engine) keepNowSaidWith(toks []token, present [][]match) {
	for _, p := range e.nowSaidWith {
		if len(present[p.time]) == 0 {
			continue
		}
		var theirs []int // the sentences of its concepts
		for _, c := range p.of {
			for _, m := range present[c] {
				if m.from >= 0 {
					theirs = append(theirs, toks[m.from].sentence, toks[m.to-1].sentence)
				}
			}
		}
		if len(theirs) == 0 {
			continue
		}
		present[p.time] = slices.DeleteFunc(present[p.time], func(m match) bool {
			return m.from >= 0 && !slices.Contains(theirs, toks[m.from].sentence) && e.toldWell(toks, m, present[p.time])
		})
	}
}

// timeOf is a time word and the concepts it may be the time of (now_said_with).
type timeOf struct {
	time int
	of   []int
}

// toldWell reports whether the time word at m (one of times) is said of the patient told
// well: one of the words that answer a safety net (safety_nets: answers; "well", "fine",
// "ok") just before it, other time words aside ("I'm well now", "all ok right now"), or
// in its clauses ("I'm fine at the moment", "Right now I'm fine"), with no negation or
// past verb in the two words before that word in its clause ("not well now", "doesn't
// feel ok", "I was well now I'm shaking"). "I was fine earlier, now I'm shaky" tells the
// shakes now: "now" starts a clause, and "fine" is neither in it nor just before it.
func (e *Engine) toldWell(toks []token, m match, times []match) bool {
	at, last := toks[m.from], toks[m.to-1]
	before := m.from - 1 // the word just before the time word, past other time words ("fine right now")
	for before >= 0 && slices.ContainsFunc(times, func(o match) bool { return o.from <= before && before < o.to }) {
		before--
	}
	first, until := sentenceBounds(toks, m.from)
	for j := first; j < until; j++ {
		t := toks[j]
		if !e.nets.answers[t.norm] || (j >= m.from && j < m.to) {
			continue
		}
		if j != before && (t.clause < at.clause || t.clause > last.clause) {
			continue
		}
		denied := false // or told of before: "I was well now I'm shaking"
		for i := j - 1; i >= 0 && i >= j-2 && toks[i].clause == toks[j].clause; i-- {
			if (e.cues[toks[i].norm] && !e.pseudoAt(toks, i)) || pastVerb[toks[i].norm] || toks[i].norm == "been" {
				denied = true
			}
		}
		if !denied {
			return true
		}
	}
	return false
}

// dropSaidOfOther drops, for each triple of the rules file's said_of (concept, other
// subjects, own subjects), the matches of the concept said of another subject: one of
// the other subjects stands before it in its clause with none of its own subjects
// between them. "Sugar 3.2 before lunch. My weight keeps dropping" tells the weight, not
// the sugar, dropping; "BM 1.9. Gave glucogel twice. Not coming up." names no other
// subject, and "sugar is 2.4 and won't go up" its own.
func (e *Engine) dropSaidOfOther(toks []token, present [][]match) {
	for _, t := range e.saidOf {
		c, other, own := t[0], t[1], t[2]
		if len(present[c]) == 0 || len(present[other]) == 0 {
			continue
		}
		present[c] = slices.DeleteFunc(present[c], func(m match) bool {
			if m.from < 0 {
				return false
			}
			last := -1 // where the last other subject before m ends, in m's clause
			for _, o := range present[other] {
				if o.from >= 0 && o.to <= m.from && toks[o.from].clause == toks[m.from].clause && o.to > last {
					last = o.to
				}
			}
			if last < 0 {
				return false
			}
			for _, w := range present[own] {
				if w.from >= last && w.from < m.from {
					return false
				}
			}
			return true
		})
	}
}

// dropReportedApart drops, for each pair of the rules file's reported_apart (a
// condition, a red flag it names), every match of the condition when the red flag is
// told in a sentence that holds no match of the condition, in words no scoped concept
// speaks for (not put in the past, asked about or set as a condition there): a
// condition speaks for its own sentence, and a red flag told after it is a report. "If
// his bm is low we treat it. BM 2.1 and not rising." tells a low now; "If my sugar's 2.5
// and won't go up, do I use the glucagon?" asks in advance, in one sentence.
//
// reported_apart_clause reads its pairs so by clause, where the red flag's clause tells
// a time of today: a long-standing word speaks for its own clause, and a fit told today
// in another is a report ("Epilepsy for years but today he fitted and isn't coming
// round").
func (e *Engine) dropReportedApart(text string, toks []token, present [][]match, past *pastScope) {
	bySentence := func(a, b token) bool { return a.sentence == b.sentence }
	byClause := func(a, b token) bool { return a.sentence == b.sentence && a.clause == b.clause }
	e.dropApart(text, toks, present, past, e.reportedApart, bySentence, false)
	e.dropApart(text, toks, present, past, e.reportedApartClause, byClause, true)
}

// dropApart is dropReportedApart's reading of pairs, where same says whether two words
// are in the same sentence or clause, and now whether the red flag's clause must tell a
// time of today ("today he fitted"): a report elsewhere of now, not a question run on
// without its mark ("night terrors for ages, is it seizures").
func (e *Engine) dropApart(text string, toks []token, present [][]match, past *pastScope, pairs [][2]int, same func(a, b token) bool, now bool) {
	for _, p := range pairs {
		cond, flag := p[0], p[1]
		if len(present[cond]) == 0 || len(present[flag]) == 0 {
			continue
		}
		apart := slices.ContainsFunc(present[flag], func(f match) bool {
			if f.from < 0 || (past != nil && past.any(f.from)) {
				return false
			}
			if !e.reportAt(text, toks, present, f) || (now && !todayIn(toks, clauseStart(toks, f.from))) {
				return false
			}
			return !slices.ContainsFunc(present[cond], func(c match) bool {
				return c.from >= 0 && same(toks[c.from], toks[f.from])
			})
		})
		if apart {
			present[cond] = present[cond][:0]
		}
	}
}

// dropLasting drops, for each pair of the rules file's lasting (a long-standing concept,
// an event told with its length), the matches of the first inside a match of the second
// told now (not asked, no time a day or more ago in its sentence, no scoped concept
// speaking for it; a past verb is how a fit just had is told): "Dad in the
// stairlift fitted for ages" tells how long the fit went on, not a long-standing
// problem, while "Grandad fitted for ages at the weekend but he's back to normal now"
// tells a fit days ago, and "he's had fits for ages" no event with its length.
func (e *Engine) dropLasting(text string, toks []token, present [][]match, past *pastScope) {
	for _, p := range e.lasting {
		c, ev := p[0], p[1]
		if len(present[c]) == 0 || len(present[ev]) == 0 {
			continue
		}
		present[c] = slices.DeleteFunc(present[c], func(m match) bool {
			return m.from >= 0 && slices.ContainsFunc(present[ev], func(x match) bool {
				return x.from >= 0 && x.from <= m.from && m.to <= x.to && (past == nil || !past.any(x.from)) && !e.toldOlder(toks, present, x)
			})
		})
	}
}

// reportAt reports whether match m is told as a report of now: not in a question
// ("Would a sugar of 2.9 that won't come up mean 999?"), not in a sentence with a time
// a day or more ago (resolved_after: "Two weeks ago his sugar was 2.3 and wouldn't come
// up"), not after a past verb in its sentence with no verb or time of the present
// between ("When he was in hospital, bm 2.3, not rising for ages"; but "BM was 2.1
// an hour ago and still hasn't come up" is now), and not in a sentence told only in the
// past ("On our last holiday, blood sugar 2.7, not rising, I had to go to hospital").
func (e *Engine) reportAt(text string, toks []token, present [][]match, m match) bool {
	if e.toldOlder(toks, present, m) {
		return false
	}
	first, until := sentenceBounds(toks, m.from)
	past, everPast, everNow := false, false, false
	for k := first; k < until; k++ {
		switch tenseOf(text, toks, k) {
		case tensePast:
			everPast = true
			if k < m.to {
				past = true
			}
		case tenseNow:
			everNow = true
			if k < m.to {
				past = false
			}
		}
	}
	return !past && (everNow || !everPast)
}

// toldOlder reports whether match m is asked (its sentence ends with a question mark)
// or told in a sentence with a time a day or more ago (resolved_after).
func (e *Engine) toldOlder(toks []token, present [][]match, m match) bool {
	if toks[m.from].asked {
		return true
	}
	first, until := sentenceBounds(toks, m.from)
	for _, c := range e.olderTime {
		if slices.ContainsFunc(present[c], func(x match) bool { return x.from >= first && x.from < until }) {
			return true
		}
	}
	return false
}

// todayIn reports whether the clause from first tells a time of today: "now", "today",
// "still", "this morning", or such a time that opens the next clause of its sentence
// right after it ("she's fitting now and it's been 7 minutes": "now" breaks a clause);
// not "now and then".
func todayIn(toks []token, first int) bool {
	now := func(k int) bool {
		if !presentTime[toks[k].norm] {
			return false
		}
		// "now and then", "now and again" tell a habit, not today.
		return !(k+2 < len(toks) && toks[k+1].norm == "and" && (toks[k+2].norm == "then" || toks[k+2].norm == "again"))
	}
	k := first
	for ; k < len(toks) && toks[k].clause == toks[first].clause; k++ {
		if now(k) || (partOfDay[toks[k].norm] && k > first && toks[k-1].norm == "this") {
			return true
		}
	}
	return k < len(toks) && toks[k].sentence == toks[first].sentence && now(k)
}

// A word's tense as reportAt reads it: none, the past or the present.
const (
	tenseNone = iota
	tensePast
	tenseNow
)

// tenseOf is the tense word k tells: a past verb ("was", "had", "wouldn't", read as
// "won't"), a verb or time of the present ("is", "hasn't", "it's", "still") or none.
// "have had" is the past.
func tenseOf(text string, toks []token, k int) int {
	w := toks[k].norm
	switch {
	case pastVerb[w]:
		return tensePast
	case presentVerb[w] || presentTime[w] || stillNow[w]:
		if strings.HasPrefix(strings.ToLower(text[toks[k].start:toks[k].end]), "would") {
			return tensePast
		}
		if (w == "have" || w == "has" || w == "ive") && k+1 < len(toks) && toks[k+1].norm == "had" {
			return tensePast
		}
		return tenseNow
	}
	return tenseNone
}

// stillNow are words besides presentVerb that tell a state going on now after a past
// verb ("was 2.1 and hasn't come up", "it's not rising").
var stillNow = map[string]bool{"hasnt": true, "havent": true, "its": true}

// keepDenialAfter keeps, for each six of the rules file's denial_after (a denial, its red
// flag, the words that undo the denial, the patient's subject words, another's and the
// contrast words between a denial and a red flag told after it), only the denials that
// deny the red flag: told after a match of it in the denial's sentence or the one before,
// said of the same person (the nearest subject word before each in its sentence, where
// both name one: "I'm gasping but he can talk" denies nothing), told now (not in a clause
// of its own ended by a question mark: "can talk in sentences?? no"; no past verb before
// it in its clause with no present one between, "he was talking normally"; no time a day
// or more ago in its clause), with no undoing after it in its sentence ("I can talk but
// only a couple of words", "talking normally an hour ago") and no match of the red flag
// after it with a contrast or a time of now between ("I can talk but I can't finish a
// sentence", "can talk, now I'm gasping"); one told after it with none is denied too ("I
// can still talk, it's just hard to breathe"). Any other denial is dropped: the red flag's
// rule lists the denial in its none, which reads the whole request, so a denial said
// before the red flag, of someone else or of before ("My husband can talk but I can't
// breathe", "he was talking normally an hour ago, now he's gasping") stood the rule aside.
// Subject words are read as found (said holds every match, negated or not): "No, he can
// talk" names him.
func (e *Engine) keepDenialAfter(text string, toks []token, present, said [][]match) {
	for _, t := range e.denialAfter {
		d, flag, undo, self, other, contrast := t[0], t[1], t[2], t[3], t[4], t[5]
		if len(present[d]) == 0 {
			continue
		}
		// subject is who the words at k are said of: 1 the patient's own words, 2
		// another's, 0 none named before k in its sentence.
		subject := func(k int) int {
			for i := k - 1; i >= 0 && toks[i].sentence == toks[k].sentence; i-- {
				switch {
				case covers(said[self], i):
					return 1
				case covers(said[other], i):
					return 2
				}
			}
			return 0
		}
		present[d] = slices.DeleteFunc(present[d], func(m match) bool {
			if m.from < 0 {
				return false
			}
			at := toks[m.from]
			if e.denialNotNow(text, toks, present, m) {
				return true
			}
			if slices.ContainsFunc(present[undo], func(u match) bool {
				// Words of the red flag itself ("hard to breathe") are read as the red flag.
				inFlag := slices.ContainsFunc(present[flag], func(f match) bool { return f.from <= u.from && u.to <= f.to })
				return u.from >= m.to && toks[u.from].sentence == at.sentence && !inFlag
			}) {
				return true
			}
			who := subject(m.from)
			ours := func(f match) bool {
				theirs := subject(f.from)
				return who == 0 || theirs == 0 || who == theirs
			}
			// turned: a contrast or a time of now stands between the denial and a red flag
			// told after it ("I can talk but I can't finish a sentence", "can talk, now
			// I'm gasping"): the red flag is told against the denial, which denies it not.
			turned := func(f match) bool {
				return slices.ContainsFunc(said[contrast], func(c match) bool { return c.from >= m.to && c.to <= f.from })
			}
			if slices.ContainsFunc(present[flag], func(f match) bool { return f.from >= m.to && turned(f) }) {
				return true
			}
			return !slices.ContainsFunc(present[flag], func(f match) bool {
				if f.from < 0 || !ours(f) {
					return false
				}
				if f.from >= m.to {
					return true // told after it with nothing turned: "I can still talk, it's just hard to breathe"
				}
				s := toks[f.from].sentence
				return f.to <= m.from && (s == at.sentence || s+1 == at.sentence)
			})
		})
	}
}

// denialNotNow reports whether the denial at m is not told of now: asked in a clause of
// its own that the question mark ends ("can talk in sentences?? no, can barely say a
// word"; "I can talk, is it my asthma?" asks of the asthma, not the talking), told
// after a past verb in its clause with no present one between ("he was talking
// normally"), or with a time a day or more ago in its clause (resolved_after).
func (e *Engine) denialNotNow(text string, toks []token, present [][]match, m match) bool {
	if askedIn(toks, m.to-1) {
		return true
	}
	first, until := sentenceBounds(toks, m.from)
	start := clauseStart(toks, m.from)
	if start < first {
		start = first
	}
	past := false
	for k := start; k < m.from; k++ {
		switch tenseOf(text, toks, k) {
		case tensePast:
			past = true
		case tenseNow:
			past = false
		}
	}
	if past {
		return true
	}
	clause := toks[m.from].clause
	for _, c := range e.olderTime {
		if slices.ContainsFunc(present[c], func(x match) bool {
			return x.from >= first && x.from < until && toks[x.from].clause == clause
		}) {
			return true
		}
	}
	return false
}

// reliefUndone is one of the rules file's undone_after, as keepReliefNotUndone reads it.
type reliefUndone struct {
	standAside, relief, undo, pattern, subject int // concept ids, in the file's order
	// flags are the concepts of every rule standAside stands aside: one told after an
	// undoing in its sentence tells the breathing back now ("then came back and I'm
	// gasping"). Found once at load, so no request walks every rule for them.
	flags []int
}

// keepReliefNotUndone reads, for each five of the rules file's undone_after (a
// stand-aside, its relief, the undoing, a pattern and what the undoing may be said
// of), whether the last relief of a
// sentence is undone after it in that sentence: "panic attack, can't breathe, it calmed
// down for a minute then came back and I'm gasping" tells a relief that did not last,
// which is no relief, so the stand-aside's matches in that sentence are dropped; so is a
// relief said denied after the last one told ("it usually settles but it hasn't
// settled"), read from denied, not from words that hold a negation. The sentence right
// after undoes it as well, read the same way after any relief it tells again ("it
// settled. But it's come back and it's worse."; hazard6, round 18). Order
// decides: "it came back but it settles after ten minutes like always" tells the relief
// last, and stands aside as before. An undoing does not count where it is told as a
// pattern in its clause ("they come back every few weeks", unless that clause says
// today: "coming back for weeks and now I'm gasping"), as a condition ("what do I do if
// it comes back", a forward-scoped concept before it in its clause), or asked in
// advance (undoneAskedAhead).
func (e *Engine) keepReliefNotUndone(toks []token, present, denied [][]match) {
	for _, t := range e.undoneAfter {
		c, relief, undo, pattern, subject := t.standAside, t.relief, t.undo, t.pattern, t.subject
		undoing := present[undo]
		for _, m := range denied[relief] {
			if !slices.Contains(present[relief], m) {
				undoing = append(slices.Clip(undoing), m) // "it hasn't settled"
			}
		}
		if len(present[c]) == 0 || len(undoing) == 0 {
			continue
		}
		var undone []int // the sentences whose relief is undone
		for _, m := range present[c] {
			if m.from < 0 {
				continue
			}
			s := toks[m.from].sentence
			if slices.Contains(undone, s) {
				continue
			}
			last := lastIn(toks, present[relief], s)
			if last.from < 0 {
				last = lastIn(toks, present[c], s) // a relief the relief words lack
			}
			// The sentence right after may undo the relief too, after any relief it tells
			// again: "Panic attack, couldn't breathe, it settled. But it's come back and
			// it's worse."
			again := lastIn(toks, present[relief], s+1)
			if slices.ContainsFunc(undoing, func(u match) bool {
				if u.from < 0 {
					return false
				}
				in := toks[u.from].sentence == s && u.to >= last.to && u.from != last.from
				next := toks[u.from].sentence == s+1 && (again.from < 0 || u.from >= again.to)
				return (in || next) && !e.undonePattern(toks, present, u, pattern) &&
					!e.saidInClause(toks, present, u, func(x int) bool { return x < len(e.forward) && e.forward[x] }, true) &&
					!undoneAskedAhead(toks, u) && e.undoneOfOurs(toks, present, u, last, relief, subject) &&
					e.undoneNow(toks, present, u, t)
			}) {
				undone = append(undone, s)
			}
		}
		if len(undone) > 0 {
			present[c] = slices.DeleteFunc(present[c], func(m match) bool {
				return m.from >= 0 && slices.Contains(undone, toks[m.from].sentence)
			})
		}
	}
}

// undonePattern reports whether undoing u is told as a pattern: a word of pattern in its
// clause or just after it, with no time of today there outside the pattern's own words ("it's been coming
// back for weeks and now I'm gasping" is this attack; "they come back now and then" is
// not).
func (e *Engine) undonePattern(toks []token, present [][]match, u match, pattern int) bool {
	next := slices.ContainsFunc(present[pattern], func(m match) bool {
		return m.from >= u.to && m.from <= u.to+1 && toks[m.from].sentence == toks[u.from].sentence
	}) // "they come back, now and then": a time word may open a clause of its own
	if !next && !e.saidInClause(toks, present, u, func(x int) bool { return x == pattern }, false) {
		return false
	}
	for k := clauseStart(toks, u.from); k < len(toks) && toks[k].clause == toks[u.from].clause; k++ {
		if presentTime[toks[k].norm] && !covers(present[pattern], k) {
			return false
		}
	}
	return true
}

// undoneOfOurs reports whether undoing u is said of what the relief (last) relieved:
// walking back from it in its sentence, over the words between, it reaches a subject of
// its own (subject: "it", "they", "my breathing"; or the person the relief was said of:
// "he calmed down but he's worse again"), the relief itself ("it calmed down then came
// back") or the sentence's start, before any other subject: a pronoun of another person
// ("I'm back again at college", "I still can't stop worrying") or a noun that is no
// object of a preposition ("the anxiety came back", "exams are getting harder"; not "it
// settled after his inhaler then came back"). A subject reached past a verb that is no
// auxiliary of the undoing is that verb's ("the ECG they did came back"). An undoing
// followed by one of undoneElsewhere tells a going, a thing harder to do or a result
// ("it's harder to go out", "they came back from holiday", "came back normal"), not the
// breathing (review12 at hazard4-1 and hazard4-2).
func (e *Engine) undoneOfOurs(toks []token, present [][]match, u, last match, relief, subject int) bool {
	if u.to < len(toks) && e.undoneElsewhere.holds(toks[u.to].norm) && toks[u.to].sentence == toks[u.from].sentence {
		return false
	}
	same := func(k int) bool { return k >= 0 && toks[k].sentence == toks[u.from].sentence }
	ownVerb := false // a verb passed that is no auxiliary of the undoing: "the ECG they did came back"
	for k := u.from - 1; same(k); k-- {
		w := toks[k].norm
		switch {
		case covers(present[relief], k):
			return true
		case covers(present[subject], k):
			return !ownVerb
		case personPronoun[w] != "":
			// A person's undoing is the relief's only where the relief was said of the
			// same person: "he calmed down but he's worse again".
			for j := last.from - 1; j >= 0 && j >= last.from-pronounReach; j-- {
				if personPronoun[toks[j].norm] == personPronoun[w] {
					return true
				}
			}
			return false
		case undoFiller[w] || toks[k].number || undoAuxiliary[w]:
			continue
		case presentVerb[w] || pastVerb[w] || regularPast(w):
			ownVerb = true
			continue
		}
		// Another word, a noun: the object of a preposition a few words before it ("after
		// his inhaler", "for a minute") is no subject; go on before the preposition.
		j := k - 1
		for same(j) && k-j <= prepReach && !preposition[toks[j].norm] {
			j--
		}
		if !same(j) || k-j > prepReach {
			return false
		}
		k = j
	}
	return true
}

// undoneNow reports whether undoing u tells the breathing back now: a red flag of a rule
// the stand-aside c stands aside said after it in its sentence ("then came back and I'm
// gasping"), or
// nothing after it in its clause but words of degree and time, another undoing or the
// relief ("it came back worse", "comes straight back", "came back twice within minutes").
// Any other word makes it something else's: "it's getting worse at work", "they returned
// my call", "it comes back in my dreams", "it was harder on my wife" (review12 at
// hazard4-2, and fresh look-alikes).
func (e *Engine) undoneNow(toks []token, present [][]match, u match, t reliefUndone) bool {
	for _, x := range t.flags {
		if slices.ContainsFunc(present[x], func(m match) bool {
			return m.from >= u.to && toks[m.from].sentence == toks[u.from].sentence
		}) {
			return true
		}
	}
	for k := u.to; k < len(toks) && toks[k].clause == toks[u.to-1].clause; k++ {
		w := toks[k].norm
		if !e.undoTail.holds(w) && !undoFiller[w] && !presentTime[w] && !toks[k].number && !covers(present[t.undo], k) && !covers(present[t.relief], k) {
			return false
		}
	}
	return true
}

// undoAuxiliary are the verbs that carry an undoing ("it has come back", "they keep
// getting worse"): a subject before them is the undoing's own. Any other verb passed
// on the way back has a subject of its own ("the ECG they did came back").
var undoAuxiliary = map[string]bool{"has": true, "have": true, "had": true, "is": true, "was": true,
	"are": true, "were": true, "keeps": true, "keep": true, "kept": true, "seems": true, "seemed": true,
	"started": true, "starts": true, "got": true, "gone": true}

// prepReach is how many words before a noun a preposition may stand and still take it
// as its object ("after his new inhaler").
const prepReach = 3

// preposition are the words whose object is no subject of an undoing after it.
var preposition = map[string]bool{"after": true, "with": true, "for": true, "in": true, "on": true, "at": true,
	"from": true, "by": true, "within": true, "into": true, "before": true, "during": true, "like": true, "of": true}

// personPronoun are the people (and "they") who, said as the subject of an undoing, make
// it theirs, not the breathing's ("I'm back again at college", "it settled, then they
// came back"), each with the person it names; said of the relief too ("he calmed down
// but he's worse again", "they settle but they came back"), the undoing is its.
var personPronoun = map[string]string{"i": "i", "im": "i", "ive": "i", "id": "i", "ill": "i", "me": "i",
	"we": "we", "weve": "we", "us": "we", "you": "you", "youre": "you", "he": "he", "hes": "he", "him": "he",
	"she": "she", "shes": "she", "they": "they", "theyve": "they", "theyre": "they", "them": "they"}

// pronounReach is how many words before a relief its subject may stand ("she has calmed
// down").
const pronounReach = 3

// undoFiller are the words an undoing's subject may stand apart from it by: "it has
// then suddenly come back", "it's only getting harder".
var undoFiller = map[string]bool{"then": true, "and": true, "but": true, "so": true, "now": true, "just": true,
	"straight": true, "suddenly": true, "soon": true, "quickly": true, "right": true, "only": true, "all": true,
	"been": true, "being": true, "will": true, "wont": true, "would": true, "getting": true, "gets": true,
	"get": true, "even": true, "much": true, "still": true, "again": true, "back": true, "up": true, "off": true,
	"usually": true, "normally": true, "always": true, "really": true, "very": true, "bit": true, "little": true,
	"lot": true, "a": true, "an": true, "the": true, "hasnt": true, "havent": true, "isnt": true, "didnt": true,
	"doesnt": true, "wasnt": true, "not": true, "twice": true, "once": true, "down": true}

// covers reports whether word k is inside one of ms (a structured answer, from -1,
// covers no word).
func covers(ms []match, k int) bool {
	return slices.ContainsFunc(ms, func(m match) bool { return m.from >= 0 && m.from <= k && k < m.to })
}

// lastIn is the match of ms in sentence s that ends last (from -1 when none is).
func lastIn(toks []token, ms []match, s int) match {
	last := match{from: -1}
	for _, m := range ms {
		if m.from >= 0 && toks[m.from].sentence == s && (last.from < 0 || m.to > last.to) {
			last = m
		}
	}
	return last
}

// saidInClause reports whether a concept is (as is reads it) matched in the clause of
// match u, other than u itself: anywhere in it, or with before only where it starts at
// or before u ("if it comes back" is a condition; "it came back, told to call if it
// did" is not).
func (e *Engine) saidInClause(toks []token, present [][]match, u match, is func(c int) bool, before bool) bool {
	for c, ms := range present {
		if !is(c) {
			continue
		}
		for _, m := range ms {
			if m.from < 0 || m == u || toks[m.from].clause != toks[u.from].clause && toks[m.to-1].clause != toks[u.from].clause {
				continue
			}
			if !before || m.from <= u.from {
				return true
			}
		}
	}
	return false
}

// aheadWindow is how many words before an undoing a modal makes it one to come ("it
// will probably come back").
const aheadWindow = 3

// aheadModal are the modals that put an undoing to come: "I worry it will come back".
var aheadModal = map[string]bool{"will": true, "would": true, "might": true, "may": true, "could": true,
	"should": true, "shall": true, "going": true}

// undoneAskedAhead reports whether undoing u is told ahead of it: with a modal just
// before it in its clause ("I worry it will come back", "it might come back"), or said
// in a question ("Will it come back?", "how do I stop it coming back?") and not told as
// done, with no past verb among its words ("it came back, what do I do?") and no
// present verb or time just before it ("it's come back, should I ring?", "now back").
func undoneAskedAhead(toks []token, u match) bool {
	for k := u.from - 1; k >= 0 && k >= u.from-aheadWindow && toks[k].clause == toks[u.from].clause; k-- {
		if aheadModal[toks[k].norm] {
			return true // "I worry it will come back", "it might come back"
		}
	}
	if !toks[u.from].asked {
		return false
	}
	for k := u.from; k < u.to; k++ {
		if pastVerb[toks[k].norm] || regularPast(toks[k].norm) {
			return false
		}
	}
	if k := u.from - 1; k >= 0 && toks[k].clause == toks[u.from].clause {
		w := toks[k].norm
		if presentTime[w] || w == "its" || w == "has" || w == "have" || w == "hasnt" || w == "havent" || w == "is" || w == "hes" || w == "shes" {
			return false
		}
	}
	return true
}

// dropSaidOfBack drops, for each list of the rules file's said_of_back (a concept, the
// other subjects that may take it, its own subjects, the pronouns that may stand for
// another, and the words of its own felt that claim a pronoun), the matches of the
// concept told of another subject: the last other subject before it, in its sentence
// or the one before, with none of its own between it and the end of the concept's
// words, stands in its clause with no pronoun between ("29 weeks, my dog is very still"),
// or a pronoun stands before it in its clause with none of the felt words anywhere in
// its sentence ("My husband has had a stroke. He's hardly moved since."). "my dog died
// and baby has gone very quiet today" names the baby between, "my mum visited and she's
// hardly moved since, usually she's kicking me in the ribs" claims the pronoun for the
// baby (round 16's hazard3), and a stillness with no other subject before it is left.
// The baby's words count said or denied (said): "I haven't felt the baby move" names it.
func (e *Engine) dropSaidOfBack(toks []token, present, said [][]match) {
	for _, t := range e.saidOfBack {
		c, other, own, pron, felt := t[0], t[1], t[2], t[3], t[4]
		if len(present[c]) == 0 || len(present[other]) == 0 {
			continue
		}
		present[c] = slices.DeleteFunc(present[c], func(m match) bool {
			if m.from < 0 {
				return false
			}
			at := toks[m.from]
			last := -1 // where the last other subject before m ends
			for _, o := range present[other] {
				if o.from >= 0 && o.to <= m.from && toks[o.from].sentence >= at.sentence-1 && o.to > last {
					last = o.to
				}
			}
			if last < 0 {
				return false
			}
			if slices.ContainsFunc(said[own], func(w match) bool { return w.from >= last && w.from < m.to }) {
				return false // the baby named between, or in the stillness's words
			}
			told := slices.ContainsFunc(present[pron], func(x match) bool {
				return x.from >= last && x.to <= m.from && toks[x.from].clause == at.clause
			})
			if !told {
				return toks[last-1].clause == at.clause
			}
			first, until := sentenceBounds(toks, m.from)
			return !slices.ContainsFunc(said[felt], func(w match) bool { return w.from >= first && w.from < until })
		})
	}
}

// dropAgeCounts drops, for each concept of the rules file's age_counted (read with a
// count of ten or more, "#many", beside their words anywhere in a sentence), the
// matches of a sentence whose count is the patient's age said alone in its clause, as an
// aside: "Mum (85) has taken mirtazapine for years, she has a month left" gives her age,
// not the tablets taken. A count told as one ("took what was left, around 24") stays,
// whatever the age.
func (e *Engine) dropAgeCounts(toks []token, present [][]match, age int) {
	if age < 10 {
		return
	}
	ageWord := strconv.Itoa(age)
	for _, c := range e.ageCounted {
		if len(present[c]) == 0 {
			continue
		}
		aged := map[int]bool{}
		for _, m := range present[c] {
			if m.from >= 0 && m.to == m.from+1 && toks[m.from].norm == ageWord && aloneInClause(toks, m.from) &&
				!otherCount(toks, m.from) {
				aged[toks[m.from].sentence] = true
			}
		}
		if len(aged) > 0 {
			present[c] = slices.DeleteFunc(present[c], func(m match) bool { return m.from >= 0 && aged[toks[m.from].sentence] })
		}
	}
}

// otherCount reports whether the sentence of token i holds another count of ten or
// more besides it: "My daughter (17) has taken whatever was left of the paracetamol, she
// says 16" gives her age and then the tablets taken, and a group's count part reads the
// first number of its sentence, the age (review9, round 14).
func otherCount(toks []token, i int) bool {
	first, until := sentenceBounds(toks, i)
	for k := first; k < until; k++ {
		if k == i {
			continue
		}
		if wordMatches("#many", toks[k].norm) {
			return true
		}
	}
	return false
}

// aloneInClause reports whether token i is the only word of its clause.
func aloneInClause(toks []token, i int) bool {
	before := i == 0 || toks[i-1].clause != toks[i].clause || toks[i-1].sentence != toks[i].sentence
	after := i+1 >= len(toks) || toks[i+1].clause != toks[i].clause || toks[i+1].sentence != toks[i].sentence
	return before && after
}

// fastPulseBPM is the heart rate, in beats a minute, from which a pulse in anyone of 12
// or more is fast enough to be an emergency with faintness, chest pain or
// breathlessness (a baby's normal rate can reach it).
const fastPulseBPM = 150

// lowOxygenPct and veryLowOxygenPct are the oxygen saturations, in %, at or under which
// a reading is low (an emergency with breathlessness, drowsiness or confusion: NEWS2
// scores 91 or under highest) and very low (an emergency on its own, even in lung
// disease whose usual level is 88 to 92).
const (
	lowOxygenPct     = 91
	veryLowOxygenPct = 85
)

// addOxygenReadings adds the concepts low_oxygen and very_low_oxygen where the text
// gives an oxygen saturation reading under their levels: "the finger monitor says 82"
// says it as plainly as "my oxygen is very low", and where it says it, so a reading
// told in the past or set as a care plan's threshold stays out of scope.
func (e *Engine) addOxygenReadings(text string, age int, toks []token, present [][]match) {
	at, pct := oxygenReadings(text, age, toks)
	e.addReadings(present, "low_oxygen", at, pct, func(v int) bool { return v <= lowOxygenPct })
	e.addReadings(present, "very_low_oxygen", at, pct, func(v int) bool { return v <= veryLowOxygenPct })
	fell := oxygenFalls(text, toks, at, pct)
	e.addReadings(present, "oxygen_fall", fell, make([]int, len(fell)), func(int) bool { return true })
}

// oxygenFallPct is the saturation, in %, at or under which a reading told after a normal
// one is a fall to an emergency: under even a lung patient's target range (88 to 92), and
// new, since the earlier reading was not low.
const oxygenFallPct = 87

// oxygenFalls are the readings (of at, with values pct) that tell the saturation has
// fallen to oxygenFallPct or under from a reading over lowOxygenPct told before it, or
// from a usual level told before it (usualOxygen): "spo2 97, after 10 min 86", "94
// yesterday, 85 today", "normally 96 but today 86". A fall is not one when the low
// reading is set as a condition in its clause ("if it drops to 86"), when a later reading
// is back over lowOxygenPct or the sentence tells it back up ("dips to 86 then back to
// 96", "86 for a few seconds then recovers"), when its sentence tells it as expected or
// usual ("only dips to 87 on the stairs, which she said is expected"), when it is named
// another reading after it ("86 for the heart rate", "86 is my husband's pulse") or told
// as an age ("she's 87 next week"), when the two are a plain pair ("shows 97 and 86": the
// oximeter's saturation and pulse side by side, no time or change between), or when only
// the higher reading is told as now ("96 now, they were 86 in hospital"): then the low
// one is the earlier.
func oxygenFalls(text string, toks []token, at, pct []int) []int {
	usual := usualOxygen(text, toks)
	var fell []int
	for n, i := range at {
		if pct[n] > oxygenFallPct || slices.ContainsFunc(pct[n+1:], func(v int) bool { return v > lowOxygenPct }) ||
			wordBefore(toks, i, i, conditionWords) || toldBackUp(toks, i) || toldExpected(toks, i) ||
			namedAfter(toks, i) || toldAsAge(toks, i) {
			continue
		}
		from := slices.ContainsFunc(usual, func(u int) bool { return u < i })
		for m := 0; m < n && !from; m++ {
			from = pct[m] > lowOxygenPct && !plainPair(text, toks, at[m], i) && !(toldNow(toks, at[m]) && !toldNow(toks, i))
		}
		if from {
			fell = append(fell, i)
		}
	}
	return fell
}

// usualOxygen are the tokens of the usual levels over lowOxygenPct a text gives of the
// saturation: a whole number just after a word of a usual level (usualWords) in a
// sentence with an oxygen word, or the one after it ("oxygen level normally 96").
func usualOxygen(text string, toks []token) []int {
	var at []int
	for i, t := range toks {
		if !t.number || !wordBefore(toks, i, 2, usualWords) || charAfter(text, t) == '-' {
			continue
		}
		v, err := strconv.Atoi(t.norm)
		if err != nil || v <= lowOxygenPct || v > 100 {
			continue
		}
		for k := i - 1; k >= 0 && toks[k].sentence >= t.sentence-1; k-- {
			if isOxygenWord(toks, k) {
				at = append(at, i)
				break
			}
		}
	}
	return at
}

// usualWords, just before a number, make it a usual level ("normally 96", "usually 95").
var usualWords = map[string]bool{"normally": true, "usually": true, "usual": true, "normal": true, "baseline": true}

// toldExpected reports whether the sentence of a low reading at token i tells it as
// expected or usual after it ("which she said is expected", "that's normal for me"), or as
// a pattern ("whenever I walk", "every time"), unless denied ("not normal for me").
func toldExpected(toks []token, i int) bool {
	for k := range toks {
		if toks[k].sentence != toks[i].sentence {
			continue
		}
		w := toks[k].norm
		if (k > i && expectedWords[w]) || w == "whenever" || w == "always" || (w == "every" && k+1 < len(toks) && toks[k+1].norm == "time") {
			if deniedBefore(toks, k) {
				continue
			}
			return true
		}
	}
	return false
}

// expectedWords, after a low reading in its sentence, tell it as expected for the patient.
var expectedWords = map[string]bool{"expected": true, "usual": true, "normal": true, "typical": true}

// toldNow reports whether a word of present time stands within two words of the
// reading at token i, in its sentence, with no other number between ("96 now", "now
// they're 84", "today 86").
func toldNow(toks []token, i int) bool {
	for _, step := range []int{-1, 1} {
		for k := i + step; k >= 0 && k < len(toks) && k != i+3*step && toks[k].sentence == toks[i].sentence && !toks[k].number; k += step {
			if presentTime[toks[k].norm] {
				return true
			}
		}
	}
	return false
}

// toldBackUp reports whether the sentence of a low reading at token i tells it came back
// up after it: "back" before "up", "to" or "normal" ("then back up to 95", "went back to
// normal"), or a word of recovery or of a moment ("recovers", "briefly", "for a second").
func toldBackUp(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && toks[k].sentence == toks[i].sentence; k++ {
		w := toks[k].norm
		if backUpWords[w] || (w == "back" && k+1 < len(toks) && (toks[k+1].norm == "up" || toks[k+1].norm == "to" || toks[k+1].norm == "normal")) {
			if deniedBefore(toks, k) {
				continue // "not coming back up", "hasn't recovered"
			}
			return true
		}
	}
	return false
}

// backUpWords, after a low reading in its sentence, tell it came back up or lasted a
// moment only.
var backUpWords = map[string]bool{"recovers": true, "recovered": true, "recovering": true, "briefly": true,
	"momentarily": true, "second": true, "seconds": true, "blip": true, "instantly": true, "immediately": true,
	"quickly": true, "settles": true, "settled": true, "returns": true, "returned": true}

// addPulseReadings adds the concept fast_pulse where the text gives a heart rate of
// fastPulseBPM or more in a patient of 12 or more ("it's racing at 170").
func (e *Engine) addPulseReadings(age int, toks []token, present [][]match) {
	if age < 12 {
		return
	}
	at, bpm := pulseReadings(toks)
	e.addReadings(present, "fast_pulse", at, bpm, func(v int) bool { return v >= fastPulseBPM })
}

// addReadings adds concept name, where the rules file has it, at each reading's token
// whose value is one it counts.
func (e *Engine) addReadings(present [][]match, name string, at, values []int, counts func(int) bool) {
	c, ok := e.conceptID[name]
	if !ok {
		return
	}
	for k, i := range at {
		if counts(values[k]) {
			present[c] = append(present[c], match{concept: c, from: i, to: i + 1})
		}
	}
}

// applyFacts puts what the patient answered before writing in place of what the
// engine guessed from the text: a baby's age in months replaces one read from the
// words (for a patient whose record says under two); a measured temperature counts when it is higher than any the text gives (a
// lower reading taken earlier must not hide a fever the patient describes now); a
// pregnancy that is, or may be, adds the pregnancy concepts. A "no" removes nothing
// the patient wrote: under-triage is the failure to avoid.
func (e *Engine) applyFacts(a *Answers, f *features, present [][]match) {
	if a == nil {
		return
	}
	if a.AgeMonths != nil && f.age < 2 {
		// The record's age in years stays; below two the month answered decides.
		f.months = *a.AgeMonths
	}
	add := func(concept string) {
		if c, ok := e.conceptID[concept]; ok && len(present[c]) == 0 {
			present[c] = []match{{concept: c, from: -1, to: -1}}
		}
	}
	if a.TemperatureC > f.temp {
		f.temp = a.TemperatureC
		if f.temp >= feverC {
			add("fever")
		}
	}
	switch a.Pregnant {
	case Yes:
		add("pregnant")
		add("pregnancy_possible")
	case NotSure:
		add("pregnancy_possible")
	}
}

// answerRule is the rule a yes to a red-flag question stands for.
func answerRule(q RedFlagQuestion) *rule {
	return &rule{id: "answer-" + q.ID, priority: q.Priority, team: q.Team, signpost: q.Signpost,
		says:   "The patient answered yes when asked about " + q.Flag + ": “" + q.Ask + "”",
		minAge: -1, maxAge: -1, minMonth: -1, maxMo: -1}
}

type features struct {
	age, months int
	temp        float64 // highest temperature mentioned, °C; 0 when none
	ketones     float64 // highest blood ketone reading given, mmol/L, when ketoneSaid
	ketoneSaid  bool
}

func (r *rule) fires(in Input, f features, toks []token, present [][]match, past *pastScope) bool {
	if r.kind != "" && in.Kind != r.kind {
		return false
	}
	return r.factsHold(in, f) && r.conceptsHold(toks, present, past)
}

// factsHold reports whether the patient's sex, age, a baby's months and any
// temperature meet the rule's conditions.
func (r *rule) factsHold(in Input, f features) bool {
	if r.sex != "" && in.Sex != r.sex {
		return false
	}
	if (r.minAge >= 0 && f.age < r.minAge) || (r.maxAge >= 0 && f.age > r.maxAge) {
		return false
	}
	if (r.minMonth >= 0 && f.months < r.minMonth) || (r.maxMo >= 0 && f.months > r.maxMo) {
		return false
	}
	if r.minKetones > 0 && f.ketoneSaid && f.ketones < r.minKetones {
		// A ketone reading below the threshold: a diabetic sick day, not ketoacidosis
		// ("sick twice, ketones 0.9, sugars 16" is same-day). No reading leaves it to
		// the words.
		return false
	}
	if r.minTemp > 0 && f.temp > 0 && f.temp < r.minTemp {
		// A number below the threshold rules it out; no number leaves it to the words,
		// so "feels very hot" in a young baby is not under-triaged for want of a reading.
		return false
	}
	return true
}

// onlyAgeRulesOut reports whether an emergency rule fails on the patient's age alone:
// its band of years, or, for a patient of two or more, its band of a baby's months.
// Such a band names which rule reads a picture at that age ("fever and very drowsy in
// an adult", "a baby under 3 months with a fever"), not that the picture is safe at
// another: a child has red flags of its own, told in words the model may know and the
// rules do not, so the band must not keep the model from raising a child to
// emergency. Below two the months stay a threshold: a baby of 4 months with 38.5 is
// not raised to the under-3-months emergency.
func (r *rule) onlyAgeRulesOut(in Input, f features) bool {
	if r.priority != Emergency {
		return false
	}
	c := *r
	c.minAge, c.maxAge = -1, -1
	if f.age >= 2 {
		c.minMonth, c.maxMo = -1, -1
	}
	return c.factsHold(in, f)
}

// conceptsHold reports whether the rule's concepts are present as it asks. A concept
// of none that is scoped to its clause (past) stops the rule only for the words said
// in the clauses it speaks for: the rule still fires on its concepts said elsewhere.
func (r *rule) conceptsHold(toks []token, present [][]match, past *pastScope) bool {
	var inPast []bool // the words the rule's scoped none concepts put in the past
	for _, c := range r.none {
		if len(present[c]) == 0 {
			continue
		}
		if past == nil || past.words[c] == nil {
			return false
		}
		if inPast == nil {
			inPast = past.words[c]
			continue
		}
		merged := slices.Clone(inPast)
		for k, p := range past.words[c] {
			merged[k] = merged[k] || p
		}
		inPast = merged
	}
	// The clauses the rule's none_in_clause concepts stop it for: a group said together
	// is stopped where its first or last part is ("had a fit for ages in the shop, he's
	// still not right" is the fit of the long-standing clause).
	inClause := r.stoppedInClause(toks, present)
	stopped := func(m match) bool {
		if inPast != nil && inPast[m.from] {
			return true
		}
		if inClause == nil {
			return false
		}
		return inClause[m.from] || (m.groupTo > 0 && (inClause[m.groupFrom] || inClause[m.groupTo-1]))
	}
	has := func(c int) bool {
		if (inPast == nil && inClause == nil) || (past != nil && past.isFact(c)) {
			// A fact about the person ("I'm pregnant, found out last month") holds
			// wherever it is said; only the red flag beside it can be in the past.
			return len(present[c]) > 0
		}
		for _, m := range present[c] {
			if m.from < 0 || !stopped(m) {
				return true
			}
		}
		return false
	}
	for _, c := range r.all {
		if !has(c) {
			return false
		}
	}
	if len(r.anyOf) > 0 && !slices.ContainsFunc(r.anyOf, has) {
		return false
	}
	if len(r.several) > 0 {
		n := 0
		for _, c := range r.several {
			if has(c) {
				n++
			}
		}
		if n < r.min {
			return false
		}
	}
	return true
}

// stoppedInClause marks the words the rule's none_in_clause concepts stop it for:
// the clauses a match of one of them is said in. A phrase said as one speaks for every
// clause it runs over ("fitting now and then": "now" opens a clause). A group said
// together in a sentence ("fitting & twice a") speaks for every clause from its first
// part to its last ("he is fitting now, which is why we need the form, it's about twice
// a month"), unless its last part's clause names its own: the group's first word, or a
// word of its class, said again there ("the letter says he has fits once a month, but
// right now he's fitting" is read so; "he is fitting now, his fits come once a month"
// tells the frequency of the fits named in that clause), when it speaks for that clause
// alone. Nil when none of them speaks for any word.
func (r *rule) stoppedInClause(toks []token, present [][]match) []bool {
	var words []bool
	for _, c := range r.noneInClause {
		for _, m := range present[c] {
			from, to := m.from, m.to
			if m.groupTo > 0 {
				from, to = m.groupFrom, m.groupTo
			}
			if from < 0 || to > len(toks) || to <= from {
				continue
			}
			if m.groupTo > 0 && toks[from].clause != toks[to-1].clause && namesOwn(toks, from, to-1) {
				from = clauseStart(toks, to-1)
			}
			if words == nil {
				words = make([]bool, len(toks))
			}
			for k := clauseStart(toks, from); k < len(toks) && toks[k].clause <= toks[to-1].clause; k++ {
				words[k] = true
			}
		}
	}
	return words
}

// namesOwn reports whether the clause of word last says word first again, or a word
// of its class, before last.
func namesOwn(toks []token, first, last int) bool {
	w := toks[first]
	for k := clauseStart(toks, last); k < last; k++ {
		if toks[k].norm == w.norm || (w.class != "" && toks[k].class == w.class) {
			return true
		}
	}
	return false
}

// pastScope holds, for each concept the rules file scopes to its clause
// (clause_scoped: a phrase that puts things in the past, "last year", "years ago", or
// makes them a question, "what are the signs of"), the words it speaks for: its own
// clause, and the clause it introduces or closes when it stands alone ("Last year, I
// had sepsis"; "an overdose when I was 20, nearly 20 years ago"). A clause that goes
// on in the present after the past time ("had a fall last week he has collapsed") is
// past only up to where the present starts.
type pastScope struct {
	toks  []token
	words [][]bool // by concept, then by token: true where the concept puts it in the past
	fact  []bool   // the engine's person facts, which no past time speaks for
	// forward marks the concepts that speak only for what follows them in their
	// clause (the engine's forward_scoped), condition those of them that are conditions.
	forward, condition []bool
	// told marks the forward-scoped concepts that tell what a document says (the
	// engine's document_scoped).
	told []bool
	// sentenceWide marks the concepts that speak for their whole sentence (the engine's
	// sentence_scoped).
	sentenceWide []bool
	// readThrough are the engine's past times read for the red flag going on
	// (past_read_through).
	readThrough []int
	// back holds, by concept, the words a resolution (resolved_since) speaks for, which
	// no clause span gives: own keeps them as they are.
	back [][]bool
}

// newPastScope is an empty scope over toks for n concepts, carrying the engine's
// readings of its scoped concepts (facts, forward, conditions, sentence-wide), so every
// place that builds one reads them alike.
func (e *Engine) newPastScope(toks []token, n int) *pastScope {
	return &pastScope{toks: toks, words: make([][]bool, n), fact: e.fact, forward: e.forward, condition: e.condition, told: e.told, sentenceWide: e.sentenceWide, readThrough: e.readThrough}
}

// isForward reports whether concept c speaks only for the words after it in its clause.
func (ps *pastScope) isForward(c int) bool { return c < len(ps.forward) && ps.forward[c] }

// isTold reports whether concept c tells what a document says.
func (ps *pastScope) isTold(c int) bool { return c < len(ps.told) && ps.told[c] }

// isSentenceWide reports whether concept c speaks for its whole sentence.
func (ps *pastScope) isSentenceWide(c int) bool {
	return c < len(ps.sentenceWide) && ps.sentenceWide[c]
}

// sentenceBounds is the sentence of token i, from its first word up to (not including)
// the first word of the next.
func sentenceBounds(toks []token, i int) (first, until int) {
	first, until = i, i+1
	for first > 0 && toks[first-1].sentence == toks[i].sentence {
		first--
	}
	for until < len(toks) && toks[until].sentence == toks[i].sentence {
		until++
	}
	return first, until
}

// inReach reports whether word k, from first of a span of concept c, is still in it:
// in the same clause, or for a sentence-wide concept in the same sentence.
func (ps *pastScope) inReach(c, first, k int) bool {
	if ps.isSentenceWide(c) {
		return ps.toks[k].sentence == ps.toks[first].sentence
	}
	return ps.toks[k].clause == ps.toks[first].clause
}

// isCondition reports whether concept c is a condition, which a report after it in its
// sentence says came true.
func (ps *pastScope) isCondition(c int) bool { return c < len(ps.condition) && ps.condition[c] }

// span is where match m of scoped concept c speaks in its clause, from first up to
// (not including) until; the caller stops at the clause's end. A past time speaks for
// its clause up to a present verb after it ("had a fall last week he has collapsed"):
// what comes before the time stays past. A forward-scoped phrase (a condition, a
// document, a red flag read about or told of someone else) speaks for what follows it,
// not for what came before it ("crushing chest pain, should I ring 999 in case"), and
// only up to a new report: a verb or a time that tells what is happening ("I heard that
// chest pain can be serious and I've had crushing chest pain for an hour"). The
// condition's own verb ("if her lips went blue", "in case he is having") is not a new
// report. A condition (conditions) with a new report after it in its sentence came
// true ("told to ring 999 if her lips went blue, now they are blue"): it speaks for
// nothing.
func (ps *pastScope) span(c int, m match) (first, until int) {
	toks := ps.toks
	if ps.isSentenceWide(c) {
		// Its whole sentence, up to a report of now after it ("my panic usually settles
		// but tonight I'm gasping"): what the patient says is happening now is not what
		// settles.
		first, until = sentenceBounds(toks, m.from)
		for k := m.to; k < until; k++ {
			if k == m.to || toks[k].clause != toks[k-1].clause {
				if p := presentFrom(toks, k); p >= 0 {
					return first, p
				}
			}
		}
		return first, until
	}
	if !ps.isForward(c) {
		until = len(toks)
		if k := presentFrom(toks, m.to); k >= 0 {
			until = k
		}
		return clauseStart(toks, m.from), until
	}
	if ps.isTold(c) {
		return m.from, toldUntil(toks, m)
	}
	k := newReport(toks, m)
	if k < 0 {
		return m.from, len(toks)
	}
	if ps.isCondition(c) {
		return m.from, m.from
	}
	return m.from, k
}

// toldUntil is where what a document says (match m of a document_scoped concept) ends
// in its clause: what a letter says happened is what it says, whatever the tense ("the
// letter says he had a fit", "the form asks if I've ever had fits"), so no verb ends it.
// A time of now ends it ("the letter says her dose was doubled and now she's fitting"),
// and so does a report joined on by "and", "then" or "so" with its own verb ("the letter
// says her dose was doubled and she's fitting"): the patient telling what is happening
// beside the document. The caller stops at the clause's end.
func toldUntil(toks []token, m match) int {
	for k := m.to; k < len(toks) && toks[k].clause == toks[m.from].clause; k++ {
		w := toks[k].norm
		if presentTime[w] || (partOfDay[w] && k > m.to && toks[k-1].norm == "this") {
			return k
		}
		if !joinsReport[w] {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+joinedVerbWindow && toks[j].clause == toks[k].clause; j++ {
			if reportWord(toks, j) {
				return k
			}
		}
	}
	return len(toks)
}

// joinsReport are the words that join a new report on after what a document says.
var joinsReport = map[string]bool{"and": true, "then": true, "so": true}

// joinedVerbWindow is how many words after a joining word may hold the verb of the
// report it joins on ("and my husband started fitting").
const joinedVerbWindow = 4

// ownVerbWindow is how many words after a phrase that ends in a conjunction ("if",
// "in case", "that") hold the verb of its own clause ("if her lips went blue").
const ownVerbWindow = 3

// conjunctionEnd are the last words of a phrase after which its own clause follows,
// with its own subject and verb.
var conjunctionEnd = map[string]bool{"if": true, "case": true, "that": true, "ever": true, "when": true}

// newReport is the first word after forward-scoped match m, in its sentence, of a verb
// or a time that tells something happening or done (a present or past verb, "now",
// "still"), leaving out the verb of the phrase's own clause and a verb just after
// "that" or "which" ("a rash that doesn't fade"); -1 when there is none.
func newReport(toks []token, m match) int {
	own := m.to
	if m.to > 0 && conjunctionEnd[toks[m.to-1].norm] {
		own = m.to + ownVerbWindow
	}
	for k := m.to; k < len(toks) && toks[k].sentence == toks[m.from].sentence; k++ {
		w := toks[k].norm
		if !reportWord(toks, k) {
			continue
		}
		if k < own && !presentTime[w] {
			continue
		}
		if k > 0 && (toks[k-1].norm == "that" || toks[k-1].norm == "who") {
			continue
		}
		if k == m.to && (w == "says" || w == "said") {
			continue // the phrase's own telling: "Dr Google says ..."
		}
		return k
	}
	return -1
}

// reportWord reports whether token k can tell something happening or done after a
// forward-scoped phrase: a verb of presentVerb or pastVerb, a time of presentTime, a
// modal denied ("it will not fade", "she could not lift her arm"), "says" or "said"
// ("it says heart attack") or a regular past in -ed ("her lips turned blue", "he
// stopped breathing"; not "need", "bleed" or "one sided"). It errs wide on purpose: a word read as
// a report wrongly ends a scope early and leaves a near miss a false alarm, while a
// report missed leaves a present emergency inside the scope, switched off. A modal
// alone is not a report: "if I took too many, would they be dangerous?" asks.
func reportWord(toks []token, k int) bool {
	w := toks[k].norm
	switch {
	case presentVerb[w] || pastVerb[w] || presentTime[w] || w == "says" || w == "said":
		return true
	case reportModal[w]:
		return k+1 < len(toks) && toks[k+1].norm == "not"
	}
	return regularPast(w)
}

// regularPast reports whether w reads as a regular past in -ed ("her lips turned
// blue", "he stopped breathing"), not "need", "bleed" or one of notPastEd.
func regularPast(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && !notPastEd[w]
}

// notPastEd are words in -ed that are not a past: "one sided pain", "a hundred".
var notPastEd = map[string]bool{"sided": true, "hundred": true, "aged": true, "related": true, "based": true}

// reportModal are the modals and auxiliaries that, denied, begin a report.
var reportModal = map[string]bool{"will": true, "would": true, "can": true, "could": true,
	"do": true, "does": true, "did": true}

// isFact reports whether concept c is a fact about the person, never put in the past.
func (ps *pastScope) isFact(c int) bool { return c < len(ps.fact) && ps.fact[c] }

// any reports whether any scoped concept speaks for token k: it is in the past, or in
// a question about a red flag.
func (ps *pastScope) any(k int) bool {
	for _, w := range ps.words {
		if w != nil && k < len(w) && w[k] {
			return true
		}
	}
	return false
}

// cleared is the scope with every word in the present: what the rules would read
// without the scoped concepts.
func (ps *pastScope) cleared() *pastScope {
	c := *ps // the engine's readings and back, shared; only the words are new
	c.words = make([][]bool, len(ps.words))
	for k, p := range ps.words {
		if p != nil {
			c.words[k] = make([]bool, len(p))
		}
	}
	return &c
}

// own is the scope with only the clauses where a scoped phrase itself is said (up to a
// present verb after it, as pastScopeOf reads them): a time
// said alone no longer speaks for the clause beside it. The second opinion's gate
// uses it, so a lone "Last week," cannot stop the model raising a red flag said in
// the present tense in the next clause.
func (ps *pastScope) own(present [][]match, scoped []int) *pastScope {
	o := ps.cleared()
	for c, b := range ps.back {
		if b != nil {
			copy(o.words[c], b)
		}
	}
	for _, c := range scoped {
		if c < len(ps.back) && ps.back[c] != nil {
			continue
		}
		for _, m := range present[c] {
			if m.from < 0 || o.words[c] == nil || ps.goesOn(c, m) {
				continue
			}
			first, until := ps.span(c, m)
			for k := first; k < until && ps.inReach(c, m.from, k); k++ {
				o.words[c][k] = true
			}
		}
	}
	return o
}

// loneExtra is how many words besides its phrase a clause may hold and still be only a
// time said on its own ("about 2 years ago").
const loneExtra = 2

// timeFiller are the words a time said on its own may hold besides its phrase ("about
// 2 years ago", "that was last year"). Any other word makes the clause a statement of
// its own ("split up last month", "op last week"), which speaks for nothing but itself.
var timeFiller = map[string]bool{"about": true, "around": true, "roughly": true, "nearly": true, "almost": true,
	"over": true, "just": true, "a": true, "an": true, "few": true, "couple": true, "of": true, "some": true,
	"and": true, "or": true, "so": true, "the": true, "that": true, "this": true, "it": true, "was": true,
	"which": true, "back": true, "then": true, "until": true, "till": true, "ago": true, "least": true, "at": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "twenty": true, "thirty": true, "forty": true, "fifty": true}

// presentTime are words that put their own clause in the present: a time said alone
// beside such a clause does not speak for it ("a few months ago, and now he's septic").
var presentTime = map[string]bool{"now": true, "today": true, "tonight": true, "currently": true, "still": true}

// presentVerb are verbs in the present tense (apostrophes dropped: "he's" is "hes").
// Said after a past time, they tell what is happening now: "Last week, I think I have
// sepsis" and "had a fall last week he has collapsed" are red flags now.
var presentVerb = map[string]bool{"am": true, "is": true, "are": true, "im": true, "hes": true, "shes": true,
	"theyre": true, "has": true, "have": true, "ive": true, "weve": true, "theyve": true, "cant": true,
	"wont": true, "isnt": true, "arent": true, "doesnt": true, "dont": true, "keeps": true, "looks": true,
	"seems": true, "feels": true, "having": true, "keep": true}

// pastVerb are verbs that tell what happened: the first of these or a present verb
// in a clause decides its tense ("Last year, I think I had sepsis" is past).
var pastVerb = map[string]bool{"had": true, "was": true, "were": true, "did": true, "went": true, "took": true,
	"got": true, "came": true, "felt": true, "wasnt": true, "didnt": true}

// presentFrom is the first word, from token from to the end of its clause, of a verb
// in the present tense that no past verb comes before, or of a time that says today
// whatever the verbs before it ("had a fall last week and today he collapsed"); -1 when
// the clause tells only the past. "have had" and "has had" are the past.
func presentFrom(toks []token, from int) int {
	past := false
	for k := from; k < len(toks) && toks[k].clause == toks[from].clause; k++ {
		w := toks[k].norm
		if presentTime[w] && w != "still" {
			// A time that is today, even after a past tense; not "still", which a past
			// goes on with ("had sepsis last year and was still weak for months").
			return k
		}
		if partOfDay[w] && k > from && toks[k-1].norm == "this" {
			return k - 1
		}
		if past {
			continue
		}
		if pastVerb[w] {
			past = true
			continue
		}
		if !presentVerb[w] {
			continue
		}
		if (w == "have" || w == "has" || w == "ive") && k+1 < len(toks) && toks[k+1].norm == "had" {
			past = true
			continue
		}
		return k
	}
	return -1
}

// partOfDay are the parts of a day that, after "this", are today ("this morning").
var partOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true}

// pastScopeOf finds the words the scoped concepts present speak for; nil when none is
// present.
func (e *Engine) pastScopeOf(toks []token, present [][]match) *pastScope {
	var ps *pastScope
	mark := func(c, first, until int) {
		for k := first; k < until && ps.inReach(c, first, k); k++ {
			ps.words[c][k] = true
		}
	}
	for _, c := range e.scoped {
		for _, m := range present[c] {
			if m.from < 0 {
				continue
			}
			if ps == nil {
				ps = e.newPastScope(toks, len(present))
			}
			if ps.words[c] == nil {
				ps.words[c] = make([]bool, len(toks))
			}
			if c < len(e.backward) && e.backward[c] {
				if ps.back == nil {
					ps.back = make([][]bool, len(present))
				}
				if ps.back[c] == nil {
					ps.back[c] = make([]bool, len(toks))
				}
				e.markResolved(toks, present, m, ps.words[c], ps.back[c])
				continue
			}
			if ps.goesOn(c, m) {
				continue // a past time that tells the red flag still going or back
			}
			first, until := ps.span(c, m)
			mark(c, first, until)
			if ps.isForward(c) || ps.isSentenceWide(c) || !e.timeAlone(toks, first, m) {
				continue
			}
			// A time on its own: it speaks for the clause before it in the sentence,
			// or, opening the sentence, for the clause after it; never for a clause
			// that says its own time is now, nor for one told in the present.
			if first > 0 && toks[first-1].sentence == toks[first].sentence {
				if prev := clauseStart(toks, first-1); !e.saysNow(toks, prev) && presentFrom(toks, prev) < 0 {
					mark(c, prev, len(toks))
				}
			} else if next := first + e.clauseLen(toks, first); next < len(toks) && toks[next].sentence == toks[first].sentence && !e.saysNow(toks, next) && presentFrom(toks, next) < 0 {
				mark(c, next, len(toks))
			}
		}
	}
	return ps
}

// markResolved marks in words and back the clauses a resolution m speaks for: going
// back from it, each clause told in the past ("Last Tuesday I had a crushing pain in
// my chest. It went off on its own."), up to the first clause that is not, when they
// tell a time a day or more ago (resolved_after). It speaks for nothing when anything after it says the red flag is here again: a word of
// recurrence ("it's back", "again", "worse") or any word an emergency rule reads ("It
// went, now it's crushing and into my jaw").
func (e *Engine) markResolved(toks []token, present [][]match, m match, words, back []bool) {
	for k := m.to; k < len(toks); k++ {
		if recurrence[toks[k].norm] {
			return
		}
	}
	for c, ms := range present {
		if c >= len(e.emergencyWord) || !e.emergencyWord[c] || (c < len(e.backward) && e.backward[c]) {
			continue
		}
		for _, x := range ms {
			if x.from >= m.to {
				return
			}
		}
	}
	from := m.from
	for k := m.from - 1; k >= 0; {
		first := clauseStart(toks, k)
		if !toldInThePast(toks, first) {
			break
		}
		from, k = first, first-1
	}
	older := false
	for _, c := range e.olderTime {
		for _, x := range present[c] {
			older = older || (x.from >= from && x.from < m.from)
		}
	}
	if !older {
		return
	}
	for j := from; j < m.from; j++ {
		words[j], back[j] = true, true
	}
}

// recurrence are words that, after a resolution, say the red flag has come back.
var recurrence = map[string]bool{"again": true, "back": true, "returned": true, "worse": true, "worsening": true,
	"another": true, "recurred": true, "restarted": true}

// toldInThePast reports whether the clause starting at first tells only the past: it
// holds a past verb ("had", "went", "fainted") and no verb or time of the present. A
// perfect ("I've had crushing pain since 8") goes on now, and a clause without a verb
// ("crushing chest pain") tells no time: neither is the past.
func toldInThePast(toks []token, first int) bool {
	if presentFrom(toks, first) >= 0 {
		return false
	}
	past := false
	for k := first; k < len(toks) && toks[k].clause == toks[first].clause; k++ {
		w := toks[k].norm
		if presentTime[w] || presentVerb[w] {
			return false
		}
		if pastVerb[w] || regularPast(w) {
			past = true
		}
	}
	return past
}

// timeAlone reports whether the clause starting at first is only the time m says, with
// at most loneExtra words that qualify a time ("nearly 20 years ago"). "Discharged
// yesterday" or "split up last month" tells an event, and speaks only for itself.
func (e *Engine) timeAlone(toks []token, first int, m match) bool {
	n := e.clauseLen(toks, first)
	if n > m.to-m.from+loneExtra {
		return false
	}
	for k := first; k < first+n; k++ {
		if (k < m.from || k >= m.to) && !toks[k].number && !timeFiller[toks[k].norm] {
			return false
		}
	}
	return true
}

// saysNow reports whether the clause starting at first puts itself in the present.
func (e *Engine) saysNow(toks []token, first int) bool {
	for k := first; k < len(toks) && toks[k].clause == toks[first].clause; k++ {
		if presentTime[toks[k].norm] {
			return true
		}
	}
	return false
}

// reason names the rule and the patient's own words that made it fire.
func (r *rule) reason(text string, toks []token, present [][]match) Reason {
	rs := Reason{Rule: r.id, Says: r.says}
	var spans []Span
	for _, c := range slices.Concat(r.all, r.anyOf, r.several) {
		for _, m := range present[c] {
			if m.from < 0 {
				continue // a fact the patient answered, not words of the text
			}
			spans = append(spans, Span{Start: toks[m.from].start, End: toks[wholeEnd(toks, m)].end})
		}
	}
	// In text order, and a word inside a longer match ("arm" in "left arm") once only.
	slices.SortFunc(spans, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	for _, sp := range spans {
		if n := len(rs.Spans); n > 0 && sp.End <= rs.Spans[n-1].End {
			continue
		}
		rs.Spans = append(rs.Spans, sp)
		rs.Words = append(rs.Words, text[sp.Start:sp.End])
	}
	return rs
}

// trailing are words a phrase may end on that say nothing by themselves: "lump in my"
// is a phrase of the rules, "lump in my neck" is what the patient said.
var trailing = map[string]bool{"my": true, "his": true, "her": true, "their": true, "your": true, "our": true,
	"the": true, "a": true, "an": true, "in": true, "on": true, "of": true, "to": true, "at": true}

// wholeEnd is the last token a reason highlights for m: the phrase's last word, or,
// when the phrase ends on a word like "my", the words that complete it in its clause
// (at most two), so the reviewer sees "lump in my neck" and not "lump in my".
func wholeEnd(toks []token, m match) int {
	end := m.to - 1
	for k := 0; k < 2 && trailing[toks[end].norm] && end+1 < len(toks) && toks[end+1].clause == toks[end].clause; k++ {
		end++
	}
	return end
}

// String gives the reason on one line, as triagectl prints it.
func (r Reason) String() string {
	if len(r.Words) == 0 {
		return r.Rule + ": " + r.Says
	}
	q := make([]string, len(r.Words))
	for i, w := range r.Words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return r.Rule + ": " + r.Says + " (" + strings.Join(q, ", ") + ")"
}

// findPhrases returns every concept phrase in the text, by where it starts; at one
// word, the phrases that start with the word, then with its class, then with its
// first three letters, each in the rules file's order.
func (e *Engine) findPhrases(toks []token) []match {
	var out []match
	for i := range toks {
		t := &toks[i]
		if t.word >= 0 {
			out = e.phrases.byWord[t.word].appendMatches(out, toks, i)
		}
		if t.cls >= 0 {
			out = e.phrases.byWord[t.cls].appendMatches(out, toks, i)
		}
		if t.pre >= 0 {
			out = e.phrases.byPre[t.pre].appendMatches(out, toks, i)
		}
		if t.number {
			for _, n := range e.phrases.byNumber {
				if wordMatches(n.pattern, t.norm) {
					out = n.list.appendMatches(out, toks, i)
				}
			}
		}
	}
	return out
}

// liveMasks returns the phrases of found that hide another concept's words: those of
// a masking concept the patient did not negate. "Not safe tonight" says the danger
// is tonight; only "safe tonight" reads the time as about safety. An all-clear after
// a mask does not undo it: "feeling down below is normal" still names the place, not
// a low mood.
func (e *Engine) liveMasks(toks []token, found []match) []match {
	if len(e.maskedBy) == 0 {
		return nil
	}
	var masks []match
	for _, m := range found {
		if e.masker[m.concept] && !e.negatedBefore(toks, found, m) && !e.askedMask(toks, m) && !e.standsAside(toks, found, m) {
			masks = append(masks, m)
		}
	}
	// A mask hidden by another is no mask: "not safe tonight" hides the "safe tonight"
	// that would read the time as about safety.
	return slices.DeleteFunc(masks, func(m match) bool { return e.maskedAt(masks, m.concept, m.from, m.to) })
}

// standsAside reports whether mask m hides nothing because a concept of its
// stand_aside_near list is said in its sentence or the one before or after. Any such
// words count, denied or not: a mask standing aside leaves the red flag to the rules.
func (e *Engine) standsAside(toks []token, found []match, m match) bool {
	if m.concept >= len(e.standAside) || len(e.standAside[m.concept]) == 0 {
		return false
	}
	at := toks[m.from].sentence
	return slices.ContainsFunc(found, func(f match) bool {
		if f.from < 0 || !slices.Contains(e.standAside[m.concept], f.concept) {
			return false
		}
		s := toks[f.from].sentence
		return s >= at-1 && s <= at+1
	})
}

// askedMask reports whether mask m is a statement mask said in a sentence asked as a
// question, where it hides nothing.
func (e *Engine) askedMask(toks []token, m match) bool {
	return m.concept < len(e.statementMask) && e.statementMask[m.concept] && toks[m.from].asked
}

// masked sets apart the phrases a mask hides where the two overlap: "coil fitted"
// hides the seizure word "fitted", "temp is fine" the fever word "temp", "wish I
// wouldn't wake up" the collapse words "wouldn't wake up". Only the overlapping words
// are hidden: a red flag said elsewhere in the text still counts.
func (e *Engine) masked(found, masks []match) (kept, hidden []match) {
	if len(masks) == 0 {
		return found, nil
	}
	var drop []bool
	for i, m := range found {
		if e.maskedAt(masks, m.concept, m.from, m.to) {
			if drop == nil {
				drop = make([]bool, len(found))
			}
			drop[i] = true
		}
	}
	if drop == nil {
		return found, nil
	}
	for i, m := range found {
		if drop[i] {
			hidden = append(hidden, m)
		} else {
			kept = append(kept, m)
		}
	}
	return kept, hidden
}

// maskedAt reports whether the words [from, to), said for concept c (a phrase, or a
// part of a together group), overlap a mask that hides c.
func (e *Engine) maskedAt(masks []match, c, from, to int) bool {
	if len(masks) == 0 || len(e.maskedBy[c]) == 0 {
		return false
	}
	for _, n := range masks {
		if n.from < to && from < n.to && slices.Contains(e.maskedBy[c], n.concept) {
			return true
		}
	}
	return false
}

// findTogether returns the concepts said as words together in one sentence, in any
// order ("tightness in my chest", "my chest is so tight"). A group counts only when
// none of its parts is negated: "no chest pain, blood pressure high" has "chest" and
// "pressure" in one sentence but says nothing about chest pressure.
func (e *Engine) findTogether(toks []token, found, masks []match, sc *scratch) []match {
	// Only groups whose parts' first words are all in the text can match; most
	// requests allow a handful of the hundreds of groups.
	e.candidateGroups(toks, sc)
	var out []match
	for gi := range e.together {
		if sc.groupHits[gi] != e.groupIx.need[gi] {
			continue
		}
		tg := &e.together[gi]
		for start := 0; start < len(toks); {
			end := start
			for end < len(toks) && toks[end].sentence == toks[start].sentence {
				end++
			}
			var group []match
			for _, part := range tg.parts {
				m, ok := e.livePart(toks, found, masks, tg, part, start, end)
				if !ok {
					group = nil
					break
				}
				group = append(group, m)
			}
			if len(group) > 0 {
				lo, hi := group[0].from, group[0].to
				for _, m := range group {
					lo, hi = min(lo, m.from), max(hi, m.to)
				}
				for k := range group {
					group[k].groupFrom, group[k].groupTo = lo, hi
				}
			}
			out = append(out, group...)
			start = end
		}
	}
	return out
}

// livePart finds the first place in toks[start:end] where a part of a group is said
// and not negated, masked or denied by its pair. Each place is tried, not only the first:
// "not had any chest pain before but now … a tight band round my chest" denies the
// first chest, not the second.
func (e *Engine) livePart(toks []token, found, masks []match, tg *together, part phrase, start, end int) (match, bool) {
	for from := start; from < end; {
		at, ok := firstIn(toks, from, end, part)
		if !ok {
			return match{}, false
		}
		m := match{concept: tg.concept, from: at, to: at + len(part.words)}
		if !e.negated(toks, found, m) && !e.maskedAt(masks, tg.concept, m.from, m.to) && !e.deniedPair(toks, *tg, m, end) {
			return m, true
		}
		from = at + 1
	}
	return match{}, false
}

// deniedPair reports whether a part of a group is followed at once by a negating
// word and another part of the same group: "face not swollen", "lips aren't
// swelling". The group's words are both there, but said to deny it, whatever the
// sentence says elsewhere ("swelling on the gum, face not swollen").
func (e *Engine) deniedPair(toks []token, tg together, m match, end int) bool {
	k := m.to
	if k < end && linking[toks[k].norm] && toks[k].norm != "and" {
		k++ // "face is not swollen"
	}
	if k >= end || toks[k].clause != toks[m.from].clause || !e.cues[toks[k].norm] || e.pseudoAt(toks, k) {
		return false
	}
	// Any part of any group of the concept: "face & swell*" is denied by "face not
	// swollen", a word of its sibling group "face & swollen".
	for _, g := range e.together {
		if g.concept != tg.concept {
			continue
		}
		for _, part := range g.parts {
			for _, at := range []int{k + 1, k + 2} { // one word of slack: "not really swollen"
				if at < end && toks[at].clause == toks[k].clause {
					if to, ok := part.at(toks, at); ok && to <= end {
						return true
					}
				}
			}
		}
	}
	return false
}

// together is a concept said as several phrases in one sentence, in any order.
type together struct {
	concept int
	parts   []phrase
}

// firstIn returns where phrase p first starts in toks[from:to].
func firstIn(toks []token, from, to int, p phrase) (int, bool) {
	for i := from; i < to; i++ {
		if e, ok := p.at(toks, i); ok && e <= to {
			return i, true
		}
	}
	return 0, false
}

// at reports whether the phrase starts at token i, and where it ends. A phrase does
// not run over the end of a sentence, and a mask's phrase not over the end of a clause.
func (p *phrase) at(toks []token, i int) (int, bool) {
	if i+len(p.pats) > len(toks) {
		return 0, false
	}
	sentence, clause := toks[i].sentence, toks[i].clause
	for k := range p.pats {
		w, t := &p.pats[k], &toks[i+k]
		if t.sentence != sentence || (p.inClause && t.clause != clause) || !w.matches(t) {
			return 0, false
		}
		if w.kind == patAny && p.openDenied[t.norm] {
			return 0, false
		}
		if w.kind == patNumber && w.pre == "#many" && i+k+1 < len(toks) && notTemperatureUnits[toks[i+k+1].norm] && !tabletWords[toks[i+k+1].norm] {
			// "the bloods the midwife took at 28 weeks", "took 20 years": a number of
			// weeks or years is not a count of tablets.
			return 0, false
		}
		if w.kind == patNumber && (w.pre == "#under4" || w.pre == "#4plus") && !readingAt(toks, i+k) {
			return 0, false
		}
		if w.kind == patNumber && w.pre == "#inrhigh" && (!readingAt(toks, i+k) || rangeBound(toks, i+k) || clockAt(toks, i+k)) {
			return 0, false
		}
	}
	if end := i + len(p.pats); p.atEnd && end < len(toks) && toks[end].sentence == sentence && toks[end].clause == toks[end-1].clause {
		return 0, false // "$": the clause goes on after the phrase
	}
	return i + len(p.pats), true
}

// readingAt reports whether the number at token k reads as a meter's reading, not a
// count: "sugar 2 hours after eating", "glucose tablets 3 times" count hours and times;
// a whole number is a reading only at the end of its sentence or before a word that
// goes on about it ("sugar is 3 and won't go up"), never before a noun ("1 sugar in my
// tea", "my glucose 3 monthly check", "only 2 places left").
func readingAt(toks []token, k int) bool {
	next := ""
	if k+1 < len(toks) && toks[k+1].sentence == toks[k].sentence {
		next = toks[k+1].norm
	}
	if notTemperatureUnits[next] {
		return false
	}
	if strings.Contains(toks[k].norm, ".") || next == "" {
		return true
	}
	return readingNext[next]
}

// rangeBound reports whether the number at token k is a bound a plan gives, not a
// reading taken: "my target is 3.5", "range 3 to 4", "usually 3.5", "3.5 to 4.5". It
// looks back over the three words before the number in its clause (up to another
// number) for a word that names a target or a range, and at a number just before or
// after it joined by "to" or "and".
func rangeBound(toks []token, k int) bool {
	same := func(j int) bool {
		return j >= 0 && j < len(toks) && toks[j].clause == toks[k].clause
	}
	for j := k - 1; j >= k-3 && same(j); j-- {
		if toks[j].number {
			break
		}
		if boundWords[toks[j].norm] {
			return true
		}
	}
	joined := func(j, n int) bool {
		return same(j) && same(n) && (toks[j].norm == "to" || toks[j].norm == "and") && toks[n].number
	}
	return joined(k-1, k-2) || joined(k+1, k+2) || (same(k+1) && toks[k+1].number) || (same(k-1) && toks[k-1].number)
}

// clockAt reports whether the whole number at token k is a time of day, not a
// reading: "my test is at 4 and I can't make it", "at 9 tomorrow". A reading told
// with "at" says what came back or stood there: "came back at 5", "it was at 6".
// A decimal is always a reading ("my INR is at 4.2").
func clockAt(toks []token, k int) bool {
	if strings.Contains(toks[k].norm, ".") || k < 1 || toks[k-1].norm != "at" {
		return false
	}
	return k < 2 || toks[k-2].sentence != toks[k].sentence || !readingBefore[toks[k-2].norm]
}

// readingBefore, before "at" and a whole number, make the number a reading: "came back
// at 5", "it was at 6", "sitting at 4".
var readingBefore = map[string]bool{"back": true, "was": true, "now": true,
	"sitting": true, "reading": true, "been": true, "still": true, "up": true, "inr": true, "result": true,
	"high": true, "came": true, "stands": true, "stood": true, "level": true, "levels": true}

// boundWords, before a number, make it a target or a range, not a reading taken.
var boundWords = map[string]bool{"target": true, "range": true, "aim": true, "between": true, "usually": true,
	"normally": true, "usual": true, "normal": true, "should": true, "supposed": true, "meant": true}

// readingNext are the words after which a whole number ("sugar is 3 and ...") is still
// a reading: they go on about the number, and are no noun it counts.
var readingNext = map[string]bool{"and": true, "but": true, "now": true, "this": true, "today": true,
	"tonight": true, "it": true, "its": true, "not": true, "still": true, "after": true, "even": true,
	"despite": true, "on": true, "at": true, "so": true, "then": true, "mmol": true, "mmols": true,
	"which": true, "that": true, "thats": true, "with": true, "again": true, "earlier": true,
	"wont": true, "isnt": true, "hasnt": true, "keeps": true, "n": true}

// isNumberWord reports whether word starts with a digit, as every number the
// tokenizer writes does. It is tried before strconv.ParseFloat, which reads the words
// "inf" and "nan" as numbers and allocates an error for every other word: the number
// patterns are tried at each word of every request.
func isNumberWord(word string) bool { return word != "" && isDigitAt(word, 0) }

// isUnder4Reading reports whether word is a reading from 0.1 up to (not including) 4
// written as a meter shows it: digits with at most one decimal, and "mmol" allowed
// after them ("2.4mmol").
func isUnder4Reading(word string) bool {
	n, ok := meterReading(word)
	return ok && n > 0 && n < 4
}

// meterReading reads word as a meter shows a number: digits with at most one decimal,
// "mmol" allowed after them; a time ("3.30") is none.
func meterReading(word string) (float64, bool) {
	if !isNumberWord(word) {
		return 0, false
	}
	word = strings.TrimSuffix(word, "mmol")
	if dot := strings.IndexByte(word, '.'); dot >= 0 && len(word)-dot-1 > 1 {
		return 0, false
	}
	n, err := strconv.ParseFloat(word, 64)
	return n, err == nil
}

// isReadingFrom4 reports whether word is a reading from 4 up to (not including) 40
// written as a meter shows it, with at most one decimal.
func isReadingFrom4(word string) bool {
	n, ok := meterReading(word)
	return ok && n >= 4 && n < 40
}

func wordMatches(pattern, word string) bool {
	switch {
	case pattern == "?":
		return true
	case pattern == "#many":
		// A number of ten or more: "took 40 tablets" is an overdose, "took 2" is not.
		if !isNumberWord(word) {
			return false
		}
		n, err := strconv.ParseFloat(word, 64)
		return err == nil && n >= 10
	case pattern == "#num":
		// Any number written in digits: "ketones stayed under 0.6" gives a reading.
		if !isNumberWord(word) {
			return false
		}
		_, err := strconv.ParseFloat(word, 64)
		return err == nil
	case pattern == "#under4":
		// A reading under 4 as a meter shows it ("sugar is 2.4", "bm 3"): a low blood
		// sugar. A number with two decimals is a time ("at 3.30"), not a reading.
		return isUnder4Reading(word)
	case pattern == "#4plus":
		// A reading of 4 or more as a meter shows it ("it went to 6.4"): a sugar back up.
		return isReadingFrom4(word)
	case pattern == "#inrhigh":
		// An INR of 3.5 or more as a meter or a clinic gives it ("INR 4.2", "came back
		// at 6"): above the range warfarin is kept in (2 to 3, or up to 3.5 for a valve).
		n, ok := meterReading(word)
		return ok && n >= 3.5 && n < 20
	case pattern == "#year":
		// A year of the calendar: "in 2017", "back in 2019".
		n, err := strconv.Atoi(word)
		return err == nil && len(word) == 4 && n >= 1930 && n <= 2039
	case strings.HasSuffix(pattern, "*"):
		return strings.HasPrefix(word, pattern[:len(pattern)-1])
	}
	return pattern == word
}

// negationWindow is how many words before a phrase a negating word reaches: "no
// chest pain or shortness of breath" negates both, "no cough, crushing chest pain"
// does not negate the pain because the comma ends the clause.
const negationWindow = 4

// negated reports whether a negating word stands shortly before m in its clause. A
// negating word that is part of a phrase found in the text ("not drinking", "can't
// breathe") or of a pseudo-negation ("not getting better") negates nothing.
func (e *Engine) negated(toks []token, found []match, m match) bool {
	return e.negatedAfter(toks, found, m) || e.negatedBefore(toks, found, m)
}

// negatedBefore reports whether a negating word before m, in its clause or in a list
// negated as a whole, denies it: the half of negated that an all-clear after m plays
// no part in.
func (e *Engine) negatedBefore(toks []token, found []match, m match) bool {
	window := negationWindow
	for i := m.from - 1; i >= 0 && i >= m.from-window; i-- {
		if toks[i].clause != toks[m.from].clause {
			return e.negatedList(toks, found, m)
		}
		if toks[i].norm == "or" || toks[i].norm == "nor" {
			// A list keeps the negation going: "no pain in my arms or jaw". "And" does
			// not, since "no headache and now chest pain" says there is chest pain.
			window += 3
		}
		if toks[i].norm == "and" && i+1 <= m.from && newSubject[toks[i+1].norm] {
			// "no plan and I'm safe tonight", "no fever and now chest pain": "and" with
			// a new subject or time starts a statement of its own.
			return false
		}
		if !e.cues[toks[i].norm] || (toks[i].narrow && i+1 != m.from) {
			// A narrow negation ("no longer" read as "not") denies only the word right
			// after it, what stopped: "GTN no longer easing the crushing chest pain".
			continue
		}
		if e.pseudoAt(toks, i) || e.ownsCue(toks, found, i, m) {
			continue
		}
		return true
	}
	return false
}

// newSubject are the words after "and" that start a statement of its own, which a
// negation before the "and" does not reach.
var newSubject = map[string]bool{"i": true, "im": true, "ive": true, "id": true, "ill": true, "she": true,
	"shes": true, "he": true, "hes": true, "we": true, "were": true, "they": true, "theyre": true, "now": true,
	"my": true, "his": true, "her": true, "today": true, "then": true}

// afterWindow is how many words after a phrase a word like "normally" reaches:
// "peeing and pooing normally", "my breathing is fine".
const afterWindow = 3

// linking words may stand between a phrase and the all-clear that follows it; any
// other word means the all-clear is about something else ("inhaler worked fine").
var linking = map[string]bool{"is": true, "are": true, "seems": true, "seem": true, "feels": true,
	"feel": true, "looks": true, "look": true, "all": true, "completely": true, "totally": true,
	"perfectly": true, "absolutely": true, "and": true}

// negatedAfter reports whether a word that says "nothing wrong" follows m closely in
// its clause: "bladder is fine", "peeing and pooing normally". A word after "and"
// may be anything, since it names a second thing the all-clear covers as well.
func (e *Engine) negatedAfter(toks []token, found []match, m match) bool {
	for i := m.to; i < len(toks) && i < m.to+afterWindow; i++ {
		if toks[i].clause != toks[m.from].clause {
			return false
		}
		w := toks[i].norm
		if e.after[w] {
			// "not normal", "isn't fine": an all-clear that is itself negated clears nothing.
			return !e.cues[toks[i-1].norm] && !insidePhrase(found, i, m)
		}
		if !linking[w] && toks[i-1].norm != "and" {
			return false
		}
	}
	return false
}

// listClause is the most words a clause of a negated list may hold: "no numbness,
// pins and needles or bladder problems" lists short items, while a long clause after
// a comma says something new.
const listClause = 6

// negatedList reports whether m is an item of a list negated as a whole, "no A, B or
// C": the comma ends the clause, but the negation runs on to the "or" that closes the
// list. It needs that "or" ("no cough, crushing chest pain" negates only the cough),
// short items that m opens or follows an "or" in, no "but" in between, and a clause
// before them that opens with a cue and names something ("No, I have..." is an answer,
// not a list).
func (e *Engine) negatedList(toks []token, found []match, m match) bool {
	sentence := toks[m.from].sentence
	first := clauseStart(toks, m.from)
	if e.breakers[toks[first].norm] || e.clauseLen(toks, first) > listClause {
		return false
	}
	if pre := m.from - first; pre > 1 && toks[m.from-1].norm != "or" && toks[m.from-1].norm != "nor" {
		return false // "no fever, she has a rash": the rash is said, not listed
	}
	// The list must close with "or" or "nor" in m's clause or a later short one.
	closed := false
	for i := first; i < len(toks) && toks[i].sentence == sentence; i++ {
		if i > first && toks[i].clause != toks[i-1].clause && (e.breakers[toks[i].norm] || e.clauseLen(toks, i) > listClause) {
			break
		}
		if toks[i].norm == "or" || toks[i].norm == "nor" {
			closed = true
			break
		}
	}
	if !closed {
		return false
	}
	// Walk back over the list's items to the clause that opens it.
	for end := first - 1; end >= 0 && toks[end].sentence == sentence; {
		start := clauseStart(toks, end)
		n := end - start + 1
		if e.breakers[toks[start].norm] || n > listClause {
			return false
		}
		for k := start; k <= end && k < start+3; k++ {
			if e.cues[toks[k].norm] && !toks[k].narrow && k < end && !e.pseudoAt(toks, k) && !insidePhrase(found, k, m) {
				return true
			}
		}
		end = start - 1
	}
	return false
}

// clauseStart is the first token of the clause token i is in.
func clauseStart(toks []token, i int) int {
	for i > 0 && toks[i-1].clause == toks[i].clause {
		i--
	}
	return i
}

// clauseLen is the number of words in the clause that starts at token i.
func (e *Engine) clauseLen(toks []token, i int) int {
	n := 0
	for k := i; k < len(toks) && toks[k].clause == toks[i].clause; k++ {
		n++
	}
	return n
}

func (e *Engine) pseudoAt(toks []token, i int) bool {
	for _, p := range e.pseudoPat {
		if i+len(p.pats) > len(toks) {
			continue
		}
		ok := true
		for k := range p.pats {
			if !p.pats[k].matches(&toks[i+k]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// insideNegated reports whether m lies inside a negated match of the same concept:
// in "I don't have any thoughts of harming myself", "harming myself" is as negated as
// the longer phrase around it, though the negating word is further away from it.
func insideNegated(found []match, negated []bool, m match) bool {
	for i, n := range found {
		if negated[i] && n.concept == m.concept && n.from <= m.from && m.to <= n.to && n != m {
			return true
		}
	}
	return false
}

// ownsCue reports whether the negating word at i belongs to a phrase found in the text
// and so negates nothing beyond it ("not drinking and very drowsy": the drowsiness is
// said). A phrase that is itself a negation continued by "or" carries its negation on,
// as the words do: "no plan or means", "no fever or rash", "not drinking or weeing".
// And a phrase with a negating word denies what it holds after that word: "not
// sudden" is a phrase of its own, and still says the pain was not sudden. Without
// these a concept phrase containing "no" would stop the negation of other phrases.
// What the phrase holds in a blank ("no ? left", "have no @medicine") is not denied:
// "no apixaban left" has run out of the apixaban, which it names.
func (e *Engine) ownsCue(toks []token, found []match, i int, m match) bool {
	for _, f := range found {
		if f == m || f.from > i || i >= f.to || slices.Contains(e.sharesCue, f.concept) {
			continue
		}
		if f.to < m.from && continuesList(toks, f.to, m.from) {
			continue
		}
		if f.from <= m.from && m.to <= f.to && !e.inBlank(toks, f, m) {
			continue // "not sudden" is a phrase, and denies the sudden inside it
		}
		return true
	}
	return false
}

// inBlank reports whether m lies wholly in the blanks ("?", a word class such as
// "@medicine") of a phrase of f's concept found at f: words the phrase leaves open,
// so it says nothing about them, rather than words of its own.
func (e *Engine) inBlank(toks []token, f, m match) bool {
	blank := func(p phrase) bool {
		if p.concept != f.concept || len(p.words) != f.to-f.from {
			return false
		}
		if to, ok := p.at(toks, f.from); !ok || to != f.to {
			return false
		}
		for k := m.from; k < m.to; k++ {
			if w := p.words[k-f.from]; w != "?" && !strings.HasPrefix(w, "@") {
				return false
			}
		}
		return true
	}
	t := toks[f.from]
	if slices.ContainsFunc(e.byFirst[t.norm], blank) || (t.class != "" && slices.ContainsFunc(e.byFirst[t.class], blank)) {
		return true
	}
	return len(t.norm) >= 3 && slices.ContainsFunc(e.byPrefix[t.norm[:3]], blank)
}

// continuesList reports whether the words [from, to) join two items of one list: an
// "or" or "nor", perhaps with "any".
func continuesList(toks []token, from, to int) bool {
	or := false
	for k := from; k < to; k++ {
		switch toks[k].norm {
		case "or", "nor":
			or = true
		case "any":
		default:
			return false
		}
	}
	return or
}

func insidePhrase(found []match, i int, self match) bool {
	for _, f := range found {
		if f != self && f.from <= i && i < f.to {
			return true
		}
	}
	return false
}

// canonicalSex and canonicalKind put an input's sex and kind in the form the rules
// name. Every way in already parses them, but a record stored before that (a patient
// saved as "Female") must not lose the rules for women: the same pre-eclampsia text
// was an emergency for "female" and same-day for "Female".
func canonicalSex(s Sex) Sex {
	if s == Female || s == Male || s == SexUnknown {
		return s
	}
	if c, err := ParseSex(string(s)); err == nil {
		return c
	}
	return SexUnknown
}

func canonicalKind(k Kind) Kind {
	if k == Clinical || k == Admin {
		return k
	}
	if c, err := ParseKind(string(k)); err == nil {
		return c
	}
	return k
}
