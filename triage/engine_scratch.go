package triage

import "sync"

// scratch is the working memory of one classification, reused between requests
// through scratchPool. The lists by concept are one slice header per concept of the
// rules file (hundreds of them, twice over); making them afresh for every request
// was most of what a request allocated, and the garbage collector's work with it.
type scratch struct {
	present, denied [][]match // by concept: see analysis
	keySeen         []bool    // by group key: the text holds it (findTogether)
	groupHits       []uint16  // by together group: how many of its keys the text holds
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

// groupIndex tells which together groups a text can hold before any is looked for.
// A group can only be said when the first word of each of its parts is in the text:
// an exact word or word class must be there, and a prefix part ("swell*") needs a
// word with its first three letters. Those are the group's keys. Counting, for each
// group, how many of its keys the text holds replaces a set of the text's words
// built as strings for every request and a look-up of every part of every group
// that might match.
type groupIndex struct {
	keyOf  map[string]int32 // key id of an exact word or word class ("@medicine")
	preOf  map[string]int32 // key id of a prefix part's first three letters ("swe")
	groups [][]int32        // by key id: the groups that need the key, each once
	need   []uint16         // by group: how many distinct keys it needs
}

// indexGroups builds e.groupIx from e.together.
func (e *Engine) indexGroups() {
	ix := groupIndex{keyOf: map[string]int32{}, preOf: map[string]int32{}, need: make([]uint16, len(e.together))}
	id := func(m map[string]int32, k string) int32 {
		if n, ok := m[k]; ok {
			return n
		}
		n := int32(len(ix.groups))
		m[k] = n
		ix.groups = append(ix.groups, nil)
		return n
	}
	for g, tg := range e.together {
		var keys []int32
		for _, p := range tg.parts {
			var k int32
			switch w := p.words[0]; {
			case w == "?" || w == "#many" || w == "#year":
				continue // any word will do
			case len(w) > 0 && w[len(w)-1] == '*':
				if len(w) < 4 {
					continue // too short a prefix to rule anything out
				}
				k = id(ix.preOf, w[:3])
			default:
				k = id(ix.keyOf, w)
			}
			if !containsInt32(keys, k) {
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

func containsInt32(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// candidateGroups sets sc.groupHits so that group g can be in the text only when
// sc.groupHits[g] == e.groupIx.need[g].
func (e *Engine) candidateGroups(toks []token, sc *scratch) {
	ix := &e.groupIx
	mark := func(k int32, ok bool) {
		if !ok || sc.keySeen[k] {
			return
		}
		sc.keySeen[k] = true
		for _, g := range ix.groups[k] {
			sc.groupHits[g]++
		}
	}
	for i := range toks {
		t := &toks[i]
		k, ok := ix.keyOf[t.norm]
		mark(k, ok)
		if t.class != "" {
			k, ok = ix.keyOf[t.class]
			mark(k, ok)
		}
		if len(t.norm) >= 3 {
			k, ok = ix.preOf[t.norm[:3]]
			mark(k, ok)
		}
	}
}
