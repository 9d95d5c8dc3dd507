package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestReview9AlertLookAlikes holds off 999 the everyday words reviewer 9 saw round
// 14's fits-counted-today and postpartum-mind rules first raise: "another fit note",
// "fit again" of fitness, "a fit of coughing", a seizure clinic, and "take the baby",
// "make no sense", "being watched", "acting strange" said of others or of paperwork.
// Fit-note requests are among the commonest a practice gets.
func TestReview9AlertLookAlikes(t *testing.T) {
	holdRecall(t, []recallCase{
		{"another fit note", 40, triage.Male, "Could I get another fit note today please? My back is still bad.", false},
		{"second fit note", 40, triage.Female, "I need a second fit note this morning, the first one ran out yesterday.", false},
		{"fit again", 35, triage.Male, "Feeling fit again after the chest infection, can I go back to work today?", false},
		{"two fits earlier this year", 30, triage.Female, "I had two fits earlier this year and I'm seizure free since. Can I have my repeat today?", false},
		{"2 seizures a month", 30, triage.Male, "Usually I have 2 seizures a month at about 3am; none this month. Repeat please.", false},
		{"fit of coughing", 50, triage.Female, "I had another fit of coughing this morning, the cold is lingering, no breathlessness.", false},
		{"fit of rage", 28, triage.Male, "Had another fit of rage at work today, I think my anxiety is getting worse.", false},
		{"fits of sneezing", 33, triage.Female, "Fits of sneezing every morning, hay fever, another fit of them today.", false},
		{"second seizure clinic", 45, triage.Male, "Second seizure clinic appointment is today at 2pm; can I have a letter for work?", false},
		{"mum to take the baby", 29, triage.Female, "I'm a new mum, baby 3 weeks. Is it OK for my mum to take the baby out for a walk while I rest?", false},
		{"piles after the baby", 31, triage.Female, "I had a c section 3 weeks ago and after the baby was born I got piles, they're sore. Anything safe while breastfeeding?", false},
		{"out of character, no harm", 27, triage.Female, "Since the birth I've felt out of character, tearful and irritable. No thoughts of harming myself or the baby.", false},
		{"mini pill makes no sense", 30, triage.Female, "6 weeks postnatal, the instructions for the mini pill make no sense to me, which day do I start?", false},
		{"paperwork doesn't make sense", 32, triage.Female, "Had a baby 5 weeks ago. The hospital paperwork for her NHS number doesn't make sense, who do I ask?", false},
		{"talking to him in Polish", 34, triage.Male, "Since having the baby my partner keeps talking to him in Polish; is it OK to bring him up with two languages?", false},
		{"being watched by health visitor", 0, triage.Male, "My baby is 2 weeks old and is being watched by the health visitor for his weight; can I book his 8 week check?", false},
		{"mum acting strange", 30, triage.Female, "Had twins 3 weeks ago. My mum is acting strange about it and we argued; I'm stressed and not sleeping well.", false},
	})
}
