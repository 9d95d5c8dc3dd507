package triage

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"
)

// TestThreshold999CountsTheEnginesFalseAlarms: the 999 head's threshold is set by the
// raises to 999 the desk's engine would add, set by set: requests the rules already
// call emergencies, raises the rules' gate rules out, short messages under their own
// threshold and emergencies themselves do not count against it, and the worst set
// decides.
func TestThreshold999CountsTheEnginesFalseAlarms(t *testing.T) {
	long := func(set int, want Priority, score float32) Held {
		return Held{Set: set, Want: want, reads: []reading{{score, 10}}}
	}
	var held []Held
	for i := range 100 {
		// Set 0: non-emergencies scoring 0.00 to 0.99; set 1: 0.00 to 0.49 twice over.
		held = append(held, long(0, Soon, float32(i)/100), long(1, SameDay, float32(i%50)/100))
	}
	held = append(held,
		long(0, Emergency, 5),                    // an emergency: never a false alarm
		Held{Set: 0, Want: Soon, rules999: true}, // the rules' own 999: not the model's
		Held{Set: 0, Want: Soon, blocked999: true},
		Held{Set: 1, Want: Routine, reads: []reading{{9, 3}}},           // short, under its threshold
		Held{Set: 1, Want: Routine, reads: []reading{{9, 10}, {-1, 8}}}, // the words about now read low
	)
	all := func(Held) bool { return true }
	// 2% of set 0's 102 non-emergencies is 2 raises: the threshold lets 0.99 and 0.98
	// through and stops 0.97. Set 1 (2 of 102) would allow 0.48.
	if got := threshold999(held, 0.02, 10, 6, all); math.Abs(float64(got-0.97)) > 1e-4 {
		t.Errorf("threshold %v, want just above 0.97: set 0 decides", got)
	}
	if got := threshold999(held, 0.02, 10, 6, func(h Held) bool { return h.Set == 1 }); math.Abs(float64(got-0.48)) > 1e-4 {
		t.Errorf("set 1 alone: threshold %v, want just above 0.48", got)
	}
	if got := threshold999(held, 0.5, 10, 6, all); math.Abs(float64(got-0.48)) > 1e-4 {
		t.Errorf("a share of a half: threshold %v, want just above 0.48 (set 0's 52nd highest)", got)
	}
	if got := threshold999(held, 0.99, 10, 6, all); got != 0 {
		t.Errorf("a share that allows all: threshold %v, want the coin-toss floor 0", got)
	}
	// Set 2: 20 non-emergencies, too few for 2% to allow one; one of them scores 5.
	// Alone it would set the threshold at 5 for everyone; it is held within the whole,
	// where 2% of 224 allows 4 raises and the 2% of set 0 still decides.
	small := slices.Clone(held)
	for i := range 20 {
		small = append(small, long(2, Soon, float32(i)/100))
	}
	small[len(small)-1].reads[0].score = 5
	if got := threshold999(small, 0.02, 10, 6, all); math.Abs(float64(got-0.97)) > 1e-4 {
		t.Errorf("a small set's one high score: threshold %v, want just above 0.97", got)
	}
	// Held within the whole, a small set still counts: five of them at 5 are more
	// than 2% of all 224 allows.
	for i := range 5 {
		small[len(small)-1-i].reads[0].score = 5
	}
	if got := threshold999(small, 0.02, 10, 6, all); math.Abs(float64(got-5)) > 1e-4 {
		t.Errorf("five small-set raises at 5 in 224: threshold %v, want just above 5", got)
	}
}

// TestEmergencyReadsAgreesWithRaise holds the 999 operating point's reading of a
// request (emergencyReads and effective999, which threshold999 counts) to what the
// desk's engine does with it (raise): the two make the same 999 decision by separate
// code, and a gate added to one and not the other would choose the threshold on
// false alarms the engine does not make, or miss ones it does. The built-in rules and
// model are read on read sets rich in gates (past episodes, questions, safety nets,
// short messages), at the model's own 999 threshold and at higher ones, so that the
// short-message threshold and the rest read alone both decide some requests.
func TestEmergencyReadsAgreesWithRaise(t *testing.T) {
	rulesYAML, err := os.ReadFile("../assets/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := NewEngine(rulesYAML, "rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../assets/second-opinion.gob")
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := LoadSecondOpinion(b)
	if err != nil {
		t.Fatal(err)
	}
	var ins []Input
	for _, path := range []string{"testdata/nearmiss.jsonl", "testdata/phrasings.jsonl", "testdata/blind-54.jsonl", "testdata/blind-68.jsonl", "testdata/safetynet.jsonl"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var in Input
			if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			ins = append(ins, in)
		}
		f.Close()
	}
	for _, t999 := range []float32{shipped.Threshold[0], 0.5, 1.5} {
		m := *shipped
		m.set999(t999, max(shipped.ShortThreshold[0], t999+0.5))
		e := rules.WithSecondOpinion(&m)
		raised, gated, rest := 0, 0, 0
		for _, in := range ins {
			rules999, blocked, reads := rules.emergencyReads(in, &m)
			h := Held{rules999: rules999, blocked999: blocked, reads: reads}
			predicted := rules999 || (!blocked && h.effective999(m.ShortThreshold[0], m.ShortWords) >= m.Threshold[0])
			if got := e.Classify(in).Priority == Emergency; got != predicted {
				t.Errorf("999 threshold %.2f, %s %q: the engine gives 999 %v, emergencyReads says %v (rules999 %v, blocked %v, reads %v)",
					t999, in.ID, in.Text, got, predicted, rules999, blocked, reads)
			}
			if predicted && !rules999 {
				raised++
			}
			if blocked {
				gated++
			}
			if len(reads) > 1 {
				rest++
			}
		}
		if raised == 0 || gated == 0 || rest == 0 {
			t.Errorf("999 threshold %.2f: %d raised, %d blocked, %d with the rest read alone: the case tests too little", t999, raised, gated, rest)
		}
		t.Logf("999 threshold %.2f: %d raised to 999 beyond the rules, %d blocked, %d read the rest alone", t999, raised, gated, rest)
	}
}

// A head's own false-raise share sets its threshold alone: the same-day and soon heads
// may be set apart from the 999 head (TrainOptions.HeadFalseRaise), and a uniform
// share is what Thresholds always gave.
func TestHeadThresholdsSetEachHeadApart(t *testing.T) {
	var held []Held
	// 100 routine requests scoring 0.01 … 1.00 on every head, each ten words long.
	for i := 1; i <= 100; i++ {
		s := float32(i) / 100
		held = append(held, Held{Set: i % 3, Want: Routine, Words: 10, Scores: [3]float32{s, s, s}})
	}
	uniform, _ := Thresholds(held, 0.01, 6)
	same, _ := HeadThresholds(held, [3]float64{0.01, 0.01, 0.01}, 6)
	if uniform != same {
		t.Fatalf("a uniform share gives %v, HeadThresholds %v", uniform, same)
	}
	long, short := HeadThresholds(held, [3]float64{0.01, 0.05, 0.10}, 6)
	// 1% of 100 lets one raise: the threshold sits just above the second highest score;
	// 5% five, 10% ten.
	for h, want := range [3]float32{0.99, 0.95, 0.90} {
		if d := long[h] - want; d < 0 || d > 1e-5 {
			t.Errorf("head %d: threshold %v, want just above %v", h, long[h], want)
		}
		if short[h] < long[h] {
			t.Errorf("head %d: the short messages' threshold %v is under the long ones' %v", h, short[h], long[h])
		}
	}
	// Training reads the option: 0 is FalseRaise's share.
	o := TrainOptions{FalseRaise: 0.02, HeadFalseRaise: [3]float64{0, 0.05, 0}}
	o.defaults()
	if o.HeadFalseRaise != [3]float64{0.02, 0.05, 0.02} {
		t.Errorf("defaults: %v, want 0.02, 0.05, 0.02", o.HeadFalseRaise)
	}
}
