package ui

import "triagedesk/triage"

// flagQuestion is a red-flag question as reception asks it.
type flagQuestion struct {
	ID   string
	Ask  string
	Flag string // what a yes means, as staff read it
}

// flagQuestions are the red-flag questions reception asks every caller. Until the
// patient pages' questions are in the domain, there are none to ask, and reception
// relies on the engine's reading of the text and the 999 answer it gives.
func flagQuestions() []flagQuestion { return nil }

// setAnswers records the caller's answers to flagQuestions on the entry.
func setAnswers(*triage.StaffEntry, []bool) {}
