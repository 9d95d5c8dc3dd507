package triage

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Template is one of the practice's own reply templates: a message staff pick by name
// on the desk and send to a patient, with placeholders the desk fills in ({first name},
// {practice}…). The practice manager keeps them; every change bumps Version, so two
// managers editing the same template cannot overwrite each other unseen.
type Template struct {
	ID   int64  `json:"id"`
	Name string `json:"name"` // short, what the desk's picker shows
	Body string `json:"body"` // the message, with placeholders
	// Suits is the action the template is written for: a response, a signpost to a
	// service (Signpost says which), or telling the patient to call 999.
	Suits     TemplateUse `json:"suits"`
	Signpost  Signpost    `json:"signpost,omitempty"`
	Version   int         `json:"version"`
	UpdatedBy string      `json:"updatedBy"`
	UpdatedAt time.Time   `json:"updatedAt"`
}

// TemplateUse is the action a template is written for.
type TemplateUse string

// The actions a template can suit.
const (
	UseRespond  TemplateUse = "respond"  // a reply or a question to the patient
	UseSignpost TemplateUse = "signpost" // send the patient to a service outside the practice
	UseCall999  TemplateUse = "call-999" // tell the patient to call 999 now
)

// TemplateUses are the uses in the order the desk offers them.
var TemplateUses = []TemplateUse{UseRespond, UseSignpost, UseCall999}

// Label is the use in the words staff read.
func (u TemplateUse) Label() string {
	switch u {
	case UseRespond:
		return "Respond"
	case UseSignpost:
		return "Signpost"
	case UseCall999:
		return "Call 999 now"
	}
	return string(u)
}

// The placeholders a template may hold, filled in by the desk when the template is
// put into a message.
const (
	PlaceFirstName     = "{first name}"
	PlacePractice      = "{practice}"
	PlacePracticePhone = "{practice phone}"
	PlaceBookingLink   = "{booking link}"
)

// Placeholders are every placeholder a template may hold.
var Placeholders = []string{PlaceFirstName, PlacePractice, PlacePracticePhone, PlaceBookingLink}

// Limits of a template's fields: a name fits the picker, a body fits a text message
// thread without becoming a letter.
const (
	MaxTemplateName = 60
	MaxTemplateBody = 2000
)

// PlaceholdersIn returns the placeholders written in text, "{…}" each, in the order
// they appear, known or not.
func PlaceholdersIn(text string) []string {
	var out []string
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			return out
		}
		out = append(out, text[open:open+end+1])
		text = text[open+end+1:]
	}
}

// Validate checks a template before it is saved: a name, a body, a known use, and
// no placeholder the desk could not fill. An unknown placeholder is named, with the
// ones that exist, so the manager can correct a typo such as "{firstname}".
func (t Template) Validate() error {
	name := strings.TrimSpace(t.Name)
	switch {
	case name == "":
		return Errorf(EINVALID, "a template needs a name: it is what the desk's picker shows")
	case utf8.RuneCountInString(name) > MaxTemplateName:
		return Errorf(EINVALID, "the template's name is %d characters: keep it to %d so it fits the picker", utf8.RuneCountInString(name), MaxTemplateName)
	case strings.TrimSpace(t.Body) == "":
		return Errorf(EINVALID, "the template %q has no message", name)
	case utf8.RuneCountInString(t.Body) > MaxTemplateBody:
		return Errorf(EINVALID, "the template %q is %d characters: keep it to %d", name, utf8.RuneCountInString(t.Body), MaxTemplateBody)
	case !slices.Contains(TemplateUses, t.Suits):
		return Errorf(EINVALID, "the template %q suits %q: use respond, signpost or call-999", name, t.Suits)
	case t.Suits == UseSignpost && (!t.Signpost.Valid() || t.Signpost == SignpostNone || t.Signpost == ""):
		return Errorf(EINVALID, "the template %q signposts: say to which service (pharmacy, optician, dentist, nhs-physio, 111 or 999)", name)
	case t.Suits != UseSignpost && t.Signpost != "" && t.Signpost != SignpostNone:
		return Errorf(EINVALID, "the template %q names the service %q but does not signpost", name, t.Signpost)
	}
	var unknown []string
	for _, p := range PlaceholdersIn(t.Body) {
		if !slices.Contains(Placeholders, p) && !slices.Contains(unknown, p) {
			unknown = append(unknown, p)
		}
	}
	if len(unknown) > 0 {
		word := "placeholder"
		if len(unknown) > 1 {
			word = "placeholders"
		}
		return Errorf(EINVALID, "the template %q has the unknown %s %s: the desk can fill only %s", name, word,
			strings.Join(unknown, ", "), strings.Join(Placeholders, ", "))
	}
	return nil
}

// Practice is what a practice tells its patients about itself in messages: its name,
// phone number and online booking link. The manager sets them; templates name them
// with {practice}, {practice phone} and {booking link}.
type Practice struct {
	Name        string `json:"name"`
	Phone       string `json:"phone"`
	BookingLink string `json:"bookingLink"`
}

// Validate checks a manager's change to the practice's details.
func (p Practice) Validate() error {
	switch {
	case utf8.RuneCountInString(p.Name) > 120:
		return Errorf(EINVALID, "the practice's name is longer than 120 characters")
	case utf8.RuneCountInString(p.Phone) > 40:
		return Errorf(EINVALID, "the practice's phone number is longer than 40 characters")
	case strings.ContainsAny(p.Phone, "{}") || strings.ContainsAny(p.Name, "{}") || strings.ContainsAny(p.BookingLink, "{}"):
		return Errorf(EINVALID, "the practice's details cannot hold { or }: they fill the templates' placeholders")
	case p.BookingLink != "" && !strings.HasPrefix(p.BookingLink, "https://") && !strings.HasPrefix(p.BookingLink, "http://"):
		return Errorf(EINVALID, "the booking link %q must start with https:// (patients tap it in a message)", p.BookingLink)
	case utf8.RuneCountInString(p.BookingLink) > 500:
		return Errorf(EINVALID, "the booking link is longer than 500 characters")
	}
	return nil
}

// Fill puts the patient's first name and the practice's details in place of the
// placeholders of a template's body. A placeholder with nothing to fill it (the
// practice never set its phone number, say) is left as it is and returned in missing,
// so the desk can say what is missing and refuse to send it unfilled.
func Fill(body, firstName string, p Practice) (text string, missing []string) {
	values := map[string]string{
		PlaceFirstName:     strings.TrimSpace(firstName),
		PlacePractice:      strings.TrimSpace(p.Name),
		PlacePracticePhone: strings.TrimSpace(p.Phone),
		PlaceBookingLink:   strings.TrimSpace(p.BookingLink),
	}
	var b strings.Builder
	rest := body
	for {
		open := strings.IndexByte(rest, '{')
		end := -1
		if open >= 0 {
			end = strings.IndexByte(rest[open:], '}')
		}
		if open < 0 || end < 0 {
			b.WriteString(rest)
			return b.String(), missing
		}
		place := rest[open : open+end+1]
		b.WriteString(rest[:open])
		if v := values[place]; v != "" {
			b.WriteString(v)
		} else {
			b.WriteString(place)
			if !slices.Contains(missing, place) {
				missing = append(missing, place)
			}
		}
		rest = rest[open+end+1:]
	}
}

// Unfilled returns the known placeholders still written in a message, so a message
// is never sent to a patient with "{first name}" in it.
func Unfilled(message string) []string {
	var out []string
	for _, p := range PlaceholdersIn(message) {
		if slices.Contains(Placeholders, p) && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// TemplateSet is the practice's templates with the details that fill them: what a
// desk keeps and shows in its picker.
type TemplateSet struct {
	Practice  Practice   `json:"practice"`
	Templates []Template `json:"templates"`
}
