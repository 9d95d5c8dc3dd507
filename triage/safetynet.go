package triage

import (
	"slices"
	"strconv"
	"strings"
)

// A safety net is advice a clinician, a leaflet or a care plan gave: "the dentist said
// if the swelling spreads to my eye or I can't swallow, go to A&E", "the midwife said
// any temperature of 38 is a 999 call". The red flag in it is a condition, not a
// report, and the rules must not call 999 on it. The conditions the rules file lists
// ("999 if", "said if") are forward-scoped from their phrase; these are the shapes
// with the consequence after the condition, where the condition's own verbs ("if the
// swelling in my throat came back and I struggled to breathe, call 999") would read as
// a new report and end the scope.

// safetyNetWords are the rules file's safety_nets, read for matching: single words
// as sets, phrases as words.
type safetyNetWords struct {
	advice, notCondition, means, answers, denials map[string]bool
	continuations, resolutions, playedDown        map[string]bool
	deniedVerbs, againVerbs, againNotStates       map[string]bool
	recentAfterLast, timeWords                    map[string]bool
	consequence, goingBack, affirmations, reached [][]string
	questionReached, againSubjects                [][]string
	firstPersonTimes                              [][]string
}

// newSafetyNetWords reads the rules file's safety_nets as the tokenizer writes words.
func newSafetyNetWords(s safetyNetSpec, spellings map[string]string) safetyNetWords {
	set := func(words []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range words {
			for _, n := range normalizePhrase(w, spellings) {
				m[n] = true
			}
		}
		return m
	}
	phrases := func(list []string) [][]string {
		var out [][]string
		for _, p := range list {
			if n := normalizePhrase(p, spellings); len(n) > 0 {
				out = append(out, n)
			}
		}
		return out
	}
	return safetyNetWords{advice: set(s.Advice), notCondition: set(s.NotCondition), means: set(s.Means),
		answers: set(s.Answers), denials: set(s.Denials),
		continuations: set(s.Continuations), resolutions: set(s.Resolutions), playedDown: set(s.PlayedDown),
		deniedVerbs: set(s.DeniedVerbs),
		consequence: phrases(s.Consequence), goingBack: phrases(s.GoingBack), affirmations: phrases(s.Affirmations), reached: phrases(s.Reached),
		questionReached: phrases(s.QuestionReached), againSubjects: phrases(s.AgainSubjects),
		againVerbs: set(s.AgainVerbs), againNotStates: set(s.AgainNotStates), recentAfterLast: set(s.RecentAfterLast),
		timeWords: set(s.TimeWords), firstPersonTimes: phrases(s.FirstPersonTimes)}
}

// phraseAt reports whether one of phrases starts at token k, in k's sentence.
func phraseAt(toks []token, k int, phrases [][]string) bool {
	return phraseLen(toks, k, phrases) > 0
}

// phraseLen is the length in words of the longest of phrases that starts at token k,
// in k's sentence, or 0 when none does. The longest, not the first listed: "it has
// come back" is a whole report where "it has", read alone, goes on with "come" and
// would not end its clause.
func phraseLen(toks []token, k int, phrases [][]string) int {
	best := 0
	for _, p := range phrases {
		if len(p) <= best || k+len(p) > len(toks) {
			continue
		}
		ok := true
		for j, w := range p {
			if toks[k+j].norm != w || toks[k+j].sentence != toks[k].sentence {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}

// consequenceAt reports whether token k names where to go in an emergency: 999, an
// ambulance, A&E, or back at once (the rules file's safety_nets consequence and
// going_back).
func (e *Engine) consequenceAt(toks []token, k int) bool {
	return e.consequenceLen(toks, k) > 0
}

// consequenceLen is the length in words of the longest consequence that starts at
// token k, or 0 when none does.
func (e *Engine) consequenceLen(toks []token, k int) int {
	l := phraseLen(toks, k, e.nets.consequence)
	if b := phraseLen(toks, k, e.nets.goingBack); b > l && !e.goingElsewhere(toks, k+b) {
		l = b
	}
	return l
}

// goingElsewhere reports whether the words from token k, after a going_back phrase,
// send the patient back to something other than care: "go straight back to the
// exercises", "straight back to work". Back to A&E or hospital names a consequence.
func (e *Engine) goingElsewhere(toks []token, k int) bool {
	if k >= len(toks) || toks[k].sentence != toks[k-1].sentence {
		return false
	}
	switch toks[k].norm {
	case "to", "into", "on", "onto", "at":
		return !e.consequenceWithin(toks, k+1, 3)
	}
	return false
}

// goingBackOnly reports whether the consequence at token k is one of the safety_nets
// going_back and no 999 or A&E is named there ("come straight back", not "come
// straight back to A&E").
func (e *Engine) goingBackOnly(toks []token, k int) bool {
	return phraseLen(toks, k, e.nets.goingBack) > 0 && !e.consequenceWithin(toks, k+1, 4)
}

// emergencyWordFrom reports whether a concept an emergency rule reads is said in the
// words from token k to the end of its sentence: the net's red flag is one the rules
// know as an emergency ("if the chest pain spreads", not "if you have questions").
func (e *Engine) emergencyWordFrom(toks []token, present [][]match, k int) bool {
	return e.emergencyWordWhere(present, nil, func(m match) bool {
		return m.from >= k && toks[m.from].sentence == toks[k].sentence
	})
}

// safetyNetWindow is the most words a safety net's condition may hold.
const safetyNetWindow = 30

// safetyNets returns the conditions of the safety nets in the text, each as the
// tokens [from, to) from the "if" (or the word after the advice, before "means 999")
// up to the consequence, and, of those, the ones that still hold: it leaves out any
// that came true in its own sentence, a report after the consequence ("call 999 if her
// lips went blue … and they have") that no negation or all-clear answers ("it hasn't",
// "she's fine"). addReached needs them all: a net that came true is a report.
func (e *Engine) safetyNets(toks []token) (all, holding [][2]int) {
	all = e.allSafetyNets(toks)
	holding = slices.DeleteFunc(slices.Clone(all), func(n [2]int) bool { return e.cameTrue(toks, n[1]) })
	return all, holding
}

// allSafetyNets returns the conditions of every safety net in the text, as
// safetyNets reads them, whether or not they came true.
func (e *Engine) allSafetyNets(toks []token) [][2]int {
	var out [][2]int
	advice := -1 // the last advice word of the sentence so far
	for k := range toks {
		if k > 0 && toks[k].sentence != toks[k-1].sentence {
			advice = -1
		}
		w := toks[k].norm
		if e.nets.advice[w] {
			advice = k
			continue
		}
		if advice < 0 {
			continue
		}
		from := -1
		switch {
		case w == "if" && (k == 0 || !e.nets.notCondition[toks[k-1].norm]):
			from = k
		case e.nets.means[w] && e.consequenceWithin(toks, k+1, 3):
			from = advice + 1
		default:
			continue
		}
		to := -1
		for j := k + 1; j < len(toks) && j <= k+safetyNetWindow && toks[j].sentence == toks[k].sentence; j++ {
			if e.consequenceAt(toks, j) {
				to = j
				break
			}
		}
		if to < 0 || to <= from {
			continue
		}
		out = append(out, [2]int{from, to})
	}
	return out
}

// consequenceWithin reports whether a consequence is named in the n words from k.
func (e *Engine) consequenceWithin(toks []token, k, n int) bool {
	for j := k; j < len(toks) && j < k+n && toks[j].sentence == toks[k-1].sentence; j++ {
		if e.consequenceAt(toks, j) {
			return true
		}
	}
	return false
}

// cameTrue reports whether the sentence goes on, after the consequence at k, with a
// report in a clause that no negating or all-clear word answers.
func (e *Engine) cameTrue(toks []token, k int) bool {
	for j := k + 1; j < len(toks) && toks[j].sentence == toks[k].sentence; j++ {
		if !reportWord(toks, j) || toks[j].clause == toks[k].clause {
			continue
		}
		if !e.clauseAnswers(toks, j) {
			return true
		}
	}
	return false
}

// clauseAnswers reports whether the clause of token j holds a negating or all-clear word.
func (e *Engine) clauseAnswers(toks []token, j int) bool {
	for i := clauseStart(toks, j); i < len(toks) && toks[i].clause == toks[j].clause; i++ {
		if (e.cues[toks[i].norm] && !e.pseudoAt(toks, i)) || e.after[toks[i].norm] || e.nets.answers[toks[i].norm] {
			return true
		}
	}
	return false
}

// standing returns the safety nets that did not come true later in the text: only
// those the patient answers after them, in a clause of its own with a denial or an
// all-clear ("It hasn't come back", "No fever since", "She's 36.9 and feeding well").
// A net with no answer keeps its words in the present. A net comes true when, after it, an affirmation is said outside a clause a negation
// answers ("I have all three", but not "it hasn't"); when an emergency rule, read
// without the nets, fires on a red flag said after it; or when a clause after it, not
// in a question, tells something now (a present verb or "now", "today") that no
// denial or all-clear answers ("He's 1.9 and we can't rouse him", "She's reading 31
// and has no idea who I am"). The report need not name the net's red flag again, so
// any unanswered one keeps the net's words in the present: a lost emergency costs a
// life, a false alarm a call.
func (e *Engine) standing(in Input, f features, present [][]match, past *pastScope, toks []token, nets [][2]int) [][2]int {
	var out [][2]int
	for _, n := range nets {
		if e.answeredAfter(toks, n[1]) && !e.affirmedAfter(toks, n[1]) && !e.firesAfter(in, f, toks, present, past, n[1]) && !e.reportedAfter(toks, n[1]) {
			out = append(out, n)
		}
	}
	return out
}

// answeredAfter reports whether a clause after the consequence at k, not the
// consequence's own, holds a denial or an answer word of the rules file's safety_nets.
func (e *Engine) answeredAfter(toks []token, k int) bool {
	for i := k + 1; i < len(toks); i++ {
		if toks[i].clause == toks[k].clause {
			continue
		}
		if e.answersNet(toks, i) {
			return true
		}
	}
	return false
}

// deniesNet reports whether token j is one of the rules file's safety_nets denials,
// not inside a pseudo-negation: "it hasn't", not "not only".
func (e *Engine) deniesNet(toks []token, j int) bool {
	return e.nets.denials[toks[j].norm] && !e.pseudoAt(toks, j)
}

// answersNet reports whether token j answers a safety net as not reached: a denial,
// an all-clear word or one of the safety_nets answers ("it hasn't", "she's fine").
func (e *Engine) answersNet(toks []token, j int) bool {
	w := toks[j].norm
	return e.deniesNet(toks, j) || e.after[w] || e.nets.answers[w]
}

// reportedAfter reports whether a clause after token k, in a sentence that is not a
// question, tells something now that no denial or answer word of the rules file's safety_nets answers.
func (e *Engine) reportedAfter(toks []token, k int) bool {
	for i := k + 1; i < len(toks); i++ {
		w := toks[i].norm
		if toks[i].sentence == toks[k].sentence || !tellsNow(w) || question(toks, i) {
			continue
		}
		if !e.clauseAnswersNet(toks, i, false) {
			return true
		}
	}
	return false
}

// clauseAnswersNet reports whether the clause of token i answers a safety net as not
// reached (answersNet: the safety_nets denials, not clauseAnswers' negations) or, with
// resolved, tells it passed (the safety_nets resolutions).
func (e *Engine) clauseAnswersNet(toks []token, i int, resolved bool) bool {
	for j := clauseStart(toks, i); j < len(toks) && toks[j].clause == toks[i].clause; j++ {
		if e.answersNet(toks, j) || (resolved && e.nets.resolutions[toks[j].norm]) {
			return true
		}
	}
	return false
}

// tellsNow reports whether word w can tell something happening now: a present verb
// ("he's", "it's"), a time ("now", "today") or a word in -ing ("getting worse"). It errs
// wide: a report read wrongly keeps a safety net's red flag in the present.
func tellsNow(w string) bool {
	return presentVerb[w] || presentTime[w] || w == "its" || w == "thats" || w == "theres" ||
		(len(w) > 4 && strings.HasSuffix(w, "ing"))
}

// question reports whether the sentence of token i ends with a question mark
// (tokenize marks its words asked).
func question(toks []token, i int) bool { return toks[i].asked }

// affirmedAfter reports whether an affirmation is said after token k, outside a
// clause a negating word answers.
func (e *Engine) affirmedAfter(toks []token, k int) bool {
	for i := k + 1; i < len(toks); i++ {
		if phraseAt(toks, i, e.nets.affirmations) && !e.clauseDenies(toks, i) {
			return true
		}
	}
	return false
}

// clauseDenies reports whether the clause of token j holds a negating word.
func (e *Engine) clauseDenies(toks []token, j int) bool {
	for i := clauseStart(toks, j); i < len(toks) && toks[i].clause == toks[j].clause; i++ {
		if e.cues[toks[i].norm] && !e.pseudoAt(toks, i) {
			return true
		}
	}
	return false
}

// firesAfter reports whether an emergency rule fires on the words present, with one of
// its concepts said after token k.
func (e *Engine) firesAfter(in Input, f features, toks []token, present [][]match, past *pastScope, k int) bool {
	for i := range e.rules {
		r := &e.rules[i]
		if r.priority != Emergency || r.weak || !r.fires(in, f, toks, present, past) {
			continue
		}
		for _, list := range [][]int{r.all, r.anyOf, r.several} {
			for _, c := range list {
				if slices.ContainsFunc(present[c], func(m match) bool { return m.from > k }) {
					return true
				}
			}
		}
	}
	return false
}

// addSafetyNets puts the conditions nets in the scope of the rules file's first
// condition concept (hypothetical), which every emergency rule stops for: it adds a
// match of the concept over each and marks its words. It returns ps, made when it was
// nil.
func (e *Engine) addSafetyNets(toks []token, present [][]match, ps *pastScope, nets [][2]int) *pastScope {
	c := -1
	for id, isCond := range e.condition {
		if isCond {
			c = id
			break
		}
	}
	if c < 0 {
		return ps
	}
	for _, n := range nets {
		if ps == nil {
			ps = e.newPastScope(toks, len(present))
		}
		if ps.words[c] == nil {
			ps.words[c] = make([]bool, len(toks))
		}
		for k := n[0]; k < n[1]; k++ {
			ps.words[c][k] = true
		}
		present[c] = append(present[c], match{concept: c, from: n[0], to: n[1]})
	}
	return ps
}

// safetyNetReached is the concept the rules file gives a safety net that came true
// by reference.
const safetyNetReached = "safety_net_reached"

// addReached adds the concept safetyNetReached, where the rules file has it, at each
// phrase of the rules file's safety_nets reached said after a safety net ("999 if the
// chest pain comes back. It has.", "It's happening again", "That's where I am now")
// that says it came true: the phrase ends its clause or goes on with one of the
// continuations ("It's back exactly the same", "They have just now"), is not in the
// clause a question ends with, and neither its clause nor the rest of its sentence
// answers it or tells it passed ("it has been fine", "it came back but went after a
// minute": the resolutions). The nets are the conditions nets (nets), read after their
// consequence, and the ones with the consequence first ("call 999 if her tongue
// swells"; forward, as forwardNets reads them), read after their sentence, since the
// condition runs to its end. Such a report does not name the red flag again, so no
// rule of the red flag can fire on it, and the red flag may not be an emergency in
// other words ("chest pain", "confusion"): the clinician who gave the net set the
// threshold, and the patient says it is reached.
func (e *Engine) addReached(text string, toks []token, present [][]match, nets, forward [][2]int) {
	c, ok := e.conceptID[safetyNetReached]
	if !ok {
		return
	}
	spans := append(slices.Clone(nets), forward...)
	for x, n := range spans {
		// The consequence: after a condition net's words, before a forward net's.
		at := n[1]
		if x >= len(nets) {
			at = n[0] - 1
		}
		if e.goingBackOnly(toks, at) && !e.emergencyWordFrom(toks, present, n[0]) {
			continue // "come straight back if you have any questions. I have."
		}
		th, below, hasTh := threshold(toks, n[0], n[1])
		for i := n[1] + 1; i < len(toks); i++ {
			l := max(phraseLen(toks, i, e.nets.reached), e.againLen(toks, i))
			if l == 0 || !e.endsReport(toks, i+l) || e.firstPersonGoesOn(text, toks, i, i+l) || e.resolvedFrom(toks, i, false) || askedIn(toks, i) {
				continue
			}
			if v, ok := readingFrom(toks, i); ok && hasTh && ((below && v >= th) || (!below && v <= th)) {
				continue // "999 if over 40. It came back today at 38.2": the reading says not
			}
			// Every one: a rule stops for one said in the past ("it happened in March").
			present[c] = append(present[c], match{concept: c, from: i, to: i + l})
		}
		for _, i := range e.namedAgain(toks, n, x >= len(nets)) {
			present[c] = append(present[c], match{concept: c, from: i, to: i + 1})
		}
	}
}

// netPlainWords are words of a safety net's condition that say nothing of its red flag
// ("if the pain gets worse", "come straight back if she went floppy"): said again after
// it, they name no red flag come true.
var netPlainWords = map[string]bool{"with": true, "have": true, "been": true, "that": true, "this": true,
	"when": true, "then": true, "they": true, "them": true, "there": true, "what": true, "your": true,
	"from": true, "into": true, "again": true, "more": true, "just": true, "after": true, "before": true,
	"back": true, "about": true, "like": true, "very": true, "said": true, "told": true, "would": true,
	"could": true, "should": true, "will": true, "going": true, "goes": true, "gets": true, "getting": true,
	"went": true, "gone": true, "come": true, "came": true, "comes": true, "stop": true, "stops": true,
	"stopped": true, "didnt": true, "doesnt": true, "dont": true, "feel": true, "feels": true, "felt": true,
	"feeling": true, "straight": true, "right": true, "away": true, "immediately": true, "their": true,
	"hers": true, "start": true, "starts": true, "started": true, "happens": true, "happened": true,
	"pain": true, "anything": true, "something": true, "worried": true, "worry": true, "questions": true}

// netStoppedWords, before a word of a net's condition, make the red flag its absence
// ("stops working", "not breathing"): the word said again tells it did not come true.
var netStoppedWords = map[string]bool{"stops": true, "stop": true, "stopped": true, "not": true, "no": true,
	"doesnt": true, "didnt": true, "cant": true, "wont": true, "isnt": true}

// namedAgainVerbs, before a word in its clause, make it what the subject is or has
// become now ("She is floppy now", "It has gone cold", "he is still vomiting"), not the
// subject itself ("The rash is the same size").
var namedAgainVerbs = map[string]bool{"am": true, "is": true, "are": true, "im": true, "hes": true, "shes": true,
	"its": true, "theyre": true, "has": true, "have": true, "gone": true, "still": true, "getting": true}

// namedAgain returns the tokens, in the sentences after the safety net n, that say its
// red flag came true by naming it again in the present: a word of the net's condition
// (not one of netPlainWords) after a verb of namedAgainVerbs in its clause, where
// nothing answers it, plays it down or tells it passed, in a sentence that is not a
// question ("told to come straight back if she went floppy. She is floppy now."). forward is a net with its condition
// after the consequence, which runs to the end of its sentence.
func (e *Engine) namedAgain(toks []token, n [2]int, forward bool) []int {
	from, to := max(n[0], 0), n[1]
	if forward {
		for to+1 < len(toks) && toks[to+1].sentence == toks[from].sentence {
			to++
		}
		to++
	}
	words := map[string]bool{}
	for k := from; k < to && k < len(toks); k++ {
		w := toks[k].norm
		if len(w) < 4 || netPlainWords[w] || toks[k].number || (k > 0 && netStoppedWords[toks[k-1].norm]) {
			continue // "if the blue inhaler stops working": "It is working" says not
		}
		words[w] = true
	}
	var out []int
	for i := to; i < len(toks); i++ {
		if toks[i].sentence == toks[from].sentence || !words[toks[i].norm] || question(toks, i) {
			continue
		}
		verb, down := false, false
		for j := clauseStart(toks, i); j < len(toks) && toks[j].clause == toks[i].clause; j++ {
			verb = verb || (j < i && namedAgainVerbs[toks[j].norm])
			down = down || e.nets.playedDown[toks[j].norm]
		}
		if verb && !down && !e.resolvedFrom(toks, i, false) {
			out = append(out, i)
		}
	}
	return out
}

// againLen is the length in words of a report, by reference, that a net's red flag is
// back in its state: one of the safety_nets again_subjects, one of its again_verbs,
// one or two words of the state and "again" ("It has gone heavy again", "He's gone
// floppy again"); 0 when none starts at token i. A state of again_not_states is none:
// "It's gone away again", "She's gone back to school again".
func (e *Engine) againLen(toks []token, i int) int {
	s := phraseLen(toks, i, e.nets.againSubjects)
	k := i + s
	if s == 0 || k >= len(toks) || toks[k].clause != toks[i].clause || !e.nets.againVerbs[toks[k].norm] {
		return 0
	}
	for j := k + 1; j <= k+3 && j < len(toks) && toks[j].clause == toks[i].clause; j++ {
		switch w := toks[j].norm; {
		case w == "again":
			if j == k+1 {
				return 0 // "It has gone again" may say it went
			}
			return j + 1 - i
		case e.nets.againNotStates[w]:
			return 0
		}
	}
	return 0
}

// threshold returns the first number in the tokens [from, to) of a safety net's
// condition and whether it is a limit to fall under ("under 3", "drops below 88") or
// to rise over ("over 40"); ok is false when there is no number with such a word
// within three words before it.
func threshold(toks []token, from, to int) (v float64, below, ok bool) {
	for k := max(from, 0); k < to && k < len(toks); k++ {
		n, err := strconv.ParseFloat(toks[k].norm, 64)
		if err != nil {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			switch toks[j].norm {
			case "under", "below", "less", "lower", "drops", "drop", "dropped", "falls":
				return n, true, true
			case "over", "above", "higher", "more", "exceeds", "past", "goes":
				return n, false, true
			}
		}
		return 0, false, false
	}
	return 0, false, false
}

// timeUnits are the words after a number that make it a time, not a reading.
var timeUnits = map[string]bool{"minutes": true, "minute": true, "mins": true, "min": true, "hour": true,
	"hours": true, "hrs": true, "am": true, "pm": true, "seconds": true, "secs": true}

// readingFrom returns the first number from the clause of token i to the end of its
// sentence that is not a time ("at 38.2", not "20 minutes ago").
func readingFrom(toks []token, i int) (float64, bool) {
	for k := clauseStart(toks, i); k < len(toks) && toks[k].sentence == toks[i].sentence; k++ {
		n, err := strconv.ParseFloat(toks[k].norm, 64)
		if err != nil || (k+1 < len(toks) && timeUnits[toks[k+1].norm]) {
			continue
		}
		return n, true
	}
	return 0, false
}

// endsReport reports whether token k, the word after a reached phrase, leaves the
// phrase a whole report: it is the end of the text, of the sentence or of the clause,
// one of the rules file's continuations or a number ("It did 20 minutes ago"); always after a phrase that ends in "now" or
// "again".
func (e *Engine) endsReport(toks []token, k int) bool {
	if last := toks[k-1].norm; last == "now" || last == "again" {
		return true // "happening now", "happened again": the phrase tells when itself
	}
	return k >= len(toks) || toks[k].sentence != toks[k-1].sentence || toks[k].clause != toks[k-1].clause ||
		e.nets.continuations[toks[k].norm] || (toks[k].norm != "" && toks[k].norm[0] >= '0' && toks[k].norm[0] <= '9')
}

// firstPersonGoesOn reports whether a reached phrase that is a bare auxiliary in the
// first person ("I have", "I did", "I already have"), tokens [i, k), goes on after it
// with news of the patient's own ("I have an appointment on Monday", "I have about 10
// left", "I have now had the bloods", "I have just started the tablets"). Such a
// phrase says the net came true only where a mark of punctuation or the end of the
// text follows it ("I have, twice", "I did."), or times and counts of when it
// happened, up to the end of its clause ("I did about an hour ago", "I have twice
// this morning"; timesFrom). Phrases that say it in full ("I feel that way tonight")
// go on as any other.
func (e *Engine) firstPersonGoesOn(text string, toks []token, i, k int) bool {
	if !firstPersonBare(toks, i, k) {
		return false
	}
	return !endsHere(text, toks, k) && !e.timesFrom(text, toks, k)
}

// firstPersonBare reports whether tokens [i, k) are a bare auxiliary in the first
// person: "I have", "I did", "I already have", and "I am" or "I'm", which answer a net
// or a question of being ("come straight back if I got short of breath. I am").
func firstPersonBare(toks []token, i, k int) bool {
	last := toks[k-1].norm
	if k-i == 1 && last == "im" {
		return true
	}
	return toks[i].norm == "i" && (last == "have" || last == "did" || last == "am")
}

// endsHere reports whether the text, its sentence or a mark of punctuation ends before
// token k. A clause begun by a word ("now", "but") does not: "I have now had the
// bloods" goes on.
func endsHere(text string, toks []token, k int) bool {
	if k >= len(toks) || toks[k].sentence != toks[k-1].sentence {
		return true
	}
	rest := strings.TrimLeft(text[toks[k-1].end:], " ")
	return rest == "" || strings.ContainsRune(",.;:!?-", rune(rest[0]))
}

// timesFrom reports whether the words from token k to the end of their clause are
// only times and counts of when something happened: the safety_nets first_person_times
// ("twice", "this morning", "just now") and times ago ("about an hour ago"), up to
// the end of the text, the sentence or a mark of punctuation.
func (e *Engine) timesFrom(text string, toks []token, k int) bool {
	for n := 0; n < 4; n++ {
		if n > 0 && endsHere(text, toks, k) {
			return true
		}
		if l := phraseLen(toks, k, e.nets.firstPersonTimes); l > 0 {
			k += l
			continue
		}
		if l := e.agoLen(toks, k); l > 0 {
			k += l
			continue
		}
		return false
	}
	return endsHere(text, toks, k)
}

// agoLen is the length in words of a time ago that starts at token k ("about an hour
// ago", "20 minutes ago"): up to five numbers or safety_nets time_words, then "ago";
// 0 when none does.
func (e *Engine) agoLen(toks []token, k int) int {
	for j := k; j < len(toks) && j < k+6 && toks[j].clause == toks[k].clause; j++ {
		w := toks[j].norm
		if w == "ago" {
			return j + 1 - k
		}
		if !toks[j].number && !e.nets.timeWords[w] {
			return 0
		}
	}
	return 0
}

// resolvedFrom reports whether, from the clause of token i to the end of its sentence,
// a word answers a safety net or tells it passed: one of the net's denials ("it
// hasn't", not "she doesn't know me"), an all-clear word, one of its answers or
// resolutions; or the next sentence opens with a denial or an answer.
// With lastNight, "last night" and "last evening" do not tell it passed: an overdose
// taken last night is still an emergency, where a net's red flag come and gone then
// is not (answersByReference reads a medicine taken so).
func (e *Engine) resolvedFrom(toks []token, i int, lastNight bool) bool {
	for j := clauseStart(toks, i); j < len(toks) && toks[j].sentence == toks[i].sentence; j++ {
		w := toks[j].norm
		if w == "well" && (j == 0 || toks[j-1].sentence != toks[j].sentence) {
			continue // "Well, it's happening again" is a report, "doing well" an answer
		}
		if w == "last" && j+1 < len(toks) && e.nets.recentAfterLast[toks[j+1].norm] {
			continue // "twice in the last hour": now, not a time long past
		}
		if lastNight && w == "last" && j+1 < len(toks) && (toks[j+1].norm == "night" || toks[j+1].norm == "evening") {
			continue // "took them last night": hours ago, not a time long past
		}
		if e.answersNet(toks, j) || e.nets.resolutions[w] {
			return true
		}
	}
	// The next sentence may answer it at once: "It's back. No sweating, just a twinge."
	for j := i + 1; j < len(toks); j++ {
		if toks[j].sentence != toks[i].sentence {
			return e.nets.answers[toks[j].norm] || (e.deniesNet(toks, j) && e.playsDown(toks, j))
		}
	}
	return false
}

// playsDown reports whether the sentence that opens at token j, with a denial, answers
// the net said true before it: it plays the report down ("No sweating, just a twinge",
// "Not as bad as before"), gives an all-clear or denies the net itself ("No, it
// hasn't"). A denial of something else leaves the report standing: "It has come back.
// No headache." is a stroke net reached, with one of its questions answered.
func (e *Engine) playsDown(toks []token, j int) bool {
	for k := j; k < len(toks) && toks[k].sentence == toks[j].sentence; k++ {
		w := toks[k].norm
		if e.nets.playedDown[w] || e.nets.resolutions[w] || e.nets.answers[w] || e.after[w] || (k > j && e.nets.deniedVerbs[w]) {
			return true
		}
	}
	return false
}

// forwardNets returns, for each sentence that names a consequence followed within a
// few words of its end by "if" ("ring 999 straight away if"), the condition as the tokens [from,
// to) from the word after the consequence to the sentence's last word, which the
// condition runs to.
func (e *Engine) forwardNets(toks []token) [][2]int {
	var out [][2]int
	for k := 0; k < len(toks); k++ {
		l := e.consequenceLen(toks, k)
		if l == 0 {
			continue
		}
		// Up to three words between the consequence's end and "if": counted from its
		// end, so a long one ("straight to the labour ward") has the same reach.
		for j := k + l; j < len(toks) && j <= k+l+3 && toks[j].sentence == toks[k].sentence; j++ {
			if toks[j].norm == "if" {
				from := k + 1
				for k+1 < len(toks) && toks[k+1].sentence == toks[j].sentence {
					k++
				}
				out = append(out, [2]int{from, k})
				break
			}
		}
	}
	return out
}

// askedIn reports whether token i is in the last clause of a sentence that ends with
// a question mark: "What if it has?" asks, "It came back an hour ago, so what should I
// do?" tells, then asks.
func askedIn(toks []token, i int) bool {
	last := i
	for last+1 < len(toks) && toks[last+1].sentence == toks[i].sentence {
		last++
	}
	return toks[last].clause == toks[i].clause && question(toks, i)
}

// netAdviceNotReached marks, by token, the words of each safety net the rules read as
// not reached or only asked about: from the advice that gives it ("They said", "Told
// to") through its consequence ("999", "come straight back") and its condition ("if
// the chest pain came back"), the net's whole span in its sentence. The rules read a
// net as reached only when a report after it says so (safety_net_reached: "It has",
// "It's back exactly the same", or its red flag named again now), and then its words
// stay; otherwise they leave the 999 evidence, as a past or a question does. A model
// that learned "said 999 if … It has" raised "said 999 if … It's gone away again now"
// on the net's own words (round 14's retrain). Reports after the net stay: "It's
// closing his eye now" is read on its own. It returns nil when nothing is marked.
func (e *Engine) netAdviceNotReached(toks []token, present [][]match, condNets, forward [][2]int) []bool {
	reached, hasReached := e.conceptID[safetyNetReached]
	var out []bool
	mark := func(from, to, cond int) {
		if hasReached && slices.ContainsFunc(present[reached], func(m match) bool { return m.from >= from }) {
			return
		}
		// A condition that tells two things ("if he stopped breathing for more than
		// 20 seconds and he stopped breathing for about 30 seconds", "if the chest
		// pain came back, and it has come back now") may say in its own sentence that
		// it came true: its words stay.
		verbs := 0
		for k := cond; k < to && k < len(toks); k++ {
			if reportWord(toks, k) {
				verbs++
			}
		}
		if verbs > 1 || e.conditionToldAfter(toks, cond, to) {
			return
		}
		from = e.adviceBefore(toks, from)
		if out == nil {
			out = make([]bool, len(toks))
		}
		for k := from; k < to && k < len(toks); k++ {
			out[k] = true
		}
	}
	for _, n := range condNets {
		// [if, consequence): the condition first, then where to go; a report after
		// the consequence in its sentence tells it came true.
		if !e.cameTrue(toks, n[1]) {
			mark(n[0], n[1]+e.consequenceLen(toks, n[1]), n[0])
		}
	}
	for _, n := range forward {
		// The consequence starts the word before n[0]; the condition runs from the
		// "if" after it to the sentence's last word, n[1].
		mark(n[0]-1, n[1]+1, n[0])
	}
	return out
}

// conditionToldAfter reports whether, after the net that ends at token to, a clause
// not asked and not answered names a word of the condition [cond, to) again in any form
// ("if swallowing got hard call 999. I can barely swallow my spit now"): a word of five
// letters or more, not one of netPlainWords, whose first five letters a word of the
// clause shares. The rules' own reading (namedAgain) needs the very word after a verb
// of now; for the model's evidence a looser one keeps the net's words, since a net come
// true in other words is the model's to raise.
func (e *Engine) conditionToldAfter(toks []token, cond, to int) bool {
	stem := func(w string) string {
		if len(w) < 5 || netPlainWords[w] {
			return ""
		}
		return w[:5]
	}
	stems := map[string]bool{}
	for k := cond; k < to && k < len(toks); k++ {
		if st := stem(toks[k].norm); st != "" {
			stems[st] = true
		}
	}
	if len(stems) == 0 {
		return false
	}
	for i := to; i < len(toks); i++ {
		if !stems[stem(toks[i].norm)] || question(toks, i) {
			continue
		}
		if !e.clauseAnswersNet(toks, i, true) {
			return true
		}
	}
	return false
}

// adviceBefore is the first word of the advice that gives the safety net whose words
// start at token k ("They said", "Told to ring", "The hospital said come back"): the
// rules file's safety_nets advice word up to a few words before k in its sentence, or k.
func (e *Engine) adviceBefore(toks []token, k int) int {
	for j := k - 1; j >= 0 && j >= k-4 && toks[j].sentence == toks[k].sentence; j-- {
		if e.nets.advice[toks[j].norm] {
			return j
		}
	}
	return k
}
