package triage

import (
	"math"
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
}
