package triage_test

import (
	"strconv"
	"testing"

	"triagedesk/triage"
)

// TestBreathingProgressionLookAlikesStayBelow999 holds, with the rules alone, the
// look-alikes of hazard6's breathing told as getting harder (round 18; tests only): the
// words of a progression ("harder to breathe", "every breath is a struggle", "harder and
// harder", "hardly get a breath") said of effort, a nose, the weather, a pet, a chronic
// illness's course, grief, an instrument, a pattern, a question, a past spell relieved or
// an idiom. A reading of the progression as severe breathlessness now (branch hazard6:
// rule breathing-worse-now and told_worse_now) stopped at three strikes with review13:
// each list that closed the reviewer's variants opened on the next ("every breath is an
// effort when I climb into the bath", "harder and harder to breathe when he plays the
// trumpet", "since my boyfriend left"). A future fix must keep these below 999. Its
// 39 emergencies are in branch hazard6's TestBreathingToldWorseNowIsSevere: on main 34
// of them are below 999 with the rules alone and 7 on the desk ("it normally passes but
// it keeps getting harder to breathe" is soon on both).
func TestBreathingProgressionLookAlikesStayBelow999(t *testing.T) {
	rules := rulesAndDesk()[0]
	for i, c := range worseNotNowLookAlikes {
		t.Run("progression look-alike "+strconv.Itoa(i+1), func(t *testing.T) {
			in := triage.Input{Age: c.age, Kind: triage.Clinical, Text: c.text}
			if got := rules.eng.Classify(in); got.Priority == triage.Emergency {
				t.Errorf("%q: %s gave emergency; because %v", c.text, rules.name, got.Reasons)
			}
		})
	}
}

// worseNotNowLookAlikes share the words and tell no breathing getting harder now.
var worseNotNowLookAlikes = []ageTextCase{
	{72, "I have COPD and I'm breathless as usual, can I have a repeat of my inhalers"},
	{81, "heart failure, breathless as usual when I walk to the shop, no change"},
	{40, "it's harder to breathe on the stairs than it used to be, I think I'm unfit"},
	{23, "harder to breathe after running, is that just asthma?"},
	{35, "is it normal for it to be harder to breathe in this heat?"},
	{3, "he has a cold and it's a bit harder to breathe through his nose"},
	{29, "it was getting harder to breathe last week but the inhaler sorted it"},
	{60, "I find it harder to breathe when I climb hills these days"},
	{44, "harder to breathe with my hay fever, my nose is blocked up"},
	{31, "every breath I take hurts on the left side, sore ribs after a fall"},
	{27, "sharp pain with each breath since I pulled a muscle at the gym"},
	{55, "my physio says to take each breath slowly and count to four"},
	{48, "I savour every breath of fresh air since giving up smoking"},
	{62, "it gets harder to breathe in the winter months with my asthma, can we review my inhalers"},
	{36, "32 weeks pregnant and finding it a bit harder to breathe when I walk up the hill"},
	{41, "I worry it will get harder to breathe as I get older with my COPD"},
	{33, "will my breathing get harder to manage if I stop the inhaler?"},
	{50, "harder to breathe wearing a mask at work, can I have an exemption letter"},
	{58, "it was harder to breathe yesterday but it settled with my inhaler and I'm fine now"},
	{26, "when I exercise every breath is a struggle, is that asthma? I'd like a test"},
	{70, "my wife says I can hardly get a breath in edgeways when she's talking, ha, anyway I need my flu jab"},
	{38, "with three kids I can hardly get a breath of fresh air, feeling low and tired"},
	{45, "harder to breathe through my right nostril for months, I think it's a polyp"},
	{66, "sometimes it is harder to breathe at night when I lie flat, for a few weeks now"},
	{19, "is it harder to breathe at altitude? going skiing next month, asthma"},
	{52, "my son with a cold finds it harder to breathe through his nose at night, otherwise fine"},
	{34, "it's a struggle every day, I fight for every penny, debt is making me anxious"},
	{47, "the dust in the new flat makes it a bit harder to breathe through my nose, sneezing"},
	{29, "it got harder to breathe on the treadmill yesterday so I stopped and it passed"},
	{74, "breathing is harder in the cold air as usual with my COPD, need a rescue pack review"},
	{57, "it might get harder to breathe if the chest infection spreads, what signs should I look for?"},
	{21, "harder to breathe when I'm running for the bus, I'm a smoker, want to quit"},
	{44, "my asthma makes it harder to breathe when I run for the bus"},
	{30, "It's harder to breathe when I'm anxious, is that normal?"},
	{65, "breathing is harder in the mornings with my COPD, could the nurse review me"},
	{52, "Breathing has got harder over the past few months, can I see someone about it?"},
	{85, "Mum finds it harder to breathe going up to bed, can we get a stairlift assessment"},
	{28, "Is it normal to find it harder to breathe in late pregnancy?"},
	{47, "Since I stopped smoking it's no longer harder to breathe, just want a lung check"},
	{61, "Not desperate, just breathing is harder than usual with this cold, reliever helps a bit"},
	{39, "every breath counts, I'm doing a sponsored run and need a fitness form"},
	{33, "it got harder to breathe during the hike yesterday, it settled once I rested"},
	{56, "harder to breathe when walking the dog up the hill, been like this for years"},
	{66, "Since my COPD diagnosis breathing has become harder year by year, can I be referred to rehab?"},
	{30, "Is it normal that breathing is getting harder in the third trimester? I'm 33 weeks, otherwise fine"},
	{32, "It's harder to breathe when I lie flat now the bump is big, 36 weeks, fine sitting up"},
	{70, "The consultant said his breathing has got harder because of the lung fibrosis, we'd like the palliative nurse to visit"},
	{28, "Each breath is a struggle when I have a panic attack. I'm fine now, I'd like CBT"},
	{75, "It gets harder to breathe when my heart failure plays up, like last winter. I'm fine at the moment, review please"},
	{35, "I'm a singer and it's harder to breathe through long phrases since my cold, voice otherwise ok"},
	{45, "I've noticed breathing is getting harder with all the dust from our building work, no other symptoms"},
	{22, "Harder to breathe after smoking weed, stopped now and fine"},
	{16, "Since I started vaping it's harder to breathe when I do PE, want to quit"},
	{40, "My cat's breathing is getting harder, the vet is seeing her - can I change my appointment?"},
	{72, "Dad has MND and his breathing is getting harder, can the district nurse visit this week about the care plan"},
	{29, "I find it harder to breathe in crowded rooms, think it's anxiety, can I get counselling"},
	{55, "harder to breathe in the mornings since we got the new carpet, sneezy too"},
	{41, "each breath is a struggle during my spin class, is that normal for an asthmatic?"},
	{63, "breathing has got harder since my chemo started, the oncology nurse knows, just need a sick note"},
	{38, "It's harder to breathe with my hay fever this year, can I get a stronger nasal spray"},
	{50, "my breathing is getting harder to control during yoga, any breathing classes locally?"},
	{24, "harder to breathe when I'm on a plane, flying next week, should I bring my inhaler"},
	{67, "my husband says I'm fighting for every breath when I snore, can I be referred for sleep apnoea"},
	{45, "breathing became harder after I put on weight, I'd like help losing it"},
	{33, "it's got harder to breathe through my nose since I broke it playing rugby"},
	{58, "I'm no longer finding it harder to breathe since the new inhaler, thanks, review done"},
	// review13 at hazard6-3: a time of today said beside a cause.
	{45, "Now I've put on so much weight it's harder to breathe when I bend over to tie my shoes"},
	{30, "Harder to breathe with my hay fever today, sneezing and itchy eyes, can talk normally"},
	{40, "Harder to breathe today in the smoke from the bonfires, eyes stinging, no wheeze"},
	{70, "Dad has MND and his breathing is getting harder now, the hospice nurse visits weekly, can we have a letter for his benefits?"},
	{4, "My son (4) says it's harder to breathe with his cold now, blocked up, he's playing"},
	{50, "With my broken rib it's harder to breathe deeply today, painkillers help, no shortness of breath at rest"},
	{35, "It's harder to breathe in our new flat with the damp and mould, and now the kids are coughing too"},
	{28, "Every breath was a struggle at the top of the mountain today but I was fine as soon as we came down"},
	// The telling climbing or every breath beside a cause that is no emergency.
	{30, "It keeps getting harder to breathe with my hay fever, can I try a different antihistamine?"},
	{75, "Dad has MND, every breath is a struggle for him now, the hospice team want the GP to review his meds this week"},
	{38, "Harder and harder to breathe in this damp flat, the landlord won't fix the mould, I need a letter"},
	{25, "every breath feels like a struggle when I sing the high notes, voice coaching question"},
	{60, "my breathing keeps getting harder to manage with my COPD over the years, can I have pulmonary rehab"},
	{33, "I'm doing a breath-holding challenge, each breath is a struggle after 2 minutes, is it safe?"},
	{45, "The smoke from the neighbour's bonfires makes it harder and harder to breathe in the garden, can the council help?"},
	{29, "my asthma is fine but the pollen makes it harder and harder to breathe outside, want a stronger inhaler"},
	// review13 at hazard6-4 (strike 3).
	{40, "With my weight, every breath is an effort when I climb into the bath, want help losing weight"},
	{14, "My son says it gets harder and harder to breathe when he plays the trumpet, he's fine otherwise"},
	{24, "Every breath feels like a struggle since my boyfriend left, I feel so low, not going to hurt myself"},
	{60, "It gets harder to breathe in the minutes after I climb the 3 flights to my flat, then settles"},
	{35, "It suddenly got harder to breathe when I walked into the smoky room, I came out and was fine within minutes"},
	{30, "Every breath was a fight at the top of the climb yesterday but I was fine five minutes later"},
}
