package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestNowToldWellIsNotTheLows holds the hypo rules told as now (hypo-under4-not-rising-now,
// hypo-reading-not-rising-now) off a "now" said in a sentence apart from the low that
// tells the patient well (now_said_with): "See if you can tell me: if my sugar's 2.5 and
// won't go up, do I call 999? I'm well now" asks in advance, and went to 999 on both
// engines (close-r15, on main after review). "now" ends a clause, so no mask can cover
// "I'm well now", and "well now" as a sugar back up would stand aside for the low said
// before it. The emergencies share the words: a "now" in the low's sentence whatever
// else it says ("husband says I'm fine now but I feel awful, sugar 2.1 and won't go up"),
// "not well now", a wellness before the now ("I was fine earlier, now I'm shaky") or told
// of before it ("I was well now I'm shaking"), and
// review11's hazard3-1 variants, where the now of a low reported
// after an "if" stands in a sentence of its own ("He's now very drowsy", "I'm on my own
// right now", "Right now.").
func TestNowToldWellIsNotTheLows(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 45, triage.Female, "See if you can tell me: if my sugar's 2.5 and won't go up, do I call 999? I'm well now", false},
		{"", 38, triage.Male, "if my sugar is 2.4 and won't go up, should I ring 999 or 111? I'm fine at the moment, just planning ahead", false},
		{"", 62, triage.Female, "If his sugar is 2.8 and not going up after juice, do we call an ambulance? He is well now, we're just writing things down", false},
		{"", 29, triage.Male, "What should I do if my blood sugar's 3.1 and won't budge? I feel fine now, asking for next time", false},
		{"", 71, triage.Female, "Quick question - if my bm is 2.6 and not rising after 2 lots of dextrose, is that 999? All ok now", false},
		{"", 54, triage.Male, "If her sugar is 2.2 and keeps dropping what do we do? She is fine now, asleep in bed", false},
		{"", 33, triage.Female, "If my glucose is 2.9 and won't go up, do I use glucagon first? Right now I'm fine, new to insulin", false},
		{"", 67, triage.Male, "if my sugar's 3.0 and not coming up, when do I call 999? I'm ok now, was just a scare yesterday", false},
		{"", 19, triage.Female, "Can you tell me if my sugar is 2.7 and won't go up after sweets do I go to A&E? Sugar is 6.8 now", false},
		{"", 48, triage.Male, "if his sugar is 2.5 and won't go up, do I ring 999? He is fine now, eating his tea", false},
		{"", 45, triage.Female, "If my reading is 2.3 and it won't budge, do I call? I'm at work now and feeling fine", false},
		{"", 38, triage.Male, "Please advise, if my sugars 2.1 and wont go up do i call 999? im well now thanks", false},
		{"", 62, triage.Female, "if my sugar is 2.6 and won't rise after lucozade do I phone an ambulance? Just asking, all fine now", false},
		{"", 29, triage.Male, "My nurse said to ask: if my sugar is 2.8 and not going up, 999 or GP? I'm feeling well now", false},
		{"", 71, triage.Female, "if her bm is 2.4 and not coming up what do we do? she's at school now and fine", false},
		{"", 54, triage.Male, "What happens if my sugar is 3.2 and doesn't come up? Do I call 999? Sugars have been normal now for weeks", false},
		{"", 33, triage.Female, "if my sugar's 2.5 and won't go up do I call 999? I'm well now, new pump is going fine", false},
		{"", 67, triage.Male, "If his glucose is 2.6 and won't go up after glucogel, do we call 999? He's well now and at school", false},
		{"", 19, triage.Female, "if my sugar is 2.0 and won't go up is it an ambulance? I'm fine now, it was last week it happened", false},
		{"", 48, triage.Male, "Just checking: if the sugar is 2.9 and not rising, 999? I'm well now", false},
		{"", 45, triage.Female, "if my sugar is 2.4 and won't go up do I call 999? All fine right now, new meter", false},
		{"", 38, triage.Male, "if my sugar's 2.3 and won't budge do I go to hospital? I'm feeling much better now after the flu", false},
		{"", 62, triage.Female, "If my sugar is 3.1 and won't go up, what then? I am well now and my sugars are normal", false},
		{"", 29, triage.Male, "if her sugar is 2.7 and not going up, is that 999? She's well now, we're making a plan with the nurse", false},
		{"", 71, triage.Female, "If my sugar is 2.6 and not going up, should I call? I'm okay now, I just want to be ready", false},
		{"", 54, triage.Male, "if my blood sugar is 2.5 and won't go up do I call 999? I'm perfectly well now", false},
		{"", 33, triage.Female, "What do I do if my sugar's 2.2 and won't go up? I'm okay at the moment but new to gliclazide", false},
		{"", 67, triage.Male, "if his sugar is 3.0 and won't go up after 3 jelly babies, do I call 999? He's well at the moment and wants to know", false},
		{"", 19, triage.Female, "if my sugar is 2.8 and keeps dropping do I call 999? Only asking, I'm well now", false},
		{"", 48, triage.Male, "If my bm is 2.5 and not shifting, do I call an ambulance? I'm well right now and sugar is 7.4", false},
		{"", 45, triage.Female, "if my sugar is 2.4 and isn't going up should I call 999? We are on holiday and all is well right now", false},
		{"", 38, triage.Male, "if my sugar's 2.5 and won't go up do I call 999 or 111? I am well now, sugar 6.1", false},
		{"", 62, triage.Female, "If my sugar is 2.9 and keeps dropping what do I do? Currently I feel fine, sugars 5 to 8", false},
		{"", 29, triage.Male, "if her sugar is 2.4 and won't go up, 999 or not? Mum's well now and in bed", false},
		{"", 71, triage.Female, "what if my bm is 3.1 and not rising after dextrose? I'm well now, just asking for my care folder", false},
		{"", 29, triage.Male, "husband says I'm fine now but I feel awful, sugar 2.1 and won't go up", true},
		{"", 71, triage.Female, "if my sugar's 2.5 and won't go up do I call 999? it's 2.5 right now and won't go up", true},
		{"", 54, triage.Male, "what do I do if my sugar won't come up? my sugar is 2.3 now and not coming up after 3 juices", true},
		{"", 33, triage.Female, "I'm well usually but my sugar is 2.4 now and won't go up after 2 lots of sweets", true},
		{"", 67, triage.Male, "sugar 2.6 now and not going up, I had lucozade and jelly babies", true},
		{"", 19, triage.Female, "was fine this morning, now sugar is 2.2 and won't budge", true},
		{"", 48, triage.Male, "If my sugar is 2.8 and won't go up what do I do? Because my sugar is 2.8 now and won't go up", true},
		{"", 45, triage.Female, "my sugar's 2.5 and won't go up. I'm on my own right now", true},
		{"", 38, triage.Male, "he was well now he's not, his sugar is 2.4 and isn't coming up", true},
		{"", 62, triage.Female, "bm 2.1 right now and not rising after 2 glucogels", true},
		{"", 29, triage.Male, "his sugar is 2.7 at the moment and won't come up despite juice", true},
		{"", 71, triage.Female, "I thought I was fine now but my sugar is 2.3 and won't go up", true},
		{"", 54, triage.Male, "sugar 2.0 and keeps dropping right now, what do I do", true},
		{"", 33, triage.Female, "my blood sugar is 2.9 now and not coming up after sweets, I feel shaky", true},
		{"", 67, triage.Male, "she was well but now her sugar is 2.6 and won't rise", true},
		{"", 19, triage.Female, "Dad's sugar is 2.2 currently and not going up, had dextrose twice", true},
		{"", 48, triage.Male, "libre says 2.4 now and won't come up after glucose tabs", true},
		{"", 45, triage.Female, "my sugar is 3.0 now and it isn't coming up, I've had 3 jelly babies", true},
		{"", 38, triage.Male, "if my sugar is low what do I do? My sugar's 2.5 now and won't go up", true},
		{"", 62, triage.Female, "glucose 2.8 now, had juice twice, still not going up", true},
		{"", 29, triage.Male, "my sugar was fine this morning, now my sugar is 2.4 and won't go up", true},
		{"", 71, triage.Female, "my sugar is 2.3 and won't come up now, i've had 4 dextrose", true},
		{"", 54, triage.Male, "his bm is 2.5 and not coming up at the moment, he's had sweets", true},
		{"", 33, triage.Female, "Mum's sugar 2.7 and still not going up right now after lucozade", true},
		{"", 67, triage.Male, "sugar 2.1 and won't go up. Feel well now but it's still 2.1 now", true},
		{"", 19, triage.Female, "my wife's glucose is 2.6 and it won't budge, right now she's sweaty", true},
		{"", 48, triage.Male, "sugar is 2.9 right now and it just won't go up after two treatments", true},
		{"", 45, triage.Female, "if my sugar's 2.4, i'm treating it but it won't go up now", true},
		{"", 38, triage.Male, "my sugar is 2.2 and it's not going up even now after juice", true},
		{"", 62, triage.Female, "her sugar is 3.1 now and it won't go up after biscuits and juice", true},
		{"", 29, triage.Male, "sugar's 2.5 now and won't go up, I'm well usually, what do I do", true},
		{"", 71, triage.Female, "he said he's fine now but his sugar is 2.4 and won't come up", true},
		{"", 54, triage.Male, "type 1, bm 2.3 now and not rising after 2 lots of glucose", true},
		{"", 33, triage.Female, "I'm fine now apart from my sugar being 2.6 and not going up", true},
		{"", 67, triage.Male, "Care plan says if his sugar doesn't rise, call. Reading 2.2. Not rising after glucogel. He's now very drowsy.", true},
		{"", 19, triage.Female, "If my sugar's under 3 and won't budge I'm told to ring. Well, it's 2.7 and won't budge. I'm on my own right now.", true},
		{"", 48, triage.Male, "Hi. If my sugar's 2.5 and won't go up, do I call 999? Because it is. Right now. After 3 lots of sweets.", true},
		{"", 45, triage.Female, "If my sugar is under 4 I'm meant to have juice. I've had juice twice. Sugar still 2.6, not going up. Now I'm sweaty and confused.", true},
		{"", 38, triage.Male, "My son is type 1. If his sugar drops we give lucozade, we have, twice. Reading 2.3 and it won't go up. He's currently very pale and sleepy.", true},
		{"", 62, triage.Female, "If my sugar's 2.5 and won't go up do I call 999? He's not well now, sugar 2.5 and won't go up", true},
		{"", 29, triage.Male, "I was fine this morning. Sugar 2.3 now and not coming up after two juices", true},
		{"", 71, triage.Female, "if his sugar is 2.4 and won't go up what do we do? He was fine at lunch. Now he's very sleepy and sugar 2.4 and won't go up", true},
		{"", 50, triage.Male, "If my sugar drops I take glucose. Did that twice, sugar 2.4 and not going up. I was fine earlier, now I'm shaky and sweaty.", true},
		{"", 50, triage.Male, "If his sugar won't rise we call. Reading 2.2, not rising after glucogel. He's not himself now, he was fine an hour ago.", true},
		{"", 50, triage.Male, "If my sugar is low I have lucozade. Had two. Sugar 2.5, won't go up. I don't feel well now.", true},
		{"", 50, triage.Male, "If her sugar is under 4 we give juice, done twice. Sugar 2.7 and not coming up. She was fine at tea but now she's drowsy.", true},
		{"", 50, triage.Male, "My care plan says if my sugar won't come up ring 999. Sugar 2.2 and won't go up. I was okay this morning. Right now I'm shaking.", true},
		{"", 50, triage.Male, "If my sugar is 2.5 and won't go up, do I call 999? I was fine an hour ago. Now I'm confused and sweating.", true},
		{"", 45, triage.Male, "If my sugar drops I have lucozade. Had 2, sugar 2.2 and not going up. I was well now I'm shaking", true},
		{"", 45, triage.Male, "What do I do if my sugar won't come up? Reading 2.4 and not rising after glucogel. Not ok now.", true},
		{"", 45, triage.Male, "If my bm is low I eat. Sugar 2.6 and won't go up. Fine an hour ago, not now", true},
		{"", 45, triage.Male, "If his sugar won't come up do we ring? Sugar 2.1 and not going up. He's ok-ish now but sleepy", true},
		{"", 45, triage.Male, "What if his sugar won't come up? It's 2.3 and not going up. He had been fine now he's grey and sweaty", true},
	})
}
