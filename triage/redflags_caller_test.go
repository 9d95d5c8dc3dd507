package triage

import "testing"

// TestTellCallerWordsEachRedFlagForTheReceptionist holds what reception passes on to a
// caller after a yes to each red-flag question, for the patient calling and for
// someone calling about them: the desk's warning and the queue's answer both say it.
func TestTellCallerWordsEachRedFlagForTheReceptionist(t *testing.T) {
	const (
		self  = "Tell the caller to call 999 now, or to go straight to A&E, and not to wait for the practice to call back."
		other = "Tell the caller to call 999 now for Amelia, or to take them straight to A&E, and not to wait for the practice to call back."
	)
	want := map[string][2]string{
		"suicide": {
			self + " Ask whether someone can be with them. Give them the Samaritans' number, 116 123, free at any time.",
			other + " Ask them to stay with Amelia and to keep any packet of what was swallowed. Give them the Samaritans' number, 116 123, free at any time.",
		},
	}
	for _, id := range []string{"chest-pain", "stroke", "breathing", "allergy", "sepsis", "rash-meningitis", "cauda-equina",
		"testicle", "ectopic", "gi-bleed", "head-injury", "sight", "headache", "baby-fever", "swelling"} {
		want[id] = [2]string{self, other}
	}
	if len(want) != len(RedFlagQuestions) {
		t.Fatalf("the wording is held for %d red flags, there are %d: add the new one here", len(want), len(RedFlagQuestions))
	}
	for _, q := range RedFlagQuestions {
		w, ok := want[q.ID]
		if !ok {
			t.Errorf("no wording held for %s", q.ID)
			continue
		}
		for i, s := range []Subject{{For: ForSelf}, {For: ForChild, Name: "Amelia"}} {
			if got := q.TellCaller(s); got != w[i] {
				t.Errorf("%s, about %q: reception is told\n%q\nwant\n%q", q.ID, s.Name, got, w[i])
			}
		}
	}
	if got := TellCaller999(Subject{}); got != self {
		t.Errorf("an emergency with no red flag: %q, want %q", got, self)
	}
	if got := TellCaller999(Subject{For: ForAdult, Name: "Amelia"}); got != other {
		t.Errorf("an emergency with no red flag, someone else calling: %q, want %q", got, other)
	}
}
