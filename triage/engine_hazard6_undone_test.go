package triage_test

import (
	"strconv"
	"testing"

	"triagedesk/triage"
)

// TestReliefUndoneInTheNextSentence holds undone_after across a full stop (hazard6,
// round 18): a relief undone in the sentence right after it ("Panic attack, couldn't
// breathe, it settled. But it's come back and it's worse.") stood severe-breathlessness
// aside, since the undoing was read only in the relief's own sentence. The next sentence
// undoes the relief as the relief's own would, after any relief it tells again: said of
// the attack or the breathing (or the person the relief was said of), told now, not as a
// pattern, a condition or a question ahead. The look-alikes tell something else back in
// the next sentence ("The panic came back after my divorce", "My blood test came back
// normal", "My husband came back from work"), the return as a pattern or ahead, or a
// relief again after it, and stay below 999. At base 29 of the 33 emergencies were below
// 999 with the rules alone and 24 on the desk. Known misses (left): "It has come back
// and I'm scared." ("scared" is no word of degree or time) and "But it didn't last, it's
// back." ("last" read as a subject of its own).
func TestReliefUndoneInTheNextSentence(t *testing.T) {
	for i, c := range undoneNextEmergencies {
		holdPriorities(t, []priorityCase{{"undone next " + strconv.Itoa(i+1), c.age, triage.SexUnknown, c.text, triage.Emergency}})
	}
	holdAgeTexts(t, "not undone", undoneNextLookAlikes, false)
}

// ageTextCase is a request's age and text, for tables whose cases differ in nothing else.
type ageTextCase struct {
	age  int
	text string
}

// holdAgeTexts holds each clinical request of cases to 999 (emergency) or off it, with
// the rules alone and the desk's engine (hold999), in subtests named name and its number.
func holdAgeTexts(t *testing.T, name string, cases []ageTextCase, emergency bool) {
	t.Helper()
	for i, c := range cases {
		t.Run(name+" "+strconv.Itoa(i+1), func(t *testing.T) {
			hold999(t, triage.Input{Age: c.age, Kind: triage.Clinical, Text: c.text}, emergency)
		})
	}
}

// undoneNextEmergencies tell a panic with severe breathlessness relieved, then undone in
// the next sentence.
var undoneNextEmergencies = []ageTextCase{
	{30, "Panic attack, couldn't breathe, it settled. But it's come back and it's worse."},
	{25, "I had a panic attack and was gasping, it calmed down. Now it's back again."},
	{41, "panic attack, I can't catch my breath, it calmed down. It's started again."},
	{22, "Panic attack at work, struggling to breathe, it settled. Then it came straight back."},
	{36, "panic attack, can't breathe, it calmed down for a bit. It's worse than before now."},
	{19, "anxious and can't breathe, it calmed down. It's come back worse."},
	{44, "anxiety attack, gasping for air, it calmed down. But now it's back with a vengeance."},
	{33, "Panic attack, can't get my breath, it settled. It's starting again and won't stop."},
	{27, "panic attack, can't breathe, it calmed down. My breathing has got worse again."},
	{50, "panic attack, couldn't breathe properly, it calmed down. Now the breathing is worse than before."},
	{24, "panic attack, can't breathe, it calmed down. It came back a minute later."},
	{38, "I'm having a panic attack, can't breathe, it settled. Then it returned, worse."},
	{31, "panic attack, struggling to breathe, it calmed down. It kicked off again within minutes."},
	{45, "panic attack, cant breathe, it calmed down. its back again"},
	{20, "my panic attack calmed down but I can't breathe. It's come back again."},
	{28, "Panic attack an hour ago, couldn't breathe, it calmed down. It's back and worse."},
	{42, "panic attack, can't breathe, it calmed down. Now it's getting worse again."},
	{26, "panic attack, gasping, it settled. Started again just now."},
	{39, "panic attack, I can't breathe, it calmed down with my breathing exercises. It's come back straight away."},
	{23, "panic attack, can't catch my breath, it calmed down. It's returned and I'm shaking."},
	{47, "panic attack, can't breathe, it settled. But then it came back worse and worse."},
	{32, "panic attack, struggling for breath, it calmed down. My breathing is back to how it was, can't breathe."},
	{21, "panic attack, can't breathe, it settled for a minute. Now it's back."},
	{37, "My panic attack calmed down, I couldn't breathe. It's back again now."},
	{43, "panic attack, fighting for breath, it settled. It flared up again."},
	{30, "panic attack, can't breathe, it calmed down. It's coming back."},
	{34, "panic attack, can't breathe, it calmed down. The attack came back."},
	{29, "panic attack, can't breathe, it calmed down. It's worse again."},
	{46, "panic attack, can't breathe, it settled. It's getting worse and worse."},
	{18, "panic attack, struggling to breathe, it calmed down. It came on again."},
	{33, "panic attack, can't breathe, it calmed down. It's back, worse than ever."},
	{26, "panic attack, really struggling to breathe, it settled. It came back within seconds."},
	{48, "panic attack, couldn't breathe, it settled down. It's back and now I'm gasping."},
}

// undoneNextLookAlikes tell the same relief and, in the next sentence, something else
// back, a pattern, a condition or question ahead, or the relief again.
var undoneNextLookAlikes = []ageTextCase{
	{40, "I get panic attacks where I can't breathe but it always settles. The panic came back after my divorce."},
	{35, "panic attack, couldn't breathe, it calmed down. The anxiety came back this week at work."},
	{28, "panic attack yesterday, couldn't breathe, it settled. My blood test came back normal."},
	{45, "panic attack, couldn't breathe, it calmed down. My husband came back from work and sat with me."},
	{30, "panic attacks, can't breathe, it calmed down. They come back every few weeks."},
	{33, "panic attack, couldn't breathe, it calmed down. What should I do if it comes back?"},
	{26, "panic attack, couldn't breathe, it settled. Will it come back?"},
	{52, "panic attack, I can't breathe, it calmed down. It came back but it settled again after a few minutes."},
	{24, "panic attack, couldn't breathe, it calmed down. I worry it might come back tonight."},
	{38, "panic attack, couldn't breathe, it calmed down. It came back last year too."},
	{29, "panic attack, can't breathe at the time, it calmed down. The tiredness came back later."},
	{41, "panic attack, couldn't breathe, it calmed down. I came back home and had a cup of tea."},
	{36, "panic attack, couldn't breathe, it settled. My mood has got worse over the months though."},
	{22, "panic attack, couldn't breathe, it calmed down. Exams are getting harder, that's the trigger."},
	{47, "panic attack, couldn't breathe, it calmed down. The ECG they did came back normal."},
	{31, "panic attack, couldn't breathe, it calmed down. It's harder to go out now."},
	{27, "panic attack, couldn't breathe, it calmed down. My appetite hasn't come back."},
	{44, "panic attack, couldn't breathe, it calmed down. It's back to normal now, I'm fine."},
	{34, "panic attack, couldn't breathe, it calmed down. They returned my call, thanks."},
	{25, "panic attack, couldn't breathe, it calmed down. The worry comes back at night."},
	{39, "panic attack, couldn't breathe, it calmed down. Sometimes it comes back when I'm stressed."},
	{43, "panic attack, couldn't breathe, it settled. The headache came back this afternoon though."},
	{30, "panic attack, couldn't breathe, it calmed down. I went back to bed."},
	{21, "panic attack, couldn't breathe, it calmed down. The therapist said it may come back."},
	{37, "panic attack, couldn't breathe, it calmed down. How do I stop it coming back?"},
	{46, "panic attack, couldn't breathe, it calmed down. I'm back at work tomorrow."},
	{32, "panic attack, couldn't breathe, it calmed down. My periods have come back after the pill."},
	{28, "panic attack, couldn't breathe, it calmed down. The nightmares came back too."},
	{50, "panic attack, couldn't breathe, it calmed down. It came back in my dreams."},
	{23, "panic attack, couldn't breathe, it calmed down. My son came back from school upset."},
	{35, "panic attack, couldn't breathe, it settled. It's been coming back for months, I want CBT."},
	{40, "panic attack, couldn't breathe, it calmed down. The dizziness came back when I stood up."},
}
