package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// The families below are the under-triage of babies, children and teenagers that the
// rules 2026.12.42 left at soon on the read sets (blind-39, 45, 68, 69, 76) and on
// engine19's own probes written before the fix (issue 10). Each is held with the
// rules alone and with the desk's engine, in fresh wordings, beside the look-alikes
// that must stay where they were. LABELS.md: a child with a fever and not drinking is
// same-day, a urine infection in a child under 16 is same-day, thoughts of self-harm
// in a young person are same-day.

// holdChildren holds the rules alone to each case's priority, and the desk's engine to
// at least it: the second opinion only raises, and where it raises a same-day case
// to 999 that is the model's operating point (its own over-triage figures), not a
// defect of these rules.
func holdChildren(t *testing.T, cases []priorityCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
			for _, e := range rulesAndDesk() {
				got := e.eng.Classify(in)
				if got.Priority == c.want || (e.name != "the rules" && got.Priority.MoreUrgent(c.want)) {
					continue
				}
				t.Errorf("%q: %s gave %s, want %s; because %v", c.text, e.name, got.Priority, c.want, got.Reasons)
			}
		})
	}
}

// TestChildDrinkingLessInParentsWords: a parent tells reduced drinking by the amount
// ("only a couple of sips", "half her usual bottle", "refusing his milk", "2 wet
// nappies"), not by the words "not drinking"; with a fever, being sick or diarrhoea, or
// under five, that is a same-day look. Drinking normally stays as it was.
func TestChildDrinkingLessInParentsWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"a couple of sips with a fever", 3, triage.Female,
			"she has had a temperature since last night and only a couple of sips of water today", triage.SameDay},
		{"few sips with diarrhoea", 6, triage.Male,
			"diarrhoea all night and he has only managed a few sips this morning", triage.SameDay},
		{"half the usual bottle", 0, triage.Male,
			"he is 8 months and has only had half his usual bottle today, hot and grumpy", triage.SameDay},
		{"refusing her milk", 1, triage.Female,
			"fever since yesterday and she is refusing her milk", triage.SameDay},
		{"drinking a lot less", 4, triage.Male,
			"temp of 38.6 and drinking a lot less than normal", triage.SameDay},
		{"2 wet nappies with a fever", 1, triage.Male,
			"high temperature, he's had 2 wet nappies since he woke up", triage.SameDay},
		{"very few wet nappies with vomiting", 0, triage.Female,
			"my 10 month old has been vomiting since this morning and very few wet nappies", triage.SameDay},
		{"breathing quick with a fever", 5, triage.Male,
			"he has a temperature of 39 and is breathing a bit quick", triage.SameDay},
		// Look-alikes: drinking well, or a number of wet nappies that is not few.
		{"drinking well with a fever", 4, triage.Female,
			"temperature 38.2 since this morning, drinking plenty and playing", triage.Soon},
		{"a cold, drinking normally", 3, triage.Male,
			"runny nose and a cough, drinking normally and lots of wet nappies", triage.Routine},
	})
}

// TestChildWeeingLess: a child weeing less than usual is a sign of dehydration on its
// own (LABELS.md: a child not drinking), whatever else the parent tells.
func TestChildWeeingLess(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"weeing a lot less", 2, triage.Male,
			"tummy bug for two days and he is weeing a lot less than usual", triage.SameDay},
		{"peeing less", 9, triage.Female,
			"she has been off colour and peeing less since yesterday", triage.SameDay},
		{"not weeing as much", 5, triage.Male,
			"sick bug, he is not weeing as much as normal", triage.SameDay},
	})
}

// TestChildPainfulWeeInParentsWords: a parent tells a child's urine infection by what
// the child does ("cries when she does a wee", "his wee smells"): same-day for a child
// under 16 (outside Pharmacy First). "Wee" meaning small is not urine.
func TestChildPainfulWeeInParentsWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"cries when he does a wee", 4, triage.Male,
			"he says it hurts and cries when he does a wee", triage.SameDay},
		{"wee smells strong", 6, triage.Female,
			"her wee smells really strong and she keeps needing the toilet", triage.SameDay},
		{"when she has a wee", 2, triage.Female,
			"she screams when she has a wee since yesterday", triage.SameDay},
		// Look-alike: a wee boy with earache is the pharmacy's.
		{"a wee boy with earache", 6, triage.Male,
			"my wee boy has had earache since yesterday, no temperature, eating fine", triage.Routine},
	})
}

// TestYoungPersonSelfHarmSeen: a parent or friend who finds a young person's cuts
// ("cuts on her arms", "he has been cutting his legs") tells self-harm without any
// word about harm or suicide: same-day, like a young person's thoughts of self-harm,
// even when the young person says they do not want to die. An accident, or cutting
// back on food, is not self-harm.
func TestYoungPersonSelfHarmSeen(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"cuts on her arms", 15, triage.Female,
			"I saw cuts on her arms when she took her jumper off, she won't talk about it", triage.SameDay},
		{"cutting his legs", 14, triage.Male,
			"we think our son has been cutting his legs, he says he doesn't want to die", triage.SameDay},
		{"cuts on my daughter's wrists", 16, triage.Female,
			"found fresh cuts on my daughter's wrists tonight, not deep", triage.SameDay},
		{"cutting herself", 13, triage.Female,
			"her friend told us she is cutting herself at school", triage.SameDay},
		// Look-alikes.
		{"cutting back on food", 15, triage.Female,
			"she has been cutting back on her food and we are worried about her weight", triage.Soon},
		{"cut her knee", 9, triage.Female,
			"she cut her knee on the trampoline last week and it has healed fine, can she swim", triage.Soon},
	})
}

// TestFeverSpreadingRashStays999: a fever with a rash spreading fast stays 999 whatever
// a word of fading says. "Blanching" is matched anywhere in the request ("I went
// white", "the fever fades with calpol", "fades on his tummy but not his legs"), and a
// meningococcal rash often blanches at first, so it must never cancel this 999 (a
// stop tried in 46b9a0f and taken back: review5 and the gate found real emergencies it
// lowered).
func TestFeverSpreadingRashStays999(t *testing.T) {
	holdRecall(t, []recallCase{
		{"the fever fades", 30, triage.Male, "high temperature and spots appearing all over, the fever fades with calpol then comes back", true},
		{"went white", 34, triage.Male, "I have a fever of 39.8 and a rash spreading all over my body fast, I went white and nearly fainted when I stood up", true},
		{"not sure if it fades", 7, triage.Female, "she has a fever and a rash spreading fast over her body, I pressed a glass on it and I'm not sure if it fades or not", true},
		{"fades in one place only", 1, triage.Male, "my 1 year old has a high fever and spots spreading all over him, he's drowsy, the rash fades on his tummy but not on his legs", true},
		{"it used to fade", 19, triage.Female, "fever, rash all over my body, it used to fade but it has stopped fading", true},
	})
}

// TestChildrenRedFlagsInOtherWords holds the families blind-82 (read after its first
// sight) showed the rules alone missing, each in fresh wordings: a stiff neck told by
// the chin that will not go down; lips "gone big" after a food; a pack of tablets
// taken with the wish for it all to stop; a dehydrated child of any age who is floppy
// or can barely be woken; a reliever needed every 3 hours or only helping a bit; a
// young person hearing "a voice"; a toddler refusing to walk.
func TestChildrenRedFlagsInOtherWords(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"chin will not go down, fever", 8, triage.Male,
			"temp 39.4, he cannot get his chin down and keeps crying", triage.Emergency},
		{"lips gone big after egg", 3, triage.Female,
			"had scrambled egg for the first time and her lips have gone big and she is coughing and wheezy", triage.Emergency},
		{"a pack taken to make it stop", 17, triage.Female,
			"my daughter took a packet of her sertraline tonight because she wanted it all to end", triage.Emergency},
		{"dehydrated and barely wakes, age 9", 9, triage.Male,
			"vomiting for two days, hasnt had a wee since last night and we can barely wake him", triage.Emergency},
		{"reliever every 3 hours", 10, triage.Female,
			"she is needing the blue inhaler every three hours since yesterday, she can still talk normally", triage.SameDay},
		{"reliever only helping a bit", 7, triage.Male,
			"wheezy with a cold and his blue inhaler is only helping a bit, talking fine", triage.SameDay},
		{"hearing a voice", 15, triage.Male,
			"my son says he keeps hearing a voice when nobody is there, he isn't thinking of hurting himself", triage.SameDay},
		{"refusing to walk", 3, triage.Female,
			"he has been refusing to walk since this morning, keeps sitting down, no temperature", triage.SameDay},
		// Look-alikes.
		{"two tablets from a pack", 16, triage.Male,
			"took 2 tablets from a pack of ibuprofen for my headache yesterday, is it ok to take with my inhaler", triage.Routine},
		{"blue inhaler helps", 9, triage.Female,
			"asthma is fine, she uses the blue inhaler before PE and it helps, can we have a repeat", triage.Routine},
	})
}

// TestChildrenOffThe999Line holds the children's over-triage to 999 of the read sets
// (b68-202, b82-101, b82-240) in fresh wordings, beside the emergencies next to them
// that must stay 999:
//   - a baby under 3 months feeding less or with fewer wet nappies stays 999 (a
//     same-day softening for the alert baby, 3a1b488, was taken back: every list of
//     the signs that keep it 999 was one short);
//   - "please don't call my house" beside thoughts of suicide stays 999 (a mask that
//     read it as no farewell was taken back, and so was reading "I don't have a plan"
//     as no plan: "I don't have any plans for Christmas because I won't be here" is
//     a plan), and a plan or a farewell in other words stays 999;
//   - a knock-out beside a tooth stays 999 (a mask for "knocked out a tooth",
//     4d8bee7, was taken back: "got knocked out my tooth is loose", told without a
//     stop, is a knock-out).
func TestChildrenOffThe999Line(t *testing.T) {
	holdRecall(t, []recallCase{
		{"feeding less and sleepy", 0, triage.Female, "3 week old feeding less and much sleepier than usual", true},
		{"fewer wet nappies and mottled", 0, triage.Male, "6 week old, fewer wet nappies and his skin looks mottled", true},
		{"feeding less and cold", 0, triage.Female, "newborn feeding less since yesterday and feels cold to touch", true},
		{"no plans for Christmas", 45, triage.Female, "I don't have any plans for Christmas because I won't be here. I've stockpiled my tablets and I'm taking them on Friday", true},
		{"no plan for the kids", 52, triage.Male, "I haven't got a plan for the kids after I'm gone, but I'm going to end it tonight with my insulin, I've got plenty of pens", true},
		{"thoughts and 'don't call my parents'", 15, triage.Female, "I want to kill myself. please don't call my parents", true},
		{"a plan beside 'don't call my house'", 15, triage.Male, "please don't call my house. I've saved up my tablets and I'm going to take them all tonight", true},
		{"knocked out, run on into a tooth", 16, triage.Male, "got knocked out my tooth is loose", true},
		{"a tooth and a knock-out", 12, triage.Male, "hit by a cricket ball, knocked out a tooth and he was knocked out for a few seconds", true},
		{"knocked out and a tooth loose", 30, triage.Male, "I got knocked out and my tooth is loose", true},
		// A mask of overdose for a coin's value ("swallowed a 10p coin") hid the overdose
		// told beside it and was taken back (review5); magnets are 999 however many.
		{"a coin and an overdose", 14, triage.Female, "my daughter swallowed a 10p coin and about 20 paracetamol on purpose this afternoon", true},
		{"two magnets and a coin", 3, triage.Male, "my son swallowed two magnets and a coin", true},
		{"knocked out and two teeth came out", 9, triage.Female, "she was knocked out and two teeth came out", true},
	})
}

// TestChildBumpedHeadDangerStaysSameDay: a child's head injury stays same-day however
// well the child seems now. A soon rule for a bump with the child "playing normally"
// (8b1c4c8, following 11 of 12 read-set labels) was taken back after review5 found,
// three times, head injuries it lowered: a fall or blow, a sign of skull fracture, a
// child with a bleeding disorder or a shunt, unequal pupils, a safeguarding worry. A
// list of concerns is always one short; a same-day call costs a call. Its lines are
// held here.
func TestChildBumpedHeadDangerStaysSameDay(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"down the stairs, soft swelling", 2, triage.Male,
			"my 2 year old fell down the whole flight of stairs and has a big soft swelling on the side of his head, he's playing normally now", triage.SameDay},
		{"off the climbing frame from 2 metres", 4, triage.Female,
			"she fell off the climbing frame from about 2 metres onto her head, no knock out, running around now", triage.SameDay},
		{"blood from the ear", 8, triage.Male,
			"my son hit his head on the pavement falling off his scooter, there's a little blood coming from his ear, he's acting normally", triage.SameDay},
		{"bruising behind the ears", 3, triage.Female,
			"my daughter bumped her head this morning and now there's bruising behind her ears, she's playing happily", triage.SameDay},
		{"a 1-year-old off the changing table", 1, triage.Female,
			"my 1 year old rolled off the changing table onto the hard floor and has a big lump, crawling around now", triage.SameDay},
		{"hit by a car", 5, triage.Male,
			"hit by a car at low speed in the car park, bumped his head on the bonnet, seems fine now", triage.SameDay},
		{"downhill fast, helmet cracked", 9, triage.Male,
			"he came off his bike going downhill fast and hit his head, helmet cracked, seems his normal self", triage.SameDay},
		{"cricket ball, goose egg", 12, triage.Male,
			"my son was hit on the head by a cricket ball at full speed, there's a goose egg lump, he says he's fine now", triage.SameDay},
		{"bumped, no word of being well", 7, triage.Male,
			"he bumped his head on the door at school", triage.SameDay},
		{"unequal pupils", 6, triage.Male,
			"he bumped his head on the door an hour ago, now one pupil looks bigger than the other, he's playing normally", triage.SameDay},
		{"a dent in the skull", 4, triage.Female,
			"she banged her head on the table corner, there's a dent in her skull where she hit it, she seems her usual self", triage.SameDay},
		{"haemophilia", 8, triage.Male,
			"my son has haemophilia and bumped his head at school today, he's back to normal", triage.SameDay},
		{"a shunt", 7, triage.Female,
			"my daughter has a shunt for hydrocephalus and bumped her head today, she is playing happily", triage.SameDay},
		{"bruises and the nursery asked", 6, triage.Male,
			"my son banged his head at the park and I'm worried because he had bruises last week too and his nursery asked about them, he seems fine now", triage.SameDay},
		{"a plain bump, playing normally", 5, triage.Male,
			"bumped his head on the table, cried straight away, not sick, playing normally", triage.SameDay},
		{"off a horse", 10, triage.Female,
			"she fell off a horse onto her head this afternoon, she was wearing a hat, she's chatty and fine now but it was a hard fall", triage.SameDay},
	})
}

// TestYoungBabyFeedingLessWithASign: a baby under 3 months feeding less or with fewer
// wet nappies is 999 (baby_unwell), whatever else is told in a parent's words. A
// same-day rule for the otherwise alert baby (3a1b488) lowered these, one sign at a
// time ("not really waking", "breathing seems fast", "a funny colour", "looks
// dehydrated", "a rash of tiny spots", "35.5"), and was taken back.
func TestYoungBabyFeedingLessWithASign(t *testing.T) {
	holdRecall(t, []recallCase{
		{"not really waking for feeds", 0, triage.Female, "my 3 week old is feeding less and not really waking for feeds", true},
		{"breathing seems fast", 0, triage.Male, "5 week old feeding less since last night and his breathing seems fast", true},
		{"soft spot sunken", 0, triage.Female, "2 week old taking less milk and her soft spot looks sunken", true},
		{"can't settle", 0, triage.Male, "6 week old has had fewer wet nappies today and is crying constantly, can't settle him", true},
		{"quiet and unwell", 0, triage.Female, "my 8 week old daughter is feeding less today, seems unwell and quiet", true},
		{"dry lips", 0, triage.Male, "7 week old fewer wet nappies and his lips are dry", true},
		{"a temperature of 35.5", 0, triage.Male, "4 week old feeding less, his temperature is 35.5", true},
		{"a rash of tiny spots", 0, triage.Female, "my 2 week old has fewer wet nappies and a rash of tiny spots", true},
		{"a funny colour", 0, triage.Female, "7 week old feeding less and she has gone a funny colour", true},
		{"looks dehydrated", 0, triage.Male, "3 week old taking less milk and keeps being sick, looks dehydrated", true},
		{"alert but feeding less", 0, triage.Female, "4 week old feeding less today but alert and crying normally", true},
	})
}

// TestChildrenSameDayByName: croup's bark with noisy breathing (even only when crying),
// an earache with a fever and pus from the ear or being sick (not uncomplicated, so not
// the pharmacy's), a small object swallowed, and chickenpox in a baby in its first
// weeks are same-day; a pharmacy remedy that
// only helps a little leaves the pharmacy's minor illness for the GP (soon). A bark
// with quiet breathing stays soon, and a simple earache stays the pharmacy's.
func TestChildrenSameDayByName(t *testing.T) {
	holdChildren(t, []priorityCase{
		{"bark, noisy when crying", 2, triage.Male,
			"he has a cough that sounds like a seal barking and his breathing gets noisy when he is upset", triage.SameDay},
		{"earache, pus and a fever", 6, triage.Female,
			"earache since Monday, now pus coming out of her ear and a temperature of 39", triage.SameDay},
		{"earache, fever, being sick", 4, triage.Male,
			"bad earache and a high temperature, he has been sick twice this morning", triage.SameDay},
		{"swallowed a coin", 3, triage.Male,
			"I think he swallowed a coin about an hour ago, he is eating and drinking", triage.SameDay},
		{"lactulose helps a little", 5, triage.Female,
			"constipated for weeks, the lactulose helps a little but she still cries on the toilet", triage.Soon},
		{"chickenpox at 3 weeks", 0, triage.Male,
			"my 3 week old has a few chickenpox spots on his tummy, feeding fine", triage.SameDay},
		// Look-alikes.
		{"bark, quiet breathing", 5, triage.Male,
			"barking cough at night for two nights, breathing quietly, eating and drinking well", triage.Soon},
		{"simple earache", 8, triage.Female,
			"earache since yesterday, no temperature, eating fine", triage.Routine},
	})
}
