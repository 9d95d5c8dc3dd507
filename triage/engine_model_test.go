package triage_test

import (
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestSecondOpinionOnlyRaises: on every labelled request, the engine with the second
// opinion is never less urgent than the rules alone; where it is more urgent, its
// first reason says the second opinion raised it and names what it reads like, and
// the rules' own reasons are still there.
func TestSecondOpinionOnlyRaises(t *testing.T) {
	with, alone := assets.DefaultEngine(), assets.RulesEngine()
	if with.SecondOpinion() == nil || alone.SecondOpinion() != nil {
		t.Fatal("the default engine must carry the second opinion, the rules engine must not")
	}
	raised := 0
	for _, path := range []string{"testdata/dev.jsonl", "testdata/phrasings.jsonl", "testdata/blind-22.jsonl", "testdata/blind-26.jsonl", "testdata/blind-30.jsonl"} {
		for _, l := range readSet(t, path) {
			a, b := alone.Classify(l.Input), with.Classify(l.Input)
			if b.Priority.Rank() > a.Priority.Rank() {
				t.Fatalf("%s: the second opinion lowered %s to %s", l.ID, a.Priority, b.Priority)
			}
			if b.Priority == a.Priority {
				continue
			}
			raised++
			r := b.Reasons[0]
			if r.Rule != "second-opinion" || !strings.Contains(r.Says, "reads like ‘") || !strings.Contains(r.Says, "raised this from") {
				t.Errorf("%s: raised without saying why: %+v", l.ID, r)
			}
			if len(b.Reasons) != len(a.Reasons)+1 {
				t.Errorf("%s: the rules' reasons were lost: %d, want %d", l.ID, len(b.Reasons)-1, len(a.Reasons))
			}
			if b.Priority == triage.Emergency && (b.Team != triage.TeamGP || b.Signpost != triage.Signpost999) {
				t.Errorf("%s: an emergency raised to %s/%s, want gp/999", l.ID, b.Team, b.Signpost)
			}
		}
	}
	t.Logf("%d requests raised", raised)
}

// TestSecondOpinionRaisesAParaphrase: a lay paraphrase the rules do not recognise is
// raised, with a reason naming a labelled request it reads like.
func TestSecondOpinionRaisesAParaphrase(t *testing.T) {
	m := assets.DefaultSecondOpinion()
	for _, ex := range []string{
		"i have given away my cat and written to my sister, i wont be here next week",
	} {
		if op := m.Read(ex); op.Priority != triage.Emergency {
			t.Errorf("%q: the model read it as %q (scores %v), want emergency", ex, op.Priority, op.Scores)
		}
		if like := m.ReadsLike(ex, triage.Emergency, 2); len(like) == 0 || like[0].Priority != triage.Emergency {
			t.Errorf("%q: reads like %v, want labelled emergencies", ex, like)
		}
	}
	for _, ex := range []string{"fit note please", "repeat prescription of my inhaler", "can I have my blood test results"} {
		if op := m.Read(ex); op.Priority == triage.Emergency || op.Priority == triage.SameDay {
			t.Errorf("%q: the model raised an admin request to %s (scores %v)", ex, op.Priority, op.Scores)
		}
	}
}

func TestLoadSecondOpinionRefusesDamage(t *testing.T) {
	good, err := assets.DefaultSecondOpinion().Encode()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := triage.LoadSecondOpinion(good); err != nil {
		t.Fatalf("the built-in model does not load back: %v", err)
	}
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)/2],
		"not gob":   []byte("version: 1\n"),
	} {
		if _, err := triage.LoadSecondOpinion(b); err == nil || !strings.Contains(err.Error(), "second opinion") {
			t.Errorf("%s: got %v, want an error naming the second opinion", name, err)
		}
	}
	other := *assets.DefaultSecondOpinion()
	other.Format = triage.ModelFormat + 1
	b, _ := other.Encode()
	if _, err := triage.LoadSecondOpinion(b); err == nil || !strings.Contains(err.Error(), "triagectl train") {
		t.Errorf("a future format: got %v, want an error saying to rebuild it", err)
	}
}
