package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestHypoUnder4NotRising holds a blood sugar under 4 told with what it does ("sugar is
// 2.4 and won't go up after two lots of sweets, what should I do?") at 999 on both
// engines: review9 saw the desk give it soon, since only "won't come up" and a few
// other phrases were read. The reading is the number (#under4: under 4, at most one
// decimal, never hours, tablets or a time like 3.30, and a whole number only where no
// noun follows it: "1 sugar in my tea", "3 monthly check") a few words after a sugar
// word, told as not rising anywhere in the request ("BM 1.9. Gave glucogel twice. Not
// coming up."), unless said of another subject ("Sugar 3.2 before lunch. My weight
// keeps dropping": said_of). A sugar told as back up after it ("it went to 6.4", "fine
// now") answers it (told_after); a number of another measure ("ketones 0.6") and
// readings a device loses ("keeps dropping readings") are masked. The look-alikes share the words: other
// numbers that won't go up (ferritin, INR, iron, weight, mood), ketones not rising,
// sugars that won't come down, a low that came up, a sensor that disagrees with a finger
// prick; review10's among them (hazard2-1, hazard2-2). They must stay off 999.
//
// Left at 999 on purpose: "what should I do if my sugar is 2.5 and won't go up?". A
// condition told with "won't" reads as come true, as "what do I do if my lips are blue
// and I can't breathe?" must (TestConditionsToldWithWontStayReports). Asked for a care
// plan being written ("Asking for his school care plan") it stands aside
// (plan_being_written); "we followed his care plan" does not.
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
		{"type 2 on gliclazide, sugar 3 and not ri", 48, triage.Male, "type 2 on gliclazide, sugar 3 and not rising after 2 lots of sweets", true},
		{"bm 2.1 n not shiftin after 2 juices", 30, triage.Male, "bm 2.1 n not shiftin after 2 juices", true},
		{"reading of 2.7, given hypostop, no chang", 70, triage.Male, "reading of 2.7, given hypostop, no change after 15 min, he's confused", true},
		{"sugars are 3.2 and getting lower even af", 45, triage.Female, "sugars are 3.2 and getting lower even after I ate, on insulin, feel awful", true},
		{"type 1 here, 2.6 on my dexcom and it has", 25, triage.Male, "type 1 here, 2.6 on my dexcom and it hasn't risen after 3 jelly babies and a juice", true},
		{"glucose is 1.9, I've had 4 dextrose and ", 40, triage.Female, "glucose is 1.9, I've had 4 dextrose and 2 biscuits and it's still 1.9", true},
		{"Dad's sugar dropped to 2 and we can't ge", 75, triage.Male, "Dad's sugar dropped to 2 and we can't get it up", true},
		{"My sugar is 2.8 and I've had sweets but ", 40, triage.Male, "My sugar is 2.8 and I've had sweets but there's no change", true},
		{"his sugar's 2.3, we've given him juice b", 12, triage.Male, "his sugar's 2.3, we've given him juice but it won't go up", true},
		{"2.6 on the meter, had 3 jelly babies but", 50, triage.Female, "2.6 on the meter, had 3 jelly babies but it's not rising", true},
		{"BM 1.9. Gave glucogel twice. Not coming ", 65, triage.Male, "BM 1.9. Gave glucogel twice. Not coming up.", true},
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
		{"my sugar is 3 point something most morni", 33, triage.Female, "my sugar is 3 point something most mornings and comes up with breakfast, can we review my basal", false},
		{"I'm diabetic, my sugar was 2.9 but I had", 62, triage.Male, "I'm diabetic, my sugar was 2.9 but I had toast and it went up to 5.6, feel fine", false},
		{"diabetic, mood not improving, only 3 hou", 41, triage.Female, "diabetic, mood not improving, only 3 hours sleep a night, can I get help", false},
		{"I take 2 sugars in my coffee and my weig", 29, triage.Male, "I take 2 sugars in my coffee and my weight won't go up, I'm diabetic", false},
		{"my sugars are 3 times higher than they s", 54, triage.Female, "my sugars are 3 times higher than they should be and not coming down", false},
		{"I'm diabetic and have cut down to 1 suga", 50, triage.Female, "I'm diabetic and have cut down to 1 sugar in my tea but my weight isn't shifting", false},
		{"Ketones 0.4 mmol and not rising, sugar 1", 30, triage.Male, "Ketones 0.4 mmol and not rising, sugar 13, I feel fine - is that ok?", false},
		{"Type 1 diabetic, mood still low, only 2 ", 28, triage.Female, "Type 1 diabetic, mood still low, only 2 good days this month, no thoughts of harm", false},
		{"What should we do if his sugar is 2.5 an", 12, triage.Male, "What should we do if his sugar is 2.5 and won't go up after treatment? Asking for his school care plan", false},
		{"My libre sensor says 3.1 but my finger p", 45, triage.Male, "My libre sensor says 3.1 but my finger prick is 6.2, the sensor keeps dropping readings, is it faulty?", false},
		{"My glucose 3 monthly check is due, sugar", 60, triage.Female, "My glucose 3 monthly check is due, sugars not improving on the diet", false},
		{"For the hypo awareness course there are ", 35, triage.Male, "For the hypo awareness course there are only 2 places left and my name still hasn't come up on the list", false},
		{"My dad is diabetic. His iron is only 3 a", 55, triage.Female, "My dad is diabetic. His iron is only 3 and his energy keeps dropping, the doctor said to ask for a review", false},
		{"Blood sugar and ketones: ketones 0.6 and", 30, triage.Female, "Blood sugar and ketones: ketones 0.6 and not rising, sugar 12, feeling ok", false},
		{"My new meter reads 3.8 when my libre rea", 45, triage.Male, "My new meter reads 3.8 when my libre reads 7, the meter keeps dropping readings, is it faulty?", false},
		{"Hypo last night 2.5, wouldn't come up fo", 35, triage.Male, "Hypo last night 2.5, wouldn't come up for an hour, fine now, do I change my dose?", false},
		{"Sugar was 3.2 before lunch. My weight ke", 40, triage.Female, "Sugar was 3.2 before lunch. My weight keeps dropping though.", false},
		{"Hypo 3.1 this morning, treated fine. My ", 30, triage.Male, "Hypo 3.1 this morning, treated fine. My low mood won't shift on sertraline.", false},
		{"Libre showed 3.4 overnight. My blood pre", 45, triage.Female, "Libre showed 3.4 overnight. My blood pressure keeps falling when I stand.", false},
		{"Glucose 3.9 at the clinic. Weight still ", 60, triage.Male, "Glucose 3.9 at the clinic. Weight still going down. Appetite not picking up.", false},
		{"BM 3.6 after football. Knee pain not imp", 20, triage.Male, "BM 3.6 after football. Knee pain not improving after physio.", false},
		{"Sugar 3.3 before tea, treated, and 6.1 a", 35, triage.Female, "Sugar 3.3 before tea, treated, and 6.1 after. The rash on my leg won't budge though.", false},
		{"My blood sugar was 3.7 at the surgery an", 55, triage.Male, "My blood sugar was 3.7 at the surgery and they said it was fine. My energy keeps going down.", false},
		// Not yet held (figures in the commit message):
		// desk not 999, rules not 999: {"my levels are at 2.5 and wont rise no ma", 49, triage.Male, "my levels are at 2.5 and wont rise no matter what I eat", true},
		// desk not 999, rules not 999: {"level is 2.3 and wont go any higher even", 43, triage.Female, "level is 2.3 and wont go any higher even with haribo and juice", true},
		// desk not 999, rules not 999: {"my reading is 2.9 and not budging after ", 36, triage.Male, "my reading is 2.9 and not budging after 2 treatments, what should I do", true},
		// desk 999, rules not 999: {"sugar went up to 6 after lunch yesterday", 37, triage.Female, "sugar went up to 6 after lunch yesterday but now it's 2.4 and won't go up", true},
		// desk not 999, rules not 999: {"she's at 2.2, I've tried everything, not", 30, triage.Female, "she's at 2.2, I've tried everything, nothing is working, it won't go up", true},
		// desk 999, rules 999: {"what should I do if my sugar is 2.5 and ", 49, triage.Male, "what should I do if my sugar is 2.5 and won't go up?", false},
		// desk 999, rules not 999: {"sugar 3.8 this morning, had breakfast an", 30, triage.Female, "sugar 3.8 this morning, had breakfast and it went up to 7, fine now", false},
		// desk 999, rules not 999: {"sugar is 2.6 on the meter but after wash", 68, triage.Male, "sugar is 2.6 on the meter but after washing hands it reads 6.2, is the meter wrong?", false},
		// desk 999, rules not 999: {"my sugar was 2.3 and not going up but af", 43, triage.Female, "my sugar was 2.3 and not going up but after a third lot of juice it's 5.8 now and I feel ok", false},
		// desk 999, rules not 999: {"Sugar was 3.2 this morning and not comin", 40, triage.Female, "Sugar was 3.2 this morning and not coming up at first, but after a second juice it went to 6.4 and I'm fine now", false},
	})
}

// TestConditionsToldWithWontStayReports holds present-tense questions that may tell an
// emergency happening now at 999 on the rules alone: a condition with "won't" or
// "can't" after it reads as come true. Narrowing that to clear "what should I do if my
// sugar is 2.5 and won't go up?" took these to same-day or soon (tried and dropped,
// hazard2, round 15).
func TestConditionsToldWithWontStayReports(t *testing.T) {
	for _, text := range []string{
		"do I need to call 999 if my baby is floppy and won't wake?",
		"should I ring an ambulance if he is fitting and it won't stop?",
		"what do I do if my lips are blue and I can't breathe?",
		"is it an emergency if she is floppy and won't wake up?",
	} {
		hold999(t, triage.Input{Age: 1, Sex: triage.Female, Kind: triage.Clinical, Text: text}, true)
	}
}

// TestFitToldByBody holds a fit told by what the body does, without the word ("his
// left arm and face have been twitching for 20 minutes and he isn't answering me"), at
// 999 on both engines: review9 saw the rules alone give focal fits soon. Two readings:
// a jerk or twitch with a sign of the fit itself (awareness gone, the eyes rolled or
// pulled, stiff, blue or foaming, a rhythm) and one more sign (fit-told-by-body); or a
// jerk of one side of the body, or one that will not stop, for minutes, with no
// everyday cause told (fit-one-side-minutes). The look-alikes share the words (an
// eyelid, a lip, a calf or a thumb twitching, a tic, hiccups, restless legs, jerks
// falling asleep, a cramp, the gym, coffee, a neck jerked, a twitch for weeks or "at a
// time", one in the past or asked about, hiccups, teething, a baby's jitters that stop
// when held, a medicine's or a drink's effect; review10's among them, hazard2-2 and
// hazard2-3); they must stay off 999.
func TestFitToldByBody(t *testing.T) {
	holdRecall(t, []recallCase{
		{"his left arm and face have been twitchin", 6, triage.Male, "his left arm and face have been twitching for 20 minutes and he isn't answering me", true},
		{"one side of my husband's body has been j", 40, triage.Female, "one side of my husband's body has been jerking for 20 minutes", true},
		{"her right arm and leg keep jerking and h", 3, triage.Female, "her right arm and leg keep jerking and have been for 15 minutes, she's staring and won't respond", true},
		{"dad's right hand and the corner of his m", 72, triage.Male, "dad's right hand and the corner of his mouth have been twitching non stop for 25 minutes", true},
		{"his face on one side keeps twitching and", 8, triage.Male, "his face on one side keeps twitching and his eyes are pulled to the left, it's been going 10 mins", true},
		{"my wife's left leg has been jerking rhyt", 55, triage.Female, "my wife's left leg has been jerking rhythmically for half an hour and she can't stop it", true},
		{"my toddler's arm is twitching over and o", 2, triage.Male, "my toddler's arm is twitching over and over, eyes rolled back, lips going blue", true},
		{"my body went stiff then started jerking,", 30, triage.Male, "my body went stiff then started jerking, my partner says I was out for 5 minutes, still twitching now", true},
		{"she's gone stiff and her arms are shakin", 17, triage.Female, "she's gone stiff and her arms are shaking, eyes rolled up, not responding to us", true},
		{"his right side keeps jerking, been going", 64, triage.Male, "his right side keeps jerking, been going on for 20 mins, he can't talk", true},
		{"her left hand and face jerking for over ", 11, triage.Female, "her left hand and face jerking for over ten minutes, she's drooling and not answering", true},
		{"shaking on the floor, arms and legs jerk", 45, triage.Male, "shaking on the floor, arms and legs jerking, not responding, about 5 minutes now", true},
		{"baby's arm and leg keep jerking in a rhy", 1, triage.Male, "baby's arm and leg keep jerking in a rhythm and he won't look at me, it's been 10 minutes", true},
		{"mum's right arm has been jerking on and ", 80, triage.Female, "mum's right arm has been jerking on and off for 40 minutes and she's not with it", true},
		{"my face and arm on the left keep twitchi", 26, triage.Female, "my face and arm on the left keep twitching and I can't stop it, been going for 20 minutes", true},
		{"he collapsed and went rigid, eyes rolled", 9, triage.Male, "he collapsed and went rigid, eyes rolled back and jerking all over, lips blue", true},
		{"twitching down his left side for half an", 58, triage.Male, "twitching down his left side for half an hour, eyes flickering, not responding properly", true},
		{"my daughter is twitching on one side of ", 4, triage.Female, "my daughter is twitching on one side of her face and arm and staring blankly for 15 mins", true},
		{"my left hand has been jerking for 30 min", 36, triage.Male, "my left hand has been jerking for 30 minutes and now it's spreading up my arm", true},
		{"she's stiff as a board, jaw clenched, je", 70, triage.Female, "she's stiff as a board, jaw clenched, jerking, been like this 3 minutes and not breathing right", true},
		{"his arms and legs are jerking and he's f", 15, triage.Male, "his arms and legs are jerking and he's foaming, not answering, been going a few minutes", true},
		{"my husband's right leg and arm keep jerk", 49, triage.Female, "my husband's right leg and arm keep jerking uncontrollably, going on for 25 minutes, he's confused", true},
		{"her eyes keep rolling and her arm is twi", 7, triage.Female, "her eyes keep rolling and her arm is twitching, she won't answer us, started 10 minutes ago", true},
		{"dad is staring into space, his mouth is ", 62, triage.Male, "dad is staring into space, his mouth is twitching and his hand jerking, 15 minutes so far", true},
		{"my whole left side is twitching and has ", 27, triage.Male, "my whole left side is twitching and has been for over 20 minutes, scared", true},
		{"he went floppy then stiff and his arms s", 5, triage.Male, "he went floppy then stiff and his arms started jerking, still going after 6 minutes", true},
		{"nan's right hand and face are jerking an", 83, triage.Female, "nan's right hand and face are jerking and she can't speak, it has gone on for half an hour", true},
		{"my boyfriend is on the floor shaking all", 19, triage.Female, "my boyfriend is on the floor shaking all over and his eyes are rolled back, won't come round", true},
		{"jerking of my right arm that won't stop,", 38, triage.Female, "jerking of my right arm that won't stop, 20 minutes now", true},
		{"his mouth and hand on the right side hav", 12, triage.Male, "his mouth and hand on the right side have been twitching for 15 minutes, he is awake but can't speak", true},
		{"the left side of my face and my hand kee", 44, triage.Male, "the left side of my face and my hand keep twitching rhythmically and it has been going on 25 mins", true},
		{"her leg is going like it's got a mind of", 4, triage.Female, "her leg is going like it's got a mind of its own, jerking, she's not herself, about 12 minutes", true},
		{"my partner's jaw and arm keep jerking, h", 33, triage.Female, "my partner's jaw and arm keep jerking, he's not answering me, it started a quarter of an hour ago", true},
		{"son's eyes are flickering and his hand i", 10, triage.Male, "son's eyes are flickering and his hand is twitching, he won't respond to his name", true},
		{"my left arm keeps jerking by itself and ", 52, triage.Male, "my left arm keeps jerking by itself and I can't make it stop, it's been 20 minutes", true},
		{"twitching of the right side of her face ", 76, triage.Female, "twitching of the right side of her face and she's gone vacant, 15 minutes", true},
		{"friend is jerking on the floor and not r", 25, triage.Male, "friend is jerking on the floor and not responding", true},
		{"his right hand and the side of his face ", 7, triage.Male, "his right hand and the side of his face keep jerking and it's been 15 minutes", true},
		{"my right leg started jerking 10 minutes ", 44, triage.Female, "my right leg started jerking 10 minutes ago and I can't make it stop, it's going up into my hip", true},
		{"dad's left side is twitching over and ov", 80, triage.Male, "dad's left side is twitching over and over for the last 20 mins, he's awake but can't get words out", true},
		{"her left arm and leg are going in a rhyt", 3, triage.Female, "her left arm and leg are going in a rhythm and she's not looking at me, 8 minutes", true},
		{"my face and hand on the left have been t", 25, triage.Male, "my face and hand on the left have been twitching nonstop for half an hour, I'm scared", true},
		{"mum jerkin n eyes rollin, not answerin m", 60, triage.Female, "mum jerkin n eyes rollin, not answerin me, like 6 min", true},
		{"my eyelid has been twitching for 2 weeks", 40, triage.Female, "my eyelid has been twitching for 2 weeks, it's annoying", false},
		{"muscle twitching in my calf after the gy", 30, triage.Male, "muscle twitching in my calf after the gym, on and off for a few days", false},
		{"my legs jerk when I'm falling asleep, be", 55, triage.Female, "my legs jerk when I'm falling asleep, been happening for months", false},
		{"he has a tic, his face twitches when he'", 8, triage.Male, "he has a tic, his face twitches when he's nervous, can we see someone", false},
		{"my hand shakes when I hold a cup, been g", 70, triage.Male, "my hand shakes when I hold a cup, been getting worse over the last year", false},
		{"I get jerks in my sleep and wake up, is ", 25, triage.Female, "I get jerks in my sleep and wake up, is that normal?", false},
		{"her whole body jerks when she's startled", 2, triage.Female, "her whole body jerks when she's startled, she's feeding well and happy", false},
		{"restless legs at night, I keep having to", 66, triage.Female, "restless legs at night, I keep having to move them for 20 minutes before I can sleep", false},
		{"I was shivering and shaking all over wit", 34, triage.Male, "I was shivering and shaking all over with the cold after swimming, fine now", false},
		{"my baby's chin trembles when he cries, i", 1, triage.Male, "my baby's chin trembles when he cries, is that normal", false},
		{"my thumb has been twitching on and off f", 45, triage.Male, "my thumb has been twitching on and off for a week", false},
		{"Parkinson's tremor in my right hand is w", 60, triage.Female, "Parkinson's tremor in my right hand is worse, can I have a medication review", false},
		{"my arm twitches when I've had too much c", 19, triage.Female, "my arm twitches when I've had too much coffee", false},
		{"he had a fit last year and we need a let", 9, triage.Male, "he had a fit last year and we need a letter for school about his epilepsy plan", false},
		{"she went stiff with anger and screamed f", 3, triage.Female, "she went stiff with anger and screamed for 10 minutes in a tantrum, then fine", false},
		{"my eye twitches for a few minutes at a t", 38, triage.Male, "my eye twitches for a few minutes at a time when I'm tired", false},
		{"I get muscle spasms in my leg at footbal", 16, triage.Male, "I get muscle spasms in my leg at football that last 5 minutes", false},
		{"mum's hands shake when she's cold, she's", 82, triage.Female, "mum's hands shake when she's cold, she's otherwise well", false},
		{"I had a jerk of my leg at the dentist wh", 43, triage.Female, "I had a jerk of my leg at the dentist when he hit a nerve", false},
		{"what should I do if he starts jerking on", 6, triage.Male, "what should I do if he starts jerking on one side again?", false},
		{"my baby hiccups for ten minutes after ev", 31, triage.Female, "my baby hiccups for ten minutes after every feed", false},
		{"my face twitches on the left since my Be", 57, triage.Male, "my face twitches on the left since my Bell's palsy, on and off for months", false},
		{"I feel shaky and jittery for 20 minutes ", 22, triage.Female, "I feel shaky and jittery for 20 minutes after my inhaler", false},
		{"twitching eyelid and tired, stressed at ", 47, triage.Male, "twitching eyelid and tired, stressed at work", false},
		{"my husband's legs jerk all night in bed,", 68, triage.Female, "my husband's legs jerk all night in bed, he's fine in the day", false},
		{"my son's shoulder jerks and he blinks a ", 13, triage.Male, "my son's shoulder jerks and he blinks a lot, a tic the school noticed", false},
		{"cramp in my calf for 20 minutes last nig", 35, triage.Male, "cramp in my calf for 20 minutes last night, leg stiff this morning", false},
		{"my left arm was twitching for 20 minutes", 52, triage.Female, "my left arm was twitching for 20 minutes last month, the neurologist has seen me, follow up please", false},
		{"my legs jerk for a few minutes after a l", 34, triage.Female, "my legs jerk for a few minutes after a long run, is that cramp?", false},
		{"my left arm twitches when I'm tired, has", 66, triage.Male, "my left arm twitches when I'm tired, has done for years, neuro aware", false},
		{"left eye twitching non stop for 3 days n", 29, triage.Female, "left eye twitching non stop for 3 days now, so annoying", false},
		{"his arms jerk out when he's startled, ju", 0, triage.Male, "his arms jerk out when he's startled, just for a second, then he's fine", false},
		{"right thigh muscle has been twitching on", 44, triage.Male, "right thigh muscle has been twitching on and off for 10 minutes at a time this week", false},
		{"my left hand twitches when I type for a ", 58, triage.Female, "my left hand twitches when I type for a few minutes, carpal tunnel?", false},
		{"twitching all over my body when trying t", 21, triage.Male, "twitching all over my body when trying to sleep, lots of coffee", false},
		{"my hands shake all over the place when I", 71, triage.Female, "my hands shake all over the place when I'm anxious, lasts a few minutes", false},
		{"what are the signs of a focal seizure, m", 36, triage.Female, "what are the signs of a focal seizure, my son's arm twitched for a few minutes last year", false},
		{"mum is a bit confused lately and her han", 80, triage.Female, "mum is a bit confused lately and her hands twitch when she's tired", false},
		{"he's twitching in his sleep, dreaming I ", 3, triage.Male, "he's twitching in his sleep, dreaming I think, fine when he wakes", false},
		{"staring at screens for 20 minutes makes ", 30, triage.Female, "staring at screens for 20 minutes makes my eye twitch", false},
		{"baby twitches in his sleep for a few min", 0, triage.Male, "baby twitches in his sleep for a few minutes then settles, wakes fine", false},
		{"my face has been twitching on the left f", 50, triage.Male, "my face has been twitching on the left for 2 days, no weakness", false},
		{"since my stroke my right arm jerks somet", 70, triage.Male, "since my stroke my right arm jerks sometimes, been like that for years", false},
		{"his right leg jerks with cramp for 5 min", 45, triage.Male, "his right leg jerks with cramp for 5 minutes at night, then it's fine", false},
		{"my left calf keeps twitching after runni", 23, triage.Female, "my left calf keeps twitching after running 10k, stopped after 20 mins", false},
		{"My lip keeps twitching on the left side ", 40, triage.Female, "My lip keeps twitching on the left side for a few minutes at a time, it's been like this for a month", false},
		{"My son's tics are worse with exams, twit", 14, triage.Male, "My son's tics are worse with exams, twitching his face and arm over and over, he's fine otherwise", false},
		{"My whole body jerks as I fall asleep, ev", 25, triage.Female, "My whole body jerks as I fall asleep, every night for a few minutes, is it normal?", false},
		{"Since starting the new antidepressant my", 38, triage.Female, "Since starting the new antidepressant my left leg twitches non stop, annoying but I feel fine", false},
		{"Sciatica: my right leg jerks with the pa", 50, triage.Male, "Sciatica: my right leg jerks with the pain when I stand up, for a few minutes", false},
		{"He was staring at his phone and twitchin", 15, triage.Male, "He was staring at his phone and twitching his foot for 20 minutes, bored teenager I think, he's fine", false},
		{"Face twitching on one side for a few wee", 45, triage.Male, "Face twitching on one side for a few weeks now, a few minutes at a time, hemifacial spasm?", false},
		{"Calf twitching for 10 minutes after runn", 27, triage.Male, "Calf twitching for 10 minutes after running, right leg, no pain", false},
		{"Thumb twitching on my left hand for a fe", 33, triage.Female, "Thumb twitching on my left hand for a few minutes every day since I upped my coffee", false},
		{"Muscle in my right arm jerking on and of", 29, triage.Male, "Muscle in my right arm jerking on and off for 10 minutes after the gym, no other symptoms", false},
		{"my hand tremor won't stop when I hold a ", 62, triage.Male, "my hand tremor won't stop when I hold a cup, shakes for minutes, Parkinson's review please", false},
		{"my eyelid has been twitching by itself f", 33, triage.Female, "my eyelid has been twitching by itself for 20 minutes, stressed", false},
		{"my leg jerked uncontrollably for 10 minu", 48, triage.Male, "my leg jerked uncontrollably for 10 minutes after the epidural wore off yesterday in hospital, they said it was normal", false},
		{"she has a twitch in her cheek that won't", 9, triage.Female, "she has a twitch in her cheek that won't stop, on and off all day for 3 days, otherwise well", false},
		{"stomach muscles twitching on the left si", 41, triage.Male, "stomach muscles twitching on the left side for 20 minutes after sit ups", false},
		{"my jaw and arm ache for 20 minutes when ", 56, triage.Male, "my jaw and arm ache for 20 minutes when I walk uphill", false},
		{"my son has a vocal and motor tic, his ar", 12, triage.Male, "my son has a vocal and motor tic, his arm and face jerk for minutes when he's anxious", false},
		{"the right side of my face has been twitc", 67, triage.Female, "the right side of my face has been twitching for 15 minutes after the botox, otherwise fine", false},
		{"baby's tummy jerks in a rhythm with hicc", 0, triage.Male, "baby's tummy jerks in a rhythm with hiccups for 10 minutes after feeds, otherwise happy", false},
		{"My cheek twitches in a rhythm for a few ", 35, triage.Female, "My cheek twitches in a rhythm for a few minutes at a time, it's driving me mad", false},
		{"She's 7 months and teething, drooling lo", 0, triage.Female, "She's 7 months and teething, drooling loads and twitching her arms and legs in her sleep", false},
		{"My 4 year old twitches all over in his s", 4, triage.Male, "My 4 year old twitches all over in his sleep and wet himself last night, he's fine in the day", false},
		{"Twitching all over for half an hour afte", 30, triage.Female, "Twitching all over for half an hour after my new salbutamol inhaler, heart a bit fast, is that a side effect?", false},
		{"Hand and face twitching for a few minute", 25, triage.Male, "Hand and face twitching for a few minutes after too many energy drinks, I feel ok", false},
		{"My 5 day old's arms and legs jerk for a ", 0, triage.Male, "My 5 day old's arms and legs jerk for a few minutes when he cries, it stops when I hold his arm, feeding well", false},
		{"Dad's arms and legs are jerking for an h", 78, triage.Male, "Dad's arms and legs are jerking for an hour after each Parkinson's dose, the dyskinesia is worse", false},
		// Not yet held (figures in the commit message):
		// desk 999, rules not 999: {"grandad's hand keeps flicking and his fa", 67, triage.Male, "grandad's hand keeps flicking and his face is pulling to one side, 10 mins now and he's not making sense", true},
		// desk 999, rules not 999: {"she's rigid and her arms are jerking, li", 2, triage.Female, "she's rigid and her arms are jerking, lips look dusky", true},
		// desk 999, rules not 999: {"my husband's left arm has been flinging ", 58, triage.Female, "my husband's left arm has been flinging about on its own for a quarter of an hour and he can't stop it", true},
		// desk 999, rules not 999: {"jerking my back lifting a box, pain for ", 50, triage.Male, "jerking my back lifting a box, pain for 20 minutes then eased", false},
		// desk 999, rules not 999: {"stiff neck and shoulder for 20 minutes a", 28, triage.Female, "stiff neck and shoulder for 20 minutes after sleeping funny", false},
		// desk 999, rules not 999: {"hiccups for 20 minutes, can't stop them", 75, triage.Male, "hiccups for 20 minutes, can't stop them", false},
		// desk 999, rules not 999: {"Restless legs: my legs jerk all over the", 55, triage.Male, "Restless legs: my legs jerk all over the place at night for an hour before I sleep", false},
		// desk 999, rules not 999: {"Hiccups for 20 minutes, my whole body je", 30, triage.Male, "Hiccups for 20 minutes, my whole body jerks with each one, how do I stop them?", false},
		// desk 999, rules not 999: {"She jerked her neck at the gym, the righ", 28, triage.Female, "She jerked her neck at the gym, the right side hurts for a few minutes when she turns", false},
		// desk 999, rules not 999: {"My arm jerked when the dentist hit a ner", 35, triage.Female, "My arm jerked when the dentist hit a nerve and my left arm was tingly for a few minutes, fine now", false},
		// desk 999, rules not 999: {"my left hand shakes on its own for a few", 70, triage.Female, "my left hand shakes on its own for a few minutes when I'm cold", false},
		// desk 999, rules 999: {"my arm and leg jerked when I was droppin", 24, triage.Female, "my arm and leg jerked when I was dropping off to sleep, woke me up, lasted a second", false},
	})
}
