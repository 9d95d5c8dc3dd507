package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAnOxygenReadingToldAgainOrInAList: a low oxygen reading told after a normal one,
// whatever time or activity words stand between ("spo2 97, after 10 min 86", "94
// yesterday, 85 today"), after a colon ("sats: 84"), or in a list of numbers after a
// list of the readings' names, joined by "and" or a comma ("heart rate and sats: 125,
// 83"), is an oxygen reading; and a fall from a normal reading or a usual level to 87 or
// under is an emergency on both engines (hazard12, rounds 22 and 23: all were below 999).
// A number after another reading's name or with its unit stays that reading's ("sats 96,
// and 75 kg now"); an age ("I'm 73" of a patient of 73, "mum is 86"), a condition ("if it
// drops to 86"), a dip that comes back up or is told as expected, a low told before the
// normal reading of now, two numbers listed after one name ("sats 98, 72", "shows 97 and
// 86": the oximeter's pulse) and a number named after it ("86 for the heart rate", "84
// is the pulse") are no fall (review18's FAIL of 70dcfa9).
func TestAnOxygenReadingToldAgainOrInAList(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 59, triage.Male, "spo2 97, after 10 min 86, heart rate 120", true},
		{"", 75, triage.Male, "Finger probe: 94 yesterday, 85 today, pulse 110", true},
		{"", 68, triage.Male, "oxygen 95 earlier then 86 after walking to the loo, and it's staying there", true},
		{"", 70, triage.Male, "heart rate and sats: 125, 83", true},
		{"", 70, triage.Female, "her sats 97 yesterday, today 86, pulse 118", true},
		{"", 64, triage.Male, "his sats dropped from 94 to 86", true},
		{"", 77, triage.Female, "sats and pulse 85 and 120, she's confused", true},
		{"", 80, triage.Female, "oxygen level normally 96 but today reading 86 on the machine", true},
		{"", 60, triage.Male, "sats: 84", true},
		{"", 60, triage.Male, "oxygen 96 this morning, after the stairs 86 and not coming back up", true},
		{"", 60, triage.Male, "sats 97 at rest, 86 on the stairs, not normal for me", true},
		{"", 60, triage.Male, "SpO2 96 and dropped 82", true},
		{"", 60, triage.Male, "oxygen and heart rate on the finger monitor: 83 and 125, lips bluish", true},
		{"", 60, triage.Male, "o2 was 95 this morning but now 83", true},
		{"", 60, triage.Male, "pulse and sats on the monitor: 118 and 84", true},
		{"", 80, triage.Female, "finger thing read 97 at 9am, 86 at 2pm, mum's more breathless", true},
		{"", 70, triage.Male, "pulse ox 98 earlier, now 86, pulse 124, really struggling", true},
		{"", 70, triage.Male, "sats dropping, 95 an hour ago and 87 now, can't get comfy, breathless", true},
		{"", 75, triage.Male, "yesterday at clinic the sats were 96. This evening 86 on our machine, he's breathless", true},
		{"", 70, triage.Male, "sats 97 then 86 with a pulse of 120", true},

		{"", 60, triage.Male, "sats 97 then 96 after the walk, pulse 88, all fine, just logging", false},
		{"", 58, triage.Female, "sats 95 and pulse 84 at rest, 90 after the stairs, feel fine", false},
		{"", 63, triage.Male, "oxygen 97, heart rate 60 and BP 120 over 80 on my home kit", false},
		{"", 55, triage.Female, "oxygen 96 and weight 84 kg, for my COPD review", false},
		{"", 70, triage.Male, "o2 95 and my age is 83, is that normal for me?", false},
		{"", 62, triage.Male, "SpO2 97 and diastolic 82, is that alright?", false},
		{"", 73, triage.Female, "sats 96, and 75 kg now, lost weight on purpose, review please", false},
		{"", 73, triage.Male, "oximeter 92 today with this chest infection, I'm 73 and tired, talking fine, lips pink", false},
		{"", 66, triage.Female, "Lung fibrosis nurse said if my saturation falls under 85 at rest, ring 999. At rest I'm 93, it only dips to 87 on the stairs which she said is expected. Is my nebuliser ok?", false},
		{"", 90, triage.Female, "oxygen 97 today, mum is 86 and frail", false},
		{"", 60, triage.Male, "sats 97, if it drops to 86 call 999", false},
		{"", 60, triage.Male, "sats 98, 72", false},
		{"", 60, triage.Male, "sats 97 at rest, 86 after the stairs but back to 95 in a minute", false},
		{"", 60, triage.Male, "sats 97, dipped to 86 for a second then fine", false},
		{"", 60, triage.Male, "sats 96 now, they were 86 when I was admitted with covid", false},
		{"", 60, triage.Male, "sats 98% and pulse 70", false},
		{"", 60, triage.Male, "oxygen and heart rate on the finger monitor: 98 and 72", false},
		{"", 60, triage.Male, "heart rate and oxygen on the monitor: 84 and 97", false},
		{"", 60, triage.Male, "my oximeter shows 97 and 86, I think the big number is oxygen and the small one pulse?", false},
		{"", 60, triage.Male, "oxygen 96 and 86 for the heart rate, feel fine, is that good after covid?", false},
		{"", 60, triage.Male, "sats 98, then 86 which was my heart rate, sorry I mixed them up, both fine", false},
		{"", 60, triage.Female, "my mum's sats are 96 and she's 87 next week, can the nurse visit for her jab?", false},
		{"", 60, triage.Female, "oxygen 95 and 86 is my husband's pulse, he's fine, just checking both of us after covid", false},
		{"", 60, triage.Female, "oxygen 95% and 84 is the pulse, feeling well", false},
	})
}
