package triage

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SecondOpinion is a statistical model of the labelled requests that reads a request
// beside the rules and may raise the rules' priority, never lower it. The rules know
// the phrases their authors thought of; the model knows how thousands of labelled
// requests were worded, so it catches lay paraphrases of red flags no phrase list holds
// ("I've sorted out who gets the dog" beside low mood). It is built by `triagectl
// train` from triage/testdata/*.jsonl into assets/second-opinion.gob and does not
// change after it is loaded, so one can serve every goroutine.
//
// The features are TF-IDF weights of word unigrams, word bigrams and character
// 5-grams, hashed into 2^Bits buckets. Three linear heads score "an emergency", "at
// least same-day" and "at least soon"; a head raises when its score reaches its
// threshold, which training chose on held-out sets so that few requests that are less
// urgent are raised. Short messages have their own, higher thresholds: a few words
// are weak evidence, and raising them was the probe's commonest false alarm.
type SecondOpinion struct {
	Format  int    // the file format; Load refuses one it does not know
	Version string // shown in every reason the model gives, so a raise can be traced
	Method  string // how the weights were learned: "logistic" or "naive-bayes"
	Bits    int    // log2 of the number of feature buckets
	// Scoped models read the words a patient denies or puts in the past as features
	// apart from the same words said (Features); older models, without the field, did not.
	Scoped bool
	// Cells holds, per bucket, its IDF and the three heads' weights, side by side so
	// that scoring a feature reads one cache line.
	Cells []Cell
	// DefaultIDF weights a bucket that no training request had.
	DefaultIDF float32
	Bias       [3]float32
	// Threshold and ShortThreshold are the scores at which each head raises, for
	// messages of at least ShortWords words and for shorter ones.
	Threshold, ShortThreshold [3]float32
	ShortWords                int
	// Examples are the labelled requests the model names when it raises ("reads
	// like: ..."): the urgent ones of the training sets.
	Examples []Example
	// ScopeMarks says which scope marks the 999 head was trained with: 0, none (every
	// model before 2026.12.18, read exactly as before); 1, one feature "scoped:<concept>"
	// per red flag the desk's rules read inside a scope (denied, put in the past, asked
	// about in advance, said of someone else, a condition, a safety net not reached), beside
	// the word features (Engine.scopeMarks). With the same words, a word feature cannot
	// tell "crushing chest pain now" from "what should I do if I get crushing chest pain";
	// the rules' reading of the scope can, and training and classifying read it alike.
	// 2: as 1 without conditions and safety nets (Engine.ScopeMarksOf).
	ScopeMarks int
	// MarkNames are the concepts of the scope marks, sorted, and MarkW the 999 head's
	// weight of each; a concept without a weight (not in training's marks) adds nothing.
	MarkNames []string
	MarkW     []float32

	// like is the Examples' feature vectors turned round, built on load: for each
	// bucket, the examples that have it. ReadsLike then touches only the examples
	// that share a feature with the text, not every example's every feature.
	like postings
	// markW is MarkNames and MarkW as a map, built on load.
	markW map[string]float32
}

// postings is an inverted index of sparse vectors: the entries of bucket b are
// ex[start[b]:start[b+1]] and val[start[b]:start[b+1]], in example order.
type postings struct {
	start []int32
	ex    []int32
	val   []float32
}

// Cell is one feature bucket of a SecondOpinion.
type Cell struct {
	IDF float32
	W   [3]float32 // emergency, at least same-day, at least soon
}

// Example is one labelled request the model can name.
type Example struct {
	Text     string
	Priority Priority
}

// ModelFormat is the SecondOpinion file format this code reads and writes.
const ModelFormat = 1

// heads are the priorities the three heads raise to, in order.
var heads = [3]Priority{Emergency, SameDay, Soon}

// LoadSecondOpinion reads a model written by Encode, checking that it is whole.
func LoadSecondOpinion(b []byte) (*SecondOpinion, error) {
	var m SecondOpinion
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&m); err != nil {
		return nil, fmt.Errorf("read the second opinion's model: %w", err)
	}
	if m.Format != ModelFormat {
		return nil, fmt.Errorf("the second opinion's model is format %d; this version reads format %d: rebuild it with triagectl train", m.Format, ModelFormat)
	}
	if m.Bits < 10 || m.Bits > 24 || len(m.Cells) != 1<<m.Bits {
		return nil, fmt.Errorf("the second opinion's model is damaged: %d cells for %d bits", len(m.Cells), m.Bits)
	}
	if m.ScopeMarks < 0 || m.ScopeMarks > ScopeMarksVersion {
		return nil, fmt.Errorf("the second opinion's model reads scope marks of version %d; this version reads up to %d: rebuild it with triagectl train", m.ScopeMarks, ScopeMarksVersion)
	}
	if len(m.MarkNames) != len(m.MarkW) {
		return nil, fmt.Errorf("the second opinion's model is damaged: %d scope marks for %d weights", len(m.MarkNames), len(m.MarkW))
	}
	for _, ex := range m.Examples {
		if !ex.Priority.Valid() {
			return nil, fmt.Errorf("the second opinion's model is damaged: an example has priority %q", ex.Priority)
		}
	}
	m.prepare()
	return &m, nil
}

// Encode writes the model for LoadSecondOpinion.
func (m *SecondOpinion) Encode() ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m); err != nil {
		return nil, fmt.Errorf("write the second opinion's model: %w", err)
	}
	return buf.Bytes(), nil
}

func (m *SecondOpinion) prepare() {
	vecs := make([]sparse, len(m.Examples))
	p := postings{start: make([]int32, len(m.Cells)+1)}
	for i, ex := range m.Examples {
		vecs[i] = m.vector(ex.Text, nil)
		for _, b := range vecs[i].idx {
			p.start[b+1]++
		}
	}
	for b := range len(m.Cells) {
		p.start[b+1] += p.start[b]
	}
	p.ex = make([]int32, p.start[len(m.Cells)])
	p.val = make([]float32, len(p.ex))
	next := slices.Clone(p.start[:len(m.Cells)])
	for i, v := range vecs {
		for k, b := range v.idx {
			p.ex[next[b]], p.val[next[b]] = int32(i), v.val[k]
			next[b]++
		}
	}
	m.like = p
	m.markW = nil
	if len(m.MarkNames) > 0 {
		m.markW = make(map[string]float32, len(m.MarkNames))
		for i, n := range m.MarkNames {
			m.markW[n] = m.MarkW[i]
		}
	}
}

// ScopeMarksVersion is the newest scope marks this code reads and trains
// (SecondOpinion.ScopeMarks).
const ScopeMarksVersion = 2

// markValue is the feature value of each of n scope marks: together they weigh as
// much as the word features' L2-normalised vector, whatever their number.
func markValue(n int) float32 { return 1 / float32(math.Sqrt(float64(n))) }

// markScore is what the scope marks add to the 999 head's score.
func (m *SecondOpinion) markScore(marks []string) float32 {
	if len(marks) == 0 || m.markW == nil {
		return 0
	}
	v, s := markValue(len(marks)), float32(0)
	for _, k := range marks {
		s += v * m.markW[k]
	}
	return s
}

// Opinion is what the model makes of one request.
type Opinion struct {
	Scores   [3]float32 // the three heads' scores
	Priority Priority   // the most urgent head that reached its threshold; "" for none
	Reached  [3]bool    // which heads reached their thresholds (emergency, same-day, soon)
}

// Read scores a request's text.
func (m *SecondOpinion) Read(text string) Opinion { return m.ReadMarked(text, nil) }

// ReadMarked scores a request's text with the scope marks the desk's rules read in it
// (Engine.ScopeMarks), which only a model trained with them weighs: the rest read as
// Read.
func (m *SecondOpinion) ReadMarked(text string, marks []string) Opinion {
	buf := bufPool.Get().(*featureBuf)
	defer bufPool.Put(buf)
	v := m.vectorInto(text, buf)
	op := Opinion{Scores: m.scores(v)}
	op.Scores[0] += m.markScore(marks)
	th := m.Threshold
	if buf.words < m.ShortWords {
		th = m.ShortThreshold
	}
	for h := range heads {
		if op.Scores[h] >= th[h] {
			op.Reached[h] = true
			if op.Priority == "" {
				op.Priority = heads[h]
			}
		}
	}
	return op
}

func (m *SecondOpinion) scores(v sparse) [3]float32 {
	s := m.Bias
	for i, b := range v.idx {
		c := &m.Cells[b]
		x := v.val[i]
		s[0] += x * c.W[0]
		s[1] += x * c.W[1]
		s[2] += x * c.W[2]
	}
	return s
}

// ReadsLike returns the texts of up to n labelled requests at least as urgent as p
// that the text most resembles, most alike first, with their cosine similarity.
func (m *SecondOpinion) ReadsLike(text string, p Priority, n int) []Example {
	if len(m.Examples) == 0 {
		return nil // a model that names none (CrossValidate's) has no index either
	}
	q := m.vector(text, nil)
	// Each example's dot product with q, adding its shared buckets in increasing
	// order, as a walk along the example's own vector would.
	sims := make([]float32, len(m.Examples))
	for i, b := range q.idx {
		w := q.val[i]
		for k := m.like.start[b]; k < m.like.start[b+1]; k++ {
			sims[m.like.ex[k]] += w * m.like.val[k]
		}
	}
	var hits []hit
	for i, ex := range m.Examples {
		if ex.Priority.Rank() > p.Rank() {
			continue
		}
		if sim := sims[i]; sim > 0 {
			hits = append(hits, hit{i, sim})
		}
	}
	return m.mostAlike(hits, n)
}

// hit is one labelled example and its cosine similarity with a text.
type hit struct {
	i   int
	sim float32
}

// mostAlike returns the examples of up to n hits, most alike first; equal ones in the
// examples' order, so the requests a raise quotes do not change from run to run.
func (m *SecondOpinion) mostAlike(hits []hit, n int) []Example {
	slices.SortFunc(hits, func(a, b hit) int {
		if a.sim != b.sim {
			if a.sim > b.sim {
				return -1
			}
			return 1
		}
		return a.i - b.i
	})
	var out []Example
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, m.Examples[h.i])
	}
	return out
}

// sparse is a feature vector: bucket indexes in increasing order and their weights.
type sparse struct {
	idx []uint32
	val []float32
}

// featureBuf is the scratch space of one feature extraction, pooled so that scoring
// a request allocates nothing.
type featureBuf struct {
	norm    []byte
	buckets []uint32
	vec     sparse
	words   int
	// For scoped features: where clauses end in norm, each byte's scope, the words.
	breaks []int
	scope  []byte
	spans  []span
}

var bufPool = sync.Pool{New: func() any { return new(featureBuf) }}

// vector returns the text's feature vector in new memory.
func (m *SecondOpinion) vector(text string, _ *featureBuf) sparse {
	var buf featureBuf
	v := m.vectorInto(text, &buf)
	return sparse{idx: slices.Clone(v.idx), val: slices.Clone(v.val)}
}

// vectorInto computes the text's TF-IDF vector, L2-normalised, in buf's memory.
func (m *SecondOpinion) vectorInto(text string, buf *featureBuf) sparse {
	buf.words = Features(text, m.Bits, m.Scoped, buf)
	slices.Sort(buf.buckets)
	v := m.weighSorted(buf.buckets, sparse{idx: buf.vec.idx[:0], val: buf.vec.val[:0]})
	buf.vec = v
	return v
}

// weighSorted appends to v the TF-IDF weights of sorted buckets (a repeated bucket is a
// term counted more than once), L2-normalised. Training and classifying both weigh
// through it, so a model is always read the way it was trained.
func (m *SecondOpinion) weighSorted(buckets []uint32, v sparse) sparse {
	var norm float32
	for i := 0; i < len(buckets); {
		j := i + 1
		for j < len(buckets) && buckets[j] == buckets[i] {
			j++
		}
		b := buckets[i]
		idf := m.Cells[b].IDF
		if idf == 0 {
			idf = m.DefaultIDF
		}
		w := termWeight(j-i) * idf
		v.idx = append(v.idx, b)
		v.val = append(v.val, w)
		norm += w * w
		i = j
	}
	if norm > 0 {
		inv := 1 / float32(math.Sqrt(float64(norm)))
		for i := range v.val {
			v.val[i] *= inv
		}
	}
	return v
}

// termWeight is the weight of a term counted n times, 1 + ln n. Most terms are
// counted a few times at most: their weights are worked out once (the same sum, so
// the same float32), not a logarithm per term of every request.
func termWeight(n int) float32 {
	if n < len(termWeights) {
		return termWeights[n]
	}
	return 1 + float32(math.Log(float64(n)))
}

var termWeights = func() (w [64]float32) {
	for n := 1; n < len(w); n++ {
		w[n] = 1 + float32(math.Log(float64(n)))
	}
	return w
}()

// Features fills buf.buckets with the hashed features of text (word unigrams, word
// bigrams and character 5-grams of the normalised text, in 2^bits buckets, repeated
// as often as they occur) and returns the number of words. The normalised text is
// lower case letters and digits, apostrophes dropped ("can't" is "cant"), everything
// else one space.
//
// With scoped, the features of words the patient denies or puts in the past are
// features apart (see wordScopes): "no chest pain" and "chest pain" then share no
// feature of the pain, so a model can learn that a red flag denied is not one. Models
// before 2026.12.8 were trained without it, and are read without it.
func Features(text string, bits int, scoped bool, buf *featureBuf) int {
	norm := buf.norm[:0]
	norm = append(norm, ' ')
	breaks := buf.breaks[:0]
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			norm = append(norm, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			norm = append(norm, byte(r)+'a'-'A')
		case r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			norm = utf8.AppendRune(norm, unicode.ToLower(r))
		default:
			if norm[len(norm)-1] != ' ' {
				norm = append(norm, ' ')
			}
			if scoped && (endsSentence(r) || endsClause(r, text, i-size)) {
				breaks = append(breaks, len(norm))
			}
		}
	}
	if norm[len(norm)-1] != ' ' {
		norm = append(norm, ' ')
	}
	buf.norm, buf.breaks = norm, breaks
	mask := uint32(1)<<bits - 1
	out := buf.buckets[:0]
	var scope []byte
	if scoped {
		scope = wordScopes(buf)
	}
	// Character 5-grams, spaces included, so word edges count ("pain " is not "paint");
	// with scoped, salted by the scope of the word they start in or before.
	for i := 0; i+5 <= len(norm); i++ {
		seed := uint32(seedChar)
		if scope != nil {
			seed ^= scopeSalt[scope[i]]
		}
		out = append(out, hashBytes(seed, norm[i:i+5])&mask)
	}
	// Words and pairs of words.
	words, prev := 0, uint32(0)
	for i := 1; i < len(norm); {
		j := i
		for j < len(norm) && norm[j] != ' ' {
			j++
		}
		if j > i {
			seed := uint32(seedWord)
			if scope != nil {
				seed ^= scopeSalt[scope[i]]
			}
			h := hashBytes(seed, norm[i:j])
			out = append(out, h&mask)
			if words > 0 {
				out = append(out, mix(prev, h)&mask)
			}
			prev = h
			words++
		}
		i = j + 1
	}
	buf.buckets = out
	return words
}

// The scopes of a word for scoped features: said, denied or put in the past.
const (
	scopeSaid = iota
	scopeDenied
	scopePast
)

// scopeSalt keeps a denied or past word's features apart from the same word said.
var scopeSalt = [3]uint32{0, 0x5bd1e995, 0x27d4eb2f}

// negationReach is how many words after a denying word it denies, within its clause:
// the window of NegEx, a little wider than the rules' four words before a phrase
// because here the denial is read forwards ("no pain in my chest or arm").
const negationReach = 5

// denying words deny what follows them in their clause. Words of inability ("cant",
// "wont", "couldnt") are not among them: "can't breathe" and "won't wake" are symptoms,
// not denials.
var denying = map[string]bool{"no": true, "not": true, "never": true, "nor": true, "without": true,
	"denies": true, "deny": true, "denied": true, "nil": true, "none": true, "nothing": true, "dont": true,
	"doesnt": true, "didnt": true, "isnt": true, "arent": true, "wasnt": true, "werent": true,
	"hasnt": true, "havent": true, "hadnt": true, "neither": true}

// redFlagAfter are, for a denying word, the words after it that make it a symptom,
// not a denial: "not breathing", "no feeling down below", "never had a headache like
// this", "nothing is shifting this chest pain". Such a red flag is read as said.
var redFlagAfter = map[string]map[string]bool{
	"not": {"breathing": true, "breathe": true, "responding": true, "responsive": true, "waking": true,
		"wake": true, "moving": true, "conscious": true, "making": true, "able": true, "rousable": true,
		"feeling": true, "passing": true, "weeing": true, "peeing": true, "stopping": true, "easing": true,
		"fading": true, "right": true, "himself": true, "herself": true, "there": true},
	"no": {"feeling": true, "sensation": true, "movement": true, "movements": true, "pulse": true,
		"wee": true, "urine": true, "response": true, "sense": true, "control": true, "kicks": true},
	"never": {"had": true, "felt": true, "been": true, "known": true, "experienced": true, "seen": true},
	"nothing": {"is": true, "will": true, "has": true, "seems": true, "helps": true, "helping": true,
		"working": true, "works": true, "shifting": true, "shifts": true, "touching": true, "touches": true,
		"easing": true, "eases": true, "stopping": true, "stops": true, "settling": true, "there": true},
}

// clauseWords start a clause of their own, as in the rules file's clause_breakers: "used
// to get angina but this pain is crushing" puts only the angina in the past.
var clauseWords = map[string]bool{"but": true, "however": true, "although": true, "though": true,
	"except": true, "apart": true, "also": true, "now": true}

// endDenial are words after which a denial no longer reaches: "no fever but a stiff
// neck", "no cough now breathless".
var endDenial = map[string]bool{"but": true, "although": true, "though": true, "except": true,
	"however": true, "yet": true, "apart": true, "now": true, "today": true, "suddenly": true}

// pastWords put their clause in the past: "had a stroke years ago", "history of
// angina", "as a child". Recent times ("an hour ago", "last night") do not.
var pastWords = map[string]bool{"history": true, "hx": true, "previously": true, "childhood": true}

// presentWords bring a clause put in the past back to now from where they stand: "had
// a clot in 2019 and now my calf is swollen".
var presentWords = map[string]bool{"now": true, "today": true, "tonight": true, "currently": true,
	"again": true, "suddenly": true, "still": true}

// pastUnits are the units of "N units ago" or "N units back" that are long past.
var pastUnits = map[string]bool{"years": true, "year": true, "yrs": true, "yr": true, "months": true,
	"month": true, "decades": true}

// wordScopes reads, in buf.norm with clause breaks buf.breaks, which words are said,
// denied (up to negationReach words after a denying word in its clause, to a word of
// endDenial or "and" with a new subject; not a denying word that is itself a red flag,
// redFlagAfter) or in the past (a clause with a long-past time or a word of pastWords,
// to a word of presentWords; a year alone is not read, since which years are past
// changes after training), and
// returns each byte's scope: a word's, and the space before it its.
func wordScopes(buf *featureBuf) []byte {
	norm := buf.norm
	scope := slices.Grow(buf.scope[:0], len(norm))[:len(norm)]
	clear(scope)
	ws := buf.spans[:0]
	// The words, each with its clause.
	clause, b := 0, 0
	for i := 1; i < len(norm); {
		j := i
		for j < len(norm) && norm[j] != ' ' {
			j++
		}
		if j > i {
			for b < len(buf.breaks) && buf.breaks[b] <= i {
				b++
				clause++
			}
			if len(ws) > 0 && clauseWords[string(norm[i:j])] && ws[len(ws)-1].clause == clause {
				clause++
			}
			ws = append(ws, span{i, j, clause})
		}
		i = j + 1
	}
	word := func(k int) []byte { return norm[ws[k].from:ws[k].to] }
	set := func(k int, sc byte) {
		for p := ws[k].from - 1; p < ws[k].to; p++ {
			scope[p] = sc
		}
	}
	// Denials, reaching forwards.
	for k := 0; k < len(ws); k++ {
		if !denying[string(word(k))] || (k+1 < len(ws) && redFlagAfter[string(word(k))][string(word(k+1))]) {
			continue
		}
		for d := k + 1; d < len(ws) && d <= k+negationReach && ws[d].clause == ws[k].clause; d++ {
			w := string(word(d))
			if endDenial[w] || (w == "and" && d+1 < len(ws) && newSubject[string(word(d+1))]) {
				break
			}
			set(d, scopeDenied)
		}
	}
	// The past, clause by clause.
	for start := 0; start < len(ws); {
		end := start
		for end < len(ws) && ws[end].clause == ws[start].clause {
			end++
		}
		past := false
		for k := start; k < end && !past; k++ {
			w := string(word(k))
			switch {
			case pastWords[w]:
				past = true
			case (w == "ago" || w == "back") && k > start && pastUnits[string(word(k-1))]:
				past = true
			case w == "used" && k+1 < end && string(word(k+1)) == "to":
				past = true
			case w == "last" && k+1 < end && string(word(k+1)) == "year":
				past = true
			}
		}
		if past {
			for k := start; k < end && !presentWords[string(word(k))]; k++ {
				set(k, scopePast)
			}
		}
		start = end
	}
	buf.scope, buf.spans = scope, ws
	return scope
}

// span is one word of a normalised text: its bytes and its clause.
type span struct{ from, to, clause int }

// Seeds keep the three kinds of feature apart: the word "pain" and the 5-gram
// " pain" must not share a bucket by construction.
const (
	seedChar = 2166136261
	seedWord = 2166136261 ^ 0x9e3779b9
)

// hashBytes is FNV-1a from a seed.
func hashBytes(seed uint32, b []byte) uint32 {
	h := seed
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// mix combines two word hashes into the hash of the pair, in order.
func mix(a, b uint32) uint32 {
	h := a*0x85ebca6b ^ (b + 0x27d4eb2f)
	h ^= h >> 15
	h *= 0xc2b2ae35
	h ^= h >> 13
	return h
}

// raise raises s when the model reads the request as more urgent, and says
// so first among the reasons, naming the labelled requests it reads like.
//
// It does not raise to a priority the rules ruled out on facts it cannot see (the
// patient's age or sex, a baby's months, a temperature): the rules found the words of
// such a rule and its conditions did not hold.
//
// When the most urgent head's raise is ruled out by the patient's own words (a red flag
// denied or put in the past), a less urgent head that reached its own threshold may
// still raise: the words rule out 999, not the same-day assessment they may still
// need, and under-triage is the failure to avoid. Facts that rule a raise out stop it
// whole, as before.
//
// A raise to 999 rests only on the words about the patient now: when the rules put
// some of the text in the past or in a question about a red flag, the 999 head must
// reach its threshold on the rest alone, or the raise falls to the next head (see
// Engine.evidence).
//
// marks, for a model trained with scope marks, gives the marks of a text (the whole or
// the rest); nil for one without.
func (m *SecondOpinion) raise(in Input, s *Suggestion, evidence func(Priority) (ruling, string, bool), marks func(string) []string) {
	read := func(text string) Opinion {
		if marks == nil {
			return m.Read(text)
		}
		return m.ReadMarked(text, marks(text))
	}
	op := read(in.Text)
	to := Priority("")
	fell := false // the rest read as 999 only at the long threshold: a same-day look
	for h, p := range heads {
		if !p.MoreUrgent(s.Priority) {
			break // the heads are in order of urgency: the rest raise nothing
		}
		if !op.Reached[h] && !(h == 1 && fell) {
			continue
		}
		r, rest, trimmed := evidence(p)
		if r == ruledOutByFacts {
			return
		}
		if !trimmed {
			to = p
			break
		}
		if rest == "" {
			continue
		}
		// Ruled out by the patient's words, or said partly in the past, the raise
		// still stands when the words the rules set aside are left out and the rest
		// alone reads as p (for 999 at the stricter threshold, restReaches); where
		// the rest reaches only the long messages' 999 threshold the raise falls to
		// same-day.
		ro := read(rest)
		if m.restReaches(ro, h) {
			to = p
			break
		}
		fell = fell || (h == 0 && ro.Reached[0])
	}
	if to == "" {
		return
	}
	op.Priority = to
	from := s.Priority
	s.Priority = op.Priority
	raiseTeam(s)
	var like []string
	for _, ex := range m.ReadsLike(in.Text, op.Priority, 2) {
		like = append(like, "‘"+firstWords(ex.Text, 12)+"’")
	}
	says := fmt.Sprintf("The second opinion (model %s) raised this from %s to %s: the wording resembles labelled %s requests the rules did not recognise here",
		m.Version, from.Label(), op.Priority.Label(), strings.ToLower(op.Priority.Label()))
	if len(like) > 0 {
		says += "; it reads like " + strings.Join(like, " and ")
	}
	s.Reasons = append([]Reason{{Rule: "second-opinion", Says: says + "."}}, s.Reasons...)
}

// restReaches reports whether the words left when the rules set part of a request aside
// (a past, a question, a denial, a safety net not reached), read as op, reach head h
// on their own. For 999 they must reach the stricter of the long and the short
// messages' thresholds: what the rules set aside was the alarming part, the rest is a
// shorter reading of the request, and a 999 head at its coin-toss floor reads any word
// of a symptom left over as an emergency ("The swelling is going down" after a net not
// reached, "It's back pain really" after "A&E if the pain spread to my chest", round
// 14's retrain). A model whose short threshold is the long one (2026.12.7) reads the
// rest as before.
func (m *SecondOpinion) restReaches(op Opinion, h int) bool {
	if h == 0 {
		return op.Scores[0] >= max(m.Threshold[0], m.ShortThreshold[0])
	}
	return op.Reached[h]
}

// raiseTeam sets the team and signpost of a suggestion whose priority the second
// opinion raised. An emergency is the GP team's and 999's. Below 999 the team stays the
// team of the problem the rules recognised, as docs/labels.md gives teams by the kind
// of problem and not by how soon: a side effect or a dose question raised to soon, or a
// medicine run out raised to same-day, is still the medicines team's; low mood raised
// is still mental health's; a sprain raised to soon is still physio's. Not so where the
// raise says more than that team takes: physio's work is problems without red flags,
// so a raise to same-day is the GP's; the admin team takes no clinical problem; and a
// request signposted elsewhere was the GP team's already. The signpost goes: a request
// now more urgent than the rules thought is for a clinician to assess.
func raiseTeam(s *Suggestion) {
	if s.Priority == Emergency {
		s.Team, s.Signpost = TeamGP, Signpost999
		return
	}
	s.Signpost = SignpostNone
	switch {
	case s.Team == TeamAdmin:
		s.Team = TeamGP
	case s.Team == TeamPhysio && s.Priority != Soon:
		s.Team = TeamGP
	}
}

// firstWords returns up to n words of text, with "…" when it was cut.
func firstWords(text string, n int) string {
	f := strings.Fields(text)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}
