package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestALipSwellingAskedOrOfDaysIsNoReaction: what makes a swollen lip no reaction reaches
// past its clause (lips23, round 23; review18 at lips23 0fb93d5). A question whose
// subject is the swelling ("why is my top lip swollen?", "is my ramipril the reason my
// lip is swollen?") asks about the medicine it names; a span told for the swelling
// anywhere in the request ("since the weekend", "been 3 weeks", "by the evening") makes
// it no swelling of now; "nothing else" and "no other problem" tell the airway fine;
// a lip waxed is its own cause. A medicine taken for years is still a fact beside a
// swelling of this morning: "On ramipril for years. Woke up and my tongue feels massive"
// is 999, and a span that is the medicine's ("started candesartan last week") is not
// the swelling's.
func TestALipSwellingAskedOrOfDaysIsNoReaction(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 66, triage.Male, "On ramipril for years. Woke up and my tongue feels massive, I'm struggling to swallow my own spit", true},
		{"", 60, triage.Female, "on lisinopril for years and this morning my top lip has blown up", true},
		{"", 55, triage.Female, "tongue feels massive and my lips are fat, started candesartan last week", true},
		{"", 55, triage.Female, "started candesartan last week. this morning my top lip has ballooned and it's still getting bigger", true},
		{"", 61, triage.Female, "on ramipril 3 years. Today my lip is swelling massively, can it cause that after so long?", true},

		{"", 60, triage.Female, "why is my top lip swollen? I'm on ramipril, it's been like that since the weekend, nothing else", false},
		{"", 60, triage.Female, "could lisinopril be making my lip swell? it's been a little puffy on and off since I started it in March, never my breathing", false},
		{"", 60, triage.Male, "is my ramipril the reason my lip is swollen? it's been like it since last Thursday, no other problem", false},
		{"", 60, triage.Female, "since starting lisinopril my ankles and lips feel puffy by the evening and are normal by the morning, been 3 weeks", false},
		{"", 30, triage.Female, "top lip swollen after getting it waxed this morning, red and a bit sore", false},
	})
}
