package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// falseAlarmFamily is one reading fixed by fa1 (round 14): look-alikes, written fresh,
// that say the red flag's words about something that is not an emergency now, and
// emergencies of the same family in other words. Each look-alike must stay off 999 and
// each emergency on it, with the rules alone and with the desk's engine.
type falseAlarmFamily struct {
	age         int
	sex         triage.Sex
	lookAlikes  []string
	emergencies []string
	// modelRaises are look-alikes the rules keep off 999 and the second opinion
	// (model 2026.12.7) raises to it on its own: held with the rules alone, and named
	// so a retrained model can be checked on them.
	modelRaises []string
}

// holdBelowSameDay holds each look-alike below same-day with the rules alone (the
// model's own raises of these words are the second opinion's, measured apart), and each
// emergency at 999 on both engines: for a reading that took questions to same-day.
func (f falseAlarmFamily) holdBelowSameDay(t *testing.T) {
	t.Helper()
	for _, text := range append(f.lookAlikes, f.modelRaises...) {
		in := triage.Input{Age: f.age, Sex: f.sex, Kind: triage.Clinical, Text: text}
		if s := assets.RulesEngine().Classify(in); s.Priority == triage.Emergency || s.Priority == triage.SameDay {
			t.Errorf("look-alike %q: the rules gave %s; because %v", text, s.Priority, s.Reasons)
		}
	}
	for _, text := range f.emergencies {
		hold999(t, triage.Input{Age: f.age, Sex: f.sex, Kind: triage.Clinical, Text: text}, true)
	}
}

// hold runs every line of the family through hold999.
func (f falseAlarmFamily) hold(t *testing.T) {
	t.Helper()
	for _, text := range f.lookAlikes {
		hold999(t, triage.Input{Age: f.age, Sex: f.sex, Kind: triage.Clinical, Text: text}, false)
	}
	for _, text := range f.modelRaises {
		in := triage.Input{Age: f.age, Sex: f.sex, Kind: triage.Clinical, Text: text}
		if s := assets.RulesEngine().Classify(in); s.Priority == triage.Emergency {
			t.Errorf("look-alike %q: the rules gave 999; because %v", text, s.Reasons)
		}
	}
	for _, text := range f.emergencies {
		hold999(t, triage.Input{Age: f.age, Sex: f.sex, Kind: triage.Clinical, Text: text}, true)
	}
}

// TestSeizureFreeIsNoFit: "seizure free for 2 years" names the fits that have not
// happened (11 of review8's 41 look-alikes went to 999). The mask seizure_free hides
// only its own words, so a fit said again beside it, a spell told as ended ("until
// today") or a fit told by reference after it ("He had one an hour ago") stays 999.
func TestSeizureFreeIsNoFit(t *testing.T) {
	falseAlarmFamily{age: 30, sex: triage.Female,
		lookAlikes: []string{
			"I've been seizure free for 2 years now, can I reapply for my driving licence?",
			"seizure free for 2 years, want to know about driving",
			"My son has been seizure-free for three years on his tablets, can we talk about weaning him off?",
			"Been seizure free 18 months now, do I still need the epilepsy nurse review?",
			"She is seizure free since 2022 and wants to try for a baby, is her medication safe in pregnancy?",
			"Seizure free for a year. DVLA form needs a doctor to sign it, can someone do it?",
			"I am seizure free for over 2 years, please can I have a letter for my employer",
			"My daughter has been seizure free for 6 months, school want an updated care plan",
			"Seizure free 4 years. Can I reduce my levetiracetam?",
			"Hi, been seizure free for a good while now (3 years), the lamotrigine repeat needs renewing please",
			"I have been seizure free for 5 years, do I still need to carry my rescue medicine?",
			"We're going on holiday to Spain. He's been seizure free for 2 years, does he need a travel letter for his medicine?",
			"seizure free since my last dose change in January, feeling well, just want a medication review",
			"My husband has been seizure-free since 2021 but gets headaches from the tablets, could we discuss a switch?",
			"Now seizure free for 12 months so I believe I can drive again. Do I need to tell you anything?",
			"Been seizure free for ages, but the new brand of my tablets looks different, is it the same?",
			"Still seizure free (2.5 years). Can I have my blood levels checked?",
			"I'm seizure free on keppra for a year now but my mood has been low, could it be the tablets?",
			"My mum is seizure free for 10 years and wants to stop her phenytoin, who should she talk to?",
			"Happy to say I'm seizure free for 2 years. Need a repeat of my sodium valproate.",
			"She was diagnosed aged 6, seizure free for 4 years now, and wants to do the Duke of Edinburgh expedition. Any advice?",
			"I've been seizure free for 3 years and want to take up swimming again, is that ok?",
			"Seizure free for two years but still tired all the time, could I have bloods?",
			"My son (14) has been seizure free since starting his new medicine last spring. Can he go on the school ski trip?",
			"Been seizure free over a year, pharmacy says my repeat is overdue for review",
			"I'm 19 and seizure free for 3 years, can I transfer my epilepsy care from the children's team?",
			"Hi. Seizure free for 2 years, pregnant now 8 weeks, should I keep taking folic acid 5mg?",
			"Dad has been seizure-free since his stroke 2 years ago, does he still need the anti seizure tablets?",
			"We've been told she's seizure free long enough to come off the medicine slowly. How do we do it?",
			"been seizure free 2 yrs, insurance company want a report from the GP",
			"Seizure free for a whole year now! Can I have my free prescription certificate renewed?",
			"My partner has been seizure free for 5 years. We want to know if our baby might inherit epilepsy.",
			"I had two seizures in 2020 and I've been seizure free since. DVLA form please.",
			"I had a couple of fits at uni last year and I've been fit free since then.",
			"I had two fits earlier this year and I'm seizure free since. Can I have my repeat today?",
			"Seizure free for 2 years; I had 3 when I was a teenager. Can I stop my tablets?",
			"Free of fits for 5 years; had a few as a child. Insurance form needs signing.",
			"Seizure free for 4 years, I had one as a toddler with a fever and two as a teenager. Can I give blood?",
			"Fit free since my teens, had a couple when I was at university. Do I still need the neurologist?",
		},
		emergencies: []string{
			"I was seizure free for 2 years but this morning I had a seizure in the kitchen and I'm still very confused",
			"Seizure free for 3 years until today, he's fitting on the floor right now",
			"She had been seizure free since 2021 and has just had a seizure at school, the teacher says she's not waking up properly",
			"My son was seizure free for a year but he is having a seizure now and it has gone on for 6 minutes",
			"Seizure free for ages, then he's had 2 seizures back to back this afternoon and not woken up in between",
			"I was seizure free for 18 months but had a seizure in the bath 20 minutes ago and hit my head",
			"He's been seizure free for 4 years and just had a fit in the supermarket, it lasted 7 minutes",
			"Been seizure free since January, tonight she had a seizure and it won't stop",
			"My wife was seizure free for a long time but she's fitting now and her lips are blue",
			"seizure free 2 yrs, just had a seizure at work, first one in ages, colleague says I was out for 5 mins",
			"He had been seizure free on his tablets for 3 years but has had three seizures since this morning",
			"I'm seizure free for 5 years normally, but I've just come round from a seizure on the stairs and my head is bleeding",
			"My daughter has been seizure free for 2 years but she's had a seizure this evening with a temperature of 39.5 and is still drowsy",
			"Seizure free for a year, and then a seizure today that lasted over 5 minutes, she is still not talking properly",
			"was seizure free for 4 yrs then had seizure in my sleep this morning, bit my tongue, confused and can't remember anything",
			"He has been seizure free a long time. Right now he is having a seizure and it has gone on more than five minutes",
			"Seizure-free since last summer, but she has just had a seizure in the playground and hasn't come round",
			"My brother has been seizure free for 3 years, he collapsed with a seizure half an hour ago and is still very drowsy and not himself",
			"I was seizure free but today I've had two seizures in an hour",
			"Mum had been seizure free for years until this morning when she had a seizure and fell down the stairs",
			"Seizure free for 6 months, then a seizure at the bus stop just now, an ambulance was called but I don't know if I should wait",
			"Been seizure free since 2020, he had a seizure at lunchtime and is still jerking on and off now",
			"Our son has been seizure free for a year, he had a seizure in the car just now and his face went grey",
			"I had been seizure free for 2 years but I have just had a seizure and I am pregnant",
			"She's been seizure free a long time but she's having a seizure now, her first in three years",
			"He was seizure free on his meds till an hour ago, he had a long seizure and his breathing is noisy now",
			"My husband, seizure free for 5 years, has just had a seizure at the wheel and crashed the car",
			"The care home says she was seizure free for 2 years but she had a seizure this morning and has been fitting on and off since",
			"I was seizure free but today I had a seizure that lasted 10 minutes, I feel awful",
			"seizure free for a year then he had a seizure today after hitting his head on a door, he's on warfarin",
			"Seizure free for 3 years until just now, my son has had a seizure and is breathing strangely and hard to wake",
			"My daughter was seizure-free for 4 years but is seizing right now, it started 6 minutes ago",
			"Seizure free for 3 years. He had one an hour ago and is still not himself, very sleepy and his speech is slurred",
			"She's been seizure free since 2019. Just had one in the bath and hasn't come round properly",
			"Fit free for two years. This morning he had a bad one on the stairs and hit his head, he is on warfarin",
			"Seizure free for ages until this afternoon, now she won't wake up properly",
			"He's been free of fits for two years, but he's been fitting for 8 minutes now and the rescue medicine hasn't worked.",
			"Free from seizures for 3 years. Now she's fitting and it's been 7 minutes.",
			"She's fitting right now, over 5 minutes. She had been free of seizures since she was six.",
			"Fit free for a year, but right now he's convulsing and won't stop",
			"Free of fits since 2021 but he has been jerking on the floor for six minutes and is not responding",
			"He's convulsing on the kitchen floor. He'd been fit free for 18 months.",
			"Seizure free for 2 years. This morning she had two, back to back, and hasn't come round in between.",
			"She was seizure-free for years; she had a couple this afternoon and is still very drowsy and confused.",
			"Seizure free for 3 years but had 2 this morning, the second lasted 6 minutes.",
			"She's been seizure free for ages, she had a few just now, one after another, and isn't waking properly.",
			"Seizure free until 10 minutes ago, he's been fitting since and isn't stopping",
			"My son is seizure free normally but has been jerking all over for 6 minutes now",
		},
	}.hold(t)
}

// TestAnAdrenalinePenNamedIsNoReaction: "Can I have a new epipen" is a supply. The bare
// pen word read as anaphylaxis took 21 of these 32 fresh look-alikes to 999 past the
// phrase masks of epipen_supply; the pen is an object now, and only its use
// (epipen_used: jabbed, injected, gave him his pen) or the swelling itself is a
// reaction. One look-alike the model raises on its own is held with the rules alone.
func TestAnAdrenalinePenNamedIsNoReaction(t *testing.T) {
	falseAlarmFamily{age: 20, sex: triage.Female,
		lookAlikes: []string{
			"Can I have a new epipen please",
			"Can I have a new epipen, mine is out of date",
			"Could I get another EpiPen for my handbag?",
			"Please could you issue my daughter a new epi pen, the old one has gone cloudy",
			"I need a new epipen before my holiday in August",
			"My epipen expires on the 30th, new one please",
			"Lost my EpiPen on the train, could you prescribe a new one?",
			"Can my son have an extra epipen to keep at his dad's house?",
			"The pharmacy has run out of epipens, can you prescribe a different brand like Jext?",
			"Please add EpiPen to my repeats so I don't have to ask each year",
			"I left my epipen in a hot car all day, is it still ok to use or do I need a new one?",
			"School asked for an in-date epipen for my daughter's classroom, can we get one?",
			"Is it ok to take my EpiPen through airport security? I fly on Friday.",
			"How do I dispose of an old epipen safely?",
			"Could you send the epipen prescription to Boots on the high street?",
			"I need a trainer pen to practise with, and a new epipen",
			"Can I get two new EpiPens, one for home and one for work",
			"My daughter starts university in September, she needs her epi pens sorted before she goes",
			"Does the new epipen dose change now my son weighs over 25kg?",
			"Hi, what is the difference between an epipen and a jext pen? The chemist gave me a different one",
			"Can I have a letter for my son's epipen for the school trip to France?",
			"My epipen got wet in the washing machine, please can I have another",
			"Please renew our family's epipens, we have three children with nut allergies",
			"I'm 16 and want to carry my own EpiPen at college instead of the office holding it. Do I need a new prescription?",
			"Is there a cheaper alternative to epipens? The chemist said there's a shortage.",
			"When should I book my allergy review? Also my epi pen needs replacing.",
			"Nursery need a new epipen for him by Monday, his old one is expiring",
			"Could the nurse show my mum how the epipen works? She's looking after my son next week",
			"New epipen please, plus my usual cetirizine",
			"My daughter had a nut reaction 2 years ago and was given an epipen, she has never needed it. Could we have an in-date one?",
			"Do I need to carry an epi pen for a mild hay fever allergy?",
		},
		modelRaises: []string{
			"My husband's epipen is nearly out of date, could he have a new one, he's allergic to bees",
		},
		emergencies: []string{
			"Just had to use my epipen, ate something with sesame, my throat is still tight",
			"I've jabbed my son with his epi pen, he ate a peanut biscuit and his lips are massive, what now",
			"We gave her the EpiPen 5 minutes ago after a wasp sting but she is still wheezing",
			"Injected my epipen into my thigh after eating prawns, I feel dizzy and my tongue is swollen",
			"Stuck his epipen in his leg, he was struggling to breathe after a cashew",
			"My throat is closing up after eating a curry with nuts, I can hardly swallow",
			"Her tongue is swelling up and she can't talk properly after eating a sesame bar",
			"I have a nut allergy and I've eaten a cake with almonds, my mouth and throat are swelling and I feel faint",
			"Stung by a bee, now my face and lips have blown up and I'm wheezy",
			"Son is allergic to egg, he's eaten some and now he's got hives all over and his voice has gone hoarse and he's struggling to breathe",
			"He's used his epipen but his lips are still swollen and he's very pale and floppy",
			"My daughter's lips and eyes are swelling after eating a satay, she's coughing and says her throat feels funny, we don't have an epi pen",
			"Ate shellfish 20 mins ago, tongue feels thick and swollen, struggling to swallow",
			"Used the epipen twice now, my breathing is still tight after a bee sting",
			"Had my first dose of the new antibiotic an hour ago and now my tongue and throat are swelling up",
			"After the peanut sauce my throat feels like it's closing, I have used my Jext pen",
			"Epipen given by the teacher at 10.15, he had eaten a nut and his throat swelled",
			"Reaction to prawns, lips ballooning, I've used my epi pen and my chest is tight",
			"My wife is allergic to wasps, she was stung and collapsed, I gave her the epipen and she's drowsy",
			"I've just injected my EpiPen because my throat went tight after kiwi, what do I do",
			"Swollen tongue and lips after a new blood pressure tablet, getting hard to breathe",
			"Ate a cookie with peanuts, face swelling fast and I'm wheezing, I'm allergic",
			"had to stab my daughter with her epipen, she ate a nut at a party and couldn't breathe",
			"Bitten something with nuts in, now my throat is swelling and I feel like I'm going to pass out",
			"Gave him his adrenaline pen, his face swelled up after a bee sting and he's breathing noisy",
			"My lips have swollen up and my throat feels tight since I ate the prawn crackers, no epipen in the house",
			"Used her Epipen after she ate sesame, she's still wheezing and covered in hives",
			"He's had a reaction to peanuts, throat swelling, can't swallow his spit",
			"Stung by a wasp on the neck, now my tongue is swollen and I'm struggling to talk",
			"I ate something at a restaurant and my tongue has doubled in size, I used my epipen",
			"I've had to give my daughter her epipen after she ate a peanut, do we still need an ambulance",
			"Had to epipen her after the prawns, she's on the sofa now",
			"We epipenned him 10 minutes ago after a wasp sting, what do we do now",
			"Giving him his epipen now, his throat is closing after the cashews",
			"Can I have a new epipen? I used my last one an hour ago and his lips are still swelling",
			"New epipen please, I had to use mine this morning after a bee sting and my throat still feels tight",
		},
	}.hold(t)
}

// TestAMedicineCountedIsASupply: "counted out my tramadol, only 6 left" is a supply
// count; the bare words "counted out" were a preparation for suicide (31 of these 32
// fresh counts went to 999). Counted out with an intent, a farewell or the lot in its
// sentence is still a plan. Seven look-alikes the model raises on its own (it learnt
// the words from labelled plans) are held with the rules alone.
func TestAMedicineCountedIsASupply(t *testing.T) {
	falseAlarmFamily{age: 55, sex: triage.Female,
		lookAlikes: []string{
			"I counted out my tramadol, only 6 left, can I have my repeat please",
			"Counted out my sertraline, 10 left, can the repeat go through before Friday",
			"The pharmacy counted out 28 but the label says 56, can you check the prescription?",
			"Counted out my co-codamol, I have enough until next Thursday, please send the repeat then",
			"I've counted out what's left of my levothyroxine, only 5, I go on holiday Saturday",
			"My husband counted out his metformin and we are short by a week, can we have an early repeat",
			"Counted out the rest of my antibiotics, there are 2 extra, should I finish them?",
			"I counted out my insulin pen needles, nearly out, please add them to my repeats",
			"Counted out my gabapentin, 12 left, the repeat hasn't been signed yet",
			"I counted out my propranolol and there's only enough for 3 days, can I collect today?",
			"Counted out my tablets for my trip, I need an extra month's supply please",
			"Counted out my HRT patches, only two left, repeat please",
			"I have counted out all my tablets into the new pill organiser, is it ok to take the omeprazole with the others?",
			"Counted out my mirtazapine - 7 left. Please can I have the next lot, it really helps me sleep",
			"My carer counted out my warfarin and said I had the wrong strength, which one should I take?",
			"I counted out my naproxen and I seem to be using more than I should, can I see someone about my knee?",
			"Counted out my steroids, 5 days left of the course, should I reduce them at the end?",
			"I counted out my amitriptyline and the chemist gave me 10mg instead of 25mg, what should I do?",
			"Counted out my contraceptive pills, I've got 1 pack left, can I have a repeat?",
			"Counted out the children's vitamins and my toddler may have had one extra, is that ok?",
			"I counted out my pregabalin, only 8 days left and the pharmacy says the repeat isn't authorised",
			"I counted out my bisoprolol, enough for a week, please send to Lloyds",
			"Counted out my fluoxetine, 3 left, please can it go to the pharmacy today",
			"Only 6 tramadol left, I counted them out, is my prescription due?",
			"I have counted out my thyroxine and I'm running low, 4 left, can you sort the repeat",
			"Do I swallow them after meals or before? The new metformin.",
			"Do I swallow them after brushing my teeth? They're the isotretinoin capsules.",
		},
		modelRaises: []string{
			"Counted out my tablets this morning and I've only got 4 days left, is my prescription ready?",
			"I've counted out my mum's pills for the week and there are 3 amlodipine missing from the box",
			"I counted out his evening tablets and I think the dosette has the wrong one in",
			"I counted out my inhaler doses on the counter and it's nearly empty",
			"I counted out my father's tablets and he's missed two days, should he double up?",
			"Counted out my diazepam, 4 left, I'm flying next week and need them for the flight",
			"Counted out the morphine in the syringe driver box for the district nurse, she asked me to let you know the stock is low",
			"I find the tablets hard to swallow. Can I crush them and swallow them after food?",
		},
		emergencies: []string{
			"I've counted out all my tramadol and I'm going to take them tonight, I can't do this anymore",
			"Counted out 40 paracetamol and written letters to my kids, I won't be here tomorrow",
			"I've counted out my sertraline, all of it, enough to not wake up. I'm done.",
			"My son has counted out his tablets on the table and told me he wants to die",
			"I have counted out all my pills and I'm going to take them all when everyone is asleep",
			"Counted out everything in the medicine cabinet, I have made up my mind, this is goodbye",
			"Ive got 60 co-codamol counted out in front of me and I want to end it",
			"She counted out her sleeping tablets and wrote a note saying sorry, I found it this morning and she won't talk to me",
			"I've saved up my tablets for weeks and counted out enough to end my life",
			"counted out my pills, enough to kill myself, planning to do it tonight",
			"Got all my amitriptyline counted out on the bed, I'm not going to be here by the morning",
			"I want to die. I've counted out the morphine and I'm going to take it all",
			"I've been stockpiling my tablets and tonight is the night, they are all counted out",
			"I keep counting out my pills and thinking about taking them all, I've got enough now and I've picked a day",
			"My dad has counted out all his heart tablets, he says he's had enough of life and wants it over with",
			"I took all the pills I counted out an hour ago, 30 paracetamol",
			"I've counted out 50 of my tablets and swallowed half of them",
			"Counted out my insulin and I'm going to inject all of it tonight so I don't wake up",
			"I have counted out my tablets and I'm sitting in the car, I've written a letter for my wife",
			"Counted out enough pills to end it, I'm going to do it after work on Friday",
			"Got the pills counted out, the note written. Just wanted someone to know.",
			"I've counted out my diazepam and I'm going to take every one of them with vodka tonight",
			"My daughter has a pile of tablets counted out in her room and a note saying goodbye",
			"I counted out my pills again, I know how many I need to not wake up, I'm going to do it this weekend",
			"Counted out a month of my lithium, going to take it all. Sorry.",
			"I've taken the tablets I counted out, about 40, I feel sick and sleepy",
			"I've counted out everything I've been saving, I've said my goodbyes, this is the end",
			"I have all my tramadol counted out and I've decided tonight is when I'll take them",
			"Pills are counted out on the kitchen table. I want to die and I have everything ready.",
			"I've counted out every tablet in the house and I'm going to swallow them as soon as my partner leaves for work",
			"Counted out 60 paracetamol. Tonight.",
			"counted out my mums sleeping pills. gonna swallow them after everyone's in bed",
			"Counted out 45 co-codamol. Won't be here by morning.",
			"I have counted out 30 of my sertraline. I'm going to swallow them when everyone is asleep.",
			"Counted out my tramadol, 6 left. I've taken the rest, about 40 of them, an hour ago.",
			"I counted out my tablets, only 6 left because I took 50 last night and feel awful",
		},
	}.hold(t)
}

// TestConfusionAsUsualIsNoNewConfusion: "confused as usual" with a dementia is a
// standing state; with a fever it went to 999 as sepsis (30 of these 32 fresh
// look-alikes). The mask confusion_as_usual hides only those words: "more confused
// than usual", "confused today" or a confusion said without them is still new.
func TestConfusionAsUsualIsNoNewConfusion(t *testing.T) {
	falseAlarmFamily{age: 84, sex: triage.Female,
		lookAlikes: []string{
			"Mum has dementia and is confused as usual, she has a cough and a temperature of 38 since yesterday",
			"Dad is always confused with his Alzheimer's, but now he has a temp of 37.9 and a runny nose. Eating and drinking fine.",
			"She's no more confused than usual, but she's had a fever of 38.2 and a chesty cough for two days",
			"Gran's usual confusion, nothing new, but she's hot, 38.1, and has a cold",
			"He's muddled as usual with his dementia, temp 38 and a cough, still eating his meals",
			"Care home: resident with dementia, confused at baseline, temp 37.9 this morning, otherwise obs normal, eating and drinking",
			"My mother is always a bit confused because of her dementia, she's had a fever and earache since last night",
			"Dad has dementia and is normally confused. He has a temperature of 38.4 and diarrhoea, drinking ok",
			"He gets confused anyway because of his memory problems. Now he's got a temperature and a chest infection feeling",
			"Her confusion is the same as usual. She has a temperature of 38 and is coughing up green phlegm.",
			"Nan has Alzheimer's and is usually muddled. She's running a fever of 38.3 and has a sore throat. Drinking plenty.",
			"My dad (86, dementia) is no more muddled than normal. He has a temperature of 38 and a cold.",
			"He's always confused, that's his dementia, but he's got a temp of 37.8 and a runny nose",
			"The usual confusion from her dementia, no change. Temp 38.5 with a chesty cough and she's eating fine.",
			"Husband is confused as usual, dementia, but now has a temperature and shingles rash on his side",
			"My father has Lewy body dementia, confused as always, has had a fever of 38 for a day with a sore throat",
			"She has always been confused since her stroke, nothing new. She has a temperature and a cough.",
			"He is usually confused with dementia. Temp 38.2 and vomited once, drinking since then",
			"Grandad's dementia means he's always muddled. He's got a temp of 38 and his ear hurts.",
			"Confused as usual but feverish with a cough, she has dementia, could someone call",
			"Mum has advanced dementia, confused as normal, temperature of 37.9 and sneezing",
			"Her usual muddled self (dementia). Fever since yesterday and a sore throat.",
			"She is always confused, we've had the dementia diagnosis for 3 years. Now she has a fever and tummy ache.",
			"He gets muddled anyway with the dementia, temperature 38 today, coughing a bit",
			"Mum's confused as usual, no worse, but her temp was 38 this morning with a sore throat",
			"Dementia patient, confused at baseline and no different today, fever 38 and a red ear",
			"My aunt is always a bit confused, she has dementia. She's got a temperature and a runny nose since Sunday.",
		},
		modelRaises: []string{
			"Dad's confusion is the same as ever. He has a temperature of 38.1 and a chest infection.",
		},
		emergencies: []string{
			"Mum has dementia but today she's much more confused than usual and has a temperature of 39",
			"Dad is normally sharp, today he's confused and doesn't know where he is, temp 38.9",
			"She has dementia and is usually chatty, today she's very confused and feverish and won't drink",
			"My husband is suddenly confused this afternoon with a high temperature, he has never been like this",
			"Gran has Alzheimer's but today she's far worse, doesn't recognise us, and she's burning up with a fever",
			"He's muddled and talking nonsense since this morning, temperature 38.7, this is new for him",
			"Care home: resident usually oriented, now acutely confused, temp 38.6, heart rate 120",
			"Mum is confused today and has a temperature of 39.2, she is normally completely with it",
			"My father has dementia but he's been far more confused since yesterday and has a high temp and is shivering",
			"She's delirious with a fever of 39.5 and doesn't know what day it is, she's usually fine",
			"My wife has become confused this evening and her temperature is 38.8, she had a water infection last week",
			"He's 82 and suddenly very confused with a fever, talking to people who aren't there",
			"Dad with dementia is more confused than usual since last night, hot to touch and barely drinking",
			"Mum is newly confused and feverish after her chest infection, she keeps forgetting who I am",
			"Temp of 39 and she's confused, not making any sense, she is 79",
			"My grandad is confused today, which is not like him, and he has a temperature and is shaking",
			"He is disorientated and has a fever, he's never confused normally",
			"My mum is really muddled today with a fever of 38.5 and she is not her usual self",
			"She usually has mild dementia but today she is so confused she can't find the bathroom, and temperature is 39.1",
			"Confusion came on today with a fever, he's 85 and normally manages on his own",
			"My nan has a high temperature and is confused and drowsy today, she's usually alert",
			"Husband has a fever and he's confused, didn't know our address this morning",
			"Dad's more muddled than normal and he's feverish and clammy",
			"Mum has Alzheimer's, she's usually calm but today she's very confused and agitated with a temperature of 38.9",
			"He is hot with a fever and confused since lunchtime, keeps asking where he is",
			"She is 90, confused since this morning and her temperature is 38.4, this is new",
			"Since yesterday Dad has been confused and hallucinating and has a fever",
			"My mum seems confused and is running a temp, she doesn't know what year it is",
			"Grandma is feverish and muddled, which is different to her normal self",
			"He has a temperature of 39 and has become confused over the last few hours",
			"Since yesterday she's confused all the time, feverish 39, shivering and breathing fast.",
			"Care home: his usual confusion is much worse today, temperature 38.9, heart rate 125, not drinking.",
			"Her usual confusion is far worse since this morning, she's hot, 38.6, and breathing quickly.",
			"Mum is often confused but this is different: she's drowsy, 38.9, and her catheter has drained nothing since morning.",
			"Confused as usual? No - much more than usual, with a fever of 39 and he's breathing like he's run a marathon.",
			"Dad's normal confusion has got a lot worse overnight and he has a temperature of 39",
			"He's usually muddled but today he's talking nonsense and has a fever of 38.8",
			"Her confusion is different today, she doesn't know me, temperature 39.2",
			"She's always confused with her dementia but today she can't be woken and she's burning hot, 39.4",
			"Usually a bit muddled; today temperature 39.5, blotchy skin and breathing fast",
			"Dad is confused as usual but has a fever of 39 and hasn't passed urine all day and is shaking",
			"Confused as usual but tonight she's hot, shivering uncontrollably and her lips look blue",
		},
	}.hold(t)
}

// TestConfusedWhichTabletIsAQuestion: "confused which tablets to take" asks about an
// object; it went to same-day as new confusion (all 32 fresh look-alikes, one to 999
// with the rules alone). The mask confused_which_object hides only those words:
// "confused which day it is" and a confusion said beside them still count.
func TestConfusedWhichTabletIsAQuestion(t *testing.T) {
	falseAlarmFamily{age: 79, sex: triage.Female,
		lookAlikes: []string{
			"I am confused which tablets to take in the morning since the new ones were added",
			"I'm a bit confused which inhaler to use first, the brown or the blue",
			"Confused which dose of levothyroxine I'm meant to be on, the letter says 100 but the box says 75",
			"My dad is confused which of his tablets are the water tablets, can the pharmacist ring him?",
			"Getting confused which eye drops go in which eye, can I have it written down?",
			"I'm confused which appointment I'm meant to book, the nurse or the GP?",
			"Confused which strength of sertraline to take, hospital said 100mg but the repeat is 50mg",
			"Really confused which form I need for my blue badge",
			"She is confused which insulin pen is the long acting one since they changed the brand",
			"Confused which of my medicines I should stop before the operation",
			"I'm confused which tablet is the new one, they look the same",
			"Dad's confused which painkillers he can take with his warfarin",
			"Confused which one to take at night, the amlodipine or the atorvastatin?",
			"I got confused which patch to take off, I have two on, is that dangerous?",
			"Confused which number to ring for my test results",
			"I am confused which vaccine I need before travelling to Thailand",
			"Bit confused which cream is for my face and which is for my legs",
			"Confused which brand of HRT gel I'm supposed to be on now, the chemist gave me a different one",
			"I'm confused which steroid dose to drop to next, the letter wasn't clear",
			"Confused which clinic I'm under for my knee, can you check the referral?",
			"I'm a little confused which dose to give my son, the bottle says 5ml but the doctor said 7.5ml",
			"Confused which of my repeat items I still need, can I have a medication review?",
			"I'm confused which sick note dates I need, can the doctor advise?",
			"Nan is confused which of her tablets are for her heart since the hospital stay, could the pharmacist do a review?",
			"Confused which pharmacy my prescription went to",
		},
		modelRaises: []string{
			"Mum is confused which pills to take now the doctor changed them, can someone explain?",
			"He's confused which inhaler is his preventer, they're both purple now",
			"Confused which antibiotic I'm allergic to, is it on my record?",
			"I get confused which of my tablets have to be taken with food",
		},
		emergencies: []string{
			"Mum is confused and doesn't know which day it is, she has a temperature of 38.9",
			"Dad is suddenly confused and can't tell me which room he is in, he is hot and shivering",
			"My grandmother got confused today and didn't know which house was hers, she has a fever",
			"He is confused which year it is and has a temperature of 39, this started today",
			"She's very confused, keeps asking which hospital she is in when she's at home, fever since this morning",
			"On insulin, he's confused and doesn't know which way is up, sugar reading 2.1",
			"Confused about where she is and who I am, temp 38.7 and shaking",
			"My wife is muddled and doesn't know which of us is which, she has a urine infection and a fever",
			"My mum is confused about where she is today and has a high temperature",
			"Dad is confused about what day it is and feverish, he is normally with it",
			"Since lunch he's confused which town we live in, burning up with fever",
			"He's confused and sweaty and not making sense, he's diabetic on insulin, sugars low",
			"She is confused and disorientated with a temperature of 39.4, which is new for her",
			"He's confused which room is the bathroom, which is new, and has a high fever and is shivery",
			"Suddenly confused, muddled speech and a temperature, she's 79",
			"My husband is confused today, with a fever and a cough, not sure which day it is",
			"Grandad is hot and confused, thinks it is 1975",
			"Mum has a fever and is confused, she's asking which of her children I am",
			"She's confused and hallucinating, high temperature since last night",
			"My father is confused about who we are and running a temperature of 38.6",
			"Dad is confused which way to go in his own house and he has a temperature of 38.8",
			"My mother is confused with a high temp and hasn't weed since this morning",
			"She's 80, feverish and confused about where she lives since this afternoon",
			"Very confused and drowsy, high temperature, she is 76",
			"He has a fever and is confused, keeps asking which ward he's on though he's at home",
			"Temperature 39.1 and my mum is confused, this isn't like her at all",
			"He is confused and drowsy, temperature 38.5, he's 90",
			"My nan is confused, can't tell which is her own bedroom, and has a fever of 38.3",
			"She's confused, doesn't know which country she is in, temperature 38.9 and shivering",
			"Since breakfast she has a fever and is muddled, doesn't know which day of the week it is",
			"She's confused about which tablets she took and the whole month's box of amitriptyline is gone; she's drowsy and her heart is racing.",
			"He's confused which pills he took, the packet of his heart tablets is empty and he's very drowsy",
			"Mum is confused which tablets to take and now she is very drowsy, temp 39, breathing fast",
			"He got confused which tablets he'd taken and swallowed the whole box of co-codamol, he is very sleepy",
		},
	}.holdBelowSameDay(t)
}
