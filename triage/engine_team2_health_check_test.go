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
	holdTeamAndPriority(t, []teamPriorityCase{
		{45, clinical, "would like a general health check", gp, routine},
		{38, clinical, "Is it worth me having a health check? My dad died of a heart attack at 52 and I'm 38 now. No symptoms.", gp, routine},
		{25, clinical, "My brother has Down's syndrome and is due his annual learning disability health check. Can we book it?", gp, routine},
		{47, clinical, "My nan died of a heart attack and my uncle had a stroke. Is there a health check for people my age?", gp, routine},
		{52, clinical, "Got the letter for my NHS health check, can I book it for a Monday?", gp, routine},
		{46, clinical, "Can I have a heart health check now I'm over 45? Fit and healthy, never smoked.", gp, routine},

		{57, clinical, "Could you let me know my cholesterol result from the health check", admin, routine},
		{57, clinical, "Can someone confirm if my cholesterol results are ok? Test was done at my health check last week", admin, routine},
		{60, clinical, "Can I cancel my health check appointment on Friday, I'm away", admin, routine},
		{61, clinical, "I can't make my health check on Tuesday, could we move it?", admin, routine},
		{50, ticked, "would like to book a health check please", admin, routine},
	})
}
