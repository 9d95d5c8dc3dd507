package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// familyCase is one request of a false-alarm family: a look-alike that must not be
// sent to 999 (want is the priority LABELS.md gives it) or a real emergency of the same
// family that must stay one (want is triage.Emergency).
type familyCase struct {
	age  int
	sex  triage.Sex
	text string
	want triage.Priority
}

// holdFamily holds a family's look-alikes off 999 and its emergencies on it, with the
// rules alone and with the desk's engine. A look-alike may be raised above its label
// (over-triage short of 999 only costs time) but never lowered below it, nor to 999;
// an emergency must be one with the rules alone, so a narrowing cannot lean on the
// second opinion to keep recall.
func holdFamily(t *testing.T, cases []familyCase) {
	t.Helper()
	for _, c := range cases {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		for _, e := range rulesAndDesk() {
			got := e.eng.Classify(in)
			switch {
			case c.want == triage.Emergency && got.Priority != triage.Emergency:
				t.Errorf("emergency %q: %s gave %s; because %v", c.text, e.name, got.Priority, got.Reasons)
			case c.want != triage.Emergency && got.Priority == triage.Emergency:
				t.Errorf("look-alike %q: %s gave 999, want %s; because %v", c.text, e.name, c.want, got.Reasons)
			case c.want != triage.Emergency && c.want.MoreUrgent(got.Priority):
				t.Errorf("look-alike %q: %s gave %s, below its label %s; because %v", c.text, e.name, got.Priority, c.want, got.Reasons)
			}
		}
	}
}
