package triage

import (
	"slices"
	"sync"
)

// scratch is the working memory of one classification, reused between requests
// through scratchPool. The lists by concept are one slice header per concept of the
// rules file (hundreds of them, twice over); making them afresh for every request
// was most of what a request allocated, and the garbage collector's work with it.
type scratch struct {
	present, denied [][]match // by concept: see analysis
	keySeen         []bool    // by group key: the text holds it (findTogether)
	groupHits       []uint16  // by together group: how many of its keys the text holds
	ruleMaybe       []bool    // by rule: a concept it needs is present (rulesToTry)
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// getScratch returns cleared working memory sized for e. Engines of different rules
// files may share the pool: each resizes what it gets.
func (e *Engine) getScratch() *scratch {
	sc := scratchPool.Get().(*scratch)
	sc.present = cleared(sc.present, len(e.concepts))
	sc.denied = cleared(sc.denied, len(e.concepts))
	sc.keySeen = cleared(sc.keySeen, len(e.groupIx.groups))
	sc.groupHits = cleared(sc.groupHits, len(e.together))
	sc.ruleMaybe = cleared(sc.ruleMaybe, len(e.rules))
	return sc
}

// putScratch gives sc back for another request. Nothing of it may be used after.
func putScratch(sc *scratch) { scratchPool.Put(sc) }

// cleared returns s with length n and every element zero, reusing its memory when it
// is large enough. Setting a list by concept to nil (not to [:0]) matters: present
// and denied share backing arrays, so reused arrays would write into each other.
func cleared[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// indexRules builds e.ruleBy and e.emergencyWord. A rule needs every concept of all,
// or one of any, or min of several (min is at least 2), so it cannot fire unless its
// first concept of all, or one of its any or several, is present: most of the 249
// rules need a concept that a given request does not have. Every concept an emergency
// rule reads (all, any or several) is an emergency word: said after a resolution, it
// says the red flag is here again. A qualifier (a time in minutes, a side of the body)
// is not: it says nothing alone.
func (e *Engine) indexRules() {
	e.ruleBy = make([][]int32, len(e.concepts))
	e.emergencyWord = make([]bool, len(e.concepts))
	for i, r := range e.rules {
		needs := r.several
		switch {
		case len(r.all) > 0:
			needs = r.all[:1]
		case len(r.anyOf) > 0:
			needs = r.anyOf
		}
		for _, c := range needs {
			if n := len(e.ruleBy[c]); n == 0 || e.ruleBy[c][n-1] != int32(i) {
				e.ruleBy[c] = append(e.ruleBy[c], int32(i))
			}
		}
		if r.priority == Emergency {
			for _, list := range [][]int{r.all, r.anyOf, r.several} {
				for _, c := range list {
					e.emergencyWord[c] = true
				}
			}
		}
	}
	for _, c := range e.qualifiers {
		e.emergencyWord[c] = false
	}
}

// rulesToTry returns, by rule, whether a concept the rule needs is present; the
// others cannot fire. It lives in sc.
func (e *Engine) rulesToTry(present [][]match, sc *scratch) []bool {
	for c, ms := range present {
		if len(ms) > 0 {
			for _, r := range e.ruleBy[c] {
				sc.ruleMaybe[r] = true
			}
		}
	}
	return sc.ruleMaybe
}

// groupIndex tells which together groups a text can hold before any is looked for.
// A group can only be said when the first word of each of its parts is in the text:
// an exact word or word class must be there, and a prefix part ("swell*") needs a
// word with its first three letters. Those are the group's keys. Counting, for each
// group, how many of its keys the text holds replaces a set of the text's words
// built as strings for every request and a look-up of every part of every group
// that might match.
type groupIndex struct {
	// groups lists, by key, the groups that need the key, each once. A key is a
	// vocab word id (exact words and word classes), or the number of vocab words
	// plus a vocab prefix id (three letters of a prefix part).
	groups [][]int32
	need   []uint16 // by group: how many distinct keys it needs
	words  int32    // the number of vocab words: where prefix keys start
}

// indexGroups builds e.groupIx from e.together, whose parts buildIndex compiled.
func (e *Engine) indexGroups() {
	words := int32(len(e.vocab.word))
	ix := groupIndex{groups: make([][]int32, len(e.vocab.word)+len(e.vocab.pre)), need: make([]uint16, len(e.together)), words: words}
	for g, tg := range e.together {
		var keys []int32
		for _, p := range tg.parts {
			var k int32
			switch w := p.words[0]; p.pats[0].kind {
			case patAny, patNumber:
				continue // any word will do
			case patPrefix:
				if len(w) < 4 {
					continue // too short a prefix to rule anything out
				}
				k = words + e.vocab.pre[w[:3]]
			default: // an exact word or a word class
				k = p.pats[0].id
			}
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		ix.need[g] = uint16(len(keys))
		for _, k := range keys {
			ix.groups[k] = append(ix.groups[k], int32(g))
		}
	}
	e.groupIx = ix
}

// candidateGroups sets sc.groupHits so that group g can be in the text only when
// sc.groupHits[g] == e.groupIx.need[g]. The tokens' ids must be set (lookUp).
func (e *Engine) candidateGroups(toks []token, sc *scratch) {
	ix := &e.groupIx
	mark := func(k int32) {
		if sc.keySeen[k] {
			return
		}
		sc.keySeen[k] = true
		for _, g := range ix.groups[k] {
			sc.groupHits[g]++
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.word >= 0 {
			mark(t.word)
		}
		if t.cls >= 0 {
			mark(t.cls)
		}
		if t.pre >= 0 {
			mark(ix.words + t.pre)
		}
	}
}
