package triage

import "slices"

// ScopeMarks returns the scope marks of a request (SecondOpinion.ScopeMarks): the names
// of the red-flag concepts the rules read in it only inside a scope. Training and
// classifying both take them from here, so a model reads them as it learned them.
func (e *Engine) ScopeMarks(in Input) []string { return e.ScopeMarksOf(in, 1) }

// ScopeMarksOf is ScopeMarks of a version (SecondOpinion.ScopeMarks): 2 leaves out the
// scopes of conditions (the rules file's conditions, which also hold the standing safety
// nets) and a net's advice: the rules read them as not come true where they often have,
// and marks learned on them weighed down nets come true ("After the stent they said ring
// 999 if I had the crushing feeling again. Yes. Right now. Sweating.").
func (e *Engine) ScopeMarksOf(in Input, version int) []string {
	in.Sex, in.Kind = canonicalSex(in.Sex), canonicalKind(in.Kind)
	sc := e.getScratch()
	defer putScratch(sc)
	_, a := e.classifyRules(in, sc)
	return e.scopeMarks(a, version)
}

// scopeMarks names, in concept order, each concept an emergency rule reads (not a
// scope's own words, not a qualifier) with a match the rules read inside a scope: denied
// or read another way, said of someone else, put in the past, asked about, a condition
// not come true (deniedOrPast), or the advice of a safety net not reached or only asked
// about. A concept also said now is marked too: the marks tell that a red flag was told
// in a scope, the words still tell it said. Version 2 reads scopedOutsideConditions.
func (e *Engine) scopeMarks(a analysis, version int) []string {
	var out []string
	for c, ms := range a.denied {
		if c >= len(e.emergencyWord) || !e.emergencyWord[c] || slices.Contains(e.scoped, c) || slices.Contains(e.qualifiers, c) {
			continue
		}
		for _, m := range ms {
			if m.from < 0 {
				continue // a fact from the patient's answers, not words told in a scope
			}
			if version >= 2 && e.scopedOutsideConditions(a, c, m) {
				out = append(out, e.concepts[c])
				break
			}
			if version < 2 && (a.deniedOrPast(c, m) || (m.from < len(a.netAdvice) && a.netAdvice[m.from])) {
				out = append(out, e.concepts[c])
				break
			}
		}
	}
	return out
}

// scopedOutsideConditions is deniedOrPast without the scopes of conditions and safety
// nets (version 2): the rules read a net or an "if" as not come true where it often has.
func (e *Engine) scopedOutsideConditions(a analysis, c int, m match) bool {
	if !slices.Contains(a.present[c], m) {
		return true
	}
	if a.past == nil {
		return false
	}
	for sc, w := range a.past.words {
		if w != nil && m.from < len(w) && w[m.from] && !(sc < len(e.condition) && e.condition[sc]) {
			return true
		}
	}
	return false
}
