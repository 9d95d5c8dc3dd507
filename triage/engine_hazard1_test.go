package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestFitsCountedToday holds fits told as counted today ("one fit and then another
// today", "2 seizures since breakfast", "fit at 9, fit again at 10.30") at 999 on
// both engines, whatever is said beside them: an epilepsy medicine out of stock or
// run out was a request-wide stand-aside for the seizure rule, and reviewer 9 saw the
// desk give a cluster of fits same-day. The look-alikes share the words (a medicine
// out of stock, fits counted) with the fits in another time (weeks ago, over the
// years), asked about in advance, or not seizures at all; they must stay off 999.
func TestFitsCountedToday(t *testing.T) {
	holdRecall(t, []recallCase{
		{"my lamotrigine is out of stock at the ch", 30, triage.Female, "my lamotrigine is out of stock at the chemist and I have had one fit and then another today", true},
		{"pharmacy had no lamotrigine so I missed", 30, triage.Female, "pharmacy had no lamotrigine so I missed 2 days, she has had a fit this morning and another one at lunch", true},
		{"Keppra not in stock anywhere, he's had t", 24, triage.Male, "Keppra not in stock anywhere, he's had two seizures since breakfast", true},
		{"couldnt get my epilepsy tablets, had a s", 41, triage.Female, "couldnt get my epilepsy tablets, had a seizure at 10 and another at 12", true},
		{"my levetiracetam ran out on Friday and I", 35, triage.Male, "my levetiracetam ran out on Friday and I've had 2 fits today already", true},
		{"chemist couldn't supply her sodium valpr", 19, triage.Female, "chemist couldn't supply her sodium valproate, she has fitted twice this afternoon", true},
		{"no carbamazepine left since Monday. Had", 52, triage.Male, "no carbamazepine left since Monday. Had a fit this morning then another an hour later", true},
		{"lamotrigine unavailable at 3 pharmacies,", 28, triage.Female, "lamotrigine unavailable at 3 pharmacies, I had a seizure earlier and just had another one", true},
		{"his epilepsy meds have run out and he ha", 16, triage.Male, "his epilepsy meds have run out and he has had 3 fits today", true},
		{"out of lamotrigine, fits keep coming tod", 45, triage.Female, "out of lamotrigine, fits keep coming today, two so far", true},
		{"pharmacy supplier problem with my keppra", 33, triage.Male, "pharmacy supplier problem with my keppra, I've had seizures back to back this evening", true},
		{"I've had two fits in the last 3 hours, m", 27, triage.Female, "I've had two fits in the last 3 hours, my lamotrigine is out of stock", true},
		{"He had a fit at 8am and another at 11am,", 60, triage.Male, "He had a fit at 8am and another at 11am, his epilepsy tablets ran out 2 days ago", true},
		{"can't get hold of my epilim, had one sei", 38, triage.Female, "can't get hold of my epilim, had one seizure and then another straight after", true},
		{"second fit today, my lamotrigine hasn't", 22, triage.Female, "second fit today, my lamotrigine hasn't been in stock for a week", true},
		{"had a fit this morning and another this", 31, triage.Male, "had a fit this morning and another this afternoon, the pharmacy is out of my epilepsy medication", true},
		{"her lamotrigine was out of stock, she's", 13, triage.Female, "her lamotrigine was out of stock, she's fitted again, that's the second one today", true},
		{"missed doses as phenytoin out of stock,", 47, triage.Male, "missed doses as phenytoin out of stock, two seizures since lunch", true},
		{"No lamotrigine for 3 days (out of stock)", 29, triage.Female, "No lamotrigine for 3 days (out of stock). Fit at 9, fit again at 10.30", true},
		{"my husband's epilepsy tablets were not a", 55, triage.Female, "my husband's epilepsy tablets were not available and he's just had his third fit today", true},
		{"chemist says lamotrigine on back order.", 36, triage.Male, "chemist says lamotrigine on back order. I have had a few seizures today, one after the other", true},
		{"ran out of keppra, had a fit this mornin", 18, triage.Male, "ran out of keppra, had a fit this morning and have just had another one", true},
		{"lamotrigine shortage - she had one seizu", 42, triage.Female, "lamotrigine shortage - she had one seizure at breakfast and one at dinner", true},
		{"been without my epilepsy meds since sund", 25, triage.Female, "been without my epilepsy meds since sunday as pharmacy couldnt get them, 2 fits today", true},
		{"Dad's sodium valproate out of stock, he'", 50, triage.Male, "Dad's sodium valproate out of stock, he's had two seizures already this morning", true},
		{"having repeated fits today, my lamotrigi", 34, triage.Female, "having repeated fits today, my lamotrigine has been out of stock", true},
		{"his epilepsy medicine wasnt in stock and", 9, triage.Male, "his epilepsy medicine wasnt in stock and he has had 2 seizures in the last hour", true},
		{"I fitted twice today, pharmacy still has", 40, triage.Female, "I fitted twice today, pharmacy still has no lamotrigine", true},
		{"had two seizures today after running out", 44, triage.Male, "had two seizures today after running out of my keppra, the chemist has none", true},
		{"lamotrigine out of stock. first fit at 7", 26, triage.Female, "lamotrigine out of stock. first fit at 7am, another one at 9am", true},
		{"my lamotrigine is out of stock at the ch", 30, triage.Female, "my lamotrigine is out of stock at the chemist, can you prescribe a different brand", false},
		{"lamotrigine out of stock, I have 2 days", 30, triage.Female, "lamotrigine out of stock, I have 2 days left, no fits for years", false},
		{"Keppra not in stock anywhere, he's had n", 24, triage.Male, "Keppra not in stock anywhere, he's had no seizures since 2019, please help", false},
		{"couldn't get my epilepsy tablets, last f", 41, triage.Female, "couldn't get my epilepsy tablets, last fit was two years ago, need them today", false},
		{"I had two fits last year, can I have my", 35, triage.Male, "I had two fits last year, can I have my levetiracetam dose reviewed", false},
		{"she had a fit and then another one in 20", 19, triage.Female, "she had a fit and then another one in 2021, can she have a driving letter", false},
		{"no carbamazepine left, can you send a ne", 52, triage.Male, "no carbamazepine left, can you send a new prescription to Boots", false},
		{"lamotrigine unavailable at 3 pharmacies,", 28, triage.Female, "lamotrigine unavailable at 3 pharmacies, is there an alternative", false},
		{"his epilepsy meds are running low, fits", 16, triage.Male, "his epilepsy meds are running low, fits well controlled", false},
		{"can I have a fit note please, I had two", 45, triage.Female, "can I have a fit note please, I had two seizures last month and can't work", false},
		{"pharmacy supplier problem with my keppra", 33, triage.Male, "pharmacy supplier problem with my keppra, what should I do if I have a seizure", false},
		{"what happens if I have two fits in a day", 27, triage.Female, "what happens if I have two fits in a day? my lamotrigine is out of stock", false},
		{"he had 2 fits in 2015 and is on epilepsy", 60, triage.Male, "he had 2 fits in 2015 and is on epilepsy tablets, needs a review", false},
		{"can't get hold of my epilim, do I need t", 38, triage.Female, "can't get hold of my epilim, do I need to worry about fits", false},
		{"my lamotrigine hasn't been in stock for", 22, triage.Female, "my lamotrigine hasn't been in stock for a week but I still have some left", false},
		{"the pharmacy is out of my epilepsy medic", 31, triage.Male, "the pharmacy is out of my epilepsy medication, I've got tablets until Thursday", false},
		{"she has coughing fits one after another", 13, triage.Female, "she has coughing fits one after another since the cold, no temperature", false},
		{"phenytoin out of stock, please send to a", 47, triage.Male, "phenytoin out of stock, please send to another chemist, no seizures", false},
		{"No lamotrigine in stock. Last seizure 20", 29, triage.Female, "No lamotrigine in stock. Last seizure 2020. Need a new prescription", false},
		{"my husband's epilepsy tablets changed br", 55, triage.Female, "my husband's epilepsy tablets changed brand and he is worried about fits", false},
		{"chemist says lamotrigine on back order,", 36, triage.Male, "chemist says lamotrigine on back order, I have a week left", false},
		{"running low on keppra, no fits for 4 yea", 18, triage.Male, "running low on keppra, no fits for 4 years", false},
		{"lamotrigine shortage - can you switch me", 42, triage.Female, "lamotrigine shortage - can you switch me to a different make", false},
		{"I had two fits in a row years ago, need", 25, triage.Female, "I had two fits in a row years ago, need my annual epilepsy review", false},
		{"Dad's sodium valproate out of stock, has", 50, triage.Male, "Dad's sodium valproate out of stock, hasn't had a seizure in ages", false},
		{"crying fits one after another, I can't s", 34, triage.Female, "crying fits one after another, I can't stop, my sertraline is out of stock", false},
		{"his epilepsy medicine wasn't in stock, h", 9, triage.Male, "his epilepsy medicine wasn't in stock, he has some left until Monday", false},
		{"pharmacy still has no lamotrigine, who d", 40, triage.Female, "pharmacy still has no lamotrigine, who do I speak to about a supply", false},
		{"if she has another fit do we call 999? h", 26, triage.Female, "if she has another fit do we call 999? her lamotrigine is out of stock", false},
		{"she had two fits on Monday and has been", 30, triage.Female, "she had two fits on Monday and has been fine since, today she is back at school, can we have a review", false},
		{"I had 2 seizures last weekend, seen in A", 41, triage.Male, "I had 2 seizures last weekend, seen in A&E, I need a fit note today", false},
		{"he had a fit in March and another in May", 35, triage.Female, "he had a fit in March and another in May, can we get a neurology referral", false},
		{"had 3 fits in 2019, none since, my keppr", 50, triage.Male, "had 3 fits in 2019, none since, my keppra is out of stock, pharmacy has none today", false},
		{"my daughter has coughing fits, two this", 22, triage.Female, "my daughter has coughing fits, two this morning, no temperature", false},
		{"several seizures over the years, well co", 60, triage.Female, "several seizures over the years, well controlled now, can I get my repeat today", false},
	})
}

// TestPostpartumMindToldByPartner holds a new mother's mind gone strange in the weeks
// after a birth, told by a partner in everyday words ("not sleeping, saying strange
// things, thinks the baby is not hers"), at 999 on both engines: reviewer 9 saw the desk
// give it same-day. Being in the weeks after a birth is a fact about the mother, so a
// birth told "last week" is not put in the past. The look-alikes are the same weeks
// with tiredness, low mood, a wound or a worry, or the strange talk years after a birth.
// Look-alikes the second opinion already raised before this change (a partner's
// tiredness beside the birth) are left out here: they are the model's, not the rule's.
func TestPostpartumMindToldByPartner(t *testing.T) {
	holdRecall(t, []recallCase{
		{"writing for my partner, she had our baby", 29, triage.Female, "writing for my partner, she had our baby 3 weeks ago, she is not sleeping at all and saying strange things, she thinks the baby is not hers", true},
		{"my wife gave birth 2 weeks ago and hasn'", 31, triage.Female, "my wife gave birth 2 weeks ago and hasn't slept for 3 nights, she keeps saying the baby has been swapped", true},
		{"my girlfriend had our son 10 days ago, s", 27, triage.Female, "my girlfriend had our son 10 days ago, she's up all night talking nonsense and says the baby isn't ours", true},
		{"since the birth a fortnight ago my wife", 33, triage.Female, "since the birth a fortnight ago my wife is acting really strange, not sleeping, says someone is watching the baby", true},
		{"my partner had a baby 4 weeks ago and no", 24, triage.Female, "my partner had a baby 4 weeks ago and now believes the baby is evil, she hasn't slept in days", true},
		{"wife had baby 3 weeks back, not slept fo", 30, triage.Female, "wife had baby 3 weeks back, not slept for days, saying weird stuff, convinced the baby isn't hers", true},
		{"my partner gave birth last week and is s", 35, triage.Female, "my partner gave birth last week and is suddenly confused, not sleeping and saying things that make no sense", true},
		{"she had our daughter 12 days ago and tod", 28, triage.Female, "she had our daughter 12 days ago and today she is talking really fast, not making sense and thinks people are after the baby", true},
		{"I'm worried about my wife, baby is 3 wee", 26, triage.Female, "I'm worried about my wife, baby is 3 weeks old, she hasn't slept properly in 4 days and says the baby is not really hers", true},
		{"my partner had a c-section 2 weeks ago,", 32, triage.Female, "my partner had a c-section 2 weeks ago, she's saying strange things and thinks the baby has been replaced", true},
		{"my fiancee had our baby 5 weeks ago, she", 29, triage.Female, "my fiancee had our baby 5 weeks ago, she's not sleeping, pacing about, says the TV is talking to her", true},
		{"wife had the baby 9 days ago. Not sleepi", 25, triage.Female, "wife had the baby 9 days ago. Not sleeping at all, saying odd things, thinks the baby is the devil", true},
		{"my partner had our baby three weeks ago", 34, triage.Female, "my partner had our baby three weeks ago and she has become very strange, not sleeping, believes the baby is not hers", true},
		{"since having the baby 2 weeks ago my wif", 30, triage.Female, "since having the baby 2 weeks ago my wife is behaving oddly, awake all night and thinks the nurses swapped our baby", true},
		{"my girlfriend gave birth a month ago and", 22, triage.Female, "my girlfriend gave birth a month ago and she is acting bizarre, no sleep for days, saying the baby isn't real", true},
		{"postnatal, 3 weeks, my wife is not sleep", 36, triage.Female, "postnatal, 3 weeks, my wife is not sleeping and saying the baby is not ours, she's not herself at all", true},
		{"my partner had the baby 6 days ago, she'", 27, triage.Female, "my partner had the baby 6 days ago, she's hardly slept and is saying really strange things about the baby", true},
		{"my wife gave birth 3 weeks ago, she's be", 31, triage.Female, "my wife gave birth 3 weeks ago, she's been up for 3 nights and keeps saying strange things, like she's not our baby", true},
		{"writing about my partner: baby born 2 we", 28, triage.Female, "writing about my partner: baby born 2 weeks ago, she won't sleep, she's convinced someone is going to take the baby", true},
		{"my wife had our son last month and has s", 33, triage.Female, "my wife had our son last month and has suddenly started saying he's not her baby and she isn't sleeping", true},
		{"baby is 11 days old, my partner hasn't s", 29, triage.Female, "baby is 11 days old, my partner hasn't slept for two days and is talking nonsense, saying the baby was switched", true},
		{"my partner had our baby 3 weeks ago and", 26, triage.Female, "my partner had our baby 3 weeks ago and is not sleeping, saying strange things and laughing at nothing", true},
		{"since she had the baby 2 weeks ago my wi", 30, triage.Female, "since she had the baby 2 weeks ago my wife thinks she is being watched and won't sleep", true},
		{"my wife had twins 4 weeks ago, she's not", 32, triage.Female, "my wife had twins 4 weeks ago, she's not slept in days and is saying things that don't make sense", true},
		{"my partner had a baby 3 weeks ago, she's", 24, triage.Female, "my partner had a baby 3 weeks ago, she's very agitated, not sleeping, and thinks the baby is someone else's", true},
		{"new mum, baby 2 weeks, my wife isn't sle", 35, triage.Female, "new mum, baby 2 weeks, my wife isn't sleeping and is saying the baby is possessed", true},
		{"my partner gave birth 10 days ago and is", 28, triage.Female, "my partner gave birth 10 days ago and is acting completely out of character, not sleeping, saying the baby isn't hers", true},
		{"3 weeks after the birth my wife is sayin", 31, triage.Female, "3 weeks after the birth my wife is saying strange things, not sleeping, and thinks the baby is not hers", true},
		{"my wife had our baby 3 weeks ago and she", 27, triage.Female, "my wife had our baby 3 weeks ago and she's been up for two nights saying the baby is not hers and she doesn't know me", true},
		{"partner had baby 3 weeks ago, not sleepi", 29, triage.Female, "partner had baby 3 weeks ago, not sleeping, strange things said, says baby isnt hers", true},
		{"my wife gave birth 2 weeks ago and is te", 31, triage.Female, "my wife gave birth 2 weeks ago and is tearful and tired, can she see the health visitor", false},
		{"my girlfriend had our son 10 days ago, s", 27, triage.Female, "my girlfriend had our son 10 days ago, she is exhausted and not sleeping much, is this normal", false},
		{"since the birth a fortnight ago my wife", 33, triage.Female, "since the birth a fortnight ago my wife is feeling low and anxious, no strange thoughts, eating ok", false},
		{"my partner had a baby 4 weeks ago and he", 24, triage.Female, "my partner had a baby 4 weeks ago and her stitches are sore", false},
		{"wife had baby 3 weeks back, baby isn't s", 30, triage.Female, "wife had baby 3 weeks back, baby isn't sleeping and wife is shattered, any advice", false},
		{"my partner gave birth last week and her", 35, triage.Female, "my partner gave birth last week and her breasts are sore and red on one side, no fever", false},
		{"she had our daughter 12 days ago and fee", 28, triage.Female, "she had our daughter 12 days ago and feels weepy in the evenings, baby blues?", false},
		{"I'm worried about my wife, baby is 3 wee", 26, triage.Female, "I'm worried about my wife, baby is 3 weeks old, she isn't sleeping much, she is coping but tired", false},
		{"my partner had a c-section 2 weeks ago,", 32, triage.Female, "my partner had a c-section 2 weeks ago, she's saying the wound is itchy", false},
		{"my fiancee had our baby 5 weeks ago and", 29, triage.Female, "my fiancee had our baby 5 weeks ago and needs her postnatal check booked", false},
		{"wife had the baby 9 days ago. Not sleepi", 25, triage.Female, "wife had the baby 9 days ago. Not sleeping much, baby cluster feeding, she says it's hard but she's ok", false},
		{"since having the baby 2 weeks ago my wif", 30, triage.Female, "since having the baby 2 weeks ago my wife gets anxious at night, can she have some support", false},
		{"my girlfriend gave birth a month ago and", 22, triage.Female, "my girlfriend gave birth a month ago and keeps saying she's a bad mum, she's low but not thinking of harming herself", false},
		{"postnatal, 3 weeks, my wife wants to tal", 36, triage.Female, "postnatal, 3 weeks, my wife wants to talk about contraception", false},
		{"my wife gave birth 3 weeks ago and she s", 31, triage.Female, "my wife gave birth 3 weeks ago and she says strange things happen with her bladder when she sneezes", false},
		{"writing about my partner: baby born 2 we", 28, triage.Female, "writing about my partner: baby born 2 weeks ago, she worries someone will judge her for bottle feeding", false},
		{"my wife had our son last month and says", 33, triage.Female, "my wife had our son last month and says he doesn't look like her, we laugh about it, can she get her bloods done", false},
		{"baby is 11 days old, my partner is not s", 29, triage.Female, "baby is 11 days old, my partner is not sleeping because of back pain from the epidural", false},
		{"my partner had our baby 3 weeks ago, she", 26, triage.Female, "my partner had our baby 3 weeks ago, she had postpartum psychosis with our first child 5 years ago, can we have a plan for the health visitor", false},
		{"since she had the baby 2 weeks ago my wi", 30, triage.Female, "since she had the baby 2 weeks ago my wife has been feeling flat and not enjoying things", false},
		{"my wife had twins 4 weeks ago and isn't", 32, triage.Female, "my wife had twins 4 weeks ago and isn't getting much sleep, can we get help with feeding", false},
		{"my partner had a baby 3 weeks ago and is", 24, triage.Female, "my partner had a baby 3 weeks ago and is worried about postnatal depression, she read about it", false},
		{"new mum, baby 2 weeks, my wife isn't sle", 35, triage.Female, "new mum, baby 2 weeks, my wife isn't sleeping because of night sweats", false},
		{"3 weeks after the birth my wife is tired", 31, triage.Female, "3 weeks after the birth my wife is tired and has a headache, blood pressure was fine at the midwife", false},
		{"my wife had our baby 3 weeks ago and she", 27, triage.Female, "my wife had our baby 3 weeks ago and she asks what are the signs of postpartum psychosis", false},
		{"partner had baby 3 weeks ago, not sleepi", 29, triage.Female, "partner had baby 3 weeks ago, not sleeping well, otherwise fine", false},
		{"she gave birth 3 years ago and keeps say", 35, triage.Female, "she gave birth 3 years ago and keeps saying the baby was swapped at the hospital, she's always said that", false},
	})
}
