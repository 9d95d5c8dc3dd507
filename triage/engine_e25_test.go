package triage_test

import "testing"

// TestSafetyNetNamedByReference holds issue #10's nets whose red flag is named only
// by reference ("999 if the drooping came back"), come true in words the rules did not
// read: a longer report shadowed by a shorter one ("It has come back" read as "It
// has" going on with "come"), a denial of something else in the next sentence ("No
// headache."), a first-person answer ("I have, twice") and what is happening ("That
// is exactly what's happening", "It's doing it now"). The look-alikes answer the net,
// play the report down in the next sentence, or go on with news of their own ("I have
// just had my bloods done").
func TestSafetyNetNamedByReference(t *testing.T) {
	holdReached(t, []reachedCase{
		{"it has come back", 71, "The TIA clinic said ring 999 if the drooping came back. It has come back.", true},
		{"it has come back, then a denial of something else", 67, "Neurology told us to call 999 if the heaviness in his leg returned. It has come back since tea. No headache.", true},
		{"come back with a side, no headache", 78, "The ward said 999 if the numbness came back. It has come back, all down her right side. No headache", true},
		{"come back, not in pain", 70, "They told me 999 if the slurred words came back. It has come back. Not in any pain.", true},
		{"exactly what's happening", 58, "The heart clinic said ring 999 if the pain came on when sitting still. That is exactly what's happening.", true},
		{"I have, twice", 63, "They said go to A&E if I got the pain on the stairs and it didn't ease with rest. I have, twice today.", true},
		{"I have, tonight", 41, "The crisis team said ring 999 if I felt I was going to act on it. I have, tonight.", true},
		{"doing it now", 3, "GP said 999 if the skin under her ribs sucks in. It's doing it now and she's getting worse", true},
		{"happened twice", 69, "The GP said go to A&E if I started being sick like coffee grounds. Happened twice this evening.", true},
		{"got it now", 34, "The early pregnancy unit said 999 if I got pain in my shoulder tip. I have got it now.", true},
		{"asked in general, mine have", 31, "Is it 999 if your lips swell after prawns? Mine have just started to and my throat is tight", true},
		{"asked of a baby, his have", 1, "Do you ring 999 if a baby's lips go blue? His have, just now, in a coughing fit", true},

		{"gone heavy again", 77, "Told 999 if mum's leg went heavy again. It has gone heavy again. She has no headache", true},
		{"gone dusky again", 70, "They said call an ambulance if his lips went dusky. They have gone dusky again", true},
		{"gone away again", 60, "They said 999 if the chest pain came back. It's gone away again now, can I go back to work?", false},
		{"gone back to school again", 9, "A&E said ring 999 if her breathing got bad. She's gone back to school again and is fine", false},
		{"gone down again", 40, "The nurse said 999 if the swelling spread. It's gone down again with the antihistamines", false},
		{"twice in the last hour", 53, "The heart clinic said ring 999 if the pain went into my jaw. I have, twice, in the last hour", true},
		{"in the last hour, then fine", 61, "They said 999 if the numbness came back. It happened once, in the last hour, for a few seconds on my walk, fine since", false},
		{"it hasn't, a referral", 71, "The TIA clinic said ring 999 if the drooping came back. It hasn't, can I have physio?", false},
		{"played down in the next sentence", 66, "Told to ring 999 if the chest pain returned. It's back. Not bad, just a slight niggle when I breathe in.", false},
		{"denied in the next sentence", 66, "The stroke nurse said 999 if the weakness came back. It came back. No, sorry, it didn't, I meant the tiredness.", false},
		{"first person with news of their own", 50, "They said 999 if the bleeding got heavy. I have just had my bloods done, when are the results?", false},
		{"first person starting a medicine", 70, "The hospital said 999 if the pain got worse. I have just started the new tablets, can I take them with food?", false},
		{"asked in general, mine never have", 30, "Is it 999 if your lips swell after prawns? Mine never have, I'm asking for my son's party", false},
		{"asked of a child, his did and he's fine", 2, "Is it 999 if a child's ribs suck in? His did this morning with the cold but he's fine now", false},
		{"fine since", 65, "They said 999 if my speech went again. It has been fine. No problems.", false},
	})
}

// TestStrokeInPlainWords holds issue #10's strokes told without the words weak, numb
// or stroke: no strength or power in an arm, a leg or a hand since a time of today, a
// mouth or face gone lopsided or pulled to one side. The look-alikes are the same words
// from a long-standing condition, a jab, lying on an arm, a workout, a dentist's
// anaesthetic or a crooked smile since childhood.
func TestStrokeInPlainWords(t *testing.T) {
	holdReached(t, []reachedCase{
		{"no strength in an arm and a leg since a time", 76, "since about 9am she's had no strength in her left arm or her left leg", true},
		{"mouth lopsided, dropping a cup", 71, "his mouth has gone lopsided and he keeps dropping his mug, started at lunch", true},
		{"arm flops, today", 79, "all of a sudden today her right arm just flops by her side", true},
		{"no strength after a nap", 64, "woke up from a snooze this afternoon and there's no strength in my right hand", true},
		{"arm gone dead", 56, "my left arm has gone dead and heavy, can't hold a cup, came on 30 mins ago", true},
		{"mouth pulled to one side", 84, "Grandma woke with her mouth pulled to one side and cannot lift her right arm", true},
		{"leg useless since getting up", 72, "he can't move his left leg and his left hand is useless since he got up", true},
		{"mouth drooped, water runs out", 61, "the left side of my mouth has drooped in the last hour and tea runs out of my mouth", true},

		{"no strength for years with MS", 47, "I've had MS for years with no strength in my right leg, please renew my blue badge form", false},
		{"a crooked smile since childhood", 52, "my smile has always been crooked, since I was little, can anything be done?", false},
		{"a dentist's anaesthetic", 33, "the dentist numbed me this morning for a filling and my mouth is still lopsided", false},
		{"an arm useless after a jab", 58, "my arm is useless today after the covid booster, really achy", false},
		{"slept on it", 38, "my left arm had no strength this morning because I slept on it funny, pins and needles now, when can I see the physio?", false},
		{"power lost in a phone", 44, "I lost the power in my phone this morning so missed your call, can you ring back about my bloods?", false},
		{"power lost in a leg", 70, "he lost the power in his right leg this morning and can't stand up", true},
		{"after the gym", 27, "no strength in my right arm today after the gym, did too many presses", false},
	})
}

// TestFirstPersonNetAnswerEndsItsClause holds the first-person answers to a net ("I
// have", "I did") to a clause of their own: going on, they start the patient's own
// news, which says nothing of the net.
func TestFirstPersonNetAnswerEndsItsClause(t *testing.T) {
	holdReached(t, []reachedCase{
		{"I have, then a time", 52, "The clinic said ring 999 if the pain came on at rest. I have, about an hour ago.", true},
		{"I did.", 45, "The crisis team said call 999 if I cut again. I did.", true},

		{"I did, a time ago without a comma", 33, "The crisis nurse said ring 999 if I took the tablets. I did about half an hour ago, most of them", true},
		{"I have, a count without a comma", 61, "They said 999 if the pain came when I was sitting still. I have twice this morning", true},
		{"I did, minutes ago", 44, "The crisis team said ring 999 if I cut again. I did 20 minutes ago", true},
		{"today off", 37, "The nurse said ring 999 if the swelling got worse. I have today off, can you post the letter?", false},
		{"an appointment", 40, "The pharmacist said go to A&E if the redness spread. I have an appointment on Friday, can I bring it forward?", false},
		{"a count left", 68, "The ward said 999 if the chest pain came back. I have about 10 tablets left, can I order more?", false},
		{"now had the bloods", 59, "They said 999 if I got short of breath. I have now had the bloods taken, when are the results?", false},
		{"today off", 36, "The midwife said ring 999 if the bleeding got heavy. I have today off work, can I get a fit note for last week?", false},
	})
}

// TestQuestionComeTrueInTheNextSentence holds issue #10's questions and conditions
// about a red flag that the next sentence says came true, by reference only: "would I
// need hospital for 30 sertraline? took them at teatime". The two sentences are read
// as one, so the condition came true and a count of a medicine meets its taking. The
// look-alikes deny it, tell it long ago or passed, take the medicine as prescribed,
// or took the tablets somewhere.
func TestQuestionComeTrueInTheNextSentence(t *testing.T) {
	holdReached(t, []reachedCase{
		{"a count, then took them", 26, "would I end up in hospital from 32 sertraline? took them after tea", true},
		{"a count, then I took them", 20, "is 18 paracetamol enough to hurt my liver? I took them about an hour ago", true},
		{"a count, then done it", 37, "how bad would it be to take 36 of my citalopram? I've done it already", true},
		{"a condition with a count, then took them", 44, "what happens if a person takes 14 amitriptyline. I took them tonight", true},
		{"a count, then already took them", 23, "could 25 diazepam be dangerous? already took them", true},
		{"a count, then did it", 41, "is 15 co-codamol an overdose? i did it an hour ago", true},
		{"chest pain asked, then it just has", 62, "what if the chest pain goes up into my jaw and I sweat? It just has and I'm soaked", true},
		{"vomiting blood asked, then I did", 51, "what if I vomit blood again? I did, 5 minutes ago, loads", true},
		{"all of a medicine, then I already have", 27, "if I took all my lithium would it kill me? I already have", true},

		{"a question without its mark", 36, "hi is 22 of my fluoxetine dangerous. took them about 7pm. feel sick", true},
		{"a count, taken last night", 41, "Should I worry if 18 of my mirtazapine have gone? I took them last night and can't stay awake", true},
		{"a net's red flag last night, then gone", 55, "Told 999 if the chest pain came back. It did last night for a few seconds after a big meal, heartburn I think", false},
		{"a question's red flag last night, then gone", 66, "what if my face droops again? It did last night for a minute, fine now", false},
		{"a dose, not a count", 40, "is 20mg a normal dose of citalopram? I took them at 8 this morning", false},
		{"an age, not a count", 16, "is 16 too young to be on the pill. my mum took them at my age", false},
		{"as normal", 50, "would I need to stop my 28 sertraline before my op? took them this morning as normal", false},
		{"denied", 29, "what happens if a child swallows 20 of my vitamin gummies? Not happened, just childproofing the house", false},
		{"took them back", 41, "How do I get rid of 40 old tablets safely? Took them back to the chemist but they refused", false},
		{"took them somewhere", 70, "Can my son collect my 56 amlodipine? He took them to the wrong house last time", false},
		{"it did, and passed", 67, "what if my smile droops again? It did for a minute last month, I'm fine now", false},
	})
}
