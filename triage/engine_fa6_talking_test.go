package triage_test

import "testing"

// TestTalkingDeniesOnlyTheBreathingBeforeIt holds denial_after (fa6, round 19): a denial
// of breathlessness's severity ("can talk", "talking in full sentences") stands
// severe-breathlessness aside only where it is told after the red flag (in its sentence
// or the next), of the same person, now (not asked in its own clause, not after a past
// verb, no time a day or more ago in its clause), with no talking word after it in its
// sentence that undoes it ("but only just", "an hour ago") and no match of the red flag
// after it. The rule's none read can_talk over the whole request, so at base a denial
// anywhere stood the rule aside: "My husband can talk but I can't breathe", "he was
// talking normally an hour ago, now he's gasping", "can't catch my breath, I can speak but
// only just" (26 of these 65 emergencies below 999 with the rules alone at base, 10 on the
// desk). It narrows only: "can talk normally" is still cleared by its own "normally" (a
// reading of it as a denial stopped at three strikes: fa6-1, fa6-2, fa6-4, branch
// fa6-denial-stopped), so review14's variants of those rounds stay 999 and are here. The
// look-alikes tell the denial of the same person now, after the red flag or before it with
// no contrast between ("I can still talk, it's just hard to breathe"; review14 at fa6-7),
// and stay below 999 on both engines. A denial before the red flag with a contrast or a
// time of now between no longer stands it aside ("He can still talk but he's very
// breathless with his cold" is 999); a red flag told after the denial with none stays
// stood aside as at base ("Struggling to breathe but can talk in full sentences when I'm
// sat up, lying down I'm gasping" is same-day).
func TestTalkingDeniesOnlyTheBreathingBeforeIt(t *testing.T) {
	holdAgeTexts(t, "not denied", talkingNotDeniedEmergencies, true)
	holdAgeTexts(t, "denied", talkingDeniedLookAlikes, false)
}

// talkingNotDeniedEmergencies tell severe breathlessness now inside the words of a
// denial: said before the red flag, of another person, of before, asked, undone after it,
// followed by the red flag again, or said with its own all-clear after a sick person's
// signs (review14 at fa6-1, fa6-2 and fa6-4).
var talkingNotDeniedEmergencies = []ageTextCase{
	{52, "he was talking normally an hour ago, now he's gasping"},
	{40, "Very short of breath. Can I talk normally?? No, I can barely say a word"},
	{38, "My husband can talk but I can't breathe"},
	{45, "I'm struggling to breathe, I can talk but only a couple of words at a time"},
	{33, "Very short of breath, I could talk fine this morning but now I can't finish a sentence"},
	{80, "She was talking fine at tea time, now she's gasping and can't get her breath"},
	{29, "Very breathless, I can talk normally for a few words then I'm gasping"},
	{61, "can't catch my breath, I can speak but only just"},
	{70, "I'm gasping for air, my wife says you can talk to her"},
	{35, "He can talk normally but I'm struggling to breathe"},
	{47, "Very short of breath. I was able to talk normally yesterday but today I can't get my breath"},
	{58, "struggling to breathe, can still talk but it's getting harder every minute"},
	{41, "very short of breath, can talk in full sentences? no way, I can only say a few words"},
	{66, "can't breathe properly, talking normally until 10 minutes ago, now I'm gasping"},
	{4, "My son is gasping for breath, I can talk to the nurse if you ring"},
	{30, "Very breathless and I can talk but I can't finish a sentence"},
	{3, "I can talk fine but my little boy can't breathe"},
	{75, "She's struggling to breathe, she can talk between breaths"},
	{50, "struggling to breathe, I can talk a bit but it's a real effort"},
	{62, "Gasping, can talk with difficulty"},
	{44, "Really struggling for breath, I can speak but it's hard"},
	{68, "I'm very short of breath. Mum can talk to you, I can't"},
	{85, "very breathless, he's able to talk to us but he's getting worse"},
	{27, "I'm wheezing and can't catch my breath, talking normally is impossible"},
	{31, "Can you talk normally with asthma this bad? I can't breathe"},
	{77, "She is very breathless, she was speaking normally this morning"},
	{39, "hard to breathe, I can talk, just about"},
	{55, "Gasping for air, I can speak in short bursts only"},
	{72, "my husband is struggling to breathe, I can talk normally but he can't"},
	{36, "I'm gasping for breath, he can talk fine, he's ok"},
	{49, "Very short of breath but I can talk normally, and an hour later I can't breathe at all"},
	{57, "He's very breathless, talking normally an hour ago"},
	{26, "I can't breathe. I could talk fine earlier, I can't now"},
	{83, "Dad is struggling to breathe, he was talking normally at lunch"},
	{42, "Very short of breath and I can talk normally?? I can't, I'm gasping"},
	{34, "can't get my breath, she says I can talk fine but I can barely get a word out"},
	{69, "very breathless, I can talk normally one word at a time"},
	{60, "He's fighting for breath. He says he can talk fine but he's grey and sweating buckets."},
	{60, "She can't breathe, she says she can talk fine but she's drowsy and muddled."},
	{54, "I'm very short of breath, I can talk normally but I feel clammy and faint"},
	{71, "She's gasping, says she can talk fine, her lips look dusky"},
	{66, "He can't catch his breath, he says he can talk fine but he's not making sense"},
	{48, "struggling to breathe, can talk normally but my heart is racing and I'm sweating"},
	{40, "Can't breathe, can talk normally, my inhaler isn't working at all."},
	{40, "Can't breathe properly, can talk fine, coughing up pink frothy spit."},
	{30, "Can't get air in. She can talk normally, she's 34 weeks pregnant and her chest hurts when she breathes."},
	{40, "Can't catch my breath, I can talk normally but I keep blacking out."},
	{55, "Very short of breath, I can talk normally, but I've gone clammy"},
	{62, "struggling to breathe, can talk fine, is it normal to feel this faint?"},
	{47, "I can't breathe properly. I can talk normally. My lips are tingling and my throat feels thick."},
	{70, "very short of breath, can talk normally, should I call 999?"},
	{40, "He's grey and sweating buckets and fighting for breath. He says he can talk fine."},
	{40, "My inhaler isn't working at all and I can't breathe. I can talk normally though."},
	{40, "Coughing up pink frothy spit and can't breathe properly, but I can talk fine."},
	{40, "She's 34 weeks pregnant, her chest hurts when she breathes and she can't get air in. She can talk normally."},
	{40, "I keep blacking out and can't catch my breath. I can still talk normally."},
	{40, "She's drowsy and muddled and she can't breathe, but she can talk fine."},
	{40, "Really can't breathe, heart rate 40, I feel light-headed. Can talk normally."},
	{40, "He can't breathe lying down, had to sleep in the chair, coughing froth, he can talk normally though."},
	{40, "My son can't breathe well, he's drooling and can't swallow his spit, but he can talk fine."},
	{40, "He's fighting for breath, his ribs are sucking in, he can talk fine though."},
	{40, "Peak flow is a third of my normal and I can't breathe, can talk fine."},
	// review14 at fa6-7 (the first two) and one more.
	{40, "My wife can talk but I can't breathe, I'm gasping sitting here."},
	{40, "He was able to talk an hour ago, now he's fighting for breath."},
	{40, "I can talk but I can't finish a sentence"},
}

// talkingDeniedLookAlikes tell breathlessness denied in its severity by the same person
// now, after it: "but I can talk in full sentences", "talking fine", "can still talk".
var talkingDeniedLookAlikes = []ageTextCase{
	{40, "very breathless with my asthma but I can talk in full sentences"},
	{52, "I'm very short of breath but I'm talking fine"},
	{9, "My son is very breathless with his cough but he's talking normally"},
	{78, "mum is very short of breath but she's talking fine"},
	{36, "Very short of breath, talking normally though, is this a chest infection?"},
	{29, "difficulty breathing with this cold but I can still talk"},
	{55, "trouble breathing since the flu, I'm speaking normally though"},
	{61, "Very short of breath at times, but I can talk in full sentences, can I have an appointment?"},
	{33, "very breathless after covid, I'm talking ok though"},
	{44, "Struggling to breathe a bit today, can still talk and walk around"},
	{50, "I'm very short of breath, but I'm able to talk"},
	{38, "Very breathless. I can talk in full sentences."},
	{66, "Breathing difficult with my chest infection. Can talk in full sentences, no blue lips."},
	{42, "very short of breath, I can talk in sentences and I'm not struggling"},
	{71, "husband very breathless with his COPD but he can talk in full sentences, is it a flare?"},
	{8, "she's very breathless with the cough, she's talking in full sentences though"},
	{45, "Very short of breath, not too bad, I can talk"},
	{63, "I feel very breathless but I can still talk and walk about"},
	{6, "My daughter has trouble breathing with her cold but she's talking normally and is playing"},
	{48, "Really struggling to breathe with this chest infection, can talk ok, no chest pain"},
	{31, "Very breathless with my asthma, but speaking normally, inhaler is helping"},
	{57, "very short of breath with this cough, I can talk in full sentences though"},
	{74, "Dad is very short of breath but he is talking normally and eating"},
	{23, "Very breathless since my cold started, I can still talk, should I be seen?"},
	{35, "very short of breath but I can speak in sentences, no chest pain"},
	{60, "Very breathless. Talking normally though. Can someone call me?"},
	{46, "difficulty breathing with my cough, but I can talk in full sentences"},
	{24, "Really struggling to breathe with this cold, I'm talking ok though"},
	{73, "very breathless with my COPD today but I can still speak, any advice?"},
	{30, "Hard to breathe when I run, I can talk in sentences afterwards. I was dizzy once last month after the gym."},
	{41, "very short of breath with my hay fever, I'm able to speak in full sentences"},
	{67, "Mum's very breathless with her chest, she's talking fine and drinking tea"},
	{28, "Struggling for breath with this flu. I can talk in full sentences."},
	{62, "Very short of breath with my COPD. Talking in full sentences and my sats are 95"},
	// review14 at fa6-7: the red flag told after the denial with no contrast between.
	{40, "I can still talk, it's just hard to breathe when I climb the stairs."},
	{40, "I can speak ok, my nose is so bunged up I can't breathe through it."},
	// review14 at fa6-9: words after the denial of the effort or the cold, not the talking.
	{60, "Hard to breathe on hills, I can still talk, I just puff a bit."},
	{30, "My nose is so blocked I can't breathe through it, I can talk though, since last night."},
}
