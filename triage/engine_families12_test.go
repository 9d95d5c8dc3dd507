package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// familyCase is one request of a false-alarm family: a look-alike that must not be
// sent to 999 (want is the priority LABELS.md gives it) or a real emergency of the same
// family that must stay one (want is triage.Emergency).
type familyCase struct {
	age  int
	sex  triage.Sex
	text string
	want triage.Priority
}

// holdFamily holds a family's emergencies on 999 with the rules alone and with the
// desk's engine, so a narrowing cannot lean on the second opinion to keep recall, and
// its look-alikes off 999 with the rules alone: these families are the rules' false
// alarms (issue #10). With either engine a look-alike may be raised above its label
// (over-triage short of 999 only costs time) but never lowered below it. The second
// opinion's own raises of a look-alike to 999 are left to its training.
func holdFamily(t *testing.T, cases []familyCase) {
	t.Helper()
	for _, c := range cases {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		for _, e := range rulesAndDesk() {
			got := e.eng.Classify(in)
			switch {
			case c.want == triage.Emergency && got.Priority != triage.Emergency:
				t.Errorf("emergency %q: %s gave %s; because %v", c.text, e.name, got.Priority, got.Reasons)
			case c.want != triage.Emergency && got.Priority == triage.Emergency && e.name == "the rules":
				t.Errorf("look-alike %q: %s gave 999, want %s; because %v", c.text, e.name, c.want, got.Reasons)
			case c.want != triage.Emergency && c.want.MoreUrgent(got.Priority):
				t.Errorf("look-alike %q: %s gave %s, below its label %s; because %v", c.text, e.name, got.Priority, c.want, got.Reasons)
			}
		}
	}
}

// TestFeverWithConfusionStaysEmergency: fever with new confusion is 999 at any age
// and any reading, as NICE counts new altered mental state with a suspected infection
// as high risk (the lead's decision, 17:37, after review4 found a 38 threshold
// silencing real sepsis): a reading of 38 or more, a low one, 37.8 or 37.9, after a
// fever medicine, a fever felt or very unwell.
func TestFeverWithConfusionStaysEmergency(t *testing.T) {
	holdFamily(t, []familyCase{
		{84, triage.Male, "Dad (84) is suddenly very confused, temperature 39.4 and he is shaking uncontrollably", triage.Emergency},
		{79, triage.Female, "Mum is 79, confused and not making sense, temp 38.9 and her skin looks mottled", triage.Emergency},
		{88, triage.Male, "Grandad is 88, temperature was 37.9 earlier, now 38.7 and he doesn't know where he is", triage.Emergency},
		{70, triage.Male, "my husband is 70, temp 35.1, confused and cold and clammy", triage.Emergency},
		{90, triage.Female, "Nan is 90, her temperature is 35.4 and she has been confused since this morning", triage.Emergency},
		{20, triage.Male, "my son is 20, temperature of 39.5, he is confused, his neck is stiff and the light hurts his eyes", triage.Emergency},
		{81, triage.Male, "Dad has a temp of 38.8 and keeps hallucinating, seeing people who aren't there", triage.Emergency},
		{80, triage.Female, "Mum is 80, temp 37.9, confused, and has a rash that doesn't fade under a glass", triage.Emergency},
		{83, triage.Male, "temperature 37.8, he's confused, shivering uncontrollably, mottled and hasn't weed since yesterday", triage.Emergency},
		// The review's probes (review4): a reading under 38 must not silence fever and
		// confusion in the young (meningitis), after a fever medicine, nor with a fever
		// felt or very unwell.
		{12, triage.Male, "my son has a fever of 37.9, he's confused and has a headache and is being sick", triage.Emergency},
		{19, triage.Male, "feverish 37.8 and my flatmate says I'm confused and not making sense, headache", triage.Emergency},
		{83, triage.Male, "UTI, 37.9 despite taking paracetamol, now confused and very weak", triage.Emergency},
		{85, triage.Female, "temp 37.8 after calpol, she's confused and has a water infection, feels really unwell", triage.Emergency},
		{77, triage.Male, "he had 37.9 on the ear thermometer, he is feverish and confused and has a cough with green phlegm", triage.Emergency},
		{76, triage.Male, "temperature of 100.2F and he's confused and shivery", triage.Emergency},
		{40, triage.Female, "temp 37.9 and my wife is confused and muddled this afternoon", triage.Emergency},
		{70, triage.Female, "Mum is 70, temperature 37.8 but she's gone downhill fast and is confused today", triage.Emergency},
		// The review's later fresh variants (review4, r4y-004, -007, -011, -008), which a gate
		// by age and "feeling unwell" words still lost, and the older person with a measured
		// 37.8 and nothing else: a false alarm, taken rather than a lost sepsis.
		{75, triage.Male, "37.8 this morning, now he feels hot and he's confused and talking rubbish", triage.Emergency},
		{67, triage.Male, "had a catheter fitted last week, now 37.9 and confused and says he feels awful", triage.Emergency},
		{66, triage.Male, "temp 37.9 and he's disorientated, he had his bowel operation 5 days ago and his tummy is getting more painful", triage.Emergency},
		{88, triage.Female, "temperature 37.8, she's confused and can barely stand, completely floored", triage.Emergency},
		{84, triage.Male, "Dad is 84 and has been muddled since yesterday, he thinks it is 1990. Temp 37.8, eating and drinking.", triage.Emergency},
		{80, triage.Male, "gave him ibuprofen an hour ago and now 37.9, he is muddled and does not know where he is", triage.Emergency},
		// Confusion about something else is no sign of sepsis.
		{30, triage.Female, "I am confused about which dose of paracetamol to take for my temperature of 37.9", triage.Routine},
	})
}

// TestRashSaidToFade: a rash told as fading under a glass or a press, in any tense or
// word order, is a rash (LABELS.md: soon; with a fever in a child, same-day), even when
// the parent names meningitis; a rash told as not fading stays an emergency wherever
// else a rash is said to fade ("some fade but the ones on her legs don't").
func TestRashSaidToFade(t *testing.T) {
	holdFamily(t, []familyCase{
		{4, triage.Female, "little red spots on her arms, I pressed a glass on them and they faded completely, she's bouncing around", triage.Soon},
		{2, triage.Male, "rash on his back, we did the tumbler test and they do fade, he's eating fine", triage.Soon},
		{6, triage.Male, "Blotches on his legs faded when I rolled a glass over them. No temperature, he's at school.", triage.Soon},
		{1, triage.Female, "spotty rash after her cold, it disappeared when I pressed on it with a glass, feeding fine", triage.Soon},
		{3, triage.Female, "Is this meningitis? rash on her tummy but the spots go away when I press the glass on them, she's playing", triage.Soon},
		{8, triage.Female, "red rash on her neck, checked it with a glass and it faded straight away, she's well, no fever", triage.Soon},
		{5, triage.Male, "I'm worried about meningitis, the spots on his chest faded under the glass, he's watching TV", triage.Soon},
		{2, triage.Male, "temp 38.5 and a rash on his back that goes away when I press a glass on it, drinking well", triage.SameDay},
		{30, triage.Female, "rash on my legs looks a bit like bruising but it faded when I pressed a glass on it", triage.Soon},
		{3, triage.Female, "some of the spots fade with the glass but the purple ones on her legs don't fade", triage.Emergency},
		{5, triage.Male, "spots on his tummy disappear when I press but the dots on his ankles do not fade, he has a temp", triage.Emergency},
		{2, triage.Male, "the rash faded under the glass this morning but now the spots don't fade and he's floppy", triage.Emergency},
		{4, triage.Female, "purple spots on her legs that stay when I press a glass on them", triage.Emergency},
		{2, triage.Male, "rash faded yesterday, now tiny purple dots spreading on his legs and he has a fever", triage.Emergency},
		{1, triage.Female, "I did the glass test on her spots and they did not fade, she has a temperature", triage.Emergency},
		{7, triage.Male, "red spots on his chest fade but new ones on his tummy won't go when I press the glass", triage.Emergency},
		{16, triage.Female, "temperature 39 and a rash that doesn't go away when I press a glass on it", triage.Emergency},
		{3, triage.Female, "the marks on her legs look like bruises and stay under the glass", triage.Emergency},
		// The lead's pass on the review (H4): a rash that faded earlier and does not now.
		{2, triage.Female, "Her rash faded when I pressed a glass on it this morning. Tonight I tried again and it doesn't fade any more.", triage.Emergency},
		{4, triage.Male, "it faded earlier with the glass but now it doesn't", triage.Emergency},
		{1, triage.Male, "spots went away when I pressed a glass at lunchtime, now they stay when I press", triage.Emergency},
		{6, triage.Female, "Did the glass test at 2pm and it faded. At 6pm the spots on her legs won't fade and she's got a temperature", triage.Emergency},
		{3, triage.Male, "the rash did fade yesterday but today it isn't fading under the glass", triage.Emergency},
		{9, triage.Female, "rash faded completely under the tumbler last night, this morning it doesn't disappear when I press and she's drowsy", triage.Emergency},
		{0, triage.Male, "his spots disappeared when I pressed earlier, now there are new ones that don't go away when I press", triage.Emergency},
		{7, triage.Female, "It was fading when I pressed a glass on it at first but not anymore", triage.Emergency},
		{2, triage.Female, "spots faded under a glass yesterday. Now they are purple and stay under the glass", triage.Emergency},
		// The review's probes (lead, 17:53): not fading anywhere wins over any fading.
		{1, triage.Female, "rash faded when pressed yesterday, today new purple ones that don't fade, temp 38.8", triage.Emergency},
		{2, triage.Female, "the rash faded yesterday but now it doesn't fade when I press and she's got a fever", triage.Emergency},
		{5, triage.Male, "rash faded with the glass at first, now it won't fade, he's very sleepy and burning up", triage.Emergency},
		{2, triage.Male, "it faded under the glass an hour ago, now some spots don't, he's hot and grizzly", triage.Emergency},
		// The lead's fresh variants, written before either fix was tried.
		{3, triage.Male, "the spots used to fade when I pressed them but tonight they stay, and she is floppy", triage.Emergency},
		{9, triage.Female, "rash went away with the glass this morning, this afternoon dark red dots that stay under the glass", triage.Emergency},
		{4, triage.Male, "glass test earlier it faded, just tried again and it doesnt fade anymore, 39.1", triage.Emergency},
		{6, triage.Female, "faded when I pressed at lunchtime but the new spots on her tummy do not fade now", triage.Emergency},
		{22, triage.Female, "my rash disappeared under a glass last night, now it won't fade and I feel awful with a temperature", triage.Emergency},
		{3, triage.Male, "rash faded with the glass yesterday and it still fades today, he is eating and playing", triage.Soon},
	})
}
