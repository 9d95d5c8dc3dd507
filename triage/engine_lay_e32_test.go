package triage_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// The red flags of issue 10's weakest fields in the words another writer used for them
// (blind-95, round 13), told here in other voices written fresh for these tests, none
// copied from a labelled set. Each emergency was below 999 with the rules alone on
// 684f0b5; each sits beside look-alikes from the same field that must stay less urgent.
// holdPriorities holds both the rules alone and the desk's engine to every case.

// TestLayE32MentalHealth: a medicine laid out ready with words of defeat, and belongings
// given away with a goodbye, told by the patient or a relative.
func TestLayE32MentalHealth(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"tablets lined up by the bed, tired of everything", 29, triage.Female,
			"the tablets are all lined up on my bedside table. im so tired of everything", triage.Emergency},
		{"pills popped out on the counter, nobody would miss me", 52, triage.Male,
			"sleeping pills all popped out of the packets and sitting on the counter. nobody would miss me", triage.Emergency},
		{"a relative's tablets emptied out in rows", 19, triage.Female,
			"ive emptied all my mums tablets out onto the table in rows. i just want it over", triage.Emergency},
		{"painkillers laid out on the side, nobody would miss me", 38, triage.Female,
			"all my co codamol is laid out on the side. nobody would miss me anyway", triage.Emergency},
		{"politeness beside tablets laid out and real defeat", 51, triage.Female,
			"Sorry to bother you. I have laid out all my tablets on the kitchen table. I can't keep going.", triage.Emergency},
		{"had enough, pills lined up, goodbye", 60, triage.Male,
			"had enough. all my pills are lined up. goodbye", triage.Emergency},
		{"a dosette box is tablets laid out as prescribed", 70, triage.Female,
			"I lay my tablets out in my dosette box every Sunday, can I get a new box from the pharmacy?", triage.Routine},
		{"had enough of a side effect is a complaint", 55, triage.Male,
			"I had enough of my blood pressure tablets making me dizzy, they're on the table, can I swap to another one?", triage.Soon},
		{"things given away, goodbyes texted", 31, triage.Male,
			"my brother has been giving his stuff away, his bike and his playstation, and texting everyone goodbye. hes been so low", triage.Emergency},
		{"a flatmate's clothes given away, goodbyes", 27, triage.Female,
			"my flatmate has given all her clothes and her laptop away this week and keeps saying goodbye when she goes out. she's been really down", triage.Emergency},
		{"medals given, goodbye cards", 66, triage.Male,
			"my dad gave his medals to my brother yesterday and wrote everyone goodbye cards, he's been so low since the diagnosis", triage.Emergency},
		{"a guitar given, goodbye to brothers, very quiet", 55, triage.Male,
			"My husband gave his guitar and his watch to our son and said goodbye to his brothers on the phone. He's been very quiet since he lost his job.", triage.Emergency},
		{"furniture given away before a move", 40, triage.Female,
			"we are moving abroad next month and giving our furniture away, could we have copies of our records?", triage.Routine},
		{"a goodbye to a car and an old life last year", 41, triage.Female,
			"I gave my sister my car last year and said goodbye to my old life after the divorce, I feel low and would like counselling", triage.Soon},
	})
}

// TestLayE32Pregnancy: a blow to the bump with pain, tightenings or bleeding; a baby in
// the womb moving much less than usual (999), or less told without "much" (same-day).
func TestLayE32Pregnancy(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"tripped onto the tummy, cramps", 30, triage.Female,
			"30 weeks pregnant, tripped over the dog and fell on my tummy, now getting cramps", triage.Emergency},
		{"a seatbelt across the bump, tummy hard", 32, triage.Female,
			"34 wks, a car went into the back of us this morning, seatbelt went across my bump and now my tummy is hard and painful", triage.Emergency},
		{"landed on the front, bleeding", 26, triage.Female,
			"pregnant 26 weeks, slipped on the ice and landed on my front, now a bit of bleeding", triage.Emergency},
		{"pushed, stomach hit, aching, weeks only", 23, triage.Female,
			"29 weeks, my partner pushed me and I hit my stomach on the table, tummy aching since", triage.Emergency},
		{"fell onto the tummy in the garden, blood", 33, triage.Female,
			"im 32 weeks. fell over in the garden onto my tummy and now theres some blood when i wipe", triage.Emergency},
		{"moving a lot less than normal", 27, triage.Female,
			"33 weeks, baby is moving a lot less than normal today", triage.Emergency},
		{"moving much less than normal after cold water", 28, triage.Female,
			"38 weeks, baby's been moving much less than normal today and I've had the cold water and lay on my side", triage.Emergency},
		{"kicks slowed down is same-day", 34, triage.Female,
			"36 weeks pregnant, the kicks have slowed right down since yesterday", triage.SameDay},
		{"not moving as much is same-day", 36, triage.Female,
			"39 weeks, he's not moving as much as he normally does", triage.SameDay},
		{"quiet with tiny flutters is same-day", 29, triage.Female,
			"35 weeks and she's been really quiet today, only felt a couple of tiny flutters", triage.SameDay},
		{"a man moving less after a fall is not a pregnancy", 74, triage.Male,
			"my husband is moving a lot less than usual since his fall, stiff hip, walking with a stick", triage.Soon},
		{"no movement felt yet at 17 weeks", 22, triage.Female,
			"17 weeks with my first and not felt anything move yet, is that ok?", triage.Soon},
	})
}

// TestLayE32DiabeticFoot: a black, red or swollen diabetic foot with shivering, a fever
// in lay words or confusion.
func TestLayE32DiabeticFoot(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"black smelly toe with the shivers", 61, triage.Male,
			"type 2 diabetic, toe gone black and smelly and now I've got a temperature and the shivers", triage.Emergency},
		{"heel ulcer, shaking and not with it", 77, triage.Male,
			"dad's diabetic, the ulcer on his heel is oozing and red up to his ankle and he's shaking and not with it", triage.Emergency},
		{"hot swollen foot, feverish and shivery", 55, triage.Female,
			"diabetic, my foot is swollen red and hot and I feel feverish and shivery", triage.Emergency},
		{"weeping ulcer, teeth chattering", 64, triage.Male,
			"diabetic, ulcer on my foot is weeping and red, teeth chattering last night and I feel rough", triage.Emergency},
		{"a black toe tip, well in herself", 72, triage.Female,
			"I'm diabetic and the tip of my toe has gone black, no pain, I feel well in myself", triage.SameDay},
		{"a red patch, not shivery", 58, triage.Male,
			"diabetic, red patch on my foot, no temperature, not shivery, feel well", triage.SameDay},
	})
}

// TestLayE32EyeAfterOperation: a painful eye with failing sight in the days after a
// cataract operation, laser or an injection into the eye.
func TestLayE32EyeAfterOperation(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"laser last week, sore, can't see", 71, triage.Female,
			"had laser on my eye last week and now it's really sore and I can't see much out of it", triage.Emergency},
		{"cataract on Monday, throbbing, vision worse", 74, triage.Male,
			"cataract op on monday, eye now red and throbbing and the vision is getting worse each day", triage.Emergency},
		{"an injection for macular, painful and blurry", 80, triage.Female,
			"my injection in the eye for macular was 3 days ago and now it's painful and everything is blurry", triage.Emergency},
		{"cataract surgery Friday, can hardly see", 72, triage.Male,
			"had cataract surgery on friday, today the eye is very painful and I can hardly see out of it", triage.Emergency},
		{"cataract five days ago, sore, red, cloudy", 69, triage.Male,
			"cataract surgery 5 days ago, now the eye is sore, red and the vision is cloudy", triage.Emergency},
		{"a cataract healing well", 68, triage.Male,
			"cataract done 2 weeks ago, eye a bit gritty, vision much better, when can I drive?", triage.Routine},
		{"a cataract years ago, cloudy again, no pain", 75, triage.Female,
			"my cataract op was years ago, now my sight is a bit blurry and cloudy again, no pain, optician says thickening behind the lens", triage.Soon},
	})
}

// TestLayE32OlderSepsis: hot or shivering with confusion in plain or second-language
// words, and a catheter bag that has not filled.
func TestLayE32OlderSepsis(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"hot and shivering, talks rubbish", 86, triage.Female,
			"my mum very hot and shivering, she talk rubbish and not know who I am", triage.Emergency},
		{"a catheter bag empty since morning, hot and muddled", 91, triage.Male,
			"Grandad's catheter bag has had nothing in it since breakfast, he's hot and muddled", triage.Emergency},
		{"a carer's report at 50: hot, shaking, lost, a catheter", 50, triage.Male,
			"My brother very hot and shaking, he talk nonsense, not know where he is. He has catheter.", triage.Emergency},
		{"a catheter bag leaking, no temperature", 82, triage.Male,
			"dad's catheter bag is leaking at the join, no temperature, he's his usual self", triage.SameDay},
		{"hot flushes and shivery with the menopause", 50, triage.Female,
			"hot flushes and shivery at night with the menopause, can we talk about HRT", triage.Soon},
	})
}

// TestLayE32SameDay: same-day requests of blind-95's fields the rules left at soon, told
// in other voices: a new belief of being watched through a screen or the walls, a child
// with sickness or diarrhoea much quieter or sleepier than usual, bleeding after a
// positive pregnancy test, a wound's redness spreading in a diabetic, a diabetic foot
// changing shape while warm or swollen (even told with how long the diabetes has lasted),
// a cut or burn of one's own told with a wish for it to stop (not an accident or a joke).
// The rules alone: the second opinion may raise any of these (engine35's to measure).
func TestLayE32SameDay(t *testing.T) {
	holdRulesAlone(t, []priorityCase{
		{"watched through the tv and the wifi", 24, triage.Male,
			"i think people are watching me through the tv and the wifi, havent slept in days, scared", triage.SameDay},
		{"thoughts put in the head through the radio", 45, triage.Male,
			"putting thoughts in my head through the radio, i need it to stop", triage.SameDay},
		{"a real camera and the police", 30, triage.Female,
			"my neighbours have a camera watching me through my window, the police are involved, I'm stressed and can't sleep", triage.Soon},
		{"sick, runny poo, much quieter, wants to sleep", 3, triage.Female,
			"my 3 year old has been sick 4 times and has runny poo, she is much quieter than usual and just wants to sleep", triage.SameDay},
		{"runny poo, playing, quiet because dad is away", 3, triage.Male,
			"runny poo after antibiotics, he's drinking loads and playing, quieter than usual because his dad's away", triage.Soon},
		{"a positive test, bleeding and period pains", 34, triage.Female,
			"pregnancy test was positive on Monday, today some bleeding and period pains, not dizzy", triage.SameDay},
		{"a cut on a diabetic's arm, the red bit spreading", 75, triage.Male,
			"Dad is diabetic, the cut on his arm is getting redder and the red bit is spreading, he feels ok", triage.SameDay},
		{"a diabetic's spreading rash from washing powder", 62, triage.Female,
			"type 2, the red rash spreading on my chest is itchy, no infection, started new washing powder", triage.Soon},
		{"cut again, not deep, wants it all to stop", 22, triage.Female,
			"cut my arm again last night, not deep, i dont want to die, i just want it all to stop", triage.SameDay},
		{"burnt on purpose with a lighter", 27, triage.Male,
			"burnt myself on purpose with a lighter, small burns, not suicidal, need help", triage.SameDay},
		{"a cut on a tin, a joke about tetanus", 40, triage.Male,
			"cut my hand on a tin, i dont want to die of tetanus lol, is my jab up to date", triage.Soon},
		{"a diabetic foot changed shape, told with years", 63, triage.Female,
			"diabetic 15 years, my foot has changed shape this month, it's red hot and swollen but no pain", triage.SameDay},
	})
}

// TestLayE32LookAlikesOff999 keeps the everyday uses of the words the rules above read
// off 999 with the rules alone (each went to 999 on 56c9599): politeness and complaints
// beside tablets laid out, things given away and goodbyes said for a move, a retirement
// or a clear-out, a rash or a tablet "not recognised" with a fever, and the mild soreness
// and blur of the days after an eye operation. The rules alone only: what the second
// opinion raises is measured with the model (engine35's).
func TestLayE32LookAlikesOff999(t *testing.T) {
	rules := assets.RulesEngine()
	for _, c := range []struct {
		name string
		age  int
		sex  triage.Sex
		text string
	}{
		{"a rash not recognised, hot and shivery", 28, triage.Female,
			"feel hot and shivery with a cold, and a spot on my arm I do not recognise"},
		{"tablets not recognised, hot and shivery", 70, triage.Male,
			"I'm hot and shivery with a cold, and I do not recognise the new tablets the pharmacy sent, are they right?"},
		{"a joke about talking nonsense after a fever", 72, triage.Male,
			"had a fever yesterday and shivers, feel better today, my grandson says I talk nonsense about football"},
		{"not recognised in new glasses", 80, triage.Female,
			"I have a temperature and my neighbour did not recognise me with my new glasses, ha, just the cough really"},
		{"a catheter bag that drained", 78, triage.Male,
			"catheter bag had nothing in it for an hour this morning then it drained fine, no temperature, is that normal"},
		{"tablets emptied out, sorry to bother", 40, triage.Female,
			"sorry to bother you, I emptied out my tablets and found one broken in half, is it safe?"},
		{"an inhaler laid out, can't do this", 75, triage.Male,
			"I cant do this new inhaler, I've laid out the instructions and the inhaler and still cant get it right"},
		{"creams all out, tired of it all", 35, triage.Female,
			"tired of it all with this eczema, my creams are all out on the side and none work"},
		{"had enough of everything at work", 44, triage.Male,
			"had enough of everything at work, stressed, my headache tablets are all out on the desk, need a chat about stress"},
		{"tablets set out in rows by a carer", 81, triage.Male,
			"carer sets out dad's tablets in rows on the table, nobody would miss one if he dropped it, can we get a dosette?"},
		{"a clear-out after a death", 40, triage.Female,
			"clearing mum's house after she died, gave her clothes away and said goodbye to the family home, feeling very low"},
		{"an xbox given away before moving schools", 16, triage.Male,
			"gave my old xbox away to my cousin and said bye to my mates before moving schools, anxious about the new one"},
		{"a bike given away after an operation", 28, triage.Male,
			"gave away my bike after the knee op and had to say goodbye to my mates at cycling club, knee still swollen"},
		{"an old phone given away, a new number", 25, triage.Female,
			"I gave my old phone away and texted everyone goodbye from the old number, can you update my mobile number"},
		{"a car given away, goodbyes to a club", 45, triage.Male,
			"gave his old car away to a neighbour and said his goodbyes to the car club, now dad has a chesty cough"},
		{"a pram given away, goodbye to a stage", 35, triage.Female,
			"I gave my old pram away to my cousin and said goodbye to the newborn days, feeling a bit flat, could I talk to someone"},
		{"a denied hallucination beside a fever (a stand-aside owned the not)", 80, triage.Female,
			"mum has a temperature of 38, she is not talking to people who arent there, just tired"},
		{"a cataract a bit sore and blurry", 70, triage.Male,
			"cataract done 3 days ago, eye a bit sore and a little blurry, is that normal?"},
		{"an eye injection bit sore and blurry", 68, triage.Male,
			"eye injection for macular yesterday, bit sore and blurry, is it ok to drive today"},
		{"a cataract still a bit sore", 70, triage.Male,
			"had my cataract done a fortnight ago, still a bit sore and blurry on and off, when will it settle?"},
		{"a cataract due, sight worse", 72, triage.Male,
			"I'm due to have my cataract done next month and my sight is getting worse and blurry, sometimes sore, can it be sooner"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
			if got := rules.Classify(in); got.Priority == triage.Emergency {
				t.Errorf("%q: the rules gave emergency; because %v", c.text, got.Reasons)
			}
		})
	}
}

// engine32Rules are the rules engine32 added for blind-95's families (rules 2026.12.69
// onwards); TestLayE32LookAlikeFile holds them off everyday uses of their words.
var engine32Rules = map[string]bool{
	"suicide-means-laid-out": true, "suicide-giving-away": true, "pregnancy-blow-signs": true,
	"fetal-movements-less": true, "fetal-movements-fewer": true, "diabetic-foot-sepsis": true,
	"sepsis-rigors-confused": true, "sepsis-catheter-bag": true, "eye-after-operation": true,
	"watched-new-adult": true, "watched-new-other": true, "watched-new-older": true, "child-sick-quiet": true,
	"early-pregnancy-bleed-lay": true, "cellulitis-diabetic": true, "charcot-foot-lay": true,
	"self-harm-words-adult": true, "self-harm-words-young": true, "asthma-speech-lay": true, "limb-cold-sudden": true,
}

// TestLayE32LookAlikeFile reads testdata/probes/lookalikes-engine32.txt ("age|F/M|text"
// a line): 550 everyday uses of the words engine32's rules read, 30 a rule, written fresh
// beside the rules (tablets laid out for a review, things given away before a move, a
// fall in pregnancy with no pain, the mother's own moving, a cold's shivers beside a
// diabetic foot, a relative not recognised on a video call, a catheter bag just
// emptied, the other eye). None of those rules may fire on any of them; what other rules
// make of them is theirs.
func TestLayE32LookAlikeFile(t *testing.T) {
	f, err := os.Open("testdata/probes/lookalikes-engine32.txt")
	if err != nil {
		t.Fatalf("opening the look-alikes: %v", err)
	}
	defer f.Close()
	rules := assets.RulesEngine()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "|", 3)
		if len(parts) != 3 {
			continue
		}
		age, err := strconv.Atoi(parts[0])
		if err != nil {
			t.Fatalf("line %q: age: %v", sc.Text(), err)
		}
		sex := triage.Female
		if parts[1] == "M" {
			sex = triage.Male
		}
		n++
		got := rules.Classify(triage.Input{Age: age, Sex: sex, Kind: triage.Clinical, Text: parts[2]})
		for _, r := range got.Reasons {
			if engine32Rules[r.Rule] {
				t.Errorf("%q: rule %s fired (%s)", parts[2], r.Rule, got.Priority)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading the look-alikes: %v", err)
	}
	if n < 550 {
		t.Errorf("read %d look-alikes, want at least 550", n)
	}
}

// holdRulesAlone holds the rules alone to each case's priority, for cases where the
// second opinion may raise a look-alike on its own.
func holdRulesAlone(t *testing.T, cases []priorityCase) {
	t.Helper()
	rules := assets.RulesEngine()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
			if got := rules.Classify(in); got.Priority != c.want {
				t.Errorf("%q: the rules gave %s, want %s; because %v", c.text, got.Priority, c.want, got.Reasons)
			}
		})
	}
}

// TestLayE32SiblingEmergencies: the two emergencies blind-92's read siblings (blind-81,
// blind-87) still lost with the rules alone, as families in other words: too breathless
// in an asthma attack to get words out, and a leg or foot suddenly cold, pale or blue
// and painful; beside them a stammer and (a hazard found by the gate) "not breathless at
// rest" kept a denial. Raynaud's and a cold swim are in the look-alike file (the second
// opinion raises some of them on its own).
func TestLayE32SiblingEmergencies(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"four puffs not helping, can barely speak", 28, triage.Female,
			"asthma attack, blue inhaler 4 puffs not helping, can barely speak", triage.Emergency},
		{"chest tight, hardly a word out", 52, triage.Female,
			"my chest is tight and I can hardly get a word out, used my inhaler twice", triage.Emergency},
		{"a foot suddenly cold and white, painful", 71, triage.Male,
			"my left foot suddenly went cold and white an hour ago and it's really painful", triage.Emergency},
		{"a leg cold and pale all of a sudden, toes not felt", 64, triage.Female,
			"Mum's leg has gone cold and pale all of a sudden this morning, she can't feel her toes", triage.Emergency},
		{"a stammer, asthma fine", 30, triage.Female,
			"I have a stammer and can hardly get my words out when I'm nervous, can I get speech therapy, asthma is fine", triage.Soon},
		{"breathless on stairs, not at rest", 50, triage.Male,
			"breathless on stairs for months, not breathless at rest", triage.Soon},
	})
}
