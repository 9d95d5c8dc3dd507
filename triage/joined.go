package triage

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
		if !asks || !e.answersByReference(text, toks, b) {
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

// answersByReference reports whether the first clause of the sentence that opens at
// token b tells, by reference, that what was asked came true: "took them at
// teatime", "I did, 10 minutes ago", "It just has and I'm sweating".
func (e *Engine) answersByReference(text string, toks []token, b int) bool {
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
