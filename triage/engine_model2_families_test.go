package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// Round 15 (model2): the two emergencies round 14's best retrain lost, which only the
// shipped model caught, are now the rules' own: pre-eclampsia told in lay words in the
// second half of pregnancy (pain under the right ribs or the top of the tummy, spots or
// flashes in the sight, a face or hands puffed up, a bad headache; "28 weeks" or "due in
// 5 weeks" without the word pregnant), and sepsis where the usual confusion is told much
// worse with a fever or shivering, or a catheter bag empty with a fever or confusion.
// Every variant and look-alike was written fresh for these tests; hold999 holds the
// rules alone and the desk's engine to each, so the fix does not lean on the model.

// TestPreEclampsiaInLayWordsLateInPregnancy: 34 variants at 999; 33 look-alikes off it
// (spots that are a rash, spots when standing up fast and not pregnant, the baby's feet
// under the ribs, a safety net not reached, a past episode, hay fever).
func TestPreEclampsiaInLayWordsLateInPregnancy(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 30, triage.Female, "Sorry to bother you, 28 weeks and I've got a pain under my ribs on the right and I keep seeing spots.", true},
		{"", 27, triage.Female, "I'm 30 weeks gone. Pain right up under my ribs on the right side since this morning and I keep seeing little spots.", true},
		{"", 34, triage.Female, "32 weeks with my second. Really bad pain at the top of my tummy, just under the ribs, and my vision's gone blurry.", true},
		{"", 22, triage.Female, "Hi, 34 weeks, my face and hands have suddenly swollen up since yesterday and I've got a thumping headache that paracetamol won't touch.", true},
		{"", 38, triage.Female, "Im 29 wks, pain under right boob going round to my back and seeing sparkly spots, feel sick", true},
		{"", 31, triage.Female, "At 36 weeks, got pain in the top of my stomach under my ribs and my eyes are seeing spots, is this heartburn?", true},
		{"", 29, triage.Female, "My wife is 31 weeks pregnant, she's got a pain under her ribs on the right and says she's seeing spots.", true},
		{"", 41, triage.Female, "33 weeks. Worst headache I've ever had and my face has puffed right up overnight.", true},
		{"", 30, triage.Female, "I'm 27 weeks along and there's a pain under my right ribs that won't go, and little black spots in front of my eyes.", true},
		{"", 27, triage.Female, "Pregnant (35 weeks). Sharp pain just below my ribs on the right and blurry sight since this afternoon.", true},
		{"", 34, triage.Female, "I'm in my third trimester, pain under my ribs on the right side and I keep seeing spots when I look at the screen.", true},
		{"", 22, triage.Female, "Daughter is 30 weeks pregnant, complaining of pain at the top of her tummy and that her vision is funny, lots of spots.", true},
		{"", 38, triage.Female, "38 weeks. My hands and face have swollen suddenly today and I have a pounding headache.", true},
		{"", 31, triage.Female, "Baby's due in 5 weeks. Bad pain under my ribs on the right and my eyes keep going blurry.", true},
		{"", 29, triage.Female, "I'm 26 weeks, suddenly my face is swollen and I've got a headache that won't shift and I'm seeing spots.", true},
		{"", 41, triage.Female, "24 weeks pregnant, pain high up under the ribs on the right side, and seeing flashing spots.", true},
		{"", 30, triage.Female, "Hi it's Jess, 37 weeks. Since this morning pain under my ribs and I'm seeing spots, also feel sick and swollen hands.", true},
		{"", 27, triage.Female, "29 weeks. Bad pain right under my ribs, came on tonight, and my ankles, hands and face all puffy suddenly.", true},
		{"", 34, triage.Female, "Im 31 weeks, keep seeing spots and pain top of my belly under the ribs, midwife appt not till next week", true},
		{"", 22, triage.Female, "At 30 weeks pregnant I have a pain under my right ribs and I feel like I'm seeing spots everywhere.", true},
		{"", 38, triage.Female, "I'm 33 weeks and have suddenly got really swollen hands and face and a headache behind my eyes.", true},
		{"", 31, triage.Female, "Wife 36 weeks pregnant, pain under ribs on right side, seeing spots, she thinks it's indigestion.", true},
		{"", 29, triage.Female, "I am 28 weeks. Pain under my right ribs, spots in my vision and my rings won't come off.", true},
		{"", 41, triage.Female, "Currently 34 weeks. Pain top of stomach like a band under my ribs, and my eyesight keeps going blurry.", true},
		{"", 30, triage.Female, "25 weeks with twins, face swollen up suddenly this evening and a bad headache.", true},
		{"", 27, triage.Female, "I'm 39 weeks, my eyes have gone blurry and I've a pain under my ribs.", true},
		{"", 34, triage.Female, "My girlfriend's 30 weeks gone, she says there's a pain under her ribs on the right and she's seeing spots in front of her eyes.", true},
		{"", 22, triage.Female, "Pregnant 32 weeks, terrible pain just under my ribs and seeing spots, sorry probably nothing.", true},
		{"", 38, triage.Female, "I'm 29 weeks pregnant and since last night a pain under my right ribs and blurred vision.", true},
		{"", 31, triage.Female, "I'm 33 weeks pregnant and there's a pain under my ribs like a tight band, plus my hands and face have swollen up today.", true},
		{"", 29, triage.Female, "27 weeks, little sparkles and spots in front of my eyes and a headache all afternoon.", true},
		{"", 41, triage.Female, "Pregnant, 36 weeks, seeing stars and my head is killing me.", true},
		{"", 30, triage.Female, "At 30 weeks I've got stars in my eyes and my face has swelled up.", true},
		{"", 27, triage.Female, "My daughter's 34 weeks pregnant, says she's got a pain under her right ribs and a banging headache.", true},
	})
}

func TestPreEclampsiaLookAlikes(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 30, triage.Female, "I'm 28 weeks pregnant and I've come out in red spots on my tummy, they're itchy.", false},
		{"", 28, triage.Female, "28 weeks and I have spots on my face, is it safe to use acne cream?", false},
		{"", 33, triage.Female, "I'm not pregnant. When I stand up fast I see spots for a second then it goes.", false},
		{"", 26, triage.Male, "Seeing spots when I stand up quickly, 45 year old man, otherwise fine.", false},
		{"", 36, triage.Female, "I'm 30 weeks pregnant and get pain under my ribs when the baby kicks, is it normal?", false},
		{"", 31, triage.Female, "32 weeks pregnant, the baby's feet are always under my ribs, it's uncomfortable but I'm fine.", false},
		{"", 24, triage.Female, "I'm 12 weeks pregnant and I have a headache.", false},
		{"", 39, triage.Female, "34 weeks pregnant, my ankles swell by the end of the day and go down overnight.", false},
		{"", 30, triage.Female, "Pregnant 26 weeks, heartburn after meals, burning in my chest, Gaviscon helps.", false},
		{"", 28, triage.Female, "I had pre-eclampsia with my first pregnancy 3 years ago, now 8 weeks pregnant and want to know about aspirin.", false},
		{"", 33, triage.Female, "29 weeks pregnant, my blood pressure was fine at the midwife today, can I have my MATB1 form?", false},
		{"", 26, triage.Female, "I get floaters in my eyes, little spots that drift, had them for years, not pregnant.", false},
		{"", 36, triage.Male, "My son has spots all over after chickenpox contact.", false},
		{"", 31, triage.Female, "I'm 31 weeks pregnant and my hands are numb and tingly at night, carpal tunnel?", false},
		{"", 24, triage.Female, "I have a rash of spots on my legs, 30 weeks pregnant, no other symptoms.", false},
		{"", 39, triage.Female, "36 weeks pregnant, mild headache after a bad night's sleep, fine after paracetamol and a drink.", false},
		{"", 30, triage.Male, "Pain under my ribs on the right after eating fatty food, I'm a 50 year old man.", false},
		{"", 33, triage.Female, "Pregnant 33 weeks, I had flashing spots once last month, the eye doctor said it's fine.", false},
		{"", 26, triage.Female, "I'm 35 weeks and midwife said to call if I get pain under my ribs or see spots. None of that so far, just asking about the birth plan.", false},
		{"", 36, triage.Female, "28 weeks pregnant, need my whooping cough vaccine booking please.", false},
		{"", 24, triage.Male, "Seeing spots after looking at the sun, 20 year old lad.", false},
		{"", 39, triage.Female, "Pregnant 30 weeks, I've got a cold and a blocked nose, headache from the sinuses.", false},
		{"", 30, triage.Female, "I'm 32 weeks pregnant, rib pain from the baby pushing up, had it for weeks, midwife happy.", false},
		{"", 28, triage.Female, "Post pregnancy acne spots, baby is 6 months.", false},
		{"", 33, triage.Female, "I'm 24 weeks and have itchy spots on my arms after gardening.", false},
		{"", 26, triage.Female, "I'm 38 weeks pregnant and my fingers are a bit puffy in the heat, no headache, no vision problems.", false},
		{"", 36, triage.Female, "My vision is blurry when I read, need an eye test, 60 years old.", false},
		{"", 31, triage.Female, "Im 30 weeks pregnant, what are the signs of pre-eclampsia I should watch for?", false},
		{"", 24, triage.Female, "I'm 9 weeks pregnant and feel sick all day.", false},
		{"", 39, triage.Female, "Pregnant 30 weeks. I had a bad headache and blurry vision last year with a migraine; today just asking about my whooping cough jab.", false},
		{"", 30, triage.Female, "I'm 29 weeks, my 3 year old has spots all over and a headache, is chickenpox a risk for my pregnancy?", false},
		{"", 28, triage.Female, "34 weeks pregnant, heartburn under my ribs after eating, no headache, vision fine.", false},
		{"", 33, triage.Female, "Midwife said if I get a headache with blurry vision or pain under my ribs to ring the maternity unit. I'm 31 weeks and feel fine.", false},
		{"", 26, triage.Female, "What are the signs of pre-eclampsia? I'm 25 weeks, my friend had it with swelling and seeing spots.", false},
		{"", 36, triage.Female, "I'm 32 weeks and get rib pain when the baby stretches, and the odd headache when I'm dehydrated, both go quickly.", false},
		{"", 31, triage.Female, "Had a headache and blurred vision at 30 weeks with my first baby 4 years ago, now 10 weeks pregnant with my second, want to book in with the midwife.", false},
		{"", 24, triage.Female, "36 weeks. Eye test today, optician said my vision is a bit blurry because of pregnancy hormones, no headache, feel well.", false},
		{"", 39, triage.Female, "I'm 28 weeks and my face is puffy because I've been crying, no headache, no vision problems, just feeling low.", false},
		{"", 30, triage.Female, "Due in 6 weeks. Carpal tunnel in both hands, fingers swollen and numb in the mornings, no other symptoms.", false},
		{"", 28, triage.Female, "I'm 35 weeks pregnant and I have spots on my face and a bit of a headache from my cold.", false},
		{"", 33, triage.Female, "30 weeks pregnant, I'm seeing spots on my skin, little red ones on my legs, with a mild headache.", false},
		{"", 26, triage.Female, "I'm 29 weeks and the baby's head is pushing under my ribs, it hurts, midwife says it's normal; I also get floaters I've had for years.", false},
		{"", 36, triage.Female, "I'm 31 weeks, my eyes are blurry from hay fever and my face is puffy from it too.", false},
		{"", 31, triage.Female, "34 weeks pregnant with a cold, blurry eyes from rubbing them, runny nose, no headache.", false},
		{"", 24, triage.Female, "40 weeks pregnant, want a sweep, fingers a little puffy, no headaches or vision changes.", false},
		{"", 30, triage.Female, "Due in 3 weeks. Pain under my ribs when I sit down because the baby is so big, no headache or vision problems.", false},
		{"", 28, triage.Female, "Asking for my 20 week scan results please, no problems, no headaches or swelling.", false},
		{"", 33, triage.Female, "I'm 30 weeks, is it safe to take paracetamol for a headache? Also is blurry vision normal in pregnancy? I don't have it, just asking.", false},
		{"", 26, triage.Female, "I'm 28 weeks and my ring won't come off because I've put weight on, no other symptoms.", false},
		{"", 36, triage.Female, "Pregnant at 33 weeks. Optician appointment needed, glasses not right, things a bit blurry reading, no headache.", false},
		{"", 31, triage.Female, "29 weeks pregnant. Headache yesterday which went with paracetamol and water. Vision fine, no swelling, no pain under ribs.", false},
		{"", 24, triage.Female, "I'm 25 weeks, got a chest infection, coughing so hard I've pain under my ribs, and a headache from the coughing.", false},
		{"", 30, triage.Female, "I'm 33 weeks with itchy spots on my bump and a headache from not sleeping.", false},
	})
}

// TestPreEclampsiaBlurWithHeadacheStaysSameDay: a blur with a headache and swelling is
// same-day in the read sets ("34 weeks pregnant with a bad headache, blurry vision and
// swelling", phrasings.jsonl ph11-10); the rules keep it at least same-day, never lower.
func TestPreEclampsiaBlurWithHeadacheStaysSameDay(t *testing.T) {
	for _, text := range []string{
		"Expecting my first in 8 weeks. Horrible headache since lunch and everything's blurry, my fingers are like sausages today.",
		"My partner is 32 weeks, her face has blown up and she's got a splitting headache and says her eyes are blurry.",
		"35 wks pregnant, severe headache and vision blurred since this morning.",
	} {
		t.Run(text, func(t *testing.T) {
			in := triage.Input{Age: 31, Sex: triage.Female, Kind: triage.Clinical, Text: text}
			for _, e := range rulesAndDesk() {
				if got := e.eng.Classify(in); got.Priority.Rank() > triage.SameDay.Rank() {
					t.Errorf("%q: %s gave %s, want at least same-day; because %v", text, e.name, got.Priority, got.Reasons)
				}
			}
		})
	}
}

// TestSepsisUsualConfusionWorseOrCatheterBagEmpty: 32 variants at 999, the usual
// confusion told much worse with a fever or shivering, or a catheter bag empty or not
// draining with a fever or confusion.
func TestSepsisUsualConfusionWorseOrCatheterBagEmpty(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 84, triage.Male, "My dad has a catheter. His usual muddle is much worse today, he's burning hot and the urine bag has been empty since last night.", true},
		{"", 79, triage.Female, "Mum has dementia, her usual confusion is far worse since this morning and she's running a temperature of 38.6.", true},
		{"", 91, triage.Male, "Dad's catheter bag has been empty since yesterday teatime and he's gone very hot and more confused than normal.", true},
		{"", 88, triage.Male, "Writing for my husband who has a long term catheter. Nothing has drained into the bag all night and he's shivering and not making sense.", true},
		{"", 76, triage.Male, "Grandad's usual muddle is a lot worse today and he feels really hot to touch.", true},
		{"", 93, triage.Female, "My mother (dementia) is much more confused than her normal and has a fever of 38.9.", true},
		{"", 82, triage.Male, "My father is catheterised. The bag is empty and has been since last night, he's boiling hot and more muddled.", true},
		{"", 84, triage.Female, "Her confusion is way worse than usual today and she's hot and shaking.", true},
		{"", 79, triage.Male, "Carer here. Mr Jones' catheter bag has had no urine in it since 6am, he's hot and his confusion is worse than normal.", true},
		{"", 91, triage.Male, "Dad has vascular dementia, normally a bit muddled but today he's much worse, can't get any sense from him, and he's burning up.", true},
		{"", 88, triage.Female, "My wife's catheter hasn't drained anything since last night and she's running a high temperature.", true},
		{"", 76, triage.Female, "Mum is usually a bit confused but today she's really bad with it and has a temperature of 39.", true},
		{"", 93, triage.Male, "Husband's catheter bag is bone dry since yesterday evening and he feels hot and is confused.", true},
		{"", 82, triage.Female, "Her dementia muddle is worse than I've ever seen it and she's got a temperature.", true},
		{"", 84, triage.Male, "Dad usually gets mixed up but today he's far worse than usual and he's hot and clammy.", true},
		{"", 79, triage.Male, "The urine bag on his catheter is empty, nothing since last night, and he's shivering and feverish.", true},
		{"", 91, triage.Female, "My nan's normal confusion has got much worse overnight, and she's very hot to the touch.", true},
		{"", 88, triage.Male, "Catheter bag hasn't filled at all today, he's hot and keeps shaking.", true},
		{"", 76, triage.Female, "Grandma has Alzheimer's. Her confusion has got a lot worse since yesterday and she has a fever.", true},
		{"", 93, triage.Male, "My father's catheter is draining nothing, bag empty since morning, and he's gone really confused and hot.", true},
		{"", 82, triage.Male, "He's always muddled but this is much worse than his usual, and he's burning hot.", true},
		{"", 84, triage.Female, "Mum has a suprapubic catheter. No urine in the bag since last night and she's got a temperature of 38.2.", true},
		{"", 79, triage.Male, "Dad's usual confusion is worse, he has a temperature of 38.5 and he's not himself at all.", true},
		{"", 91, triage.Male, "Hi, my husband has dementia and a catheter, the bag is empty since last night and his usual muddle is much worse.", true},
		{"", 88, triage.Female, "My mother's confusion is worse than her baseline and she's been running a fever all day.", true},
		{"", 76, triage.Male, "Grandad's catheter bag empty for 12 hours, he's boiling and not with it.", true},
		{"", 93, triage.Male, "The carers say his usual confusion is much worse today and he's feverish and shaking.", true},
		{"", 82, triage.Male, "Nothing in the catheter bag since yesterday, and he's burning hot to touch.", true},
		{"", 84, triage.Female, "Mum is more muddled than usual and has a temperature of 38.7, she has dementia.", true},
		{"", 79, triage.Male, "My dad with dementia is far more confused than normal today and feels very hot and shivery.", true},
		{"", 91, triage.Male, "He has a catheter, and the bag's been empty all night, he's confused and has a temperature.", true},
		{"", 88, triage.Female, "Her usual muddle is much worse and she is hot and shivering, she's 88.", true},
	})
}

// TestSepsisUsualConfusionLookAlikes: 42 look-alikes off 999: a catheter bag just
// emptied or filling again, the usual muddle as usual or no worse, a fever alone in
// dementia, confusion worse in the past, confusion about bags or tablets.
func TestSepsisUsualConfusionLookAlikes(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 84, triage.Male, "I've just emptied Dad's catheter bag, it was full, and he's his usual self.", false},
		{"", 79, triage.Male, "The catheter bag was emptied this morning by the district nurse, can we have more bags on prescription?", false},
		{"", 91, triage.Female, "Mum has dementia, her usual muddle is as usual, she has a cough and a temperature.", false},
		{"", 88, triage.Male, "Dad has dementia and a temperature of 38 with a cold, he's his usual self otherwise, no more confused than normal.", false},
		{"", 76, triage.Male, "My father's confusion is the same as usual; he needs his repeat prescription for his catheter bags.", false},
		{"", 93, triage.Female, "Mum's usual confusion, nothing new. Could someone review her memory tablets?", false},
		{"", 82, triage.Male, "Dad's catheter bag is empty because we just changed it, he's fine, no fever.", false},
		{"", 84, triage.Female, "Grandma has dementia and a fever since yesterday with a runny nose. Her confusion is no worse.", false},
		{"", 79, triage.Male, "My husband has a catheter, the bag is leaking at the connector, he's well otherwise.", false},
		{"", 91, triage.Male, "Can I order catheter bags please, the leg bag ones, he's run out of night bags.", false},
		{"", 88, triage.Female, "Her dementia seems to be getting worse over the last few months, can we have a memory clinic referral?", false},
		{"", 76, triage.Male, "Dad is more forgetful this year, no fever, eating and drinking normally.", false},
		{"", 93, triage.Male, "The catheter was changed today by the nurse and the bag was empty after, now it's draining fine.", false},
		{"", 82, triage.Female, "Mum has Alzheimer's and a chesty cough, no temperature, confusion as usual.", false},
		{"", 84, triage.Male, "My father's usual muddle is about the same, he's a bit hot because the heating was on.", false},
		{"", 79, triage.Male, "His catheter bag is emptied twice a day by the carers, no problems, just need a review.", false},
		{"", 91, triage.Female, "My mother is confused about her appointment time, can you ring her?", false},
		{"", 88, triage.Male, "Dad's catheter fell out this morning, he's otherwise well, not hot or confused.", false},
		{"", 76, triage.Male, "I'm confused about which bag to use with my catheter at night, a leg bag or a night bag?", false},
		{"", 93, triage.Female, "She has dementia and has been hot at night with the menopause for years, usual self in the day.", false},
		{"", 82, triage.Male, "He's a bit hot after his flu jab yesterday, his dementia is the same as always.", false},
		{"", 84, triage.Male, "Grandad's usual confusion, he keeps asking the same questions, no fever, no change.", false},
		{"", 79, triage.Female, "Mum had a urine infection last month that made her more confused, she's back to her usual self now.", false},
		{"", 91, triage.Male, "Dad's catheter bag had blood in it yesterday, now clear, no fever, his usual self.", false},
		{"", 88, triage.Female, "Her muddle is worse when she's tired in the evening, it's been like that for a year.", false},
		{"", 76, triage.Male, "The urine bag is empty because he's had nothing to drink this morning, now drinking and it's filling, he's fine.", false},
		{"", 93, triage.Male, "Is it normal for a catheter bag to smell? Dad's fine in himself, no temperature, no confusion.", false},
		{"", 82, triage.Male, "My husband's usual confusion with dementia, no change, but he has a sore toe.", false},
		{"", 84, triage.Female, "Mum is running a temperature of 37.9 with a cold, her dementia is the same as ever.", false},
		{"", 79, triage.Male, "Dad has sundowning, worse in the evenings as usual, nothing new, fine in the mornings.", false},
		{"", 91, triage.Male, "Catheter bag empty after the nurse drained it at 9, it's filling again now.", false},
		{"", 88, triage.Female, "My mum with dementia has a fever and a cough, she's her normal self in her mind.", false},
		{"", 76, triage.Female, "Mum's confusion is no worse than usual, she has a temperature with a cold.", false},
		{"", 93, triage.Male, "Dad's usual muddle isn't any worse, but he's got a fever and a sore throat.", false},
		{"", 82, triage.Male, "His confusion is not worse, just a temperature of 38 and a cough.", false},
		{"", 84, triage.Female, "Her confusion was much worse last month with a water infection, that's sorted; now she just has a cold with a temperature.", false},
		{"", 79, triage.Male, "My confusion about the new tablets is worse than ever, and I have a fever from my cold.", false},
		{"", 76, triage.Male, "Bag on his catheter was empty this morning, it had just been changed by the nurse, he's a bit hot with his cold.", false},
		{"", 93, triage.Male, "Dad feels hot and his usual confusion is the same, no worse.", false},
		{"", 82, triage.Female, "Mum is a bit confused about the new catheter bags, they're worse than the old ones, no fever.", false},
		{"", 84, triage.Female, "Her usual muddle, no change. Temperature 38.1 with a chesty cough.", false},
		{"", 79, triage.Male, "Grandad has a fever with his flu, his dementia is as usual, not more muddled.", false},
	})
}

// TestReview10Model2Variants holds review10's variants of model2-1: emergencies the
// first masks hid ("seeing spots on his face and on the telly", "35 weeks on Friday", a
// "just changed" of antibiotics, a wound "draining fine", a leg bag with a dribble since
// yesterday, a dementia "far worse today than usual") and look-alikes the first words
// raised (a wait of 24 weeks, an operation due in 6 weeks, "spots before my period", "I
// feel drained" beside a catheter, an MOT due next month).
func TestReview10Model2Variants(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 29, triage.Female, "I'm 34 weeks pregnant, I keep seeing spots on his face and on the telly, headache, hands puffed up", true},
		{"", 33, triage.Female, "35 weeks on Friday, pain under my ribs and seeing spots, headache since this morning", true},
		{"", 81, triage.Male, "His antibiotics were just changed yesterday; his catheter bag has been empty since last night and he's burning up", true},
		{"", 77, triage.Male, "His leg wound is draining fine but the catheter bag has had nothing in it since last night, he's very hot and clammy", true},
		{"", 86, triage.Female, "Nurse just emptied her leg bag and there was only a dribble since yesterday, she's burning hot", true},
		{"", 90, triage.Female, "Her dementia is far worse today than usual, she's red hot and shaking", true},
		{"", 44, triage.Female, "I've waited 24 weeks for my gallbladder scan, pain under my ribs after fatty food and headaches, can you chase it?", false},
		{"", 41, triage.Female, "My hernia op is due in 6 weeks, pain under my ribs on the right side and headaches from the stress", false},
		{"", 52, triage.Female, "On the waiting list 30 weeks now for my gallstones, pain under my ribs on and off, headaches, please chase", false},
		{"", 27, triage.Female, "I used to get spots before my period, now I'm pregnant and my skin is clear but I get headaches", false},
		{"", 70, triage.Female, "I have a long-term catheter. I feel drained and nothing helps, I have a cold with a temperature of 38 but everything else is normal", false},
		{"", 35, triage.Female, "My MOT is due next month and I can't drive with these headaches and pain under my ribs, need a fit note", false},
	})
}

// TestReview10Model2VariantsAgain holds review10's variants of model2-3: "it's draining
// again" of a wound is no answer for the bag, a cough worse than usual beside a dementia
// nurse is no confusion worse, and "35 weeks till I meet my baby" is a gestation.
func TestReview10Model2VariantsAgain(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 82, triage.Male, "his wound is oozing, it's draining again, and the catheter bag has been empty since last night, he's burning up", true},
		{"", 84, triage.Female, "the abscess on her leg, it's draining again, but her catheter bag is bone dry and she's shivering and hot", true},
		{"", 31, triage.Female, "35 weeks till I meet my baby, pain under my ribs and seeing spots, bad headache", true},
		{"", 88, triage.Female, "Her dementia nurse visits today; her cough is worse than usual and she has a slight temperature of 37.9, she's eating and chatting", false},
	})
}

// TestReview10Model2VariantsThird holds review10's variants of model2-4: a hope or a
// check that the bag fills is no refill, a shiver with its cause told is no rigor, a
// measured temperature under 38 answers "feverish", and red hot and clammy beside a
// dementia far worse is sepsis.
func TestReview10Model2VariantsThird(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 83, triage.Male, "his catheter bag has been empty since last night, I keep checking if it's filling up, he's burning hot and shivering", true},
		{"", 79, triage.Male, "I changed his catheter bag hoping it would start filling again but it's still empty, he's burning up and drowsy", true},
		{"", 87, triage.Male, "His dementia is far worse than usual since this morning, he's red hot and clammy", true},
		{"", 90, triage.Female, "Mum's dementia is worse than usual since moving care homes; she shivers in the evenings because the heating's broken", false},
		{"", 85, triage.Male, "Dad's dementia is a bit worse today than usual, he says he feels feverish but his temperature is 37.1, eating and drinking", false},
	})
}

// TestReview10Model2VariantsFourth holds review10's variants of model2-5: a shiver "from
// the cold" whose cause is denied is a rigor, and blotchy skin from eczema beside a
// confusion worse, with no fever, is no sepsis.
func TestReview10Model2VariantsFourth(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 88, triage.Female, "No urine in her catheter bag since lunch and she's shivering from the cold though the heating's on full", true},
		{"", 84, triage.Male, "His usual muddle is much worse today and he's shivering from the cold even in bed with the heating up", true},
		{"", 80, triage.Male, "His confusion is worse than usual and his skin is blotchy from the eczema flare, no fever", false},
	})
}

// TestReview10Model2VariantsFifth holds review10's variants of model2-6: feeling cold
// is the rigor, not its cause.
func TestReview10Model2VariantsFifth(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 88, triage.Female, "No urine in her catheter bag since lunch and she's shivering because she feels so cold, even with the heating up", true},
		{"", 84, triage.Male, "His usual muddle is much worse today and he's shivering because he says he's cold, in a warm room", true},
	})
}

// TestReview10Model2VariantsSixth holds review10's variants of model2-7: a cause of a
// shiver told and then denied ("but it's fixed now and he's still shaking", "but the
// house is warm") leaves the shivering read; shiver_cause only stands the new rule
// sepsis-confusion-worse aside. The second is 999 on the desk, as on main.
func TestReview10Model2VariantsSixth(t *testing.T) {
	hold999(t, triage.Input{Age: 82, Sex: triage.Male, Kind: triage.Clinical,
		Text: "Catheter bag empty since breakfast; we thought he was shivering because the heating is broken, but it's fixed now and he's still shaking"}, true)
	in := triage.Input{Age: 87, Sex: triage.Female, Kind: triage.Clinical,
		Text: "Her usual confusion is much worse today and she's shivering because the heating isn't working, she says, but the house is warm"}
	if got := assets.DefaultEngine().Classify(in); got.Priority != triage.Emergency {
		t.Errorf("%q: the desk's engine gave %s, want emergency; because %v", in.Text, got.Priority, got.Reasons)
	}
}

// TestReview10Model2VariantsSeventh holds review10's variants of model2-8: spots seen on
// the legs or arms are sight, and spots with a headache at 12 weeks are no pre-eclampsia.
func TestReview10Model2VariantsSeventh(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 30, triage.Female, "36 weeks pregnant, I keep seeing spots on my legs and on the walls, pounding headache", true},
		{"", 27, triage.Female, "34 weeks pregnant, seeing spots on my arms and everywhere I look, bad headache, face swollen", true},
		{"", 31, triage.Female, "12 weeks pregnant, I see spots after staring at my screen all day and get tension headaches", false},
	})
}
