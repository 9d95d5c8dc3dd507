package ui

import (
	"encoding/json"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"triagedesk/triage"
)

// inWords turns an error into sentences a member of staff can act on. The queue's
// refusals arrive as domain errors whose text starts with a code word ("forbidden:
// …"); the code word goes and, for a missing right, the desk says so plainly. Any
// FHIR OperationOutcome that reached the text raw is replaced by what it says, so a
// person never reads JSON.
func inWords(err error) string {
	if err == nil {
		return ""
	}
	full := err.Error()
	var e *triage.Error
	if errors.As(err, &e) {
		msg := strings.TrimSuffix(strings.TrimSpace(outcomeText(e.Message)), ".")
		switch e.Code {
		case triage.EFORBIDDEN:
			msg = "you do not have the right to do this (" + msg + "). Ask the practice manager if your work needs it"
		case triage.EUNAUTHORIZED:
			msg = "the practice queue did not accept your sign-in (" + msg + "). Ask the practice manager for a new token"
		case triage.ECONFLICT:
			msg = "someone else changed it first (" + msg + "). Look again and redo it if it is still needed"
		case triage.EUNAVAILABLE:
			msg = "the practice queue is busy or paused (" + msg + "). Try again in a minute"
		case triage.EINTERNAL:
			msg = "the practice queue hit a fault (" + msg + "). Try again; if it keeps happening, tell the practice manager"
		}
		full = strings.Replace(full, e.Error(), msg, 1)
	}
	full = outcomeText(full)
	r, n := utf8.DecodeRuneInString(full)
	full = string(unicode.ToUpper(r)) + full[n:]
	if !strings.HasSuffix(full, ".") {
		full += "."
	}
	return full
}

// outcomeText replaces a raw OperationOutcome inside s with its diagnostics.
func outcomeText(s string) string {
	i := strings.Index(s, "{")
	if i < 0 || !strings.Contains(s[i:], `"resourceType"`) {
		return s
	}
	var oo struct {
		Issue []struct {
			Diagnostics string `json:"diagnostics"`
		} `json:"issue"`
	}
	raw := strings.TrimSpace(s[i:])
	if err := json.Unmarshal([]byte(raw), &oo); err != nil || len(oo.Issue) == 0 || oo.Issue[0].Diagnostics == "" {
		return strings.TrimSpace(s[:i]) + " the practice queue refused it without saying why"
	}
	return s[:i] + oo.Issue[0].Diagnostics
}

// plainError is an error shown to a person: its text is in words, and the error
// underneath stays reachable for code that checks what kind it was.
type plainError struct{ err error }

func (p plainError) Error() string { return inWords(p.err) }
func (p plainError) Unwrap() error { return p.err }
