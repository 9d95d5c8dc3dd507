package triage

import (
	"fmt"
	"time"
)

// Mode is whether the online service takes requests.
type Mode string

// The modes of the online service.
const (
	ModeOpen           Mode = "open"            // every request accepted
	ModeClinicalPaused Mode = "clinical-paused" // admin and medication requests only: safe clinical capacity is full
	ModeClosed         Mode = "closed"          // nothing accepted; patients are pointed to 111 and 999
)

// Closure is a dated time the service is closed: a training afternoon, a closure for
// an emergency in the building.
type Closure struct {
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
	Reason string    `json:"reason"`
}

// Availability is the manager's control of the online service on top of core hours
// and bank holidays: a switch that overrides the schedule until a time, and dated
// closures.
type Availability struct {
	Switch        Mode      `json:"switch,omitempty"` // "" follows the schedule
	SwitchMessage string    `json:"switchMessage,omitempty"`
	SwitchUntil   time.Time `json:"switchUntil,omitzero"` // zero: until switched back
	Closures      []Closure `json:"closures,omitempty"`
}

// Validate checks a manager's change.
func (a Availability) Validate() error {
	switch a.Switch {
	case "", ModeOpen, ModeClinicalPaused, ModeClosed:
	default:
		return Errorf(EINVALID, "unknown mode %q: use open, clinical-paused or closed", a.Switch)
	}
	for _, c := range a.Closures {
		if !c.To.After(c.From) {
			return Errorf(EINVALID, "closure %q ends before it starts", c.Reason)
		}
	}
	return nil
}

// ModeAt returns the mode at t and, when not open, why and when the service next
// opens. Outside core hours and on bank holidays the service is closed; since October
// 2025 a practice may pause clinical requests in core hours but not admin and
// medication ones, so a manager's "closed" in core hours is honoured as a pause
// unless it is a dated closure.
func (a Availability) ModeAt(t time.Time, cal *Calendar) (mode Mode, why string, reopens time.Time) {
	for _, c := range a.Closures {
		if !t.Before(c.From) && t.Before(c.To) {
			return ModeClosed, c.Reason, cal.NextOpening(c.To)
		}
	}
	if !cal.InHours(t) {
		why := "outside the practice's opening hours"
		if cal.IsHoliday(t) {
			why = "a bank holiday"
		}
		return ModeClosed, why, cal.NextOpening(t)
	}
	if a.Switch != "" && a.Switch != ModeOpen && (a.SwitchUntil.IsZero() || t.Before(a.SwitchUntil)) {
		until := a.SwitchUntil
		if until.IsZero() {
			_, until = cal.bounds(t)
			until = cal.NextOpening(until)
		}
		return ModeClinicalPaused, a.SwitchMessage, until
	}
	return ModeOpen, "", time.Time{}
}

// CheckSubmit decides whether a request of the given kind, suggested for team, may be
// sent at t. A refusal points the patient to 111, and 999 in an emergency, and says
// when the service reopens.
func (a Availability) CheckSubmit(t time.Time, cal *Calendar, kind Kind, team Team) error {
	mode, why, reopens := a.ModeAt(t, cal)
	when := reopens.In(cal.Location).Format("Monday 2 January at 15:04")
	switch mode {
	case ModeClosed:
		return Errorf(EUNAVAILABLE, "Online requests are closed (%s). They reopen %s. If you need help now call NHS 111, or 999 in an emergency.", why, when).RetryFrom(reopens)
	case ModeClinicalPaused:
		if kind == Admin || team == TeamMedicines || team == TeamAdmin {
			return nil
		}
		msg := "The practice has no more safe capacity for new clinical requests today"
		if why != "" {
			msg = why
		}
		return Errorf(EUNAVAILABLE, "%s. Admin and medication requests are still open. Clinical requests reopen %s. If you need help now call NHS 111, or 999 in an emergency.", msg, when).RetryFrom(reopens)
	}
	return nil
}

// String describes the mode for a manager's screen.
func (m Mode) String() string {
	switch m {
	case ModeOpen:
		return "Open"
	case ModeClinicalPaused:
		return "Clinical requests paused"
	case ModeClosed:
		return "Closed"
	}
	return fmt.Sprintf("Unknown (%s)", string(m))
}
