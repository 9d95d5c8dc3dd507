package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestFeverWithConfusionIsSepsisWhateverTheReading holds a fever with new confusion at
// 999 at any reading, as it was before rules 2026.12.20 made sepsis-confusion need 38:
// that threshold, fitted to two older people's 37.8 and 37.9, lost the reviewer's fresh
// emergencies (a child's meningitis at 37.9, readings after paracetamol, an older person
// with a catheter, an operation or "completely floored"). A low reading is a sign of
// sepsis too. Only confusion about something else stays off 999.
func TestFeverWithConfusionIsSepsisWhateverTheReading(t *testing.T) {
	holdFamily(t, []familyCase{
		// The reviewer's (review4: r4q-014, -007, -009, -003, -004, -010; r4y-004, -007, -011, -008).
		{12, triage.Male, "my son has a fever of 37.9, he's confused and has a headache and is being sick", triage.Emergency},
		{19, triage.Female, "feverish 37.8 and my flatmate says I'm confused and not making sense, headache", triage.Emergency},
		{83, triage.Female, "UTI, 37.9 despite taking paracetamol, now confused and very weak", triage.Emergency},
		{85, triage.Female, "temp 37.8 after calpol, she's confused and has a water infection, feels really unwell", triage.Emergency},
		{77, triage.Male, "he had 37.9 on the ear thermometer, he is feverish and confused and has a cough with green phlegm", triage.Emergency},
		{76, triage.Male, "temperature of 100.2F and he's confused and shivery", triage.Emergency},
		{75, triage.Male, "37.8 this morning, now he feels hot and he's confused and talking rubbish", triage.Emergency},
		{67, triage.Male, "had a catheter fitted last week, now 37.9 and confused and says he feels awful", triage.Emergency},
		{66, triage.Male, "temp 37.9 and he's disorientated, he had his bowel operation 5 days ago and his tummy is getting more painful", triage.Emergency},
		{88, triage.Female, "temperature 37.8, she's confused and can barely stand, completely floored", triage.Emergency},
		// Fresh variants, and the older person with a measured 37.8 and nothing else.
		{7, triage.Female, "she is 37.8 and confused, keeps saying odd things and is very sleepy", triage.Emergency},
		{24, triage.Male, "temp 37.9, been muddled all afternoon, my girlfriend says I'm talking nonsense", triage.Emergency},
		{80, triage.Male, "gave him ibuprofen an hour ago and now 37.9, he is muddled and does not know where he is", triage.Emergency},
		{84, triage.Male, "Dad is 84 and has been muddled since yesterday, he thinks it is 1990. Temp 37.8, eating and drinking.", triage.Emergency},
		{84, triage.Male, "Dad (84) is suddenly very confused, temperature 39.4 and he is shaking uncontrollably", triage.Emergency},
		{70, triage.Male, "my husband is 70, temp 35.1, confused and cold and clammy", triage.Emergency},
		{80, triage.Female, "Mum is 80, temp 37.9, confused, and has a rash that doesn't fade under a glass", triage.Emergency},
		// Confusion about something else is no sign of sepsis.
		{30, triage.Female, "I am confused about which dose of paracetamol to take for my temperature of 37.9", triage.Routine},
	})
}
