package triage

import "strings"

// Author is who wrote a request for a patient when it was not the patient: the
// account holder writing for a dependant, or someone who phoned for them. Staff need
// it to call back the right person on the right number.
type Author struct {
	Name         string `json:"name,omitempty"`
	Relationship string `json:"relationship,omitempty"` // to the patient: "mother", "carer"
	Phone        string `json:"phone,omitempty"`
}

// IsZero reports whether the patient wrote the request themself.
func (a Author) IsZero() bool { return a.Name == "" && a.Relationship == "" && a.Phone == "" }

// Describe says who wrote it as staff read it: "Written by Kwame Okafor (father),
// 07700 900456"; "" when the patient wrote it.
func (a Author) Describe() string {
	if a.IsZero() {
		return ""
	}
	who := strings.TrimSpace(a.Name)
	if who == "" {
		who = "someone else"
	}
	s := "Written by " + who
	if a.Relationship != "" {
		s += " (" + a.Relationship + ")"
	}
	if a.Phone != "" {
		s += ", " + a.Phone
	} else {
		s += ", no number given"
	}
	return s
}

// PhoneLike reports whether s is a plausible phone number: 10 to 15 digits, with the
// spaces, brackets, hyphens and leading + people write them with.
func PhoneLike(s string) bool { return phoneLike(s) }
