package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAHealthCheckAskedForIsTheGPTeams is round 20's family (issue 10) of a health check
// asked for, ticked clinical ("would like a general health check", "is it worth me
// having a health check?"). Only appointment-admin read it, which gave it to the admin
// team; the read sets give a clinician's check of a person to the GP team (rule
// health-check-asked). It stays routine, as before. The other side: a health check's
// results asked, its appointment cancelled or moved, or the request ticked as admin:
// admin, as before.
func TestAHealthCheckAskedForIsTheGPTeams(t *testing.T) {
	gp, admin, routine := triage.TeamGP, triage.TeamAdmin, triage.Routine
	clinical, ticked := triage.Clinical, triage.Admin
	holdTeams(t, []teamCase{
		{"health check 1", 45, triage.Female, clinical, "would like a general health check", routine, gp, triage.SignpostNone},
		{"health check 2", 38, triage.Female, clinical, "Is it worth me having a health check? My dad died of a heart attack at 52 and I'm 38 now. No symptoms.", routine, gp, triage.SignpostNone},
		{"health check 3", 25, triage.Female, clinical, "My brother has Down's syndrome and is due his annual learning disability health check. Can we book it?", routine, gp, triage.SignpostNone},
		{"health check 4", 47, triage.Female, clinical, "My nan died of a heart attack and my uncle had a stroke. Is there a health check for people my age?", routine, gp, triage.SignpostNone},
		{"health check 5", 52, triage.Female, clinical, "Got the letter for my NHS health check, can I book it for a Monday?", routine, gp, triage.SignpostNone},
		{"health check 6", 46, triage.Female, clinical, "Can I have a heart health check now I'm over 45? Fit and healthy, never smoked.", routine, gp, triage.SignpostNone},

		{"health check 7", 57, triage.Female, clinical, "Could you let me know my cholesterol result from the health check", routine, admin, triage.SignpostNone},
		{"health check 8", 57, triage.Female, clinical, "Can someone confirm if my cholesterol results are ok? Test was done at my health check last week", routine, admin, triage.SignpostNone},
		{"health check 9", 60, triage.Female, clinical, "Can I cancel my health check appointment on Friday, I'm away", routine, admin, triage.SignpostNone},
		{"health check 10", 61, triage.Female, clinical, "I can't make my health check on Tuesday, could we move it?", routine, admin, triage.SignpostNone},
		{"health check 11", 50, triage.Female, ticked, "would like to book a health check please", routine, admin, triage.SignpostNone},
	})
}
