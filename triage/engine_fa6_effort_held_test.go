package triage_test

import "testing"

// TestBreathlessnessOnEffortWithMoreHeldAt999 holds, on both engines, severe
// breathlessness told with the words of an effort or a slow change ("when I walk",
// "worse than last year") beside a report of now at rest, a sudden start or anything
// more ("but now I can't breathe sitting down", "my tongue has gone thick", "is it
// dangerous that my lips go lilac?"). fa6's reading of breathlessness on an effort as
// no severe breathlessness (effort_aside, branch fa6-eff) stopped at three strikes with
// review14 (fa6-6, fa6-8, fa6-10): each list of what keeps the red flag left some words
// out. These are its emergencies and review14's variants; a future fix must keep them at
// 999. Tests only: main holds every one today.
func TestBreathlessnessOnEffortWithMoreHeldAt999(t *testing.T) {
	holdAgeTexts(t, "effort and more", effortWithMoreEmergencies, true)
}

// effortWithMoreEmergencies tell severe breathlessness now inside the words of an effort
// or a slow change.
var effortWithMoreEmergencies = []ageTextCase{
	{62, "I get out of breath on the stairs normally but now I can't breathe sitting down"},
	{55, "It's hard to breathe when I climb the stairs, and now even sitting still I'm struggling to breathe"},
	{28, "I went for a run and now I can't breathe, my chest is tight"},
	{44, "Was walking the dog and suddenly I can't breathe"},
	{81, "Mum is on the stairs and can't catch her breath, she's gone grey"},
	{70, "Usually just breathless when I walk but today I can't breathe even lying in bed"},
	{67, "struggling to breathe when I climb stairs for months, this morning I can't finish a sentence"},
	{12, "He was playing football, now he's struggling to breathe and his inhaler isn't helping"},
	{73, "hard to breathe when I walk, worse than last year, and my lips look blue"},
	{59, "After climbing the stairs an hour ago I still can't get my breath"},
	{9, "my son can't breathe after PE, his ribs are sucking in"},
	{77, "can't breathe when I walk to the toilet, even at rest I'm gasping"},
	{35, "Very short of breath at the gym, it hasn't settled in 30 minutes"},
	{48, "I can't breathe, it started when I was climbing the stairs and won't stop"},
	{74, "Breathless on exertion for years but very short of breath at rest"},
	{69, "walking up hills has been hard for months, but I can't catch my breath sitting in my chair"},
	{66, "difficulty breathing whenever I walk, it's there all the time and I feel faint"},
	{84, "Dad struggles to breathe when he walks, tonight he's struggling to breathe in bed and confused"},
	{52, "I was hoovering and suddenly couldn't breathe, still can't"},
	{61, "It's harder to breathe than last year when I climb, but right now I can't breathe at all"},
	{72, "Short of breath walking for months. Since this morning I can't breathe even resting"},
	{40, "can't catch my breath after running for the bus, it's been 20 minutes and it's not settling"},
	{78, "I get puffed walking but I'm gasping lying down and can't talk"},
	{80, "Can't breathe when I walk to the shop, and my ankles are huge, can't lie flat tonight"},
	{14, "my daughter has been struggling to breathe since football practice an hour ago, she can only say a few words"},
	{50, "struggling to breathe when I exercise usually, but I can't breathe while sitting watching TV"},
	{63, "Very breathless climbing stairs and today my lips went blue"},
	{57, "When I walk it's hard to breathe. Now I can't breathe sitting still."},
	{31, "hard to breathe when I climb the stairs, and I'm struggling to breathe right now"},
	{86, "Hard to breathe when he walks, worse than last year, and he's gone very drowsy"},
	{25, "I was jogging and I am gasping for air and can't stop"},
	{68, "breathless on the stairs for a year, but it's suddenly much worse, I can't breathe"},
	{71, "can't breathe when I climb stairs, and I can't breathe at rest either"},
	{45, "struggling to breathe on exertion for months, but tonight I can't breathe and I'm sweating"},
	{76, "very short of breath when I walk, worse than a year ago, and I'm coughing up blood"},
	{58, "I can't breathe when I climb the stairs, I can't breathe when I lie down, I can't breathe doing nothing"},
	{75, "I can't breathe when I walk even a few steps, it's getting worse every day"},
	{81, "When I walk to the toilet I can't catch my breath, worse than last year"},
	{38, "Since my operation last week I can't breathe when I walk up the stairs"},
	{72, "hard to breathe when I climb stairs and I'm coughing up pink froth"},
	{66, "I can't breathe when I walk and I've got a high temperature and shivering"},
	{31, "very short of breath when I climb the stairs, I'm 32 weeks pregnant"},
	{59, "Can't breathe when I walk, worse than yesterday, and my calf is swollen"},
	{7, "He is struggling to breathe when he runs and his chest caves in, nostrils flaring"},
	{45, "I've been really struggling to breathe when I go up the stairs since I got back from Spain on a plane"},
	{60, "Can't breathe when I walk up the stairs, I'm on chemo"},
	{70, "I can't breathe when I walk more than a few metres, worse than last month"},
	{70, "I can't breathe when I climb, my oxygen is 88"},
	{50, "When I walk I can't breathe and it feels like my chest is being crushed"},
	{30, "hard to breathe when I walk, I'm diabetic and my sugars are high and I keep vomiting"},
	{40, "I can't breathe when I walk and my heart is pounding"},
	{75, "my husband can't catch his breath when he walks, his lips are grey"},
	{68, "Struggling to breathe when I walk, it started last week after my knee replacement"},
	{24, "Can't catch my breath when I climb the stairs since I started the pill"},
	{70, "Very short of breath when I walk, my wife says I look awful"},
	{55, "Really struggling to breathe whenever I walk since I came out of hospital"},
	{80, "Mum can't breathe when she walks to the kitchen, she's 92 and has heart failure"},
	{33, "I can't breathe when I climb the stairs, it came on after a long car journey and my calf aches"},
	{45, "can't breathe when I walk, spitting up blood"},
	{62, "hard to breathe when I walk anywhere, my feet are swollen and I've put on 5kg this week"},
	{5, "my little girl can't breathe when she runs about, she's wheezy and her inhaler does nothing"},
	{58, "I'm struggling to breathe when I walk and I feel like I'm going to die"},
	{71, "I can't breathe when I climb the stairs and I'm really unwell with it"},
	{47, "can't get my breath when I walk, it's much much worse than last year, I can't cope"},
	{70, "Can't breathe when I walk to the kettle, and in my chair too."},
	{85, "Whenever she walks she's struggling to breathe. She's 85, her knees are mottled and she hasn't passed urine."},
	{60, "Hard to breathe when I walk, and my skin is clammy and cold."},
	{75, "Over the last few months his breathing has got worse, and he's fighting for air in the armchair."},
	{70, "He can't breathe when he walks and his lips and fingertips have gone a funny colour."},
	{60, "Struggling to breathe when I walk, and I keep blacking out."},
	{40, "Whenever I walk I can't breathe, and my tongue has gone thick."},
	{80, "He can't breathe when he walks, he's off his food and drink and he's rattly."},
	{70, "Whenever she walks she can't breathe, she's gone yellow and she's very thirsty and weak."},
	{60, "Can't breathe when I walk, my heartbeat is all over the place, thudding and skipping, and I feel like I'm going to go."},
	{50, "When I climb stairs I can't breathe, my voice has gone hoarse and I can hear a whistle when I breathe in."},
	{80, "When he walks he can't breathe and he's not making sense, he thinks it's 1970."},
	{30, "When I walk I can't breathe and my belly is agony on the right side and my period is late."},
	{40, "It is hard to breathe when I walk and is my tongue meant to feel this thick?"},
	{40, "Hard to breathe when I walk, could it be the prawn curry making my lips fat?"},
	{40, "When I climb the stairs I can't breathe, is it dangerous that my lips go lilac?"},
}
