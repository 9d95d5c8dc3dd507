package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// reachedCase is a request that either tells a red flag reached now (emergency) or a
// look-alike that must not be sent to 999: a safety net not reached, a normal reading,
// a number from the past or a threshold said but not met.
type reachedCase struct {
	name      string
	age       int
	text      string
	emergency bool
}

// holdReached holds the rules alone to 999 on every emergency case, so the fix cannot
// lean on the second opinion, and keeps both the rules and the desk's engine off 999
// on every look-alike.
func holdReached(t *testing.T, cases []reachedCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hold999(t, triage.Input{Age: c.age, Sex: triage.Female, Kind: triage.Clinical, Text: c.text}, c.emergency)
		})
	}
}

// TestMeasuredRedFlags holds issue #10's first family: a red flag given as a measured
// number (oxygen saturation, a baby's temperature against its age, a racing pulse) is
// an emergency now, whatever threshold a care plan or safety net said beside it; the
// threshold itself, a normal reading or an old one is not.
func TestMeasuredRedFlags(t *testing.T) {
	holdReached(t, []reachedCase{
		{"low sats, cannot get words out", 70, "my oxygen monitor is showing 84% and I can barely get my words out", true},
		{"sats 88 and breathless", 55, "sats 88 on the finger probe, I'm breathless and it's getting worse", true},
		{"saturation 86 and drowsy", 80, "Dad has pneumonia, his saturation is 86 and he is very drowsy", true},
		{"a threshold then a reading under it", 50, "The covid team said to phone if my oxygen goes below 93. Reading 89 now and I'm short of breath walking to the toilet", true},
		{"SpO2 83 and confused", 88, "Her SpO2 keeps dropping to 83 and she's confused", true},
		{"a very low reading alone", 45, "the pulse oximeter says 85 percent", true},
		{"a very low reading on home oxygen", 79, "O2 is 82% even on his home oxygen", true},
		{"a reading in the next sentence", 66, "Her plan says ring 999 if her oxygen drops below 88. It is 80 now and she looks grey.", true},
		{"a baby under 3 months, age said after a threshold", 0, "We were told a fever before 3 months old is an emergency. She is 8 weeks and 38.4 tonight", true},
		{"a baby under 3 months, threshold under", 0, "under 3 months any temperature of 38 is 999 they said - he's 7 weeks and it's 38.6 now", true},
		{"a racing pulse with faintness", 40, "pulse is 190 and I feel like I'm going to pass out", true},
		{"racing at a number with chest tightness", 70, "my heart is going at 175, chest tight and I nearly passed out", true},

		{"sats 95 and fine", 45, "sats 95 on my finger monitor and I feel fine, just a cough", false},
		{"a safety net with normal readings", 60, "Hospital said to call 999 if my oxygen drops below 90. It's been 96 all week, when do I return the monitor?", false},
		{"a low reading last month", 50, "Last month in hospital my sats were 85. They're 97 now and I need a fit note", false},
		{"a baby with a normal temperature", 0, "He's 10 weeks old, temperature 37.2, a bit snuffly", false},
		{"usual COPD sats without symptoms", 70, "with my COPD my sats usually sit around 88 and they are 89 today, I feel my normal self, can I have my inhalers", false},
		{"a baby past 3 months", 0, "They said a temperature of 38 before 3 months is 999. She's 4 months now and 37.9, eating well", false},
		{"a limit said with a lower reading", 0, "The nurse said 999 if she gets higher than 38 before she's 3 months. She's 6 weeks and it came down to 37.4 after a feed", false},
		{"a pulse after exercise", 30, "pulse was 150 on my run but it settled in a minute, I feel fine, can I have a heart check", false},
	})
}

// TestRedFlagsInEverydayWords holds issue #10's second family: a red flag told now in
// everyday words the rules lacked (bleeding that will not stop, the means laid out and
// goodbyes said, a headache like a bang, skin coming off with a blistered mouth, a fall
// on a blood thinner then drowsy, no movements from a baby, blue fingertips with
// breathlessness, a rash gone purple with a fever, an infection with confusion) is an
// emergency with the rules alone; its mild or settled look-alike is not.
func TestRedFlagsInEverydayWords(t *testing.T) {
	holdReached(t, []reachedCase{
		{"bleeding after tonsils out", 35, "had my tonsils out 6 days ago and I'm spitting out fresh blood, it won't stop", true},
		{"bleeding with low platelets", 50, "I have low platelets and my gums have been pouring blood for an hour, nothing stops it and I feel faint", true},
		{"a long nosebleed with faintness", 60, "nosebleed for 45 minutes, pinching it isn't working and I feel lightheaded", true},
		{"a lot of dark blood from the bottom and faint", 70, "passed a large amount of dark red blood from my bottom three times and nearly fainted", true},
		{"the tablets out and goodbyes said", 40, "I've got the tablets out in front of me and I've said goodbye to my partner", true},
		{"the means bought and a place", 25, "I bought the rope today and I know where I'm going to do it", true},
		{"a photo from a height saying sorry", 30, "my brother just sent me a picture from the top of the bridge saying sorry", true},
		{"a headache like a bang", 50, "a headache came on like a bang ten minutes ago, the worst ever", true},
		{"the worst head pain out of nowhere", 45, "out of nowhere the worst pain in my head of my life, started 5 minutes ago", true},
		{"skin peeling with a blistered mouth", 30, "since starting lamotrigine my skin is peeling off and there are blisters in my mouth and eyes", true},
		{"a fall on a blood thinner then drowsy", 80, "he fell this morning, he's on rivaroxaban and now he's very drowsy and confused", true},
		{"no movements from the baby", 30, "32 weeks pregnant and I haven't felt the baby move at all since yesterday", true},
		{"blue fingertips and breathless", 45, "breathless sitting still and my fingertips have gone blue", true},
		{"ribs pulling in and not speaking", 4, "his ribs are pulling in with every breath and he won't speak", true},
		{"chickenpox spots gone purple with a fever", 6, "her chickenpox spots have gone dark purple and she's hot and shaky", true},
		{"cellulitis past the line with confusion", 70, "the cellulitis on his leg has spread way past the pen line, he's 39.2 and talking nonsense", true},
		{"down the left arm and clammy", 60, "it's gone down my left arm now and I'm clammy and grey", true},
		{"pain into the jaw after GTN", 65, "used two sprays of GTN, still got pain going up into my jaw after 20 minutes", true},

		{"specks of blood after tonsils, stopped", 25, "had my tonsils out last week, a few specks of blood in my spit this morning that stopped on their own", false},
		{"blisters from new shoes", 30, "my heels have blistered from new shoes and the skin is peeling", false},
		{"fingers blue in the cold", 40, "my fingers go white then blue in the cold, is it Raynaud's?", false},
		{"a baby moving well", 28, "30 weeks, baby moving loads, when is my glucose test", false},
		{"a fall on a blood thinner, alert", 75, "fell yesterday, on apixaban, bruise on my knee, alert and chatting", false},
		{"chickenpox crusting", 5, "chickenpox spots are crusting over, she's bouncing around", false},
		{"tension headaches", 40, "headaches that build up slowly over the day for a week, like a tight band", false},
	})
}
