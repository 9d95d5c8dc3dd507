package triage

import (
	"strings"
	"unicode"
)

// Sentence is the audit entry as a person would write it: "Amy Patel assigned it to
// Physio." Staff read the trail to find out who did what; verb codes made them guess.
func (e AuditEntry) Sentence() string {
	what := strings.TrimSpace(e.Detail)
	switch {
	case e.Action == "view" && what == "":
		what = "opened it"
	case what == "":
		what = strings.ReplaceAll(e.Action, "-", " ")
	}
	s := strings.TrimSpace(e.Actor + " " + what)
	if r := []rune(s); len(r) > 0 && !unicode.IsPunct(r[len(r)-1]) {
		s += "."
	}
	return s
}
