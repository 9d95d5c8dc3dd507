package triage

import (
	"slices"
	"strings"
)

// A question or a condition about a red flag may come true in the next sentence, told
// only by reference: "would I need hospital for 30 sertraline? took them at teatime",
// "what if the chest pain goes into my jaw? It just has". A condition counts as come
// true only by a report in its own sentence (pastScope.span), and words read together
// ("30 … took them") only in one sentence, so read apart the two halves say nothing.
// classifyRules reads such a request a second time with each such pair as one
// sentence, and keeps that reading only when it is an emergency: the second reading
// can only raise, so a scope, a mask or an answer that the join would carry from one
// sentence into the other cannot lose an emergency the first reading found.

// answeredJoins returns the byte offsets in text of the marks that end each sentence
// answered by the next one by reference: the sentence is a question (it ends with a
// question mark or opens as one) or holds a condition (the rules file's conditions), it holds no
// safety net ("999 if …": addReached reads those), and the first clause of the next
// holds one of the safety_nets reached or question_reached phrases that ends its
// report, is not answered or told passed, and is not itself asked. found are the
// phrases found in toks.
func (e *Engine) answeredJoins(text string, toks []token, found []match) []int {
	var out []int
	var netSentence map[int]bool // the sentences that hold a safety net
	for b := 1; b < len(toks); b++ {
		if toks[b].sentence == toks[b-1].sentence {
			continue
		}
		first := b - 1
		for first > 0 && toks[first-1].sentence == toks[b-1].sentence {
			first--
		}
		asks := question(toks, b-1) || opensAsQuestion(toks, first) || e.holdsCondition(toks, found, toks[b-1].sentence)
		if !asks || (!e.answersByReference(text, toks, b) && !e.presentReport(toks, found, b)) {
			continue
		}
		if netSentence == nil {
			netSentence = map[int]bool{}
			for _, n := range append(e.allSafetyNets(toks), e.forwardNets(toks)...) {
				netSentence[toks[n[0]].sentence] = true
			}
		}
		if netSentence[toks[b-1].sentence] {
			continue
		}
		for k := toks[b-1].end; k < toks[b].start; k++ {
			if endsSentence(rune(text[k])) {
				out = append(out, k)
			}
		}
	}
	return out
}

// joined is text with a comma for each sentence mark at the offsets at: the same
// length, so the words keep their places for the reasons that quote them.
func joined(text string, at []int) string {
	b := []byte(text)
	for _, k := range at {
		b[k] = ','
	}
	return string(b)
}

// questionOpeners are the words a question opens with, for one written without its
// question mark ("is 20 of my fluoxetine dangerous. took them at 7").
var questionOpeners = map[string]bool{"is": true, "are": true, "would": true, "could": true, "can": true,
	"should": true, "will": true, "does": true, "do": true, "how": true, "what": true, "whats": true}

// greetings are the words a message may open with before its first sentence proper.
var greetings = map[string]bool{"hi": true, "hello": true, "hey": true, "morning": true, "ok": true, "so": true, "please": true}

// opensAsQuestion reports whether the sentence that opens at token first opens as a
// question: its first word, or the one after a greeting, is one of questionOpeners.
func opensAsQuestion(toks []token, first int) bool {
	k := first
	if greetings[toks[k].norm] && k+1 < len(toks) && toks[k+1].sentence == toks[k].sentence {
		k++
	}
	return questionOpeners[toks[k].norm]
}

// holdsCondition reports whether a phrase of a condition concept is found in sentence s.
func (e *Engine) holdsCondition(toks []token, found []match, s int) bool {
	for _, m := range found {
		if m.from >= 0 && m.concept < len(e.condition) && e.condition[m.concept] && toks[m.from].sentence == s {
			return true
		}
	}
	return false
}

// reportSubjects are the words a report of what is happening now opens with, apostrophes
// dropped: "I'm bringing up mouthfuls now", "she's fitting", "he is going blue".
var reportSubjects = map[string]bool{"i": true, "im": true, "ive": true, "he": true, "hes": true, "she": true,
	"shes": true, "they": true, "theyre": true, "were": true, "we": true}

// progressiveVerbs are the present verbs that, after a subject, tell something going on
// now ("I am", "she's been", "he has been").
var progressiveVerbs = map[string]bool{"am": true, "is": true, "are": true, "been": true, "keep": true, "keeps": true}

// presentReport reports whether the sentence that opens at token b is a report of now
// in the first or third person, told as now ("I'm bringing up mouthfuls now", "she is
// still fitting"; saysNowIn), that names, in its first clause, words an emergency rule reads, and
// is not itself asked nor told as passed. After a question ("When does coughing up
// blood need an ambulance?") such a report tells the question is about what is
// happening; the joined reading decides whether it is an emergency. found are the
// phrases found in toks.
func (e *Engine) presentReport(toks []token, found []match, b int) bool {
	k := b
	if (greetings[toks[k].norm] || toks[k].norm == "well" || toks[k].norm == "and") && k+1 < len(toks) && toks[k+1].sentence == toks[b].sentence {
		k++
	}
	if !reportSubjects[toks[k].norm] {
		return false
	}
	present := false
	for j := k; j < len(toks) && j <= k+3 && toks[j].sentence == toks[b].sentence; j++ {
		w := toks[j].norm
		if j > k && pastVerb[w] {
			return false // "I had a streak once": the past
		}
		if (j > k && progressiveVerbs[w]) || (j == k && w != "i" && w != "he" && w != "she" && w != "they" && w != "we") || strings.HasSuffix(w, "ing") {
			present = true
			break
		}
	}
	if !present || askedIn(toks, b) || e.resolvedFrom(toks, b, false) || !saysNowIn(toks, b) {
		return false
	}
	for _, m := range found {
		if m.from < 0 || toks[m.from].sentence != toks[b].sentence || toks[m.from].clause != toks[k].clause {
			continue
		}
		if e.reportsRedFlag(m.concept) {
			return true
		}
	}
	return false
}

// reportsRedFlag reports whether concept c is one an emergency rule reads that tells
// a red flag: not a scope, not a time ago (resolved_after), not a time to come
// ("next week", future_time), which say when, not what.
func (e *Engine) reportsRedFlag(c int) bool {
	if c >= len(e.emergencyWord) || !e.emergencyWord[c] || slices.Contains(e.scoped, c) || slices.Contains(e.olderTime, c) {
		return false
	}
	return c != e.future
}

// saysNowIn reports whether the sentence that opens at token b says its time is now
// ("now", "right now", "at the moment", "currently", "still"): "he is starting a new
// tablet" tells a plan, "I'm bringing up mouthfuls now" what is happening.
func saysNowIn(toks []token, b int) bool {
	for j := b; j < len(toks) && toks[j].sentence == toks[b].sentence; j++ {
		if w := toks[j].norm; presentTime[w] || w == "moment" {
			return true
		}
	}
	return false
}

// possessives are the pronouns that stand for a thing named before them ("mine",
// "his"): opening the sentence after a question, one names the question's own red
// flag as the writer's ("can antibiotics cause your throat to close? mine is closing
// right now").
var possessives = map[string]bool{"mine": true, "his": true, "hers": true, "ours": true, "theirs": true}

// possessiveReport reports whether the sentence that opens at token b (after a
// greeting, "well" or "and") opens with one of possessives and a verb in the present
// tense, bare or with a time that is now in its sentence: "mine is closing right now",
// "his has started now", "Well mine is." The question
// before it is then about the writer's own, happening now; the joined reading decides
// whether it is an emergency, and an answer or a resolution in the sentence ("mine is
// fine", "mine did once years ago") stops it before that.
func possessiveReport(toks []token, b int) bool {
	k := b
	if (greetings[toks[k].norm] || toks[k].norm == "well" || toks[k].norm == "and") && k+1 < len(toks) && toks[k+1].sentence == toks[b].sentence {
		k++
	}
	if !possessives[toks[k].norm] || k+1 >= len(toks) || toks[k+1].sentence != toks[b].sentence {
		return false
	}
	v := k + 1
	if toks[v].norm == "just" && v+1 < len(toks) && toks[v+1].sentence == toks[b].sentence {
		v++
	}
	if w := toks[v].norm; !presentVerb[w] && w != "started" && w != "starting" {
		return false
	}
	// Bare ("Mine has.") or told as now ("mine is closing right now"): "mine is sore and
	// scratchy" tells another state of it, and "mine are swelling a bit in the
	// evenings" a usual one.
	if v+1 >= len(toks) || toks[v+1].sentence != toks[v].sentence {
		return true
	}
	// To the end of the sentence: "now" itself opens a clause ("closing right now").
	for j := v + 1; j < len(toks) && toks[j].sentence == toks[v].sentence; j++ {
		if w := toks[j].norm; (presentTime[w] && w != "still") || w == "moment" {
			return true
		}
	}
	return false
}

// answersByReference reports whether the first clause of the sentence that opens at
// token b tells, by reference, that what was asked came true: "took them at
// teatime", "I did, 10 minutes ago", "It just has and I'm sweating".
func (e *Engine) answersByReference(text string, toks []token, b int) bool {
	if possessiveReport(toks, b) && !e.resolvedFrom(toks, b, false) && !askedIn(toks, b) {
		return true
	}
	for i := b; i < len(toks) && toks[i].clause == toks[b].clause; i++ {
		lr, lq := phraseLen(toks, i, e.nets.reached), phraseLen(toks, i, e.nets.questionReached)
		l := max(lr, lq)
		// A medicine taken last night ("took them last night") is taken still; a red
		// flag that came last night may have gone.
		taken := lq > lr
		if l == 0 || !e.endsReport(toks, i+l) || e.firstPersonGoesOn(text, toks, i, i+l) || e.resolvedFrom(toks, i, taken) || askedIn(toks, i) {
			continue
		}
		return true
	}
	return false
}
