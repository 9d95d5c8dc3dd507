package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestHypoUnder4NotRising holds a blood sugar under 4 told with what it does ("sugar is
// 2.4 and won't go up after two lots of sweets, what should I do?") at 999 on both
// engines: review9 saw the desk give it soon, since only "won't come up" and a few
// other phrases were read. The reading is the number (#under4: under 4, at most one
// decimal, never hours, tablets or a time like 3.30) a few words after a sugar word,
// with the number told as not rising. The look-alikes share the words: other tests'
// numbers that won't go up (ferritin, INR, potassium), sugars that won't come down, a
// low that came up, a hypo in the past; they must stay off 999.
func TestHypoUnder4NotRising(t *testing.T) {
	holdRecall(t, []recallCase{
		{"sugar is 2.4 and won't go up after two l", 45, triage.Male, "sugar is 2.4 and won't go up after two lots of sweets, what should I do?", true},
		{"my sugar is 3.1 and won't go up, I've ha", 52, triage.Female, "my sugar is 3.1 and won't go up, I've had 3 glucose tablets and a coke", true},
		{"blood sugar 2.9 not going up even after ", 67, triage.Male, "blood sugar 2.9 not going up even after lucozade twice", true},
		{"bm 2.2 and it isnt rising, had orange ju", 34, triage.Female, "bm 2.2 and it isnt rising, had orange juice 15 mins ago and again now", true},
		{"his glucose is 2.6 and it won't budge af", 71, triage.Male, "his glucose is 2.6 and it won't budge after two rounds of jelly babies", true},
		{"I'm on insulin, reading is 3.2, had suga", 29, triage.Male, "I'm on insulin, reading is 3.2, had sugary drinks twice and it hasn't gone up", true},
		{"dad's sugars 2.1, given him dextrose twi", 58, triage.Female, "dad's sugars 2.1, given him dextrose twice, still not coming up, what do we do", true},
		{"libre says 2.8 and it keeps dropping eve", 40, triage.Male, "libre says 2.8 and it keeps dropping even though I've eaten biscuits", true},
		{"sugar 3.0 after treating twice, just not", 63, triage.Female, "sugar 3.0 after treating twice, just not shifting. should I worry?", true},
		{"type 1, 2.7 on my meter and it's not goi", 22, triage.Female, "type 1, 2.7 on my meter and it's not going up after two lots of dextrose", true},
		{"my wife's blood sugar is 2.3 and it's no", 55, triage.Male, "my wife's blood sugar is 2.3 and it's not rising after sweets, she's shaky", true},
		{"my mum is on gliclazide, her sugar was 2", 76, triage.Female, "my mum is on gliclazide, her sugar was 2.8 and still not rising after tea and toast", true},
		{"hypo, reading 2.4, treated it twice and ", 38, triage.Male, "hypo, reading 2.4, treated it twice and it hasn't come up at all", true},
		{"sugar at 2.9, had 2 glasses of juice, st", 44, triage.Female, "sugar at 2.9, had 2 glasses of juice, still hasnt risen. what should i do", true},
		{"BM 1.9 and not going up with glucogel", 61, triage.Male, "BM 1.9 and not going up with glucogel", true},
		{"glucose 3.3 and falling, had 4 jelly bab", 30, triage.Female, "glucose 3.3 and falling, had 4 jelly babies twice, what next?", true},
		{"husband sugar 2.0 and won't come up, he'", 68, triage.Male, "husband sugar 2.0 and won't come up, he's had lucozade and a sandwich", true},
		{"my sugar is 2.6 it wont go up ive had 2 ", 26, triage.Male, "my sugar is 2.6 it wont go up ive had 2 mars bars", true},
		{"blood glucose reading of 2.2 that's not ", 57, triage.Female, "blood glucose reading of 2.2 that's not improving after two treatments", true},
		{"sugar is 3 and won't go up, had sweets t", 47, triage.Male, "sugar is 3 and won't go up, had sweets twice already", true},
		{"sugars keep going down, 2.5 now, even af", 64, triage.Female, "sugars keep going down, 2.5 now, even after treating it twice", true},
		{"im at 2.1 and it wont budge. had coke an", 35, triage.Female, "im at 2.1 and it wont budge. had coke and dextrose", true},
		{"dads bm is 2.7, had sugar twice, still s", 72, triage.Male, "dads bm is 2.7, had sugar twice, still stuck at 2.7", true},
		{"on insulin, sugar 2.8 and not going up a", 50, triage.Male, "on insulin, sugar 2.8 and not going up after two lots of glucose tabs - what do i do?", true},
		{"sugar dropped to 2.4 and isn't coming ba", 59, triage.Female, "sugar dropped to 2.4 and isn't coming back up after sweets", true},
		{"blood sugar 1.8 and wont come up despite", 24, triage.Male, "blood sugar 1.8 and wont come up despite eating", true},
		{"his sugar is 3.4 and still going down af", 66, triage.Female, "his sugar is 3.4 and still going down after a sugary drink", true},
		{"my meter says 2.6 and it is not rising, ", 41, triage.Male, "my meter says 2.6 and it is not rising, had two lots of sweets, advice please", true},
		{"my sugar was 2.4 last night but it came ", 45, triage.Male, "my sugar was 2.4 last night but it came up after some sweets, fine now", false},
		{"sugar is 12 and won't come down, what sh", 52, triage.Female, "sugar is 12 and won't come down, what should I do?", false},
		{"HbA1c is 58 and won't go down despite th", 67, triage.Male, "HbA1c is 58 and won't go down despite the metformin", false},
		{"my temperature is 37.9 and won't go down", 34, triage.Female, "my temperature is 37.9 and won't go down with paracetamol", false},
		{"my ferritin is 3 and won't go up even wi", 71, triage.Male, "my ferritin is 3 and won't go up even with iron tablets", false},
		{"weight won't go up, I'm 52kg and eating ", 29, triage.Male, "weight won't go up, I'm 52kg and eating loads", false},
		{"my potassium is 3.2 and not going up on ", 58, triage.Female, "my potassium is 3.2 and not going up on the supplements", false},
		{"my sugars are 15 and not coming down, ca", 40, triage.Male, "my sugars are 15 and not coming down, can I increase my insulin?", false},
		{"had a hypo of 2.9 last week, came up aft", 63, triage.Female, "had a hypo of 2.9 last week, came up after juice, can I have a review", false},
		{"my libre sensor keeps dropping off, need", 22, triage.Female, "my libre sensor keeps dropping off, need a new prescription", false},
		{"blood pressure is 90 over 60 and won't g", 55, triage.Male, "blood pressure is 90 over 60 and won't go up", false},
		{"sugar readings have been 3.5 in the morn", 76, triage.Female, "sugar readings have been 3.5 in the mornings this week, they come up after breakfast, can someone review my insulin", false},
		{"hypo last year at 2.1, wouldn't come up,", 38, triage.Male, "hypo last year at 2.1, wouldn't come up, ended up in hospital. need a letter for DVLA", false},
		{"my son's B12 is 2.5 and not going up wit", 44, triage.Female, "my son's B12 is 2.5 and not going up with the injections", false},
		{"my heart rate is 45 and won't go up, I f", 61, triage.Male, "my heart rate is 45 and won't go up, I feel fine, on bisoprolol", false},
		{"my sugars are going down nicely since th", 26, triage.Male, "my sugars are going down nicely since the new tablets, 6.5 now", false},
		{"blood sugar 2.9 at 3am twice this week, ", 57, triage.Female, "blood sugar 2.9 at 3am twice this week, came up with a biscuit, could I have my lantus dose reviewed", false},
		{"ive got 3 weeks of tablets left and the ", 47, triage.Male, "ive got 3 weeks of tablets left and the levels won't go up, need more", false},
		{"my haemoglobin is 9.5 and won't go up, f", 64, triage.Female, "my haemoglobin is 9.5 and won't go up, feeling tired", false},
		{"my mood won't lift, been low for 3 weeks", 35, triage.Female, "my mood won't lift, been low for 3 weeks", false},
		{"dad's sodium is 125 and not coming up, t", 72, triage.Male, "dad's sodium is 125 and not coming up, the hospital are aware", false},
		{"my milk supply won't go up, baby is 3 we", 50, triage.Male, "my milk supply won't go up, baby is 3 weeks", false},
		{"prescription for glucose tablets and glu", 36, triage.Male, "prescription for glucose tablets and glucogel please, used them up", false},
		{"how low can a sugar go before it is dang", 59, triage.Female, "how low can a sugar go before it is dangerous? mine went to 3.1 yesterday and came up fine", false},
		{"vitamin D is 25 and won't go up even wit", 24, triage.Male, "vitamin D is 25 and won't go up even with the tablets", false},
		{"her sugar is 2.8 sometimes overnight, wh", 66, triage.Female, "her sugar is 2.8 sometimes overnight, what should i do to stop the lows, it comes up when she eats", false},
		{"my score is 2 out of 10 and won't go up,", 41, triage.Male, "my score is 2 out of 10 and won't go up, the physio says keep going", false},
		{"INR reading is 1.8 and not going up on t", 70, triage.Male, "INR reading is 1.8 and not going up on the warfarin, do I need a higher dose", false},
		{"my INR is 1.6 and won't come up, clinic ", 66, triage.Female, "my INR is 1.6 and won't come up, clinic says increase the tablets", false},
		{"sugar levels are fine but my iron level ", 55, triage.Male, "sugar levels are fine but my iron level is 3 and won't go up", false},
		{"my son's glucose test at school, sugar 3", 48, triage.Female, "my son's glucose test at school, sugar 3 weeks ago was normal, now his weight won't go up", false},
		// Not yet held (figures in the commit message):
		// desk not 999, rules not 999: {"my levels are at 2.5 and wont rise no ma", 49, triage.Male, "my levels are at 2.5 and wont rise no matter what I eat", true},
		// desk not 999, rules not 999: {"level is 2.3 and wont go any higher even", 43, triage.Female, "level is 2.3 and wont go any higher even with haribo and juice", true},
		// desk not 999, rules not 999: {"my reading is 2.9 and not budging after ", 36, triage.Male, "my reading is 2.9 and not budging after 2 treatments, what should I do", true},
		// desk 999, rules 999: {"what should I do if my sugar is 2.5 and ", 49, triage.Male, "what should I do if my sugar is 2.5 and won't go up?", false},
		// desk 999, rules not 999: {"sugar 3.8 this morning, had breakfast an", 30, triage.Female, "sugar 3.8 this morning, had breakfast and it went up to 7, fine now", false},
		// desk 999, rules not 999: {"sugar is 2.6 on the meter but after wash", 68, triage.Male, "sugar is 2.6 on the meter but after washing hands it reads 6.2, is the meter wrong?", false},
		// desk 999, rules 999: {"my sugar was 2.3 and not going up but af", 43, triage.Female, "my sugar was 2.3 and not going up but after a third lot of juice it's 5.8 now and I feel ok", false},
	})
}
