package triage

import (
	"strings"
	"time"
	"unicode"
)

// Contact is how a patient asked the practice to get back to them. Reception asks it
// of every caller: a patient who phoned may have no account to read a reply in.
type Contact string

// The ways a patient can ask to be contacted.
const (
	ContactPhone  Contact = "phone"  // a call back
	ContactText   Contact = "text"   // a text message to a mobile
	ContactEmail  Contact = "email"  // an email
	ContactOnline Contact = "online" // a reply on the patient pages (needs an account)
)

// Contacts lists the ways of contact in the order reception offers them.
var Contacts = []Contact{ContactPhone, ContactText, ContactEmail, ContactOnline}

// Label is the way of contact as staff read it.
func (c Contact) Label() string {
	switch c {
	case ContactPhone:
		return "Phone call"
	case ContactText:
		return "Text message"
	case ContactEmail:
		return "Email"
	case ContactOnline:
		return "Reply online"
	}
	return "Not said"
}

// Valid reports whether c is a known way of contact.
func (c Contact) Valid() bool {
	for _, k := range Contacts {
		if c == k {
			return true
		}
	}
	return false
}

// MaxCallerLength bounds the free-text fields reception fills in besides the request
// itself: who called and the number or address to use.
const MaxCallerLength = 200

// StaffEntry is a request a member of staff enters for a patient who phoned or came
// in. It joins the same queue as a patient's own submission and is triaged the same
// way; the request records who entered it and for which caller.
type StaffEntry struct {
	PatientID int64  `json:"patientId"`
	Kind      Kind   `json:"kind"`
	Text      string `json:"text"`
	// Caller is who phoned or came in when it was not the patient ("mother, Jane
	// Smith"); empty when the patient called for themself.
	Caller string `json:"caller,omitempty"`
	// CallerRelationship and CallerPhone are the caller's relationship to the patient
	// ("mother") and their number, when the caller was not the patient.
	CallerRelationship string  `json:"callerRelationship,omitempty"`
	CallerPhone        string  `json:"callerPhone,omitempty"`
	Contact            Contact `json:"contact"`
	ContactDetail      string  `json:"contactDetail,omitempty"` // the number or address to use
	// Answers are the caller's answers to the red-flag questions the patient pages ask
	// (RedFlagQuestions), which reception asks every caller; nil when not asked.
	Answers *Answers `json:"answers,omitempty"`
}

// Validate checks an entry before it is sent or accepted: the same checks as a
// patient's text, a known way of contact, and a number or address where one is needed.
func (e StaffEntry) Validate() error {
	if e.PatientID <= 0 {
		return Errorf(EINVALID, "find the patient on the practice list first: the request has no patient")
	}
	if err := ValidateSubmission(e.Kind, e.Text); err != nil {
		return err
	}
	if !e.Contact.Valid() {
		return Errorf(EINVALID, "ask how the patient wants to be contacted: phone call, text message, email or reply online")
	}
	detail := strings.TrimSpace(e.ContactDetail)
	switch e.Contact {
	case ContactPhone, ContactText:
		if !phoneLike(detail) {
			return Errorf(EINVALID, "the phone number %q is not a phone number: type the number to call, like 07700 900123", detail)
		}
	case ContactEmail:
		if err := ValidateEmail(detail); err != nil {
			return err
		}
	}
	if len([]rune(e.Caller)) > MaxCallerLength || len([]rune(e.ContactDetail)) > MaxCallerLength || len([]rune(e.CallerRelationship)) > MaxCallerLength {
		return Errorf(EINVALID, "who called and the contact details are at most %d characters each", MaxCallerLength)
	}
	if p := strings.TrimSpace(e.CallerPhone); p != "" && !phoneLike(p) {
		return Errorf(EINVALID, "the caller's number %q is not a phone number: type the number to call them on, like 07700 900123", p)
	}
	if strings.TrimSpace(e.Caller) == "" && (strings.TrimSpace(e.CallerRelationship) != "" || strings.TrimSpace(e.CallerPhone) != "") {
		return Errorf(EINVALID, "a relationship or number is given for the caller but not who they are: type the caller's name, or clear both when the patient called")
	}
	return e.Answers.Validate()
}

// phoneLike reports whether s is a plausible phone number: 10 to 15 digits, with the
// spaces, brackets, hyphens and leading + people write them with.
func phoneLike(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '(' || r == ')':
		case r == '+' && i == 0:
		default:
			return false
		}
	}
	return digits >= 10 && digits <= 15
}

// EnteredFor says in words who entered a request and for whom, for the desk and the
// audit trail; "" for a request the patient sent online.
func (r *Request) EnteredFor() string {
	if r.EnteredBy == "" {
		return ""
	}
	s := "Entered by staff for a caller: " + r.EnteredBy
	if r.Caller != "" {
		s += ", for " + r.Caller
	}
	return s
}

// PatientQuery is a search of the practice list by name, date of birth or NHS number,
// as reception does when a patient phones or walks in. Every part given must match.
type PatientQuery struct {
	Name      []string  // words each at the start of the given or family name
	BirthDate time.Time // a date; zero for any
	NHSNumber NHSNumber // exact; "" for any
}

// MinNameLength is the shortest name word a search takes alone: one letter would
// list half the practice.
const MinNameLength = 2

// ParsePatientQuery reads what a receptionist types in the one search box: an NHS
// number (spaces allowed), a date of birth (21/04/1980, 21-04-1980, 21.04.1980 or
// 1980-04-21) and name words, in any order.
func ParsePatientQuery(s string) (PatientQuery, error) {
	var q PatientQuery
	s = strings.TrimSpace(s)
	if compact := strings.NewReplacer(" ", "", "-", "").Replace(s); len(compact) == 10 && strings.Trim(compact, "0123456789") == "" {
		n, err := ParseNHSNumber(compact)
		if err != nil {
			return q, err
		}
		q.NHSNumber = n
		return q, nil
	}
	for _, w := range strings.Fields(s) {
		if d, ok := parseDate(w); ok {
			if !q.BirthDate.IsZero() {
				return q, Errorf(EINVALID, "the search has two dates of birth: give one")
			}
			q.BirthDate = d
			continue
		}
		if strings.Trim(w, "0123456789") == "" {
			if len(w) == 10 {
				n, err := ParseNHSNumber(w)
				if err != nil {
					return q, err
				}
				q.NHSNumber = n
				continue
			}
			return q, Errorf(EINVALID, "%q is neither an NHS number (10 digits) nor a date of birth like 21/04/1980", w)
		}
		if strings.ContainsAny(w, "/.") || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return q, Errorf(EINVALID, "%q is not a date of birth like 21/04/1980 or a name", w)
		}
		q.Name = append(q.Name, w)
	}
	return q, q.Validate()
}

// Validate checks that the query narrows the list enough to be worth running.
func (q PatientQuery) Validate() error {
	if q.NHSNumber != "" || !q.BirthDate.IsZero() {
		return nil
	}
	if len(q.Name) == 0 {
		return Errorf(EINVALID, "type a name, a date of birth or an NHS number to find the patient")
	}
	for _, w := range q.Name {
		if len([]rune(w)) >= MinNameLength {
			return nil
		}
	}
	return Errorf(EINVALID, "type at least %d letters of a name, or add the date of birth", MinNameLength)
}

// parseDate reads a date of birth as UK staff type it, day first.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2/1/2006", "02/01/2006", "2-1-2006", "02-01-2006", "2.1.2006", "02.01.2006", time.DateOnly} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}
