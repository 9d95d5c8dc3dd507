package ui

import (
	"fmt"
	"strings"
	"time"

	"triagedesk/triage"
)

// How to reach the patient, on the request screen and where staff must phone now.

// AgeAndBirth is the patient's age with their date of birth beside it, as staff check
// identity on the phone: "34 (born 12 Mar 1992)".
func AgeAndBirth(p triage.Patient, now time.Time) string {
	return fmt.Sprintf("%s (born %s)", Age(p, now), p.BirthDate.Format("2 Jan 2006"))
}

// numberToCall is the number to phone the patient on now, and whose number it is: the
// number the request asked to be called or texted on, else the patient's own, else
// the number of whoever wrote it for them; "" when there is none.
func numberToCall(it triage.QueueItem) (number, whose string) {
	if (it.Contact == triage.ContactPhone || it.Contact == triage.ContactText) && strings.TrimSpace(it.ContactDetail) != "" {
		return strings.TrimSpace(it.ContactDetail), "the number given with the request"
	}
	if it.Patient.Phone != "" {
		return it.Patient.Phone, "the patient's number"
	}
	if it.Author.Phone != "" {
		who := it.Author.Name
		if it.Author.Relationship != "" {
			who += ", " + it.Author.Relationship
		}
		return it.Author.Phone, "the number of " + who
	}
	return "", ""
}

// CallLine says whom to phone on which number, for the emergency call box.
func CallLine(it triage.QueueItem) string {
	n, whose := numberToCall(it)
	if n == "" {
		return "No phone number on record: look the patient up in the clinical system, or ask reception."
	}
	return "Call " + n + " (" + whose + ")."
}

// contactLine is how to reach the patient: their phone number and email address as
// the practice holds them, and how they asked to be contacted about this request.
func contactLine(it triage.QueueItem) string {
	var parts []string
	if it.Patient.Phone != "" {
		parts = append(parts, "Phone "+it.Patient.Phone)
	} else {
		parts = append(parts, "No phone number on record")
	}
	if it.Patient.Email != "" {
		parts = append(parts, "Email "+it.Patient.Email)
	} else {
		parts = append(parts, "no email on record")
	}
	if it.Contact != "" && it.EnteredBy == "" {
		how := "Asked to be contacted by " + strings.ToLower(it.Contact.Label())
		if it.ContactDetail != "" {
			how += ": " + it.ContactDetail
		}
		if it.ContactAvoid != "" {
			how += " (avoid " + it.ContactAvoid + ")"
		}
		parts = append(parts, how)
	}
	return strings.Join(parts, " · ")
}
