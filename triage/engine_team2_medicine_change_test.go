package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAMedicineStartedAddedOrChangedIsTheMedicinesTeams is round 20's family (issue 10)
// of a symptom told beside a medicine started, added, changed, switched or missed, in
// words the side-effect rules do not read ("Started after the doctor added doxazosin",
// "since my doctor added bisoprolol", "after metformin change"). Only the catch-alls
// read them, so they went to the GP; LABELS.md gives side effects of a known medicine
// and dose questions to the medicines team (team-medicine-change in fallback_teams). The
// priority and signpost stay the catch-all's.
func TestAMedicineStartedAddedOrChangedIsTheMedicinesTeams(t *testing.T) {
	holdFallbackTeams(t, triage.TeamMedicines, []fallbackTeamCase{
		{70, triage.Male, "Dizzy when I stand up quickly since the doctor added doxazosin, no falls."},
		{66, triage.Female, "Since my GP added bisoprolol my pulse is in the 50s and I feel tired."},
		{58, triage.Male, "Since the hospital changed my blood pressure tablets I've had a tickly cough."},
		{34, triage.Female, "I missed three days of my sertraline, should I just restart it?"},
		{61, triage.Male, "After the metformin change to two a day I have loose motions, no blood."},
		{72, triage.Female, "The doctor doubled my furosemide and I'm up weeing all night, is that expected?"},
		{63, triage.Female, "Restart my levothyroxine after the operation? I missed a week and feel tired."},
		{68, triage.Male, "The cardiologist added spironolactone and my breasts are sore, is this normal?"},
		{59, triage.Female, "Headaches every afternoon since the nurse added amlodipine."},
		{45, triage.Male, "Dizzy for a second when I get up from the sofa. Started after the doctor added doxazosin. Haven't fallen."},
		{73, triage.Male, "Since my doctor added bisoprolol, my pulse is in the 50s and I feel tired. No chest pain, no fainting."},
		{52, triage.Female, "Doctor, after metformin change to 2 tablet in a day I have loose motion for 3 week now. Sugar is better."},
		{29, triage.Female, "I missed two days of my sertraline by mistake, should I just restart it"},
	})
}

// TestAMedicineChangedBesideWhatTheGPAssessesStaysTheGPs is the other side: the same
// medicine started, added or changed beside a child, a faint or a fall, a pregnancy, a
// wound gone red, a worsening, a treatment wanted for a new problem, or with no change
// told at all: the GP's, as before.
func TestAMedicineChangedBesideWhatTheGPAssessesStaysTheGPs(t *testing.T) {
	holdFallbackTeams(t, triage.TeamGP, []fallbackTeamCase{
		{10, triage.Male, "Since the doctor added montelukast my son has had bad dreams."},
		{15, triage.Male, "He missed three days of his sertraline, should he restart it?"},
		{70, triage.Male, "Dizzy since the doctor added doxazosin, and I fell in the bathroom last night."},
		{66, triage.Female, "Since my GP added bisoprolol I nearly passed out in the shop."},
		{30, triage.Female, "Since the midwife started me on iron tablets I feel tired, I'm 30 weeks pregnant."},
		{62, triage.Male, "Since the hospital changed my tablets my leg wound is red and sore."},
		{57, triage.Female, "The doctor changed my tablets in June and since then I can't sleep, could I try something to help?"},
		{64, triage.Male, "Since the hospital changed my blood pressure tablets the headaches are getting worse every day."},
		{48, triage.Female, "I take amlodipine. Headaches most afternoons for two weeks."},
		{38, triage.Male, "The doctor added a note about my tiredness, can someone explain?"},
	})
}
