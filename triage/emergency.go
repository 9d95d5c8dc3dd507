package triage

import (
	"strings"
	"time"
)

// CallOutcome is what happened when the practice phoned a patient about an
// emergency. It is recorded as an action, so every desk of the practice agrees on
// whether an emergency has been acted on and the banner stays up until one has.
type CallOutcome string

// The outcomes of phoning the patient about an emergency.
const (
	// CallSent999 means the patient was reached and told to call 999 or go to A&E.
	CallSent999 CallOutcome = "sent-999-ae"
	// CallNoAnswer means nobody answered: the emergency still needs someone to try again.
	CallNoAnswer CallOutcome = "no-answer"
)

// CallOutcomes lists the call outcomes in the order the desk offers them.
var CallOutcomes = []CallOutcome{CallSent999, CallNoAnswer}

// Valid reports whether c is a known call outcome.
func (c CallOutcome) Valid() bool { return c == CallSent999 || c == CallNoAnswer }

// Label is the call outcome as staff read it on a button and on the request.
func (c CallOutcome) Label() string {
	switch c {
	case CallSent999:
		return "Phoned: sent to 999 / A&E"
	case CallNoAnswer:
		return "Phoned: no answer — try again"
	}
	return "Not phoned yet"
}

// EmergencyNeedsAction reports whether r is a live emergency that nobody has yet
// dealt with: no call has reached the patient and sent them to 999 or A&E, and the
// priority has not been lowered. Opening it does not count; an unanswered call does
// not either. This is what the desk's banner counts.
func (r *Request) EmergencyNeedsAction() bool {
	return r.Live() && r.Priority == Emergency && r.Call != CallSent999
}

// checkEmergencyClose refuses to close an emergency that no recorded call has
// handed to 999 or A&E: a message alone may never be read in time.
func (r *Request) checkEmergencyClose() error {
	if r.Priority != Emergency || r.Call == CallSent999 {
		return nil
	}
	why := "no call to the patient is recorded"
	if r.Call == CallNoAnswer {
		why = "the last call was not answered"
	}
	return Errorf(EINVALID, "request %d is an emergency and %s: phone the patient and record the outcome before closing it, or lower the priority with a reason", r.ID, why)
}

// PatientReplied moves a request out of awaiting-patient when the patient answers:
// back to the inbox if no team has it yet, or to the team's in-progress work. It
// bumps the version like any change.
func (r *Request) PatientReplied(now time.Time) error {
	if !r.Live() {
		return Errorf(EINVALID, "request %d is closed: please send a new request", r.ID)
	}
	next := *r
	if r.Status == StatusAwaitingPatient {
		next.Status = StatusInProgress
		if r.Team == "" {
			next.Status = StatusNew
		}
		next.AwaitingSince = time.Time{}
	}
	next.Version = r.Version + 1
	next.UpdatedAt, next.UpdatedBy = now, "patient"
	*r = next
	return nil
}

// lowering checks that a change of priority from r's to p says why when it makes the
// request less urgent, and returns the reason to keep on the request.
func (r *Request) lowering(p Priority, reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	if r.Priority.MoreUrgent(p) && reason == "" {
		return "", Errorf(EINVALID, "lowering request %d from %s to %s needs a reason: say why it is less urgent", r.ID, r.Priority.Label(), p.Label())
	}
	return reason, nil
}

// CheckClose returns nil if the request may be closed now as far as emergencies go,
// or the error that says to phone the patient first; the desk uses it to keep the
// closing buttons off before anyone tries.
func (r *Request) CheckClose() error { return r.checkEmergencyClose() }
