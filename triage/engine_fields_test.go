package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestFieldPrioritiesKnownMisses holds the misses of rules 2026.12.6 named in
// issue 10's last round, by family, each beside the look-alike or the true
// emergency next to it. Every case must give its priority with the rules alone AND
// with the desk's engine (rules and second opinion): the model may raise, so an
// emergency the rules miss would otherwise hide behind it.
//
//   - a time said alone before a clause in the present, or a past time followed in its
//     own clause by a present-tense red flag, does not put that red flag in the past;
//   - a baby of 3 to 6 months is same-day at 39°C or more (LABELS.md), soon below it;
//   - a parent writing in the weeks after the birth about the baby's fever: the fever
//     is the baby's, an emergency under 3 months, not a mother unwell after birth;
//   - "another one" said of a fit that was named is a seizure now;
//   - "no apixaban left" runs out of the apixaban it names (the phrase's blank is
//     not denied by its "no"): an essential medicine run out is same-day;
//   - an overdose told as history (years ago, as a teenager) is not an emergency; one
//     last night or this morning still is.
func TestFieldPrioritiesKnownMisses(t *testing.T) {
	cases := []priorityCase{
		// A lone time before a present-tense clause.
		{"a lone time, then sepsis in the present", 40, triage.Female,
			"Last week, I think I have sepsis", triage.Emergency},
		{"a lone time, then he is septic", 77, triage.Male,
			"A few months ago, he is now shaking and I'm sure he's septic", triage.Emergency},
		{"a lone time, then her face is drooping", 81, triage.Female,
			"Last year, she's got a droopy face and can't lift her arm", triage.Emergency},
		{"a lone time before a past red flag stays past", 55, triage.Male,
			"Last year, I had sepsis and I'd like the flu jab", triage.Routine},
		// A past time and a present red flag in one clause, no comma.
		{"a fall last week then a stroke now", 70, triage.Male,
			"had a fall last week now cant move my left arm and my face has dropped", triage.Emergency},
		{"a fall last week he has collapsed", 84, triage.Male,
			"he had a fall last week he has collapsed and we cant wake him", triage.Emergency},
		{"a bug last month she is septic", 69, triage.Female,
			"She had a tummy bug last month she is septic the carer says", triage.Emergency},
		{"a past collapse in one clause stays past", 72, triage.Female,
			"I collapsed last year and would like my blood pressure checked", triage.Soon},
		// Babies of 3 to 6 months (LABELS.md: same-day at 39°C or more).
		{"4 months at 38.3", 0, triage.Female, "my 4 month old has a temperature of 38.3", triage.Soon},
		{"5 months at 38.6 and feeding", 0, triage.Male, "he is 5 months, temp 38.6 but still feeding", triage.Soon},
		{"4 months at 39.2", 0, triage.Female, "my 4 month old has a temperature of 39.2", triage.SameDay},
		{"5 months feeling very hot, no number", 0, triage.Male, "our 5 month old feels very hot", triage.SameDay},
		{"2 months at 38.1 stays an emergency", 0, triage.Female, "my 2 month old has a temp of 38.1", triage.Emergency},
		// Whose fever: a parent writing about the baby in the weeks after the birth.
		{"I had her 9 weeks ago, her fever", 31, triage.Female,
			"I had her 9 weeks ago, she has a temp of 38.5", triage.Emergency},
		{"gave birth 4 weeks ago, his fever", 28, triage.Female,
			"gave birth to him 4 weeks ago and he is burning up, 38.2 on the thermometer", triage.Emergency},
		{"new baby, baby's fever", 35, triage.Male,
			"our new baby has a high temperature and won't settle", triage.Emergency},
		{"the mother's own fever after the birth", 30, triage.Female,
			"gave birth 3 weeks ago, I have a temperature of 38.5 and my stitches are sore", triage.SameDay},
		// Another seizure after one was named.
		{"another one right now", 6, triage.Male,
			"he had a fit last week and he's having another one right now", triage.Emergency},
		{"a seizure years ago, another one now", 44, triage.Female,
			"I had a seizure 2 years ago and I'm having another one, my husband is typing", triage.Emergency},
		{"a past fit and a worry about another", 30, triage.Female,
			"I had a fit 3 years ago, worried I might have another one, can I drive?", triage.Soon},
		// Run out of an essential medicine, said as "no X left" (LABELS.md: same-day).
		{"no dabigatran left", 76, triage.Male,
			"no dabigatran left, the chemist is shut until Monday", triage.SameDay},
		{"no lamotrigine left", 31, triage.Female,
			"I have no lamotrigine left after this morning", triage.SameDay},
		{"no hydrocortisone tablets left", 44, triage.Female,
			"got no hydrocortisone tablets left and I have Addison's", triage.SameDay},
		{"no sertraline left stays soon", 35, triage.Female,
			"no sertraline left, can you send a prescription", triage.Soon},
		// A wish not to wake up, told of someone else, with no plan (blind-59's family).
		{"wishes he wouldn't wake up, no plans", 29, triage.Male,
			"my brother keeps saying he wishes he wouldn't wake up, he says he has no plans to do anything", triage.SameDay},
		{"thoughts of ending it, I have no plan", 24, triage.Female,
			"cut my arm again last night, thinking about ending it all but i have no plan", triage.SameDay},
		{"a plan beside them stays an emergency", 24, triage.Female,
			"thinking about ending it all, I've got the tablets saved up for tonight", triage.Emergency},
		{"not waking up said of a collapse stays an emergency", 70, triage.Male,
			"dad collapsed in the kitchen and he won't wake up", triage.Emergency},
		// An overdose told as history.
		{"an overdose years back", 30, triage.Female,
			"I overdosed a couple of years back, doing much better, need a review of my sertraline", triage.Routine},
		{"an overdose 2 yrs ago", 33, triage.Male,
			"My overdose was 2 yrs ago. Doing well now, can I reduce my citalopram", triage.Routine},
		{"an overdose when I was 19", 41, triage.Female,
			"After my overdose when I was 19 I have been fine, just want a medication review", triage.Routine},
		{"an overdose as a teenager", 36, triage.Male,
			"took an overdose as a teenager, the insurer wants a report", triage.Soon},
		{"an overdose last night stays an emergency", 24, triage.Female,
			"I took an overdose last night and I feel sick", triage.Emergency},
		{"an overdose this morning after one years ago", 52, triage.Male,
			"I overdosed years ago and got better but this morning I swallowed all my tablets", triage.Emergency},
		// Review of 2026.12.7: a long-standing condition beside an overdose now; words
		// that say where or how old someone is ("at uni", "in my twenties") are not a past time.
		{"low for years, an overdose tonight", 38, triage.Female,
			"I've felt low for years and tonight I swallowed every one of my sleeping tablets", triage.Emergency},
		{"a stable condition, an overdose on purpose", 47, triage.Male,
			"my diabetes is stable but I injected all my insulin pens on purpose an hour ago", triage.Emergency},
		{"a student's overdose now", 19, triage.Male,
			"at uni and I just took 40 ibuprofen, I'm scared", triage.Emergency},
		{"in my twenties, an overdose now", 26, triage.Female,
			"I'm in my twenties and have just taken a whole box of co-codamol", triage.Emergency},
		{"an overdose when I was at uni stays past", 45, triage.Female,
			"took an overdose when I was at uni, fine for years, want to come off my sertraline", triage.Routine},
		// A feverish baby of 3 to 6 months who is not feeding (LABELS.md: a child with a
		// fever not drinking is same-day, whatever the reading).
		{"5 months, 38.3, refusing her bottles", 0, triage.Female,
			"she's 5 months, temp 38.3 and refusing her bottles since lunch", triage.SameDay},
		{"4 months, 38.4, won't breastfeed", 0, triage.Male,
			"4 month old with 38.4 who won't breastfeed this afternoon", triage.SameDay},
		{"5 months, feverish, off his milk", 0, triage.Male,
			"our 5 month old is 38.2 and totally off his milk", triage.SameDay},
		// A denied chest pain before a current one: each place the group's word is said
		// is tried, not only the first.
		{"no chest pain before, a crushing chest now", 61, triage.Male,
			"never had chest pain in my life but this evening my chest is crushing and it goes into my left arm", triage.Emergency},
		{"no chest pain at all stays soon", 61, triage.Male,
			"no chest pain at all, just a cough for a week", triage.Soon},
		// Review of 2026.12.8: "no plan B" is not the all-clear "no plan"; a question's
		// words do not stop an overdose that was taken; "not waking up" is a collapse.
		{"no plan B, a rope ready", 41, triage.Male,
			"there's no plan B for me. Got a rope in the garage and I'll use it on Friday", triage.Emergency},
		{"no plan how to cope, tablets saved to take all", 33, triage.Female,
			"I have no plan how to get through this, been saving my co-codamol to take them all at once", triage.Emergency},
		{"no plan and safe stays same-day", 33, triage.Female,
			"thoughts of ending it keep coming but I have no plan and my partner is with me", triage.SameDay},
		{"a question about tablets already taken", 52, triage.Female,
			"is it dangerous if my son took a whole strip of my diazepam? he is very sleepy now", triage.Emergency},
		{"an elderly woman not waking up", 86, triage.Female,
			"Nan is not waking up this morning and her lips look grey", triage.Emergency},
	}
	holdPriorities(t, cases)
}

// priorityCase is a clinical request and the priority it must be given.
type priorityCase struct {
	name string
	age  int
	sex  triage.Sex
	text string
	want triage.Priority
}

// holdPriorities holds the rules alone and the desk's engine to each case's priority,
// so an emergency the rules miss cannot hide behind the model's raise.
func holdPriorities(t *testing.T, cases []priorityCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
			for _, e := range rulesAndDesk() {
				if got := e.eng.Classify(in); got.Priority != c.want {
					t.Errorf("%q: %s gave %s, want %s; because %v", c.text, e.name, got.Priority, c.want, got.Reasons)
				}
			}
		})
	}
}
