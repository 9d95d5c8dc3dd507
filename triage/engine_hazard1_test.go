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
