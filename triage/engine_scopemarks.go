package triage

import "slices"

// ScopeMarks returns the scope marks of a request (SecondOpinion.ScopeMarks): the names
// of the red-flag concepts the rules read in it only inside a scope. Training and
// classifying both take them from here, so a model reads them as it learned them.
func (e *Engine) ScopeMarks(in Input) []string {
	in.Sex, in.Kind = canonicalSex(in.Sex), canonicalKind(in.Kind)
	sc := e.getScratch()
	defer putScratch(sc)
	_, a := e.classifyRules(in, sc)
	return e.scopeMarks(a)
}

// scopeMarks names, in concept order, each concept an emergency rule reads (not a
// scope's own words, not a qualifier) with a match the rules read inside a scope: denied
// or read another way, said of someone else, put in the past, asked about, a condition
// not come true (deniedOrPast), or the advice of a safety net not reached or only asked
// about. A concept also said now is marked too: the marks tell that a red flag was told
// in a scope, the words still tell it said.
func (e *Engine) scopeMarks(a analysis) []string {
	var out []string
	for c, ms := range a.denied {
		if c >= len(e.emergencyWord) || !e.emergencyWord[c] || slices.Contains(e.scoped, c) || slices.Contains(e.qualifiers, c) {
			continue
		}
		for _, m := range ms {
			if m.from < 0 {
				continue // a fact from the patient's answers, not words told in a scope
			}
			if a.deniedOrPast(c, m) || (m.from >= 0 && m.from < len(a.netAdvice) && a.netAdvice[m.from]) {
				out = append(out, e.concepts[c])
				break
			}
		}
	}
	return out
}
