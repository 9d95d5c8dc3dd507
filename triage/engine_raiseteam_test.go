package triage

import "testing"

// TestRaiseKeepsTheTeamOfTheProblem: when the second opinion raises a request below
// 999, the team is still the team of the problem the rules recognised, as
// docs/labels.md gives teams by the kind of problem: a dose question or a side effect
// raised to soon, or a medicine run out raised to same-day, stays the medicines team's
// (round 12 sent every raise to the GP: 21 read-set requests lost their team). What
// that team does not take goes to the GP: the admin team no clinical problem, the
// physio nothing that cannot wait, and a signposted request was the GP team's already.
func TestRaiseKeepsTheTeamOfTheProblem(t *testing.T) {
	for _, c := range []struct {
		name     string
		from     Suggestion
		to       Priority
		team     Team
		signpost Signpost
	}{
		{"a dose question raised to soon", Suggestion{Priority: Routine, Team: TeamMedicines}, Soon, TeamMedicines, SignpostNone},
		{"a medicine run out raised to same-day", Suggestion{Priority: Soon, Team: TeamMedicines}, SameDay, TeamMedicines, SignpostNone},
		{"a sprain raised to soon", Suggestion{Priority: Routine, Team: TeamPhysio}, Soon, TeamPhysio, SignpostNone},
		{"a back raised to same-day is the GP's", Suggestion{Priority: Soon, Team: TeamPhysio}, SameDay, TeamGP, SignpostNone},
		{"low mood raised to same-day", Suggestion{Priority: Soon, Team: TeamMentalHealth}, SameDay, TeamMentalHealth, SignpostNone},
		{"an admin request raised is clinical", Suggestion{Priority: Routine, Team: TeamAdmin}, Soon, TeamGP, SignpostNone},
		{"a pharmacy signpost raised loses the signpost", Suggestion{Priority: Routine, Team: TeamGP, Signpost: SignpostPharmacy}, Soon, TeamGP, SignpostNone},
		{"an optician signpost raised to same-day", Suggestion{Priority: Routine, Team: TeamGP, Signpost: SignpostOptician}, SameDay, TeamGP, SignpostNone},
		{"a medicines request raised to 999", Suggestion{Priority: Soon, Team: TeamMedicines}, Emergency, TeamGP, Signpost999},
		{"a physio request raised to 999", Suggestion{Priority: Soon, Team: TeamPhysio}, Emergency, TeamGP, Signpost999},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := c.from
			s.Priority = c.to
			raiseTeam(&s)
			if s.Team != c.team || s.Signpost != c.signpost {
				t.Errorf("%s/%s raised to %s gave %s/%s, want %s/%s", c.from.Team, c.from.Signpost, c.to, s.Team, s.Signpost, c.team, c.signpost)
			}
		})
	}
}
