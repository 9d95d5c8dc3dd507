package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// The red flags of issue 10's weakest fields as patients, parents and carers tell them,
// in words the textbook phrases of rules 2026.12.68 did not hold (each table fails on
// f8a24fb with the rules alone), written fresh for these tests and none copied from a
// labelled set, each beside look-alikes from the same field that must stay less urgent.
// holdPriorities holds both the rules alone and the desk's engine to every case.

// TestLayMentalHealthCrises: means saved or hidden with a word of ending, a person at a
// bridge or platform, the rest of a box taken and played down.
func TestLayMentalHealthCrises(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"means hidden, enough to end it", 30, triage.Male,
			"been hiding my meds in a sock for a month, think i have enough to end it now", triage.Emergency},
		{"pills stashed, won't be here by", 68, triage.Female,
			"Dad has been stashing his sleeping pills in his drawer and told my sister he wont be here by the weekend", triage.Emergency},
		{"at the tracks with a farewell", 41, triage.Male,
			"sat by the tracks, the next train is due, sorry for everything", triage.Emergency},
		{"at the bridge, can't go on", 25, triage.Female,
			"im at the bridge. i cant do this anymore", triage.Emergency},
		{"the rest of the packet taken", 19, triage.Male,
			"I took all the sertraline that was left in the packet about an hour ago, 14 or so", triage.Emergency},
		{"a small count from the box is not an overdose", 35, triage.Female,
			"took the ibuprofen that was left in the box for my period pain, 2 of them, still sore", triage.Soon},
		{"the rest of the box, says she's fine", 55, triage.Female,
			"she swallowed the tramadol that was left in the box, maybe 25 or so, says she's fine", triage.Emergency},
		{"a letter explaining everything, calm now", 47, triage.Male,
			"wrote my husband a letter explaining everything, the insurance papers are on the side. i feel calm now", triage.Emergency},
		{"life pointless, no plan, is same-day", 61, triage.Male,
			"my brother says life feels pointless since his wife died but he wouldnt do anything", triage.SameDay},
		{"work pointless is not a thought of dying", 40, triage.Male,
			"work feels pointless and I'm stressed, need a chat", triage.Soon},
		{"a letter of complaint is not a farewell", 35, triage.Female,
			"I wrote my MP a letter about the waiting list, my back is still bad", triage.Soon},
		{"not gonna be around, all sorted", 23, triage.Male,
			"not gonna be around after this weekend lads, got everything sorted", triage.Emergency},
		{"thinking of hanging, the rope bought", 44, triage.Male,
			"keep thinking about hanging, got a rope from the shed and put it in my bag", triage.Emergency},
		{"new belief of poisoned food", 50, triage.Male,
			"my husband is convinced the neighbours are poisoning his food, started last week, not sleeping", triage.SameDay},
		{"happier if I disappeared, no plan", 19, triage.Female,
			"i keep thinking my family would be happier if i disappeared, no plan, want to talk to someone", triage.SameDay},
		{"a name called when nobody is there", 33, triage.Male,
			"i hear my name being called when nobody is there, started last week", triage.SameDay},
		{"anxious when nobody is there", 45, triage.Female,
			"I get anxious walking home when nobody is there, want help with anxiety", triage.Soon},
		{"tools and dog given away, better off without him", 52, triage.Female,
			"my partner gave away his guitar and his car to his son and says the kids will be better off without him", triage.Emergency},
		{"ESL: no want live, many pills bought", 36, triage.Female,
			"i no want live more. today i buy many pill. sorry for all", triage.Emergency},
		{"how many it would take, all here", 39, triage.Male,
			"looked up how many of my sleeping tablets it would take, i've got them all here, no point anymore", triage.Emergency},
		{"an appointment missed is not a farewell", 22, triage.Male,
			"i aint gonna be around for my appointment tomorrow, can you move it", triage.Soon},
		{"crashing out on the sofa is not a method", 28, triage.Male,
			"so tired of work, been thinking about crashing out on the sofa all weekend, stressed", triage.Soon},
		{"platform and pain is not a crisis", 35, triage.Male,
			"waiting on the platform every day for the next train makes my back ache, want it to stop", triage.Soon},
		{"pain that should stop is not a crisis", 30, triage.Female,
			"my hip aches on the edge of the bone and I want it to stop", triage.Soon},
	})
}

// TestLayPregnancyAndBabies: no kicks felt, pain under the ribs with a headache or
// blurred sight in pregnancy, a baby that cannot be roused.
func TestLayPregnancyAndBabies(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"no kicks since last night", 33, triage.Female,
			"37 weeks, haven't felt her kick since last night at all", triage.Emergency},
		{"pain under the ribs and a headache", 35, triage.Female,
			"33 weeks pregnant, terrible pain under my ribs on the right and a thumping headache", triage.Emergency},
		{"pain at the top of the tummy, blurred sight", 29, triage.Female,
			"pregnant 36 wks, pain at the top of my tummy under my boobs and my vision is blurry", triage.Emergency},
		{"a baby we cannot rouse", 1, triage.Male,
			"my 1 year old has a high temp and we cant rouse him", triage.Emergency},
		{"a headache and spots after the birth", 31, triage.Female,
			"gave birth on monday, now an awful headache, flashing lights and my hands have puffed up", triage.Emergency},
		{"a tired headache after the birth", 28, triage.Female,
			"gave birth 2 weeks ago, headache from no sleep, no vision problems, no swelling", triage.SameDay},
		{"a gush of water down the legs", 28, triage.Female,
			"38 weeks, had a gush of water down my legs in the kitchen, now clear fluid trickling", triage.Emergency},
		{"a gush from the bladder when sneezing", 30, triage.Female,
			"I had a gush of water down my legs when I sneezed, not pregnant, think it's my bladder, happens since my second baby", triage.Routine},
		{"waters checked and fine", 30, triage.Female,
			"34 weeks pregnant, the midwife says my waters are fine, baby measuring well", triage.Soon},
		{"no bowel movement is not the baby's", 29, triage.Female,
			"30 weeks pregnant and constipated, no bowel movement since Tuesday, bloated", triage.Soon},
	})
}

// TestLayDiabetes: a low sugar on insulin that sugar has not lifted, told as a number or
// with a mind that will not think straight.
func TestLayDiabetes(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"still low after lucozade", 60, triage.Male,
			"on insulin, sugar 2.3, had lucozade twice and its still 2.4, really shaky", triage.Emergency},
		{"still low after sweets, can't think", 22, triage.Female,
			"type 1, had a hypo and now still low after 3 lots of sweets, cant think straight", triage.Emergency},
		{"behaving drunk on insulin", 80, triage.Male,
			"dad takes insulin and tonight he's behaving drunk and sweaty but he hasn't touched a drop", triage.Emergency},
		{"sick and breathing hard, type 1", 18, triage.Female,
			"type 1, sick all night and now breathing really deep, can't keep water down", triage.Emergency},
		{"a tummy bug, breathing fine", 25, triage.Female,
			"type 1, tummy bug, been sick a few times and breathing fine, sugars 9, ketones 0.2", triage.SameDay},
		{"rapid insulin twice by mistake, shaky", 45, triage.Male,
			"I took my novorapid twice by mistake, 12 units extra, and I'm shaky and sweaty", triage.Emergency},
		{"extra units asked for, supply low", 60, triage.Male,
			"can I have extra units of insulin on my prescription, my supply is running low", triage.Routine},
		{"hypos more often, a review", 40, triage.Female,
			"type 1 on insulin, getting more hypos lately and my sugars keep dropping at night, need a review", triage.SameDay},
		{"can't think what causes the lows", 55, triage.Male,
			"on insulin, my sugars are low in the mornings and I can't think what is causing it", triage.SameDay},
	})
}

// TestLayEyes: blood inside the eye after a blow, sight gone black in one eye even for
// a minute.
func TestLayEyes(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"blood at the front after an elbow", 13, triage.Male,
			"son got elbowed in the eye at rugby, there's blood at the front of his eye over the coloured part", triage.Emergency},
		{"one eye totally blind for a minute", 66, triage.Female,
			"my right eye went totally blind for about a minute this morning, came back", triage.Emergency},
		{"oven cleaner in the eye", 44, triage.Female,
			"oven cleaner spray went in my eye, it's stinging badly and I can't open it", triage.Emergency},
		{"hair dye rinsed out", 30, triage.Female,
			"got some hair dye in my eye earlier, rinsed it, bit red now but fine, can see ok", triage.Routine},
		{"a bite swelling round the eye", 45, triage.Female,
			"bitten by something on my eyelid yesterday, now the skin around my eye is swollen and red", triage.SameDay},
		{"coloured rings round the lamp, eye hurting", 67, triage.Female,
			"my eye is so sore and red, coloured rings round the lamp and I've been sick", triage.Emergency},
		{"sudden blur like smoke in one eye", 58, triage.Male,
			"all of a sudden my right eye went blurry like smoke, about an hour ago", triage.Emergency},
		{"blur from drops that cleared", 60, triage.Female,
			"suddenly blurry in one eye after putting my drops in, cleared after blinking", triage.SameDay},
		{"a shutter over one eye that lifted", 57, triage.Female,
			"like a shutter came down over my left eye for a couple of minutes earlier, it's back now", triage.Emergency},
		{"a shutter before the usual migraine", 60, triage.Male,
			"I see like a shutter flicker in both eyes before my usual migraine, same as always", triage.Soon},
		{"a painful eye with an odd pupil", 38, triage.Male,
			"my eye is agony and red and the pupil looks a funny shape, came on tonight", triage.Emergency},
		{"a blow, blurry but seeing", 12, triage.Male,
			"hit in the eye with a football yesterday, it's red and a bit blurry but he can see", triage.SameDay},
		{"blind since childhood, a letter", 60, triage.Male,
			"I've been blind in my left eye since I was a child, need a letter for the DVLA", triage.Routine},
	})
}

// TestLayOlderSepsis: an older person who cannot be roused or has passed no urine with
// an infection, told by a relative or carer.
func TestLayOlderSepsis(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"burning hot, cannot rouse", 84, triage.Female,
			"Nan is burning hot and we cant rouse her properly", triage.Emergency},
		{"chest infection, no water since yesterday", 79, triage.Male,
			"grandad has a chest infection, temp 38.5 and he hasnt passed water since yesterday", triage.Emergency},
		{"burning up after an operation, feels she is dying", 70, triage.Female,
			"mum had her hip done last week, now she's burning up and says she feels like she's dying", triage.Emergency},
		{"no wee this morning, drinking and chatting", 80, triage.Female,
			"mum 80 hasnt been for a wee since this morning but she's drinking and chatting, no temp, no infection", triage.SameDay},
		{"a teenager hard to rouse for school", 16, triage.Male,
			"my teenager is hard to rouse in the mornings for school, always tired, is it normal", triage.Soon},
	})
}

// TestLayCaudaEquina: back trouble with the bladder gone without feeling it, or numb
// "bits", "lady bits", a private area "gone to sleep".
func TestLayCaudaEquina(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"can't tell when I need the toilet", 50, triage.Male,
			"back's been bad all week and now I can't tell when I need the toilet, wet myself twice", triage.Emergency},
		{"lady bits numb with a bad back", 39, triage.Female,
			"bad back and my lady bits feel numb, started this morning", triage.Emergency},
		{"no feeling in the saddle area", 53, triage.Female,
			"bad back and now I have no feeling in my saddle area", triage.Emergency},
		{"no feeling when wiping", 42, triage.Female,
			"my back hurts a lot and theres no feeling when i wipe after toilet", triage.Emergency},
		{"poo came out without knowing", 43, triage.Male,
			"my back is killing me and poo came out without me knowing today", triage.Emergency},
		{"numb between legs, bladder unfelt", 60, triage.Female,
			"since yesterday numb between legs and can't tell if my bladder is full", triage.Emergency},
		{"straining for months is not cauda equina", 58, triage.Male,
			"lower back ache and I have to strain to pee and get up at night for months", triage.Soon},
		{"an accident at work is not the bladder", 45, triage.Female,
			"had an accident at work and hurt my lower back, toilet is fine, no numbness", triage.Soon},
		{"one numb buttock is sciatica", 40, triage.Male,
			"sciatica with a numb left buttock and numb down the back of my leg, bad back, toilet fine", triage.Soon},
	})
}

// TestLayProbesEmergencies holds both engines to 999 on every emergency of
// testdata/probes/lay-engine30.jsonl: 204 requests in the six weakest fields of issue
// 10 (mental-health crises, pregnancy and babies, diabetes, eyes, older people's
// sepsis, cauda equina), red flags in patients', parents' and carers' words each beside
// a look-alike of the same field, written from docs/labels.md before the rules of this
// round. The set lies outside testdata/*.jsonl, so the second opinion never learns it.
func TestLayProbesEmergencies(t *testing.T) {
	for _, l := range readSet(t, "testdata/probes/lay-engine30.jsonl") {
		if l.Want.Priority != triage.Emergency {
			continue
		}
		for _, e := range rulesAndDesk() {
			if got := e.eng.Classify(l.Input); got.Priority != triage.Emergency {
				t.Errorf("%s: %q: %s gave %s, want emergency; because %v", l.ID, l.Text, e.name, got.Priority, got.Reasons)
			}
		}
	}
}
