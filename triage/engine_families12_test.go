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

// TestLowGradeTemperatureWithConfusion: a measured 37.8 or 37.9 beside new confusion in
// an older person is "new confusion in an older person" (LABELS.md: same-day), not the
// fever of sepsis; a reading of 38 or more, a low one (a sign of sepsis in its own
// right) or another sign of sepsis keeps it an emergency.
func TestLowGradeTemperatureWithConfusion(t *testing.T) {
	holdFamily(t, []familyCase{
		{84, triage.Male, "Dad is 84 and has been muddled since yesterday, he thinks it is 1990. Temp 37.8, eating and drinking.", triage.SameDay},
		{79, triage.Female, "My wife is 79 and more confused than normal today, keeps asking the same questions. Her temperature was 37.9 this morning.", triage.SameDay},
		{91, triage.Female, "Nursing home here: resident aged 91 with new confusion since lunch, temp 37.8, pulse and sats normal", triage.SameDay},
		{88, triage.Female, "Gran is 88 and seeing things that aren't there since last night, the thermometer says 37.9, otherwise chatting away", triage.SameDay},
		{82, triage.Female, "Mum (82) is disorientated today and doesn't know where she is. She had a temp of 37.9 at teatime.", triage.SameDay},
		{76, triage.Male, "husband 76 I think has a water infection, smells strong, he is a bit confused, 37.8 on the ear thermometer", triage.SameDay},
		{90, triage.Male, "My father is 90 and not making sense this afternoon, temperature 37.9, breathing fine", triage.SameDay},
		{85, triage.Female, "Aunt is 85 with a chesty cough and she is muddled today which is new for her, temp 37.8", triage.SameDay},
		{84, triage.Male, "Dad (84) is suddenly very confused, temperature 39.4 and he is shaking uncontrollably", triage.Emergency},
		{79, triage.Female, "Mum is 79, confused and not making sense, temp 38.9 and her skin looks mottled", triage.Emergency},
		{88, triage.Male, "Grandad is 88, temperature was 37.9 earlier, now 38.7 and he doesn't know where he is", triage.Emergency},
		{70, triage.Male, "my husband is 70, temp 35.1, confused and cold and clammy", triage.Emergency},
		{90, triage.Female, "Nan is 90, her temperature is 35.4 and she has been confused since this morning", triage.Emergency},
		{20, triage.Male, "my son is 20, temperature of 39.5, he is confused, his neck is stiff and the light hurts his eyes", triage.Emergency},
		{81, triage.Male, "Dad has a temp of 38.8 and keeps hallucinating, seeing people who aren't there", triage.Emergency},
		{80, triage.Female, "Mum is 80, temp 37.9, confused, and has a rash that doesn't fade under a glass", triage.Emergency},
		{83, triage.Male, "temperature 37.8, he's confused, shivering uncontrollably, mottled and hasn't weed since yesterday", triage.Emergency},
	})
}
