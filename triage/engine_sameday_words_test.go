package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestSameDayInPlainWords holds same-day requests the rules left at soon or routine
// because the words were not theirs (issue 10, engine22): an older woman's urine
// infection told as "stings to pass water"; an antiplatelet after a stent run out (a
// blood thinner to the patient, LABELS.md's essential medicines); pregnancy with
// hands and ankles "puffy" (pregnant and unwell); bruises the patient cannot explain
// with bleeding gums, exhaustion or a blood thinner. Each look-alike stays where it was.
func TestSameDayInPlainWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"stings to pass water at 78", 78, triage.Female, "it stings to pass water and I'm going every half hour", triage.SameDay},
		{"stinging water at 69", 69, triage.Female, "stinging water since Tuesday, smells strong", triage.SameDay},
		{"ticagrelor run out", 64, triage.Male, "I've run out of my ticagrelor, had a heart stent in June", triage.SameDay},
		{"puffy in pregnancy", 31, triage.Female, "I'm 34 weeks pregnant and my face and fingers are puffy today", triage.SameDay},
		{"bruises and bleeding gums", 22, triage.Male, "bruises all over my arms that I can't explain and my gums bleed when I eat", triage.SameDay},
		{"bruises on a blood thinner", 70, triage.Female, "on apixaban and there are bruises on my tummy I can't explain", triage.SameDay},

		{"stings to pass water at 30", 30, triage.Female, "it stings to pass water since yesterday, not pregnant", triage.Routine},
		{"clopidogrel repeat with a month left", 66, triage.Male, "Can I have my clopidogrel repeat please, I have a month left", triage.Routine},
	})
}

// TestSevereThingsSaidCalmly holds same-day requests told calmly that the rules left
// at soon (engine22, from blind-68, 69 and 76): severe pain as a score ("pain is 9/10")
// or as what it stops ("can barely move", "can't get comfy"), which a muscle or back
// word had sent to the physio; thoughts of dying told as not being here or a crash,
// without a plan (LABELS.md: thoughts of suicide with no plan are same-day).
func TestSevereThingsSaidCalmly(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"pain as a score", 41, triage.Male, "twisted my back lifting the sofa, the pain is 8/10 even after tablets", triage.SameDay},
		{"can barely move", 50, triage.Female, "my neck locked this morning and I can barely move, nothing helps", triage.SameDay},
		{"can't get comfy", 28, triage.Female, "pain low in my tummy on the right since last night, I can't get comfy at all", triage.SameDay},
		{"easier not to be here", 36, triage.Male, "since losing my job I keep thinking it would be easier not to be here. No plan, I wouldn't act on it", triage.SameDay},
		{"driving into a tree", 47, triage.Female, "on the way to work I thought about driving into a tree. I won't, but it scared me", triage.SameDay},

		{"a sore back, moving", 41, triage.Male, "sore lower back since gardening, about 4/10, I can move fine", triage.Soon},
		{"low, no such thoughts", 36, triage.Male, "feeling low since losing my job, no thoughts of harming myself", triage.Soon},
	})
}

// TestBowelsStoppedWithVomiting: bowels not opened for days with vomiting or a
// swollen, sore tummy is a possible blockage, same-day (blind-69, blind-87); plain
// constipation stays where it was.
func TestBowelsStoppedWithVomiting(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"not opened, being sick", 81, triage.Female, "Mum hasn't opened her bowels for 5 days and has been sick twice today", triage.SameDay},
		{"not opened, swollen tummy", 70, triage.Male, "not opened my bowels since Friday and my tummy is swollen and tight", triage.SameDay},
		{"constipated, otherwise well", 40, triage.Female, "a bit constipated this week, eating and drinking fine", triage.Routine},
	})
}
