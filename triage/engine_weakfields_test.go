package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestWeakFieldFamilies holds the families of emergencies and under-triage that the
// rules 2026.12.9 missed on blind-68 and blind-69 (issue 10), each in fresh wordings
// written before the fix and none copied from those sets, beside the look-alikes that
// must stay less urgent. Every case must give its priority with the rules alone and
// with the desk's engine, so the rules do not lean on the model for a red flag:
//
//   - no movements from the baby since a time ("not felt her move since last night") is
//     the absence the no-movements rules already call an emergency, not "moving less";
//   - chest pain that the GTN spray does not ease is cardiac;
//   - a knock to the forehead, a cut or gash on it, is a head injury (an emergency on a
//     blood thinner, LABELS.md);
//   - blotchy, marbled or blue legs with mumbling or muttering are two signs of sepsis;
//   - extra or double doses of a medicine are same-day for the medicines team, and an
//     emergency once the patient is drowsy, faint or the heart is out of rhythm;
//   - a farewell said in everyday words (gave my things to, thanks for trying, not
//     around much longer) counts with a day named or hopelessness, as suicide-several
//     already counts a farewell; a day named for a holiday is not a farewell;
//   - a bump gone rock hard or that will not relax in pregnancy is an abruption's sign;
//   - double vision with the balance gone is a stroke's sign;
//   - a fragment driven into the eye at speed is not the optician's, and with the
//     sight blurred it may be a penetrating injury (sudden loss of vision).
//
// Rules 2026.12.11 add the same-day families of the same sets (LABELS.md: new
// confusion or an older person unwell, severe pain):
//
//   - an older person eating and drinking little and sleepier than usual;
//   - new back pain after a cancer (a possible spread to the spine);
//   - an older person's fall onto a wrist or arm that has swollen (a younger adult's
//     stays soon), and a wrist that cannot grip or turn;
//   - "a bit red" said of a cut or the scalp is not the optician's red eye;
//   - redness round a wound growing since yesterday or by inches;
//   - a child thirsty, weeing a lot and losing weight (possible new type 1 diabetes).
//
// Rules 2026.12.13 add the emergencies the rules alone still left to the model on
// blind-58 to 60: suicide told by a relative (a goodbye and sorry, "taken
// something", a gun or car gone) or through means put aside and a day; a head injury
// told as a story (woke up on the road, knocked off a bike, punched and out cold, the
// back of the head on a blood thinner); an older person barely responding with cold or
// mottled skin; a racing, irregular heart with faintness; a baby's face gone blue
// after a pause in breathing; a child pulled from the water; no feeling "down there"
// with a bad back. Each stands beside a look-alike it must not swallow.
func TestWeakFieldFamilies(t *testing.T) {
	cases := []priorityCase{
		{"movements absent since a time 1", 29, triage.Female,
			"32 weeks and not felt her move since yesterday evening, tried lying on my left and a cold drink", triage.Emergency},
		{"movements absent since a time 2", 31, triage.Female,
			"36 weeks pregnant, baby hasn't kicked since this morning at all", triage.Emergency},
		{"movements absent since a time 3", 27, triage.Female,
			"I'm 30 weeks, nothing from the baby since lunch yesterday, usually she is really active", triage.Emergency},
		{"movements absent since a time 4", 34, triage.Female,
			"haven't felt any kicks from the baby since last night, 34 weeks", triage.Emergency},
		{"chest pain the spray does not ease 1", 78, triage.Male,
			"chest pain for an hour, used my GTN twice and it hasn't helped", triage.Emergency},
		{"chest pain the spray does not ease 2", 70, triage.Male,
			"angina pain not going away with the spray, taken 3 puffs", triage.Emergency},
		{"chest pain the spray does not ease 3", 81, triage.Female,
			"tight chest since lunch, the gtn isn't shifting it", triage.Emergency},
		{"chest pain the spray does not ease 4", 66, triage.Male,
			"my chest is hurting and my nitro spray did nothing", triage.Emergency},
		{"a knock to the forehead on a blood thinner 1", 84, triage.Male,
			"Dad is on rivaroxaban and fell against the radiator, hit his forehead, there's a big bump", triage.Emergency},
		{"a knock to the forehead on a blood thinner 2", 79, triage.Female,
			"Mum banged her forehead on the kitchen cupboard, she takes warfarin", triage.Emergency},
		{"a knock to the forehead on a blood thinner 3", 88, triage.Male,
			"found him on the bedroom floor with a gash on his forehead, he's on apixaban", triage.Emergency},
		{"a knock to the forehead on a blood thinner 4", 75, triage.Female,
			"she tripped face first onto the pavement, graze on her forehead, she's on blood thinners", triage.Emergency},
		{"a knock to the forehead on a blood thinner 5", 62, triage.Male,
			"I'm on edoxaban and walked into a low beam, split my forehead open", triage.Emergency},
		{"a knock to the forehead, no blood thinner 1", 30, triage.Female,
			"banged my forehead on the cupboard door, small bump, feel fine", triage.Soon},
		{"an older person blotchy and mumbling 1", 84, triage.Male,
			"Grandad's legs have gone all blotchy and purple and he's just mumbling, not himself at all", triage.Emergency},
		{"an older person blotchy and mumbling 2", 79, triage.Male,
			"Dad is mumbling nonsense and his knees look blue and patchy", triage.Emergency},
		{"an older person blotchy and mumbling 3", 88, triage.Female,
			"mum skin is purple blotches on legs and she not talk normal today", triage.Emergency},
		{"an older person blotchy and mumbling 4", 90, triage.Female,
			"her legs are marbled looking and she's only muttering, not making sense", triage.Emergency},
		{"extra doses, now drowsy or the heart out of rhythm 1", 34, triage.Female,
			"took 3 extra of my sleeping tablets last night, still really drowsy and my heart is jumping", triage.Emergency},
		{"extra doses, now drowsy or the heart out of rhythm 2", 26, triage.Male,
			"I took 5 extra amitriptyline to knock myself out, can't stay awake this morning", triage.Emergency},
		{"extra doses, now drowsy or the heart out of rhythm 3", 41, triage.Female,
			"had a few more of my diazepam than I should, feeling very woozy and my heartbeat is all over the place", triage.Emergency},
		{"extra doses, now drowsy or the heart out of rhythm 4", 58, triage.Male,
			"took double my propranolol by mistake, feel faint and my heart is very slow", triage.Emergency},
		{"extra doses by mistake, feeling well 1", 45, triage.Female,
			"accidentally took two doses of my levothyroxine today, feel fine, what should I do", triage.SameDay},
		{"a farewell in everyday words 1", 33, triage.Male,
			"I won't be around after the weekend. Thanks for everything you tried to do", triage.Emergency},
		{"a farewell in everyday words 2", 24, triage.Male,
			"gave my car and my xbox to my brother, I won't be around much longer anyway", triage.Emergency},
		{"a farewell in everyday words 3", 45, triage.Female,
			"just wanted to thank the practice for all you did, I won't be around after Sunday", triage.Emergency},
		{"a farewell in everyday words 4", 29, triage.Male,
			"cleared out my flat and handed my cat to a neighbour, there's no point being around any more", triage.Emergency},
		{"away on holiday after a day 1", 50, triage.Female,
			"I won't be around after Friday as I'm on holiday for two weeks, can my repeat be done early", triage.Routine},
		{"a hard painful bump in pregnancy 1", 28, triage.Female,
			"33 weeks, sudden awful tummy pain and my bump has gone hard as a board, a bit of blood", triage.Emergency},
		{"a hard painful bump in pregnancy 2", 31, triage.Female,
			"pregnant 35 weeks, stomach rock hard and really painful, spotting blood", triage.Emergency},
		{"a hard painful bump in pregnancy 3", 26, triage.Female,
			"30 weeks pregnant, constant severe pain, bump tight and won't soften, bleeding a little", triage.Emergency},
		{"double vision with the balance gone 1", 68, triage.Male,
			"woke up seeing double and I keep staggering to the left", triage.Emergency},
		{"double vision with the balance gone 2", 71, triage.Female,
			"suddenly seeing two of everything and my balance has gone", triage.Emergency},
		{"double vision with the balance gone 3", 59, triage.Male,
			"double vision came on an hour ago and I'm walking like I'm drunk", triage.Emergency},
		{"a fragment into the eye at speed, sight blurred 1", 44, triage.Male,
			"a sliver of metal shot into my eye while I was using the angle grinder, vision is blurred", triage.Emergency},
		{"a fragment into the eye at speed, sight blurred 2", 38, triage.Male,
			"hammering a nail, a chip flew into my eye, now I can't see properly from it", triage.Emergency},
		{"a fragment into the eye at speed, sight fine 1", 50, triage.Male,
			"something flew into my eye when I was strimming, it's red and watering, can see fine", triage.SameDay},
		{"a fragment into the eye at speed, sight fine 2", 41, triage.Male,
			"was using the grinder with no glasses, my eye is sore and red and feels like there is something in it", triage.SameDay},
		{"an older person eating and drinking little, sleepier 1", 84, triage.Male,
			"Dad has barely eaten or drunk anything since Sunday and is sleepier than normal", triage.SameDay},
		{"an older person eating and drinking little, sleepier 2", 91, triage.Female,
			"my nan has been off her food and drink for 3 days and is dozing all day", triage.SameDay},
		{"an older person eating and drinking little, sleepier 3", 79, triage.Female,
			"Mum hasn't had much to drink for a couple of days, more tired and sleepy than usual but chatting fine", triage.SameDay},
		{"new back pain after a cancer 1", 70, triage.Male,
			"had prostate cancer 4 years ago and now a new ache in my lower back that wakes me at night", triage.SameDay},
		{"new back pain after a cancer 2", 59, triage.Female,
			"back is really sore for a month, I finished treatment for lung cancer last year", triage.SameDay},
		{"new back pain after a cancer 3", 66, triage.Male,
			"pain in the middle of my spine for three weeks, worse lying down, I've had bowel cancer", triage.SameDay},
		{"back ache after gardening, no cancer 1", 45, triage.Male,
			"back ache after gardening at the weekend, stiff in the mornings, bladder fine", triage.Soon},
		{"an older person's fall, wrist swollen 1", 72, triage.Female,
			"fell in the garden yesterday onto my arm, wrist is puffy and too painful to move", triage.SameDay},
		{"a wrist aching for months 1", 40, triage.Female,
			"wrist has ached on and off for a few months when I type", triage.Soon},
		{"a bit red, not an eye 1", 30, triage.Male,
			"graze on my knee from a fall 2 days ago, it's a bit red around it", triage.Soon},
		{"a bit red, not an eye 2", 25, triage.Female,
			"new earrings and my ear lobe is a bit red and sore", triage.Soon},
		{"an eye a bit red stays the optician's 1", 40, triage.Male,
			"my eye is a bit red and watery, no pain, sight fine", triage.Routine},
		{"redness round a wound growing 1", 55, triage.Male,
			"cut on my shin is now red and hot and the red area is bigger than this morning", triage.SameDay},
		{"redness round a wound growing 2", 68, triage.Female,
			"the redness round my leg wound has spread up towards my knee since yesterday", triage.SameDay},
		{"pain given as a number 1", 40, triage.Male,
			"hurt my back lifting a sofa, pain is 10/10, can hardly move", triage.SameDay},
		{"pain given as a number 2", 35, triage.Female,
			"neck pain since this morning, 9 out of 10, painkillers not touching it", triage.SameDay},
		{"a mild back pain by number 1", 50, triage.Female,
			"back pain about 3/10 for a week after gardening", triage.Soon},
		{"a child thirsty, weeing, thinner 1", 12, triage.Male,
			"my 12 year old is drinking water constantly, going to the toilet all the time and has lost weight", triage.SameDay},
		{"a child thirsty, weeing, thinner 2", 5, triage.Male,
			"son 5 keeps asking for drinks, wetting the bed again and looks thinner", triage.SameDay},
		{"a young adult's fall, wrist a bit swollen, stays soon", 30, triage.Female,
			"slipped on the wet floor at work, wrist a bit swollen and sore, can move my fingers fine", triage.Soon},
		{"suicide told by a relative or through means and a day 1", 61, triage.Male,
			"my husband rang me in tears to say goodbye and sorry, he says he has swallowed something and now his phone is off", triage.Emergency},
		{"suicide told by a relative or through means and a day 2", 35, triage.Female,
			"my sister texted us all saying sorry for everything and that she loves us, she's not answering and her car is gone", triage.Emergency},
		{"suicide told by a relative or through means and a day 3", 16, triage.Female,
			"found a goodbye note in my daughter's bag and half my co-codamol blister packs are empty", triage.Emergency},
		{"suicide told by a relative or through means and a day 4", 58, triage.Male,
			"I've put my pills aside and worked out how I'll do it once the house is sold. Nobody knows.", triage.Emergency},
		{"suicide told by a relative or through means and a day 5", 44, triage.Female,
			"been hoarding my mum's sleeping tablets, got about 30 in my bag now, I'll take them when she goes on holiday", triage.Emergency},
		{"suicide told by a relative or through means and a day 6", 40, triage.Female,
			"my brother says he is going to kill himself, he has a knife, he says tonight he ends everything", triage.Emergency},
		{"better off without me, no plan 1", 45, triage.Female,
			"sometimes I think everyone would be better off without me but I have no plan and would never act on it", triage.SameDay},
		{"a head injury told as a story 1", 31, triage.Male,
			"fell off my scooter and woke up on the road, don't remember falling, my head is sore", triage.Emergency},
		{"a head injury told as a story 2", 74, triage.Female,
			"slipped in the bath and banged the back of my head, I'm on apixaban, just a bump", triage.Emergency},
		{"a head injury told as a story 3", 27, triage.Male,
			"knocked off my bike by a van, blacked out for a bit, now headache and dizzy", triage.Emergency},
		{"a head injury told as a story 4", 22, triage.Male,
			"he got punched at the pub and went down, out cold for a minute, now being sick", triage.Emergency},
		{"a bump on the head, no red flag 1", 30, triage.Female,
			"banged my head on the car door yesterday, small bump, no blackout, no sickness, not on blood thinners", triage.Soon},
		{"an older person barely responding with cold or mottled skin 1", 83, triage.Male,
			"dad has been vomiting, now he is cold and clammy and barely responding to us", triage.Emergency},
		{"an older person barely responding with cold or mottled skin 2", 79, triage.Female,
			"mum's hands are cold and mottled and she's hardly responding when I talk to her", triage.Emergency},
		{"a racing irregular heart with faintness 1", 55, triage.Female,
			"heart is hammering very fast and irregular and I feel like I'm going to faint", triage.Emergency},
		{"a racing irregular heart with faintness 2", 60, triage.Male,
			"my heart is pounding and all over the place, I feel faint and my chest aches", triage.Emergency},
		{"a baby or young child blue, stridor or pulled from water 1", 0, triage.Male,
			"my 3 week old went grey and floppy and I can't rouse him properly", triage.Emergency},
		{"a baby or young child blue, stridor or pulled from water 2", 0, triage.Female,
			"baby is 6 weeks, she stopped breathing for a moment and her face went blue, she's breathing again now", triage.Emergency},
		{"a baby or young child blue, stridor or pulled from water 3", 3, triage.Male,
			"my son is 3, loud noise when he breathes in, drooling, can't swallow his spit and sitting leaning forward", triage.Emergency},
		{"a baby or young child blue, stridor or pulled from water 4", 4, triage.Female,
			"she fell into the swimming pool and was under the water for a bit, she's coughing a lot and breathing fast now", triage.Emergency},
		{"no feeling down there with a bad back 1", 35, triage.Female,
			"can't feel anything down there between my legs since this morning and my back is bad", triage.Emergency},
		{"no feeling down there with a bad back 2", 48, triage.Male,
			"bad back and no feeling round my back passage since yesterday", triage.Emergency},
		{"a child off a scooter, moving the arm, stays soon", 7, triage.Female,
			"my 7 year old fell off her scooter and grazed her elbow, she is moving it fine", triage.Soon},
		{"a newborn's bluish feet with pink lips is not cyanosis", 0, triage.Male,
			"my 2 week old's feet go a bit bluish when he kicks his blanket off, lips are pink, feeding well", triage.Soon},
		{"sorry for everything said to reception is not a farewell", 40, triage.Female,
			"I'm sorry for everything I said to the receptionist yesterday, can I book an appointment for my knee", triage.Soon},
	}
	holdPriorities(t, cases)
}

// TestWeakFieldTeams holds the team families that blind-68/69 gave the wrong team
// (issue 10), in fresh wordings, with the rules alone and the desk's engine:
// diabetes supplies (sensors, lancets, pen needles) are a repeat for the medicines
// team; a repeat of a medicine taken for a long-standing, stable mood is the medicines
// team's, not two teams' (so not the GP's); a letter for the dentist is admin, not a
// signpost to the dentist; a back sore "since" a strain with no red flag is physio;
// (2026.12.16) grief told as "lost my wife" or "since losing my dad" is mental health.
// Wordings the rules already read rightly stand beside them, so a change to one family
// cannot move the others.
func TestWeakFieldTeams(t *testing.T) {
	cases := []struct {
		name string
		age  int
		sex  triage.Sex
		kind triage.Kind
		text string
		want triage.Priority
		team triage.Team
	}{
		{"grief 1", 70, triage.Female, triage.Clinical,
			"My husband passed away in March and I cry every day, I can't face seeing anyone", triage.Soon, triage.TeamMentalHealth},
		{"grief 2", 40, triage.Female, triage.Clinical,
			"since my mum died I can't concentrate at work and keep bursting into tears", triage.Soon, triage.TeamMentalHealth},
		{"grief 3", 55, triage.Male, triage.Clinical,
			"struggling with grief since my brother died, not sleeping, would like some support", triage.Soon, triage.TeamMentalHealth},
		{"anger and low mood 1", 38, triage.Male, triage.Clinical,
			"I've been so irritable and angry since losing my job, shouting at my partner, I need help", triage.Soon, triage.TeamMentalHealth},
		{"anger and low mood 2", 29, triage.Female, triage.Clinical,
			"feeling down all the time and snapping at everyone, want to talk to someone", triage.Soon, triage.TeamMentalHealth},
		{"health anxiety 1", 33, triage.Female, triage.Clinical,
			"I'm convinced I have cancer even though every test has been normal, I can't stop checking my body", triage.Soon, triage.TeamMentalHealth},
		{"the last dose gone or left behind 1", 30, triage.Male, triage.Clinical,
			"used my last NovoRapid pen this morning and the pharmacy has none until next week", triage.SameDay, triage.TeamMedicines},
		{"the last dose gone or left behind 2", 25, triage.Female, triage.Clinical,
			"I'm staying at my mum's and left my epilepsy tablets at home, none with me", triage.SameDay, triage.TeamMedicines},
		{"the last dose gone or left behind 3", 78, triage.Male, triage.Clinical,
			"took my last apixaban tonight, the repeat wasn't sent", triage.SameDay, triage.TeamMedicines},
		{"diabetes supplies 1", 60, triage.Male, triage.Admin,
			"can I get more lancets and test strips please, still have some", triage.Routine, triage.TeamMedicines},
		{"diabetes supplies 2", 40, triage.Female, triage.Admin,
			"please could I order more libre sensors, have 2 left", triage.Routine, triage.TeamMedicines},
		{"diabetes supplies 3", 55, triage.Male, triage.Admin,
			"need more insulin pen needles, about a week's worth left", triage.Routine, triage.TeamMedicines},
		{"booking the midwife, well 1", 30, triage.Female, triage.Admin,
			"I'm 7 weeks pregnant and well, how do I book in with the midwife?", triage.Routine, triage.TeamAdmin},
		// Ticked clinical, the read sets give booking in with the midwife to the GP's
		// pregnancy care (seven of eight lines: blind-3, 21, 54, 60, 90, teams-engine18,
		// lay-engine30; rule pregnancy-booking, round 20); ticked admin, to admin (1 above).
		{"booking the midwife, well 2", 27, triage.Female, triage.Clinical,
			"just had a positive pregnancy test, feeling fine, do I need to book an appointment with the midwife?", triage.Routine, triage.TeamGP},
		{"a letter for the dentist 1", 70, triage.Male, triage.Admin,
			"my dentist needs a letter about my warfarin before my extraction", triage.Routine, triage.TeamAdmin},
		{"a back sore since, no red flags 1", 36, triage.Male, triage.Clinical,
			"Back's been sore since moving house last weekend, no numbness, bladder fine", triage.Soon, triage.TeamPhysio},
		{"a back sore since, no red flags 2", 44, triage.Female, triage.Clinical,
			"my back's been aching since I started the new job lifting boxes, none of the warning signs", triage.Soon, triage.TeamPhysio},
		{"a repeat for a long-standing mood 1", 52, triage.Female, triage.Admin,
			"Sertraline repeat please, I take it for depression, stable for years, 10 days left", triage.Routine, triage.TeamMedicines},
		{"a repeat for a long-standing mood 2", 47, triage.Male, triage.Admin,
			"repeat of my propranolol for anxiety, been fine on it for ages, a week left", triage.Routine, triage.TeamMedicines},
		{"a loss told as losing someone 1", 45, triage.Male, triage.Clinical,
			"since losing my dad I find myself crying at work and can't focus", triage.Soon, triage.TeamMentalHealth},
		{"a loss told as losing someone 2", 38, triage.Female, triage.Clinical,
			"We lost our baby at 20 weeks last month and I'm not coping, crying all the time", triage.Soon, triage.TeamMentalHealth},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: c.kind, Text: c.text}
			for _, e := range rulesAndDesk() {
				if got := e.eng.Classify(in); got.Priority != c.want || got.Team != c.team {
					t.Errorf("%q: %s gave %s/%s, want %s/%s; because %v", c.text, e.name, got.Priority, got.Team, c.want, c.team, got.Reasons)
				}
			}
		})
	}
}
