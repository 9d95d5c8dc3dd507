package triage

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// TrainOptions say how to build a SecondOpinion.
type TrainOptions struct {
	Version string // the model's version, shown in its reasons
	Method  string // "logistic" (the default) or "naive-bayes"
	Bits    int    // log2 of the feature buckets; 18 when 0
	Epochs  int    // passes of logistic training; 12 when 0
	// FalseRaise is the share of held-out requests less urgent than a head's priority
	// that the head may raise, which sets its threshold; 0.01 when 0. (2% caught more
	// same-day raises held out with model 2026.12.6's data, but with 2026.12.7's the
	// same-day head's threshold fell to the coin-toss floor and raised "please call me
	// back" to same-day.)
	FalseRaise float64
	// HeadFalseRaise, where above 0, is FalseRaise for one head alone (emergency,
	// same-day, soon). One share for every head let the look-alikes of the training
	// sets, labelled soon or routine in urgent words, lift the same-day and soon heads'
	// thresholds with each retrain, so that those heads raised fewer of the requests
	// they exist for (under-triage rose on never-read sets while the 999 head improved);
	// a head's share can then be set apart from the 999 head's, whose raises cost a call.
	HeadFalseRaise [3]float64
	ShortWords     int // messages with fewer words have their own thresholds; 6 when 0
	// Seed picks the order of the shuffled passes of logistic training (0 is the order
	// every model before 2026.12.8 was trained in). A retrain moves single requests across
	// a threshold with the seed alone, so two recipes are compared over several seeds.
	Seed uint64
	// Seeds, above 1, trains that many logistic models from seeds Seed, Seed+1, … and
	// averages their weights: one model of the same size and speed whose raises depend
	// less on the order of one shuffle.
	Seeds int
	// Scoped reads denied and past words as features apart (Features).
	Scoped bool
	// ScopeMarks, above 0, gives the 999 head the rules' scope marks of that version
	// beside the word features (SecondOpinion.ScopeMarks), read by Rules, which must be
	// set; logistic only. 0: none, as every model before 2026.12.18.
	ScopeMarks int
	// MarksOnly, with Keep and ScopeMarks, learns the scope marks' weights alone: the
	// kept model's 999 word weights, bias and thresholds stay, so a request with no mark
	// scores as with the kept model, byte for byte. A mark's weight is at most 0: a red
	// flag told out of the present may lower the 999 score, never raise it (learned
	// freely, marks of overdoses and netted look-alikes came out above 0 and raised "what
	// does a heart attack feel like? my dad had one years ago" to 999). Learned beside
	// the words from zero, the marks (mostly look-alikes' red flags, weighed down) took
	// the bias with them, and the 999 head read every request without a mark as more
	// urgent than before ("stiff neck after sleeping funny" to 999).
	MarksOnly bool
	// Rules, when set with FalseAlarms999 above 0, are the desk's rules: the 999 head's
	// threshold is then chosen on the engine's held-out false alarms
	// (engine_operating.go), the lowest at which the raises to 999 the rules had not
	// made stay within FalseAlarms999 of each set's non-emergencies, instead of by
	// FalseRaise of the model's scores alone. Off by default: held-out read sets cannot
	// show what a higher threshold costs on new wording (H13).
	Rules          *Engine
	FalseAlarms999 float64
	// Weight999, above 0 and not 1, weighs each request less urgent than an emergency
	// that many times an emergency in the 999 head's loss (the other heads are weighed
	// as before). The 999 head's threshold sits at the coin-toss floor, where a share
	// of held-out false raises never binds, and a share moves only thresholds: a class
	// weight is what changes the weights themselves, so that a look-alike scored as an
	// emergency costs the fit more than an emergency the head leaves to the rules.
	// 0 or 1: every request weighs the same, as in every model before it.
	Weight999 float64
	// Keep, when set, is a model whose features (buckets, scope reading, IDF), same-day
	// and soon heads, thresholds below 999 and examples are kept as they are: only the
	// 999 head (its weights, bias and thresholds) is learned from the sets given. A
	// whole retrain also moves the same-day and soon heads, whose changes on read
	// requests (same-day raises lost, new ones on look-alikes) stopped every retrain
	// since round 14; with Keep a retrain of the 999 head is measured on its own.
	Keep *SecondOpinion
}

func (o *TrainOptions) defaults() {
	if o.Method == "" {
		o.Method = "logistic"
	}
	if o.Bits == 0 {
		o.Bits = 18
	}
	if o.Epochs == 0 {
		o.Epochs = 12
	}
	if o.FalseRaise == 0 {
		o.FalseRaise = 0.01
	}
	for h := range o.HeadFalseRaise {
		if o.HeadFalseRaise[h] == 0 {
			o.HeadFalseRaise[h] = o.FalseRaise
		}
	}
	if o.ShortWords == 0 {
		o.ShortWords = 6
	}
	if o.Seeds == 0 {
		o.Seeds = 1
	}
	if o.Keep != nil {
		o.Bits, o.Scoped = o.Keep.Bits, o.Keep.Scoped
	}
}

// Held is what cross-validation saw of one training request: the heads' scores of a
// model trained without the request's set.
type Held struct {
	Set    int
	Want   Priority
	Words  int
	Scores [3]float32
	// What the desk's engine lets the 999 head weigh (with TrainOptions.Rules only):
	// see emergencyReads.
	rules999, blocked999 bool
	reads                []reading
}

// TrainSecondOpinion learns a SecondOpinion from labelled sets. Each set is held out
// in turn and scored by a model trained on the others, as a new blind set would be;
// each head's threshold is the score that raises at most opt.FalseRaise of the held-out
// requests less urgent than its priority. The model returned is trained on every set.
// It returns the held-out scores too, so the choice can be reported.
func TrainSecondOpinion(sets [][]Labelled, opt TrainOptions) (*SecondOpinion, []Held, error) {
	opt.defaults()
	if opt.Method != "logistic" && opt.Method != "naive-bayes" {
		return nil, nil, fmt.Errorf("unknown method %q: use logistic or naive-bayes", opt.Method)
	}
	if len(sets) < 2 {
		return nil, nil, fmt.Errorf("training needs at least two labelled sets, to hold each out in turn")
	}
	if opt.MarksOnly && opt.ScopeMarks == 0 {
		return nil, nil, fmt.Errorf("marks only needs scope marks to learn")
	}
	if err := opt.checkMarks(); err != nil {
		return nil, nil, err
	}
	all := trainItems(sets, opt)
	held, _ := holdOut(all, len(sets), opt, false)
	m := fit(all, opt)
	m.Threshold, m.ShortThreshold = HeadThresholds(held, opt.HeadFalseRaise, opt.ShortWords)
	if opt.Rules != nil && opt.FalseAlarms999 > 0 {
		every := func(Held) bool { return true }
		short := shortThresholds(held, opt, every)[0]
		m.set999(threshold999(held, opt.FalseAlarms999, short, opt.ShortWords, every), short)
	}
	if opt.MarksOnly {
		m.Threshold[0], m.ShortThreshold[0] = opt.Keep.Threshold[0], opt.Keep.ShortThreshold[0]
	}
	if opt.Keep != nil {
		m = kept999(opt.Keep, m, opt.Version)
		return m, held, nil
	}
	for _, it := range all {
		if it.want != Routine {
			m.Examples = append(m.Examples, Example{Text: it.text, Priority: it.want})
		}
	}
	m.prepare()
	return m, held, nil
}

// checkMarks says why scope marks cannot be trained as asked, or nil.
func (o TrainOptions) checkMarks() error {
	switch {
	case o.ScopeMarks == 0:
		return nil
	case o.ScopeMarks < 0 || o.ScopeMarks > ScopeMarksVersion:
		return fmt.Errorf("scope marks of version %d: this version trains up to %d", o.ScopeMarks, ScopeMarksVersion)
	case o.Rules == nil:
		return fmt.Errorf("scope marks are the rules' reading: training with them needs the rules")
	case o.Method != "logistic":
		return fmt.Errorf("scope marks are learned by logistic training only, not %s", o.Method)
	case o.MarksOnly && o.Keep == nil:
		return fmt.Errorf("marks only learns scope marks beside a kept model's 999 head: give the model to keep")
	}
	return nil
}

// kept999 is keep with the 999 head of fresh (weights, bias, thresholds for long and
// short messages) and the version given: fresh was fitted over keep's features and
// IDF (TrainOptions.Keep), so its 999 weights read keep's vectors.
func kept999(keep, fresh *SecondOpinion, version string) *SecondOpinion {
	c := *keep
	c.Version = version
	c.Cells = slices.Clone(keep.Cells)
	for b := range c.Cells {
		c.Cells[b].W[0] = fresh.Cells[b].W[0]
	}
	c.Bias[0] = fresh.Bias[0]
	c.Threshold[0], c.ShortThreshold[0] = fresh.Threshold[0], fresh.ShortThreshold[0]
	c.ScopeMarks, c.MarkNames, c.MarkW = fresh.ScopeMarks, fresh.MarkNames, fresh.MarkW
	c.Examples = slices.Clone(keep.Examples)
	c.prepare()
	return &c
}

// CrossValidate trains, for each labelled set, the model TrainSecondOpinion would build
// without it: weights learned on the other sets, and thresholds chosen on the held-out
// scores of the other sets only. Scoring the engine with models[i] on sets[i] measures
// it as a new set of the same kind would, which in-sample figures cannot: every read
// set is in the shipped model's training data. The models carry no examples, so their
// raises name no labelled request.
func CrossValidate(sets [][]Labelled, opt TrainOptions) ([]*SecondOpinion, error) {
	opt.defaults()
	points, err := CrossValidatePoints(sets, opt, []float64{opt.FalseAlarms999})
	if err != nil {
		return nil, err
	}
	return points[0], nil
}

// CrossValidatePoints is CrossValidate at several operating points of the 999 head,
// training once: points[k][i] is set i's model with the 999 threshold chosen for
// shares[k] of engine-level false alarms (opt.Rules must be set), or, for a share of
// 0, by opt.FalseRaise of the model's scores alone, as without opt.Rules. The models
// of one set share their weights.
func CrossValidatePoints(sets [][]Labelled, opt TrainOptions, shares []float64) ([][]*SecondOpinion, error) {
	opt.defaults()
	if opt.Method != "logistic" && opt.Method != "naive-bayes" {
		return nil, fmt.Errorf("unknown method %q: use logistic or naive-bayes", opt.Method)
	}
	if len(sets) < 3 {
		return nil, fmt.Errorf("cross-validation needs at least three labelled sets: each is held out, and its thresholds come from two or more others")
	}
	if err := opt.checkMarks(); err != nil {
		return nil, err
	}
	held, models := holdOut(trainItems(sets, opt), len(sets), opt, true)
	points := make([][]*SecondOpinion, len(shares))
	for si, m := range models {
		other := func(h Held) bool { return h.Set != si }
		m.Threshold = thresholds(held, opt.HeadFalseRaise, func(h Held) bool { return other(h) && h.Words >= opt.ShortWords })
		short := shortThresholds(held, opt, other)
		m.ShortThreshold = atLeast(short, m.Threshold)
		for k, share := range shares {
			c := *m
			if share > 0 && opt.Rules != nil {
				c.set999(threshold999(held, share, short[0], opt.ShortWords, other), short[0])
			}
			points[k] = append(points[k], &c)
		}
	}
	return points, nil
}

// shortThresholds are the heads' thresholds for short messages chosen on the held-out
// scores in scope by each head's false-raise share alone, before they are raised to the
// long ones'.
func shortThresholds(held []Held, opt TrainOptions, inScope func(Held) bool) [3]float32 {
	return thresholds(held, opt.HeadFalseRaise, func(h Held) bool { return inScope(h) && h.Words < opt.ShortWords })
}

// trainItems extracts every labelled request's features once, for all the fits: with
// scope marks, each request's marks as indexes into markNames (sorted), which every fit
// of one training shares.
func trainItems(sets [][]Labelled, opt TrainOptions) []trainItem {
	var all []trainItem
	var names []string
	for si, set := range sets {
		for _, l := range set {
			it := trainItem{set: si, want: l.Want.Priority, text: l.Text, in: l.Input}
			var buf featureBuf
			it.words = Features(l.Text, opt.Bits, opt.Scoped, &buf)
			it.buckets = slices.Clone(buf.buckets)
			if opt.ScopeMarks != 0 {
				it.markNames = opt.Rules.ScopeMarksOf(l.Input, opt.ScopeMarks)
				names = append(names, it.markNames...)
			}
			all = append(all, it)
		}
	}
	if opt.ScopeMarks == 0 {
		return all
	}
	slices.Sort(names)
	names = slices.Compact(names)
	for i := range all {
		for _, n := range all[i].markNames {
			k, _ := slices.BinarySearch(names, n)
			all[i].marks = append(all[i].marks, int32(k))
		}
		all[i].allMarks = names
	}
	return all
}

// markPart is what item it's scope marks add to m's 999 score.
func (m *SecondOpinion) markPart(it trainItem) float32 {
	if len(it.marks) == 0 || len(m.MarkW) == 0 {
		return 0
	}
	v, s := markValue(len(it.marks)), float32(0)
	for _, k := range it.marks {
		s += v * m.MarkW[k]
	}
	return s
}

// holdOut holds each of n sets out in turn, fits a model on the others and scores the
// held-out requests with it. With keep it returns the n models too (about 16 bytes a
// bucket each), for CrossValidate.
func holdOut(all []trainItem, n int, opt TrainOptions, keep bool) ([]Held, []*SecondOpinion) {
	var held []Held
	var models []*SecondOpinion
	for si := range n {
		var train, test []trainItem
		for _, it := range all {
			if it.set == si {
				test = append(test, it)
			} else {
				train = append(train, it)
			}
		}
		m := fit(train, opt)
		for _, it := range test {
			h := Held{Set: si, Want: it.want, Words: it.words, Scores: m.scores(m.weigh(it.buckets))}
			h.Scores[0] += m.markPart(it)
			if opt.Rules != nil && (opt.FalseAlarms999 > 0 || keep) {
				h.rules999, h.blocked999, h.reads = opt.Rules.emergencyReads(it.in, m)
			}
			held = append(held, h)
		}
		if keep {
			models = append(models, m)
		}
	}
	return held, models
}

// thresholds picks each head's threshold from the held-out scores of the requests in
// scope: the lowest score that raises at most its share (shares[h]) of those less
// urgent than the head's priority, and never below the score a coin-toss would give.
func thresholds(held []Held, shares [3]float64, inScope func(Held) bool) [3]float32 {
	var th [3]float32
	for h, p := range heads {
		var neg []float32
		for _, x := range held {
			if inScope(x) && x.Want.Rank() > p.Rank() {
				neg = append(neg, x.Scores[h])
			}
		}
		slices.Sort(neg)
		t := float32(0)
		if len(neg) > 0 {
			k := len(neg) - 1 - int(shares[h]*float64(len(neg)))
			t = neg[max(k, 0)] + 1e-6
		}
		th[h] = max(t, 0)
	}
	return th
}

type trainItem struct {
	set     int
	want    Priority
	text    string
	in      Input // the whole request, for the desk's engine (TrainOptions.Rules)
	words   int
	buckets []uint32
	// With scope marks: the request's marks (markNames), as indexes into allMarks, the
	// sorted marks of every request of the training.
	markNames []string
	marks     []int32
	allMarks  []string
}

// fit learns IDF and the heads' weights from items.
func fit(items []trainItem, opt TrainOptions) *SecondOpinion {
	n := 1 << opt.Bits
	m := &SecondOpinion{Format: ModelFormat, Version: opt.Version, Method: opt.Method, Bits: opt.Bits,
		Scoped: opt.Scoped, Cells: make([]Cell, n), ShortWords: opt.ShortWords}
	if opt.ScopeMarks != 0 && len(items) > 0 {
		m.ScopeMarks = opt.ScopeMarks
		m.MarkNames = items[0].allMarks
		m.MarkW = make([]float32, len(m.MarkNames))
	}
	if opt.Keep != nil {
		for b := range m.Cells {
			m.Cells[b].IDF = opt.Keep.Cells[b].IDF
			if opt.MarksOnly {
				m.Cells[b].W[0] = opt.Keep.Cells[b].W[0]
			}
		}
		m.DefaultIDF = opt.Keep.DefaultIDF
		if opt.MarksOnly {
			m.Bias[0] = opt.Keep.Bias[0]
		}
		return fitWeights(m, items, opt)
	}
	df := make([]int32, n)
	for _, it := range items {
		prev := uint32(math.MaxUint32)
		for _, b := range sortedCopy(it.buckets) {
			if b != prev {
				df[b]++
				prev = b
			}
		}
	}
	N := float64(len(items))
	for b, d := range df {
		if d > 0 {
			m.Cells[b].IDF = float32(math.Log((1+N)/(1+float64(d))) + 1)
		}
	}
	m.DefaultIDF = float32(math.Log(1+N) + 1)
	return fitWeights(m, items, opt)
}

// fitWeights learns the heads' weights of m, whose IDF is set, from items.
func fitWeights(m *SecondOpinion, items []trainItem, opt TrainOptions) *SecondOpinion {
	n := len(m.Cells)
	vecs := make([]sparse, len(items))
	for i, it := range items {
		vecs[i] = m.weigh(it.buckets)
	}
	ys := func(it trainItem, h int) float32 {
		if it.want.Rank() <= heads[h].Rank() {
			return 1
		}
		return 0
	}
	if opt.Method == "naive-bayes" {
		fitNaiveBayes(m, items, vecs, ys)
		return m
	}
	// Logistic regression per head, one model per seed, their weights averaged.
	if opt.Seeds == 1 {
		fitLogistic(m, items, vecs, ys, opt)
		return m
	}
	sum := make([][3]float32, n)
	markSum := make([]float32, len(m.MarkW))
	var bias [3]float32
	for k := range opt.Seeds {
		one := &SecondOpinion{Cells: slices.Clone(m.Cells), MarkW: slices.Clone(m.MarkW), Bias: m.Bias}
		o := opt
		o.Seed += uint64(k)
		fitLogistic(one, items, vecs, ys, o)
		for b := range sum {
			for h := range heads {
				sum[b][h] += one.Cells[b].W[h]
			}
		}
		for h := range heads {
			bias[h] += one.Bias[h]
		}
		for k := range markSum {
			markSum[k] += one.MarkW[k]
		}
	}
	inv := 1 / float32(opt.Seeds)
	for b := range sum {
		for h := range heads {
			m.Cells[b].W[h] = sum[b][h] * inv
		}
	}
	for h := range heads {
		m.Bias[h] = bias[h] * inv
	}
	for k := range markSum {
		m.MarkW[k] = markSum[k] * inv
	}
	return m
}

// fitLogistic learns m's heads' weights and biases from zero by logistic regression,
// AdaGrad over opt.Epochs shuffled passes in the order opt.Seed gives; m.Cells' IDF is
// set. With opt.Weight999 the 999 head's loss weighs the less urgent by it; with
// opt.Keep only the 999 head is learned (the heads' fits are independent, so its
// weights are those a fit of every head would give).
func fitLogistic(m *SecondOpinion, items []trainItem, vecs []sparse, ys func(trainItem, int) float32, opt TrainOptions) {
	epochs, seed := opt.Epochs, opt.Seed
	fitted := len(heads)
	if opt.Keep != nil {
		fitted = 1
	}
	w999 := float32(opt.Weight999)
	weighted := opt.Weight999 > 0 && opt.Weight999 != 1
	n := len(m.Cells)
	g2 := make([][3]float32, n)
	mg2 := make([]float32, len(m.MarkW)) // the scope marks' AdaGrad sums (999 head)
	var b2 [3]float32
	const rate, l2 = 0.4, 1e-6
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1+seed, 2))
	for epoch := 0; epoch < epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			v := vecs[i]
			s := m.scores(v)
			s[0] += m.markPart(items[i])
			for h := range fitted {
				y := ys(items[i], h)
				p := 1 / (1 + float32(math.Exp(-float64(s[h]))))
				g := p - y
				if weighted && h == 0 && y == 0 {
					g *= w999
				}
				if !(h == 0 && opt.MarksOnly) { // marks only: the kept words and bias stay
					b2[h] += g * g
					m.Bias[h] -= rate * g / float32(math.Sqrt(float64(b2[h])+1e-8))
				}
				for k, b := range v.idx {
					if h == 0 && opt.MarksOnly {
						break
					}
					gw := g*v.val[k] + l2*m.Cells[b].W[h]
					g2[b][h] += gw * gw
					m.Cells[b].W[h] -= rate * gw / float32(math.Sqrt(float64(g2[b][h])+1e-8))
				}
				if h == 0 && len(items[i].marks) > 0 && len(m.MarkW) > 0 {
					x := markValue(len(items[i].marks))
					for _, k := range items[i].marks {
						gw := g*x + l2*m.MarkW[k]
						mg2[k] += gw * gw
						m.MarkW[k] -= rate * gw / float32(math.Sqrt(float64(mg2[k])+1e-8))
						if opt.MarksOnly && m.MarkW[k] > 0 {
							m.MarkW[k] = 0 // marks only: a scope may weigh a red flag down, never up
						}
					}
				}
			}
		}
	}
}

// fitNaiveBayes sets each head's weights to a multinomial naive Bayes over the TF-IDF
// weights: the log of how much likelier a bucket is in the head's requests than in the
// others, with add-alpha smoothing.
func fitNaiveBayes(m *SecondOpinion, items []trainItem, vecs []sparse, ys func(trainItem, int) float32) {
	const alpha = 0.05
	n := len(m.Cells)
	for h := range heads {
		pos, neg := make([]float64, n), make([]float64, n)
		var tp, tn float64
		var np, nn int
		for i, it := range items {
			dst, tot := neg, &tn
			if ys(it, h) == 1 {
				dst, tot = pos, &tp
				np++
			} else {
				nn++
			}
			for k, b := range vecs[i].idx {
				dst[b] += float64(vecs[i].val[k])
				*tot += float64(vecs[i].val[k])
			}
		}
		for b := range m.Cells {
			if m.Cells[b].IDF == 0 {
				continue // never seen: no evidence either way
			}
			lp := math.Log((pos[b] + alpha) / (tp + alpha*float64(n)))
			ln := math.Log((neg[b] + alpha) / (tn + alpha*float64(n)))
			m.Cells[b].W[h] = float32(lp - ln)
		}
		m.Bias[h] = float32(math.Log(float64(np+1) / float64(nn+1)))
	}
}

// weigh turns a text's buckets into its TF-IDF vector under m's IDF.
func (m *SecondOpinion) weigh(buckets []uint32) sparse {
	return m.weighSorted(sortedCopy(buckets), sparse{})
}

func sortedCopy(b []uint32) []uint32 {
	c := slices.Clone(b)
	slices.Sort(c)
	return c
}

// Candidate is one way of raising the rules' suggestion, compared by CompareCandidates.
type Candidate struct {
	Name  string
	Raise func(in Input, rules Suggestion) Suggestion
}

// KNN is a nearest-neighbours second opinion over the same features as the model, kept
// for comparison: it is too slow to run beside the rules on every request.
type KNN struct {
	m     *SecondOpinion // for its IDF and features
	items []trainItem
	post  [][]posting
	sets  []int
}

type posting struct {
	doc int32
	w   float32
}

// NewKNN indexes the labelled sets under m's features.
func NewKNN(m *SecondOpinion, sets [][]Labelled) *KNN {
	k := &KNN{m: m, post: make([][]posting, len(m.Cells))}
	for si, set := range sets {
		for _, l := range set {
			var buf featureBuf
			Features(l.Text, m.Bits, m.Scoped, &buf)
			doc := int32(len(k.items))
			k.items = append(k.items, trainItem{set: si, want: l.Want.Priority, text: l.Text})
			v := m.weigh(buf.buckets)
			for i, b := range v.idx {
				k.post[b] = append(k.post[b], posting{doc, v.val[i]})
			}
		}
	}
	return k
}

// Neighbour is a labelled request near a text, with its cosine similarity.
type Neighbour struct {
	Priority Priority
	Sim      float32
}

// Nearest returns the n labelled requests most like text, skipping those of set skip
// (-1 for none), most alike first.
func (k *KNN) Nearest(text string, n, skip int) []Neighbour {
	var buf featureBuf
	Features(text, k.m.Bits, k.m.Scoped, &buf)
	v := k.m.weigh(buf.buckets)
	sims := make(map[int32]float32)
	for i, b := range v.idx {
		for _, p := range k.post[b] {
			sims[p.doc] += v.val[i] * p.w
		}
	}
	out := make([]Neighbour, 0, len(sims))
	docs := make([]int32, 0, len(sims))
	for d, s := range sims {
		if k.items[d].set != skip {
			docs = append(docs, d)
			out = append(out, Neighbour{k.items[d].want, s})
		}
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if out[a].Sim != out[b].Sim {
			if out[a].Sim > out[b].Sim {
				return -1
			}
			return 1
		}
		return int(docs[a] - docs[b])
	})
	res := make([]Neighbour, 0, n)
	for _, i := range idx[:min(n, len(idx))] {
		res = append(res, out[i])
	}
	return res
}

// KNNScores are the heads' scores of the k nearest: the similarity-weighted share of
// them at least as urgent as each head, scaled by the nearest one's similarity so that
// a text like nothing in the sets scores low.
func KNNScores(nb []Neighbour) [3]float32 {
	var s [3]float32
	var tot float32
	for _, x := range nb {
		tot += x.Sim
		for h, p := range heads {
			if x.Priority.Rank() <= p.Rank() {
				s[h] += x.Sim
			}
		}
	}
	if tot == 0 {
		return s
	}
	for h := range s {
		s[h] = s[h] / tot * nb[0].Sim
	}
	return s
}

// HeldOut scores every training request by its k nearest in the other sets, for
// choosing the kNN candidate's thresholds as the model's are chosen.
func (k *KNN) HeldOut(n int, shortWords int) []Held {
	held := make([]Held, len(k.items))
	for i, it := range k.items {
		var buf featureBuf
		words := Features(it.text, k.m.Bits, k.m.Scoped, &buf)
		held[i] = Held{Set: it.set, Want: it.want, Words: words, Scores: KNNScores(k.Nearest(it.text, n, it.set))}
	}
	return held
}

// Thresholds picks the heads' thresholds from held-out scores, for long and short
// messages, as training does for the model.
func Thresholds(held []Held, share float64, shortWords int) (long, short [3]float32) {
	return HeadThresholds(held, [3]float64{share, share, share}, shortWords)
}

// HeadThresholds is Thresholds with a false-raise share for each head (emergency,
// same-day, soon), so that the heads below 999, whose false raises cost a sooner
// appointment and not a call, can be set apart from the 999 head
// (TrainOptions.HeadFalseRaise).
func HeadThresholds(held []Held, shares [3]float64, shortWords int) (long, short [3]float32) {
	long = thresholds(held, shares, func(h Held) bool { return h.Words >= shortWords })
	short = atLeast(thresholds(held, shares, func(h Held) bool { return h.Words < shortWords }), long)
	return long, short
}

// atLeast raises each of short's thresholds to long's: a few words are weaker evidence
// than many, so a short message never raises on a score a long one could not (the
// held-out scores of short messages are few, and their thresholds fell to the coin-toss
// floor, where "please call me back" was raised to same-day).
func atLeast(short, long [3]float32) [3]float32 {
	for h := range short {
		short[h] = max(short[h], long[h])
	}
	return short
}

// RaiseTo applies a raise to a priority as the model's raise does, with reason says.
func RaiseTo(s Suggestion, p Priority, says string) Suggestion {
	if p == "" || !p.MoreUrgent(s.Priority) {
		return s
	}
	s.Priority = p
	raiseTeam(&s)
	s.Reasons = append([]Reason{{Rule: "second-opinion", Says: says}}, s.Reasons...)
	return s
}

// RulesOnly classifies with the engine's rules, without its second opinion.
func (e *Engine) RulesOnly(in Input) Suggestion {
	sc := e.getScratch()
	defer putScratch(sc)
	s, _ := e.classifyRules(in, sc)
	return s
}

// HeadPriority is the priority of the most urgent head whose score reaches its
// threshold, or "".
func HeadPriority(scores, th [3]float32) Priority {
	for h := range heads {
		if scores[h] >= th[h] {
			return heads[h]
		}
	}
	return ""
}

// WithFalseRaise returns a copy of m whose thresholds let each head raise share of the
// held-out requests less urgent than it, from the held-out scores training returned.
// The weights are shared: only the operating point changes.
func (m *SecondOpinion) WithFalseRaise(held []Held, share float64) *SecondOpinion {
	c := *m
	c.Threshold, c.ShortThreshold = Thresholds(held, share, m.ShortWords)
	return &c
}
