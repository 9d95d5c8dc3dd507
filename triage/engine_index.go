package triage

import (
	"slices"
	"strings"
)

// The matcher's indexes. A request's words are looked up once each (lookUp), and
// every later question (which phrases start here, does this word match, which
// groups can the text hold) is answered by comparing small integers and indexing
// slices, not by hashing strings again: at 20,000 requests a second each map look-up
// of a word counts.

// vocab gives an id to every exact word and word class the rules name, and to the
// first three letters of every prefix pattern ("swe" for "swell*").
type vocab struct {
	word map[string]int32
	pre  map[string]int32
}

func (v *vocab) wordID(w string) int32 { return idIn(v.word, w) }

func (v *vocab) preID(p string) int32 { return idIn(v.pre, p) }

// idIn is s's number in ids, given the next free one the first time s is seen.
func idIn(ids map[string]int32, s string) int32 {
	if id, ok := ids[s]; ok {
		return id
	}
	id := int32(len(ids))
	ids[s] = id
	return id
}

// lookUp sets each token's ids: of its word, its word class and its first three
// letters; -1 where the rules name none.
func (e *Engine) lookUp(toks []token) {
	for i := range toks {
		t := &toks[i]
		t.word, t.cls, t.pre = -1, -1, -1
		if id, ok := e.vocab.word[t.norm]; ok {
			t.word = id
		}
		if t.class != "" {
			if id, ok := e.vocab.word[t.class]; ok {
				t.cls = id
			}
		}
		if len(t.norm) >= 3 {
			if id, ok := e.vocab.pre[t.norm[:3]]; ok {
				t.pre = id
			}
		}
	}
}

// Kinds of pattern word.
const (
	patExact  = iota // a word: "chest"
	patPrefix        // a prefix: "vomit*"
	patAny           // "?": any one word
	patNumber        // one of numberPatterns ("#many", "#year", "#num"): wordMatches reads it
	patClass         // a word class: "@medicine"
)

// pword is one word of a phrase, compiled: what kind it is and its word's id (exact
// words and classes), its prefix without the * (prefixes) or its pattern word (numbers).
type pword struct {
	kind int8
	id   int32
	pre  string
}

// compileWord compiles a word of a phrase as normalizePhrase gives it.
func (v *vocab) compileWord(w string) pword {
	switch {
	case w == "?":
		return pword{kind: patAny}
	case slices.Contains(numberPatterns, w):
		return pword{kind: patNumber, pre: w}
	case strings.HasPrefix(w, "@"):
		return pword{kind: patClass, id: v.wordID(w)}
	case strings.HasSuffix(w, "*"):
		return pword{kind: patPrefix, pre: w[:len(w)-1]}
	}
	return pword{kind: patExact, id: v.wordID(w)}
}

// matches reports whether the pattern word matches token t (whose ids lookUp set):
// its word, or its word class for "@medicine". It answers as tokenMatches does.
func (w *pword) matches(t *token) bool {
	switch w.kind {
	case patExact:
		return t.word == w.id
	case patClass:
		return t.cls == w.id
	case patPrefix:
		return strings.HasPrefix(t.norm, w.pre)
	case patAny:
		return true
	default:
		return wordMatches(w.pre, t.norm)
	}
}

// compile gives p its compiled words.
func (p *phrase) compile(v *vocab) {
	p.pats = make([]pword, len(p.words))
	for k, w := range p.words {
		p.pats[k] = v.compileWord(w)
	}
}

// longList is the length from which a list of phrases with one first word is split
// by their second word: "cant" starts 267 phrases, and trying each at every "cant"
// was the matcher's largest cost.
const longList = 8

// phraseList is the phrases that start with one word (or word class, or three
// letters of a prefix), in the rules file's order. A long list is also split by
// each phrase's second word, so that only the phrases whose second word is the
// text's next word are tried, with those whose second word is not an exact word.
type phraseList struct {
	all      []phrase
	bySecond map[int32][]int32 // indexes into all, by the id of an exact second word
	rest     []int32           // indexes into all of the other phrases
}

func newPhraseList(all []phrase) phraseList {
	l := phraseList{all: all}
	if len(all) < longList {
		return l
	}
	l.bySecond = map[int32][]int32{}
	for i, p := range all {
		if len(p.pats) > 1 && p.pats[1].kind == patExact {
			l.bySecond[p.pats[1].id] = append(l.bySecond[p.pats[1].id], int32(i))
		} else {
			l.rest = append(l.rest, int32(i))
		}
	}
	return l
}

// appendMatches appends the list's phrases that start at token i, in the list's
// order: the two parts of a split list are merged back into it.
func (l *phraseList) appendMatches(out []match, toks []token, i int) []match {
	try := func(p *phrase) {
		if to, ok := p.at(toks, i); ok {
			out = append(out, match{concept: p.concept, from: i, to: to})
		}
	}
	if l.bySecond == nil {
		for k := range l.all {
			try(&l.all[k])
		}
		return out
	}
	var second []int32
	if i+1 < len(toks) && toks[i+1].word >= 0 {
		second = l.bySecond[toks[i+1].word]
	}
	a, b := 0, 0
	for a < len(second) || b < len(l.rest) {
		if b == len(l.rest) || (a < len(second) && second[a] < l.rest[b]) {
			try(&l.all[second[a]])
			a++
		} else {
			try(&l.all[l.rest[b]])
			b++
		}
	}
	return out
}

// phraseIndex finds the phrases that start at a token: by its word's id, by its
// word class's id, and by the id of its first three letters for prefix phrases.
type phraseIndex struct {
	byWord []phraseList // by vocab word id (exact first words and word classes)
	byPre  []phraseList // by vocab prefix id
	// byNumber is the phrases that start with a number pattern ("#many paracetamol",
	// "#many in my bag"): no text holds the word "#many", so they are tried at every
	// number the pattern matches, not looked up by the number's word.
	byNumber []numberPhrases
}

// numberPatterns are the pattern words that stand for a number (wordMatches reads
// them); a phrase that starts with one is indexed by pattern, not by word.
var numberPatterns = []string{"#many", "#year", "#num", "#under4", "#4plus", "#inrhigh"}

// numberPhrases is the phrases that start with one of numberPatterns.
type numberPhrases struct {
	pattern string
	list    phraseList
}

// buildIndex compiles every phrase of the rules and builds the indexes: the vocab,
// the phrase index and the together groups' keys. It runs once, at the end of
// NewEngine.
func (e *Engine) buildIndex() {
	v := vocab{word: map[string]int32{}, pre: map[string]int32{}}
	for w, list := range e.byFirst {
		v.wordID(w)
		for i := range list {
			list[i].compile(&v)
		}
	}
	for p, list := range e.byPrefix {
		v.preID(p)
		for i := range list {
			list[i].compile(&v)
		}
	}
	for g := range e.together {
		for i := range e.together[g].parts {
			p := &e.together[g].parts[i]
			p.compile(&v)
			if w := p.words[0]; strings.HasSuffix(w, "*") && len(w) >= 4 {
				v.preID(w[:3]) // a group's key (indexGroups)
			}
		}
	}
	e.pseudoPat = make([]phrase, len(e.pseudo))
	for i, p := range e.pseudo {
		e.pseudoPat[i] = phrase{words: p}
		e.pseudoPat[i].compile(&v)
	}
	e.vocab = v
	e.indexGroups()

	ix := phraseIndex{byWord: make([]phraseList, len(v.word)), byPre: make([]phraseList, len(v.pre))}
	for w, list := range e.byFirst {
		ix.byWord[v.word[w]] = newPhraseList(list)
	}
	for _, n := range numberPatterns {
		if list := e.byFirst[n]; len(list) > 0 {
			ix.byNumber = append(ix.byNumber, numberPhrases{pattern: n, list: newPhraseList(list)})
		}
	}
	for p, list := range e.byPrefix {
		ix.byPre[v.pre[p]] = newPhraseList(list)
	}
	e.phrases = ix
}
