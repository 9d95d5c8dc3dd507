package triage

import "strings"

// Status is where a request is in its journey through the practice.
type Status string

// The statuses of a request, in the order of its journey.
const (
	StatusNew             Status = "new"              // submitted; the engine has suggested; waiting for review
	StatusAssigned        Status = "assigned"         // reviewed and given to a team
	StatusInProgress      Status = "in-progress"      // claimed by a team member
	StatusAwaitingPatient Status = "awaiting-patient" // the practice is waiting for the patient to reply
	StatusClosed          Status = "closed"           // answered, signposted or withdrawn, with an outcome
)

// Statuses lists every status in journey order.
var Statuses = []Status{StatusNew, StatusAssigned, StatusInProgress, StatusAwaitingPatient, StatusClosed}

// transitions holds the allowed moves. Moving back to assigned from in-progress lets a
// team member hand a request back to the team; reassigning an assigned request to
// another team is assigned→assigned. A reviewer may ask the patient for more (a
// photo, a detail) before assigning: new→awaiting-patient, and the reply sends it
// back to the inbox (awaiting-patient→new) or, once a team has it, to in-progress. A closed request is never reopened: the patient
// sends a new one, so the 72-hour clock and the audit trail stay honest.
var transitions = map[Status][]Status{
	StatusNew:             {StatusAssigned, StatusAwaitingPatient, StatusClosed},
	StatusAssigned:        {StatusAssigned, StatusInProgress, StatusClosed},
	StatusInProgress:      {StatusAssigned, StatusAwaitingPatient, StatusClosed},
	StatusAwaitingPatient: {StatusNew, StatusAssigned, StatusInProgress, StatusClosed},
	StatusClosed:          {},
}

// ParseStatus reads a status name, case-insensitively.
func ParseStatus(s string) (Status, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, st := range Statuses {
		if s == string(st) {
			return st, nil
		}
	}
	return "", Errorf(EINVALID, "unknown status %q: use new, assigned, in-progress, awaiting-patient or closed", s)
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// Live reports whether a request in this status still counts against the patient's
// live-request limit and can breach its due time.
func (s Status) Live() bool { return s.Valid() && s != StatusClosed }

// CanMoveTo reports whether a request may move from s to next.
func (s Status) CanMoveTo(next Status) bool {
	for _, n := range transitions[s] {
		if n == next {
			return true
		}
	}
	return false
}

// CheckTransition returns nil if a request may move from s to next, or an EINVALID
// error that names both states.
func (s Status) CheckTransition(next Status) error {
	if !s.Valid() {
		return Errorf(EINVALID, "unknown status %q", s)
	}
	if !next.Valid() {
		return Errorf(EINVALID, "unknown status %q", next)
	}
	if !s.CanMoveTo(next) {
		return Errorf(EINVALID, "a request cannot move from %s to %s", s, next)
	}
	return nil
}

// Label is the status as staff read it on screen.
func (s Status) Label() string {
	switch s {
	case StatusNew:
		return "New"
	case StatusAssigned:
		return "Assigned"
	case StatusInProgress:
		return "In progress"
	case StatusAwaitingPatient:
		return "Awaiting patient"
	case StatusClosed:
		return "Closed"
	}
	return "Unknown"
}
