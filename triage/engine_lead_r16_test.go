package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestNetTemperatureIsALimit: a temperature named inside a safety net's condition is the
// net's threshold, not a reading taken. "The midwife said if he gets a temperature of 38
// to call 999, his temp is 37.2" gave the engine a temperature of 38 (the highest number
// the text gives), and a baby under 3 months with 38 is an emergency whatever the
// reading after it said: 18 of these 30 parents' look-alikes went to 999 (three read
// lines: pw-060, e16-nm-adv-28, e25-px-n08). Beside them, the same nets with a reading
// of 38 or more, or a fever told in words, stay 999 on both engines.
func TestNetTemperatureIsALimit(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 0, triage.Male, "midwife said if he gets a temperature of 38 to call 999, his temp is 37.2 and he's feeding well", false},
		{"", 0, triage.Female, "We were told a temperature of 38 under 3 months means A&E. She's 6 weeks and it's 37.1, just checking the thermometer is right", false},
		{"", 0, triage.Male, "Midwife said any temperature over 38 in a baby this small is 999. He's 6 weeks, it's 37.1, he's feeding well. Just checking his 8 week jabs date.", false},
		{"", 0, triage.Female, "health visitor told us to ring 999 if she ever hits 38 before 3 months. she's 9 weeks, 36.9 this morning, bit snuffly but feeding fine", false},
		{"", 0, triage.Female, "after her jabs the nurse said if her temp goes to 38 phone 999 as she's only 8 weeks. she's been 37.5 all evening and is sleeping ok", false},
		{"", 0, triage.Female, "Midwife told me a temp of 38C at her age means straight to A&E. She is 3 weeks old and her temp is 37.2. She has a bit of a rash on her cheeks", false},
		{"", 0, triage.Male, "The discharge letter says to call 999 if his temperature reaches 38. He's 2 weeks old, 37.0 today and feeding well. Can we book the 6 week check?", false},
		{"", 0, triage.Female, "Hospital said if she gets a temperature over 38 bring her straight in. She's 6 weeks old and 37.3 this evening, feeding fine, a bit sniffly", false},
		{"", 0, triage.Male, "Midwife said if he gets a temperature of 38 or more to take him to A&E. He's 37.4 and fine, can I give him gripe water?", false},
		{"", 1, triage.Female, "the 111 nurse said if she goes over 39 call 999. Her temp is 38.2 after calpol and she's drinking and playing", false},
		{"", 3, triage.Male, "Out of hours doctor said if his temperature hits 40 to ring an ambulance. He's 38.4 now and eating a bit, chesty cough", false},
		{"", 0, triage.Female, "We were told a temp of 38 means 999 at her age (10 weeks). Her temperature this morning was 36.9. She has some dry skin on her face", false},
		{"", 0, triage.Female, "The paediatric ward said if her temperature reaches 38 again to call an ambulance. She is 7 weeks. It has been 37.2 since we came home and she is feeding well", false},
		{"", 0, triage.Male, "The midwife told us 38 degrees or more in a baby under 3 months is a 999 call. Temp tonight 37.6, he's just had a bath and is feeding. Should we worry?", false},
		{"", 0, triage.Female, "HV said if she gets a temperature of 38 to call 999 because she is so young. She has been 37.1 all day but has a nappy rash", false},
		{"", 0, triage.Male, "we were advised any temperature of 38c or above means ambulance for a baby under 12 weeks. He's 37.3 and feeding, but has been a bit sicky after feeds", false},
		{"", 0, triage.Female, "My midwife said if she has a temperature of 38 or above I must call 999. She's 37.0 today, 5 weeks old, feeding well. Just want to know about vitamin D drops", false},
		{"", 0, triage.Male, "Told by the doctor that 38 in a baby of 8 weeks means hospital. He's 37.2. He's been coughing a little but feeding and weeing normally", false},
		{"", 0, triage.Male, "Hospital said if his temperature goes above 38 again he must come back by ambulance. He's 6 weeks, home 2 days, 37.1 today and feeding", false},
		{"", 0, triage.Female, "midwife told me if she gets to 38 degrees call 999. Shes 37.3 and feeding normally but has sticky eyes", false},
		{"", 0, triage.Male, "midwife said if he gets a temperature of 38 to call 999. It's 38.4 now and he won't feed", true},
		{"", 0, triage.Female, "We were told a temperature of 38 under 3 months means A&E. She's 6 weeks and it's 38.2", true},
		{"", 0, triage.Male, "Midwife said any temperature over 38 in a baby this small is 999. He's 6 weeks, it's 38.6", true},
		{"", 0, triage.Female, "health visitor told us to ring 999 if she ever hits 38 before 3 months. she's 9 weeks and she's 38.1 on the ear thermometer", true},
		{"", 0, triage.Male, "The leaflet from the hospital says if his temperature is 38 or more call an ambulance. He is 5 weeks old and he's 38.3", true},
		{"", 0, triage.Female, "after her jabs the nurse said if her temp goes to 38 phone 999 as she's only 8 weeks. it's gone to 38.5", true},
		{"", 0, triage.Male, "The GP told us that 38 degrees in a baby under 12 weeks means hospital. He's 10 weeks and reads 38.9", true},
		{"", 0, triage.Male, "neonatal nurse said to call 999 if his temperature is 38 or higher. Temp 38.0 now, he's 4 weeks", true},
		{"", 0, triage.Female, "Midwife told me a temp of 38C at her age means straight to A&E. She is 3 weeks old and her temp is 38.7, is that right?", true},
		{"", 0, triage.Male, "we've been told to dial 999 if he gets to 38.0 as he's 7 weeks. he's been 37.3 and now 38.2", true},
		{"", 0, triage.Female, "our health visitor said a temperature of 38 or above before 3 months is an emergency. Her temp is 38.4", true},
		{"", 0, triage.Male, "The discharge letter says to call 999 if his temperature reaches 38. He's 2 weeks old and it has, 38.1", true},
		{"", 0, triage.Female, "Hospital said if she gets a temperature over 38 bring her straight in. She's 6 weeks old and 38.8 this evening", true},
		{"", 0, triage.Male, "was told 999 if his temp goes above 38 as he's 9 weeks. He's burning up, 39.1", true},
		{"", 0, triage.Male, "Midwife said if he gets a temperature of 38 or more to take him to A&E. He's really hot to touch and floppy", true},
		{"", 0, triage.Female, "We were told a temp of 38 means 999 at her age (10 weeks). Her temperature this morning was 38.3", true},
		{"", 0, triage.Male, "midwife said if his temperature is 38 or more ring 999, he is 38 exactly, should we?", true},
		{"", 0, triage.Female, "The paediatric ward said if her temperature reaches 38 again to call an ambulance. She is 7 weeks. It's 38.4 tonight", true},
		{"", 0, triage.Male, "The midwife told us 38 degrees or more in a baby under 3 months is a 999 call. Temp tonight 38.6", true},
		{"", 0, triage.Female, "HV said if she gets a temperature of 38 to call 999 because she is so young. She's 8 weeks and it's 38.2, she feels hot", true},
		{"", 0, triage.Male, "we were advised any temperature of 38c or above means ambulance for a baby under 12 weeks. He's 38.5", true},
		{"", 0, triage.Female, "nurse said if the temp goes up to 38 after the jabs call 999. She is 8 weeks, it's 38.3", true},
		{"", 0, triage.Male, "They told us at discharge that a temperature of 38 means we must call 999 (he's 3 weeks). His temperature is 38.2", true},
		{"", 0, triage.Female, "My midwife said if she has a temperature of 38 or above I must call 999. She's 38.1 today, 5 weeks old", true},
		{"", 0, triage.Male, "Told by the doctor that 38 in a baby of 8 weeks means hospital. He's 38.4 and grunting", true},
		{"", 0, triage.Female, "the health visitor said to phone 999 if she ever has a temperature of 38, she's 11 weeks, temp 38.9", true},
		{"", 0, triage.Male, "Hospital said if his temperature goes above 38 again he must come back by ambulance. He's 6 weeks and it's above 38 now, 38.3", true},
		{"", 0, triage.Female, "midwife told me if she gets to 38 degrees call 999. Shes 6 weeks and shes 38.2 and very sleepy", true},
		{"", 0, triage.Male, "the midwife said 38 or over is 999 for a newborn, he is 2 weeks and has a temperature of 38", true},
		{"", 0, triage.Female, "we were told to go to A&E if her temp is 38 or more. she is 4 weeks. temp 38.1 and 38.3", true},
		{"", 0, triage.Male, "The nurse said if he has a fever call 999 as he's 7 weeks. He feels very hot, no thermometer", true},
		{"", 0, triage.Female, "Told to call 999 if she gets a temperature at all because she's 3 weeks. She has a temperature", true},
	})
}
