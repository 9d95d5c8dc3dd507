package fhir

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"triagedesk/triage"
)

// Photos the patient sent travel in the Task as references, never as pictures: each
// is a Task.input whose valueAttachment names the photo's type, size, dimensions and
// the address staff fetch it from (GET /api/v1/requests/{id}/photos/{n}, audited).
// TaskFrom writes that address as a server path; the server makes it absolute for the
// client that asked (Task.Absolute), as it does a Bundle's links.

// InputPhoto is the Task.input type of a photo the patient sent.
const (
	SystemInput = "urn:triagedesk:input"
	InputPhoto  = "photo"
	// ExtWidth and ExtHeight carry a photo's dimensions in pixels on its
	// Attachment, which in FHIR R4 has no elements for them.
	ExtWidth  = "urn:triagedesk:ext:width"
	ExtHeight = "urn:triagedesk:ext:height"
)

// Attachment is a FHIR Attachment that refers to content by its address.
type Attachment struct {
	ContentType string      `json:"contentType"`
	URL         string      `json:"url"`
	Size        int64       `json:"size"`
	Title       string      `json:"title,omitempty"`
	Extension   []Extension `json:"extension,omitempty"`
}

// photoInputs maps a request's photos to Task.input entries.
func photoInputs(r *triage.Request) []TaskInput {
	var in []TaskInput
	for _, p := range r.Photos {
		a := Attachment{ContentType: p.ContentType, URL: triage.PhotoPath(r.ID, p.N), Size: p.Size,
			Title: fmt.Sprintf("Photo %d of %d", p.N, len(r.Photos))}
		if p.Width > 0 && p.Height > 0 {
			w, h := int64(p.Width), int64(p.Height)
			a.Extension = []Extension{{URL: ExtWidth, ValueInteger: &w}, {URL: ExtHeight, ValueInteger: &h}}
		}
		in = append(in, TaskInput{Type: CodeableConcept{Coding: []Coding{{System: SystemInput, Code: InputPhoto}}, Text: InputPhoto},
			ValueAttachment: &a})
	}
	return in
}

// photosFrom reads the photos back from Task.input, strictly: each must be this
// Task's photo, at its address on the queue, of a type the queue keeps.
func photosFrom(taskID int64, inputs []TaskInput) ([]triage.PhotoRef, error) {
	var out []triage.PhotoRef
	for _, in := range inputs {
		if len(in.Type.Coding) == 0 || in.Type.Coding[0].System != SystemInput || in.Type.Coding[0].Code != InputPhoto {
			continue
		}
		a := in.ValueAttachment
		if a == nil {
			return nil, fmt.Errorf("a photo input needs a valueAttachment")
		}
		n, err := photoNumber(taskID, a.URL)
		if err != nil {
			return nil, err
		}
		p := triage.PhotoRef{N: n, ContentType: a.ContentType, Size: a.Size}
		for _, e := range a.Extension {
			if e.ValueInteger == nil {
				continue
			}
			switch e.URL {
			case ExtWidth:
				p.Width = int(*e.ValueInteger)
			case ExtHeight:
				p.Height = int(*e.ValueInteger)
			}
		}
		if err := p.Validate(); err != nil {
			return nil, fmt.Errorf("%s", triage.ErrorMessage(err))
		}
		out = append(out, p)
	}
	return out, nil
}

// photoNumber reads which photo an attachment's address names, and checks that it
// names a photo of this Task on the queue (absolute or as a server path).
func photoNumber(taskID int64, address string) (int, error) {
	u, err := url.Parse(address)
	if err != nil {
		return 0, fmt.Errorf("the photo address %q: %w", address, err)
	}
	prefix := strings.TrimSuffix(triage.PhotoPath(taskID, 0), "0")
	rest, ok := strings.CutPrefix(u.Path, prefix)
	if !ok {
		// A base path before /api/v1 (a queue behind a proxy's sub-path) is allowed.
		if i := strings.Index(u.Path, prefix); i > 0 {
			rest, ok = u.Path[i+len(prefix):], true
		}
	}
	n, err := strconv.Atoi(rest)
	if !ok || err != nil {
		return 0, fmt.Errorf("the photo address %q is not one of this request's photos (%sN)", address, prefix)
	}
	return n, nil
}

// WithAbsolute returns a copy of the Task with its photos' addresses absolute on base
// (like https://queue.example.nhs.uk), for the client that asked. The Task it is called
// on is left as it was: its inputs may be shared (a Bundle, a page read once for many
// clients), and another client may have come in on another address.
func (t Task) WithAbsolute(base string) Task {
	base = strings.TrimRight(base, "/")
	inputs := make([]TaskInput, len(t.Input))
	copy(inputs, t.Input)
	for i, in := range inputs {
		if a := in.ValueAttachment; a != nil && strings.HasPrefix(a.URL, "/") {
			c := *a
			c.URL = base + a.URL
			inputs[i].ValueAttachment = &c
		}
	}
	if t.Input != nil {
		t.Input = inputs
	}
	return t
}

// relativeInputs is inputs with each photo's address as a server path, so a Task a
// client read (with absolute addresses) compares equal to the stored one.
func relativeInputs(inputs []TaskInput) []TaskInput {
	out := make([]TaskInput, len(inputs))
	for i, in := range inputs {
		if a := in.ValueAttachment; a != nil {
			if u, err := url.Parse(a.URL); err == nil && u.IsAbs() {
				c := *a
				c.URL = u.Path
				in.ValueAttachment = &c
			}
		}
		out[i] = in
	}
	return out
}
