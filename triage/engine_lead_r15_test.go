package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestPoorlyIsNotPoo holds reduced fetal movements at 999 where "poorly" or "poor" is
// said: the prefix "poo*" of weeks_born and movements_other, written for a baby's nappies
// and the mother's bowels, also read "poorly" and "poor", and stood fetal-still-weeks aside
// for the whole message (found by fa2 in round 15; the first three were soon or routine
// with the rules alone). Beside them, bowels and nappies still stand it aside.
func TestPoorlyIsNotPoo(t *testing.T) {
	holdRulesAlone(t, []priorityCase{
		{"toddler poorly, baby quiet", 29, triage.Female,
			"29 weeks, my toddler has been poorly and now baby has gone very quiet today", triage.Emergency},
		{"movements poor, gone still", 31, triage.Female,
			"30 weeks, baby's movements have been poor today and she's gone very still", triage.Emergency},
		{"feeling poorly, hardly moved", 27, triage.Female,
			"I'm 33 weeks and feeling poorly with a cold, and the baby has hardly moved since yesterday", triage.Emergency},
		{"poor sleep, no kicks", 34, triage.Female,
			"34 weeks. Poor sleep all week and I haven't felt him kick at all today", triage.Emergency},
		{"a baby's green poo", 30, triage.Female,
			"My baby is 6 weeks old and his poo has gone green, he is feeding well", triage.Soon},
		{"not pooed, feeding", 30, triage.Female,
			"She is 8 weeks and hasn't pooed for 3 days, still feeding and happy", triage.Routine},
		{"constipated in pregnancy", 28, triage.Female,
			"I'm 30 weeks pregnant and constipated, I haven't been for a poo in 4 days", triage.Routine},
		{"bowels stopped moving", 28, triage.Female,
			"32 weeks and my bowels have stopped moving, poos are hard", triage.Soon},
	})
}
