package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestEpilepsyMedicinesByTheirNamesAreEssential: review17's probes. "I've run out of my
// clobazam" was soon: the essential medicines named only the commonest epilepsy
// medicines, so a rescue or add-on one ran out like a moisturiser. Run out of any
// epilepsy medicine is same-day; a question about one is not.
func TestEpilepsyMedicinesByTheirNamesAreEssential(t *testing.T) {
	holdSameDay(t, []recallCase{
		{"clobazam run out", 24, triage.Female, "I've run out of my clobazam and the pharmacy is closed till Monday", true},
		{"lacosamide run out", 41, triage.Male, "ran out of lacosamide yesterday, can you send a prescription today", true},
		{"zonisamide run out", 35, triage.Female, "run out of my zonisamide, last one this morning", true},
		{"buccal midazolam used", 9, triage.Male, "we have run out of his buccal midazolam after last night, need more", true},
		{"oxcarbazepine out of stock", 52, triage.Male, "pharmacy is out of stock of oxcarbazepine and I have none left", true},
		{"clobazam question", 30, triage.Female, "can I take clobazam with my hay fever tablets?", false},
	})
}

// TestBlackMotionsAreBlackStools: review17 at fa11. "black motions for 2 days, I'm on
// dabigatran" was same-day: "motions" is what many patients call their stools, and
// black ones on a blood thinner are a bleed until shown otherwise; told with iron and
// nothing else they are its effect, as black stools are.
func TestBlackMotionsAreBlackStools(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 79, triage.Male, "on iron, black motions for 2 days, I'm on dabigatran for my AF", true},
		{"", 66, triage.Female, "my motions have gone black and sticky since yesterday and I feel faint", true},
		{"", 58, triage.Male, "motions are black this week, no iron or anything, feel a bit weak", true},
		{"", 45, triage.Female, "is it normal for the iron tablets to make my motions black? I feel fine otherwise", false},
	})
}
