// Package triage is the domain of Triage Desk: requests, patients and dependants,
// priorities, teams, statuses, due times, limits and the rules engine that suggests a
// priority, a team and any signposting. It imports no UI, no SQL and no HTTP, so the
// server, the desk and the command line all share one set of rules.
package triage

import (
	"errors"
	"fmt"
	"time"
)

// Application error codes. They are few on purpose: the server maps each one to one
// HTTP status and one FHIR OperationOutcome issue type, and the client maps them back,
// so both ends agree on what went wrong without parsing messages.
const (
	ECONFLICT     = "conflict"     // a stale version: someone else changed it first
	EINTERNAL     = "internal"     // a bug or an unexpected failure
	EINVALID      = "invalid"      // the input is wrong; the message says how
	ENOTFOUND     = "not_found"    // no such thing
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // known user, not allowed to do this
	ELIMIT        = "limit"        // a practice limit (live requests, daily) is reached
	EUNAVAILABLE  = "unavailable"  // the online service is switched off or paused
)

// Error is an error meant to be shown to a person: Code says what kind of failure it
// is, Message says what was wrong and what to do about it. Message is written for
// staff and for the developers of the apps that call the queue; Patient, when set, is
// the same failure written for a patient, naming only what a patient can do (a
// patient cannot look at "the patient's record" or "reply to an open request").
type Error struct {
	Code    string
	Message string
	Patient string
	// RetryAt is when trying again may succeed (a closed service reopens), so a
	// refusal can say Retry-After; zero when nobody knows.
	RetryAt time.Time
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ForPatient sets the message a patient reads for this error and returns the error, so
// it chains after Errorf: Errorf(EINVALID, "for staff").ForPatient("for patients").
func (e *Error) ForPatient(format string, args ...any) *Error {
	e.Patient = fmt.Sprintf(format, args...)
	return e
}

// RetryFrom sets when trying again may succeed and returns the error.
func (e *Error) RetryFrom(t time.Time) *Error {
	e.RetryAt = t
	return e
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any
// other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a generic
// message for other errors so internal details are not shown to patients.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// PatientMessage returns the message a patient reads for err: the patient's wording
// when the error has one, else its message, and for errors that are not an *Error a
// plain apology that says nothing was sent and what to do, with no internal detail.
func PatientMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		if e.Patient != "" {
			return e.Patient
		}
		return e.Message
	}
	return "Something went wrong at the practice's end and your request was not sent. Please try again in a few minutes. If you need help now call NHS 111, or 999 in an emergency."
}
