package triage_test

import "testing"

// TestEmergencyWordsInTheirOtherMeaning holds three masks (fa8, round 20): a ball as a size
// or a thing ("swollen like a golf ball"), nuts as food ("has avoided nuts since") and a
// tooth knocked out (not the person) were read as a testicle and a knock-out, and sent to
// 999 on both engines.
// Only the overlapping words are hidden, so the red flag said in its own words elsewhere
// in the request still counts: "balls", "kicked in the nuts", "my left nut", "knocked out
// for a minute", "got knocked out my tooth is loose".
func TestEmergencyWordsInTheirOtherMeaning(t *testing.T) {
	holdAgeTexts(t, "red flag", otherMeaningEmergencies, true)
	holdAgeTexts(t, "other meaning", otherMeaningLookAlikes, false)
}

// otherMeaningEmergencies tell the red flag in its own words beside the other meaning.
var otherMeaningEmergencies = []ageTextCase{
	{15, "sudden agony in my balls, swollen and vomiting"},
	{17, "kicked in the nuts an hour ago, sudden severe pain and swelling, been sick"},
	{14, "sudden severe pain in his testicle, hit by a cricket ball, swollen"},
	{12, "He fell off his bike, knocked out his front tooth and was knocked out for a minute"},
	{16, "knocked out cold at football, hit his head, also knocked a tooth out"},
	{16, "got knocked out my tooth is loose"},
	{19, "sudden pain in my left nut, swollen, feel sick, I have a nut allergy"},
	{22, "swelling the size of a golf ball on my testicle, came on suddenly, agony"},
	{25, "I have taken 30 tablets tonight on purpose"},
	{13, "got hit in the balls with a tennis ball, sudden severe pain and he's vomiting"},
}

// otherMeaningLookAlikes use the word in its other meaning and tell no red flag.
var otherMeaningLookAlikes = []ageTextCase{
	{5, "my son aged 5 knocked out a baby tooth on the climbing frame. It was already a bit wobbly. Bleeding stopped. Nothing else hurt."},
	{45, "Elbow swollen at the back like a golf ball, bit tender, not hot or red, I lean on it at my desk. 1 week"},
	{8, "Please could the GP refer my son to the allergy clinic. He had a reaction to peanut butter 2 years ago (hives and vomiting) and has avoided nuts since. School want an allergy plan."},
	{38, "lump on my wrist the size of a golf ball, swollen for a month, doesn't hurt"},
	{60, "pain in the ball of my foot when I walk, a bit swollen, for 3 weeks"},
	{30, "Can I have a referral for my nut allergy? Last reaction was vomiting after eating nuts years ago"},
	{11, "He knocked his tooth out at football, bleeding has stopped, do we need a dentist or you?"},
	{9, "She knocked her front tooth out on the trampoline, it's an adult one, we've put it in milk"},
	{40, "swollen knee, feels like a tennis ball behind it, sudden twinge when I squat"},
}
