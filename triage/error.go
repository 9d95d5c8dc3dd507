// Package triage is the domain of Triage Desk: requests, patients and dependants,
// priorities, teams, statuses, due times, limits and the rules engine that suggests a
// priority, a team and any signposting. It imports no UI, no SQL and no HTTP, so the
// server, the desk and the command line all share one set of rules.
package triage

import (
	"errors"
	"fmt"
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
// is, Message says what was wrong and what to do about it.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
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
