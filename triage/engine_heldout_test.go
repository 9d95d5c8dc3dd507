package triage_test

import (
	"fmt"
	"testing"

	"triagedesk/triage"
)

// TestCrossValidateHoldsEachSetOut: the model CrossValidate gives for a set learned
// nothing from it. A word said only in that set is unknown to its model (it scores
// nothing), while the model trained on every set weighs it; and its thresholds are the
// ones the other sets' held-out scores give, not the shipped model's.
func TestCrossValidateHoldsEachSetOut(t *testing.T) {
	own := []string{"xylophone", "quagmire", "jukebox", "wombat"} // one word each set alone says
	var sets [][]triage.Labelled
	for s := range 4 {
		var set []triage.Labelled
		for i := range 12 {
			l := triage.Labelled{Input: triage.Input{ID: fmt.Sprintf("s%d-%d", s, i), Age: 40, Sex: "female", Kind: triage.Clinical}}
			switch i % 3 {
			case 0:
				l.Text = "crushing chest pain and sweating, " + own[s]
				l.Want = triage.Suggestion{Priority: triage.Emergency, Team: triage.TeamGP, Signpost: triage.Signpost999}
			case 1:
				l.Text = "sore knee after a run for a week, " + own[s]
				l.Want = triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone}
			default:
				l.Text = "a fit note for work please"
				l.Want = triage.Suggestion{Priority: triage.Routine, Team: triage.TeamAdmin, Signpost: triage.SignpostNone}
			}
			set = append(set, l)
		}
		sets = append(sets, set)
	}
	opt := triage.TrainOptions{Version: "t", Bits: 16}
	models, err := triage.CrossValidate(sets, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(models) != len(sets) {
		t.Fatalf("%d models for %d sets", len(models), len(sets))
	}
	full, _, err := triage.TrainSecondOpinion(sets, opt)
	if err != nil {
		t.Fatal(err)
	}
	for s, m := range models {
		// The bias alone is what an unknown text scores; a word of the set's own moves
		// the full model's score and not the held-out one's.
		if got, blank := m.Read(own[s]).Scores, m.Read("").Scores; got != blank {
			t.Errorf("set %d: its model scores %q %v, an empty text %v: it learned the held-out set's words", s, own[s], got, blank)
		}
		if got, blank := full.Read(own[s]).Scores, full.Read("").Scores; got == blank {
			t.Errorf("the model trained on every set does not know %q: the test proves nothing", own[s])
		}
	}
	if _, err := triage.CrossValidate(sets[:2], opt); err == nil {
		t.Error("two sets cross-validated; want an error: a set's thresholds need two others")
	}
}
