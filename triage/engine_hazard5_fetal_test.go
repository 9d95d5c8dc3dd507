package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestStillnessIsAnothersOnlyWhenToldOfThem holds a baby in the womb gone still at 999 on
// both engines when someone else is named in the request: "29 weeks pregnant, my dog died
// and baby has gone very quiet today" was same-day on the desk and soon with the rules
// alone (hazard5, round 17), since "my dog", "my husband" or "my mum" anywhere
// (movements_other) stood rule fetal-still-weeks aside. The stillness is another's only
// when told of them (said_of_back): they stand before it in its clause with no word of
// the baby's between ("my dog is very still"), or a pronoun (he, she, it) before it in its clause
// stands for them and nothing in its sentence tells the baby felt ("My husband has had a
// stroke. He's hardly moved since."). Round 16's lost variant ("she's hardly moved since,
// usually she's kicking me in the ribs") is held here with "my mum". Look-alikes that
// other rules put at 999 at base are left out (7 of the family's 41).
func TestStillnessIsAnothersOnlyWhenToldOfThem(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 27, triage.Female, "29 weeks pregnant, my dog died and baby has gone very quiet today", true},
		{"", 31, triage.Female, "32 weeks, my husband is away and the baby has hardly moved since last night", true},
		{"", 24, triage.Female, "30 weeks pregnant, my mum is staying and baby has stopped moving since this morning", true},
		{"", 35, triage.Female, "34 weeks, my cat woke me at 5 and the baby hasn't moved since", true},
		{"", 29, triage.Female, "28 weeks pregnant, walked the dog and haven't felt a kick since", true},
		{"", 33, triage.Female, "36 weeks, my husband drove me home and baby has gone really still", true},
		{"", 26, triage.Female, "31 weeks, my mum thinks I'm fussing but baby has barely moved today", true},
		{"", 30, triage.Female, "33 weeks pregnant, the dog jumped on my bump and the baby has stopped kicking", true},
		{"", 38, triage.Female, "35 weeks, my husband is at work and I can't feel the baby moving", true},
		{"", 22, triage.Female, "29 weeks, my mum's here and the baby is very still today", true},
		{"", 34, triage.Female, "37 weeks pregnant, the cat sat on my tummy and now the baby is completely still", true},
		{"", 28, triage.Female, "30 weeks, my husband and I counted kicks all evening and the baby has hardly moved", true},
		{"", 36, triage.Female, "32 weeks pregnant, my dog pulled me over on the lead and the baby hasn't moved since", true},
		{"", 25, triage.Female, "34 weeks, my mum rang and said to message you, baby has gone very quiet", true},
		{"", 32, triage.Female, "31 weeks, the dog barked all night and the baby has been really still since", true},
		{"", 29, triage.Female, "35 weeks, my husband felt my bump, no movement since breakfast", true},
		{"", 27, triage.Female, "28 weeks, my mum and I went shopping and baby hasn't moved all afternoon", true},
		{"", 31, triage.Female, "36 weeks pregnant, the cat is fine, but the baby has stopped moving", true},
		{"", 30, triage.Female, "33 weeks, my husband noticed the baby has gone very still this evening", true},
		{"", 24, triage.Female, "30 weeks pregnant, my dog died yesterday and baby has barely moved since", true},
		{"", 37, triage.Female, "38 weeks, my mum says it's normal near the end but baby is very still today", true},
		{"", 33, triage.Female, "29 weeks, my husband is worried because the baby hasn't moved today", true},
		{"", 28, triage.Female, "32 weeks, my cat scratched my belly and it has stopped moving since", true},
		{"", 26, triage.Female, "34 weeks pregnant, my husband is on nights and I haven't felt the baby move for hours", true},
		{"", 35, triage.Female, "31 weeks, the dog knocked into my tummy and the baby has hardly moved", true},
		{"", 23, triage.Female, "27 weeks pregnant, my mum's poorly so I'm stressed, and baby has stopped kicking today", true},
		{"", 30, triage.Female, "35 weeks, my husband says relax but the baby has gone really quiet today", true},
		{"", 32, triage.Female, "33 weeks, my mum pressed my bump and baby is very still, usually kicking by now", true},
		{"", 29, triage.Female, "30 weeks pregnant, my dog is fine, baby isn't, baby has hardly moved today", true},
		{"", 34, triage.Female, "36 weeks, I fed the cat and sat down to count and baby has barely moved", true},
		{"", 27, triage.Female, "29 weeks, my husband played music to my bump and baby hasn't moved at all", true},
		{"", 31, triage.Female, "37 weeks pregnant, my mum is here and it has gone very still in there", true},
		{"", 25, triage.Female, "32 weeks, walked my dog this morning, since then baby has gone very quiet", true},
		{"", 30, triage.Female, "30 weeks, my mum visited and she's hardly moved since, usually she's kicking me in the ribs", true},
		{"", 30, triage.Female, "32 weeks pregnant, my husband went to work and she's been very still, normally she kicks all morning", true},
		{"", 30, triage.Female, "34 weeks, my dog jumped on my bump and he's hardly moved since, usually he's wriggling and kicking", true},
		{"", 30, triage.Female, "29 weeks pregnant. My mum is staying. She's gone very quiet in my tummy today.", true},
		{"", 30, triage.Female, "31 weeks, my husband is away and he has stopped kicking since last night", true},
		{"", 30, triage.Female, "33 weeks pregnant, the cat slept on my belly and she's barely moved since", true},
		{"", 30, triage.Female, "36 weeks, my mum is with me and he's gone really quiet, not one kick today", true},
		{"", 30, triage.Female, "30 weeks pregnant, my husband's at work, she has hardly moved in my bump all day", true},
		{"", 30, triage.Female, "35 weeks, my dog barked all night and since then he's been very still inside me", true},
		{"", 30, triage.Female, "28 weeks pregnant, my mum drove me here, she hasn't moved since breakfast and my bump feels still", true},
		{"", 30, triage.Female, "34 weeks pregnant, my husband is on nights and I haven't felt the baby move for hours", true},
		{"", 27, triage.Female, "29 weeks pregnant, my dog is very still and won't eat, can I bring him in, sorry wrong place", false},
		{"", 31, triage.Female, "32 weeks pregnant, my husband has hardly moved from the sofa with his back, can he have a visit", false},
		{"", 35, triage.Female, "34 weeks, my cat has stopped moving much since her operation, sorry I know you're not the vet", false},
		{"", 29, triage.Female, "28 weeks pregnant, my husband has gone very quiet since the scan, I think he's depressed", false},
		{"", 33, triage.Female, "36 weeks, my mum is very still after her fall, she's 80, can someone visit", false},
		{"", 26, triage.Female, "31 weeks pregnant, my dog hasn't moved from his bed all day, I'm worried about him", false},
		{"", 30, triage.Female, "33 weeks, my husband has gone really quiet and withdrawn, can he see someone about his mood", false},
		{"", 38, triage.Female, "35 weeks pregnant, my mum hasn't moved her arm since the fall, she is 79 and needs a home visit", false},
		{"", 22, triage.Female, "29 weeks pregnant, my cat has gone really quiet since the move, should I worry, sorry", false},
		{"", 28, triage.Female, "30 weeks pregnant, the dog has stopped moving about much, he is 14, asking for a friend who is a vet", false},
		{"", 36, triage.Female, "32 weeks, my mum is completely still in bed all day with her depression, can the mental health team ring", false},
		{"", 25, triage.Female, "34 weeks pregnant, my husband is very still at night, he has sleep apnoea, can he be referred", false},
		{"", 32, triage.Female, "31 weeks, the cat is very still and breathing fast, sorry I don't know who to ask", false},
		{"", 30, triage.Female, "29 weeks pregnant. My husband has had a stroke. He's hardly moved since.", false},
		{"", 30, triage.Female, "31 weeks pregnant, my dog is 15, he's barely moving today, sorry wrong place", false},
		{"", 30, triage.Female, "30 weeks pregnant, worried about my mum, she's hardly moved since her hip op", false},
		{"", 30, triage.Female, "32 weeks pregnant and my husband hurt his back, he's barely moving, can he be seen", false},
		{"", 30, triage.Female, "33 weeks. My cat is poorly. She has stopped moving much and isn't eating.", false},
		{"", 30, triage.Female, "30 weeks, my dog had his op yesterday and now he's very still, is that normal, sorry", false},
		{"", 30, triage.Female, "30 weeks pregnant, my mum is staying with us, she's barely moving with her hip, can we get a walking frame", false},
		{"", 30, triage.Female, "32 weeks, my husband is on the sofa, he's hardly moved all weekend with his back, fit note please", false},
		{"", 30, triage.Female, "29 weeks pregnant. My dog is old. He has stopped moving much, sorry I know this is the surgery.", false},
		{"", 30, triage.Female, "34 weeks pregnant, my husband had his knee done, he's barely moving, can the nurse change his dressing", false},
		{"", 30, triage.Female, "35 weeks. My mum fell last week. She's hardly moved from her chair since, can she be seen at home", false},
		{"", 30, triage.Female, "28 weeks pregnant, the dog is limping and he's barely moving, sorry wrong place", false},
		{"", 30, triage.Female, "36 weeks pregnant, my husband has flu, he's hardly moved from bed, does he need antibiotics", false},
		{"", 30, triage.Female, "30 weeks, my mum has dementia, she's gone very quiet lately, can her memory nurse ring", false},
		{"", 30, triage.Female, "29 weeks, the cat is sulking, she's gone very quiet since the new baby gate went up, lol", false},
		{"", 30, triage.Female, "31 weeks pregnant, my husband has gout, he's not moving much, can he have a repeat of his colchicine", false},
		{"", 30, triage.Female, "33 weeks, my mum had her cataract done, she's very still and careful, is that right", false},
		{"", 30, triage.Female, "34 weeks pregnant, my dog had his jabs and he's hardly moving today, sorry", false},
		{"", 30, triage.Female, "30 weeks, my husband had a vasectomy, he's barely moving, how long will it hurt", false},
		{"", 30, triage.Female, "35 weeks pregnant, my mum broke her wrist, she's hardly moved her fingers, is that ok", false},
		{"", 30, triage.Female, "28 weeks pregnant, my husband has covid, he has hardly moved from bed for 3 days but eating and drinking", false},
		// it/its stand for another like he and she (review12 at hazard5-2); the baby felt in
		// the sentence claims them.
		{"", 30, triage.Female, "34 weeks, my mum is here and it has gone very still in there", true},
		{"", 30, triage.Female, "29 weeks, my dog jumped on me and it's gone very quiet, no kicks since", true},
		{"", 30, triage.Female, "31 weeks, my cat sat on my bump and it has stopped moving since", true},
		{"", 30, triage.Female, "35 weeks, my husband is at work and it's been really still inside me all day", true},
		// review12 at hazard5-2.
		{"", 30, triage.Female, "I'm 30 weeks. My cat has been poorly. It's gone very quiet and hides under the bed. Can I still clean the litter tray?", false},
		{"", 30, triage.Female, "28 weeks. My dog had surgery yesterday, it has hardly moved since, the vet says that's normal. Baby kicking lots.", false},
		{"", 30, triage.Female, "32 weeks pregnant, my dog is off his food, it's barely moving, sorry wrong place", false},
	})
}
