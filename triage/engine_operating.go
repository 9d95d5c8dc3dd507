package triage

import (
	"math"
	"slices"
)

// The 999 head's operating point. A raise to 999 costs a call; what matters is the
// raises the desk's engine makes that the rules had not already made, after every
// gate the engine applies (facts, denials, words about the past), not the share of
// model scores over a line. So when training is given the rules, the 999 head's
// threshold is chosen on the engine's held-out false alarms: each held-out request is
// read by the desk's engine with a model trained without its set, and the threshold
// is the lowest at which the raises to 999 of non-emergencies the rules did not call
// emergencies stay within opt.FalseAlarms999 of the non-emergencies, in every set.

// reading is one text the 999 head must find urgent for the desk's engine to raise to
// 999: the head's score and the text's number of words (short texts have their own
// threshold).
type reading struct {
	score float32
	words int
}

// emergencyReads is what the desk's engine lets m's 999 head weigh in one request:
// nothing when the rules already give 999 (rules999) or a raise to 999 is ruled out
// whatever the score (blocked), else the texts that must all reach the threshold: the
// whole text and, where the rules set part of it aside, the rest, held to the short
// messages' threshold as well.
func (e *Engine) emergencyReads(in Input, m *SecondOpinion) (rules999, blocked bool, reads []reading) {
	in.Sex, in.Kind = canonicalSex(in.Sex), canonicalKind(in.Kind)
	sc := e.getScratch()
	defer putScratch(sc)
	s, a := e.classifyRules(in, sc)
	if s.Priority == Emergency {
		return true, false, nil
	}
	r, rest, trimmed := e.evidence(in, a, Emergency)
	if r == ruledOutByFacts || (trimmed && rest == "") {
		return false, true, nil
	}
	read := func(text string, marks []string) reading {
		buf := bufPool.Get().(*featureBuf)
		defer bufPool.Put(buf)
		v := m.vectorInto(text, buf)
		return reading{m.scores(v)[0] + m.markScore(marks), buf.words}
	}
	var marks, restMarks []string
	if m.ScopeMarks != 0 {
		marks = e.scopeMarks(a, m.ScopeMarks)
		if trimmed {
			r := in
			r.Text = rest
			restMarks = e.ScopeMarksOf(r, m.ScopeMarks)
		}
	}
	reads = append(reads, read(in.Text, marks))
	if trimmed {
		// The rest must reach the short messages' threshold too, whatever its length
		// (SecondOpinion.restReaches): read it as a short text.
		r := read(rest, restMarks)
		r.words = 0
		reads = append(reads, r)
	}
	return false, false, reads
}

// effective999 is the lowest long-message threshold at which the desk's engine would
// raise a held-out request to 999, given the short messages' threshold short (a short
// text needs at least the long threshold too); -Inf when it never would.
func (h Held) effective999(short float32, shortWords int) float32 {
	if h.rules999 || h.blocked999 || len(h.reads) == 0 {
		return float32(math.Inf(-1))
	}
	eff := float32(math.Inf(1))
	for _, r := range h.reads {
		if r.words < shortWords && r.score < short {
			return float32(math.Inf(-1))
		}
		eff = min(eff, r.score)
	}
	return eff
}

// threshold999 is the lowest 999 threshold (never below the coin-toss floor) at which
// the engine's raises to 999 of non-emergencies the rules had not called emergencies
// are at most share of the non-emergencies: in every set big enough to allow one such
// raise at that share, and in all the sets in scope together.
//
// A set too small to allow one (at 2%, fewer than 50 non-emergencies: blind-36 has 22,
// blind-37 23) is held only within the whole. Held alone it would allow none, so the
// one message of it the model scores highest would set the threshold for every
// request, however many thousands the other sets hold.
func threshold999(held []Held, share float64, short float32, shortWords int, inScope func(Held) bool) float32 {
	bySet := map[int][]float32{}
	nonE := map[int]int{}
	var every []float32
	for _, h := range held {
		if !inScope(h) || h.Want == Emergency {
			continue
		}
		nonE[h.Set]++
		if eff := h.effective999(short, shortWords); !math.IsInf(float64(eff), -1) {
			bySet[h.Set] = append(bySet[h.Set], eff)
			every = append(every, eff)
		}
	}
	// allowing is the lowest threshold that raises at most share of n non-emergencies
	// whose effective thresholds are effs.
	allowing := func(effs []float32, n int) float32 {
		slices.Sort(effs)
		slices.Reverse(effs)
		if k := int(share * float64(n)); k < len(effs) {
			return effs[k] + 1e-6
		}
		return 0
	}
	total := 0
	for _, n := range nonE {
		total += n
	}
	t := allowing(every, total)
	for set, effs := range bySet {
		if int(share*float64(nonE[set])) == 0 {
			continue // too small to allow one: held within the whole above
		}
		t = max(t, allowing(effs, nonE[set]))
	}
	return t
}

// set999 sets m's 999 head to raise long messages from t, and short ones from t or
// short, whichever is higher.
func (m *SecondOpinion) set999(t, short float32) {
	m.Threshold[0] = t
	m.ShortThreshold[0] = max(short, t)
}
