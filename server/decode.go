package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"triagedesk/triage"
)

// unreadable is what a patient is told when their app sent something the queue cannot
// read: nothing they typed is wrong, so it asks them to try again rather than to fix it.
const unreadable = "Your request could not be read, so it was not sent. Please try again. If it keeps happening, call the surgery; if you need help now call NHS 111, or 999 in an emergency."

// decode reads a JSON body strictly, so nothing a client sends is silently dropped or
// silently chosen between: unknown fields, a second JSON value after the first, a key
// given twice (which encoding/json would settle by keeping the last, matching names
// in any case) and text that is not UTF-8 (which it would turn into U+FFFD) are all
// refused with a message naming the fault.
func decode(r *http.Request, v any) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return triage.Errorf(triage.EINVALID, "the request body could not be read to its end: %v", err).ForPatient(unreadable)
	}
	if err := checkJSON(body); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return triage.Errorf(triage.EINVALID, "the request body is not valid JSON of the expected shape: %v", err).ForPatient(unreadable)
	}
	return nil
}

// checkJSON checks that body is exactly one JSON value, valid UTF-8, with no object
// holding the same key twice. Keys are compared the way encoding/json matches them to
// fields, ignoring case, so {"kind":"admin","Kind":"clinical"} is a duplicate too.
func checkJSON(body []byte) error {
	bad := func(format string, args ...any) error {
		return triage.Errorf(triage.EINVALID, "the request body is not valid JSON of the expected shape: "+format, args...).ForPatient(unreadable)
	}
	if !utf8.Valid(body) {
		return bad("it is not UTF-8 text")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return bad("the body is empty; send a JSON object")
	}
	type frame struct {
		keys    map[string]bool // nil for an array
		wantKey bool
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // a number is only checked for shape here; the real decode types it
	var stack []frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return bad("%v", err)
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if top != nil && top.keys != nil {
					top.wantKey = true
				}
				f := frame{}
				if t == '{' {
					f = frame{keys: map[string]bool{}, wantKey: true}
				}
				stack = append(stack, f)
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if top != nil && top.keys != nil && top.wantKey {
				k := foldKey(t)
				if top.keys[k] {
					return bad("the key %q appears twice in one object; send each once", t)
				}
				top.keys[k], top.wantKey = true, false
				continue
			}
			if top != nil && top.keys != nil {
				top.wantKey = true
			}
		default:
			if top != nil && top.keys != nil {
				top.wantKey = true
			}
		}
		if len(stack) == 0 {
			break
		}
	}
	if _, err := dec.Token(); err != io.EOF {
		return bad("there is more after the first JSON value; send one object only")
	}
	return nil
}

// foldKey is the form in which encoding/json compares an object's key with a field's
// name (Unicode simple folding), so two keys it would read as one field fold equal.
func foldKey(k string) string { return strings.ToLower(strings.ToUpper(k)) }

// audienceKey marks a request of the patient API, whose errors are written for
// patients.
type audienceKey struct{}

// forPatients marks the handler's requests as the patient API's: its refusals carry
// the message written for a patient (OperationOutcome issue.details.text) beside the
// technical one for the app's developer (issue.diagnostics).
func (s *Server) forPatients(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h(w, r.WithContext(context.WithValue(r.Context(), audienceKey{}, true)))
	}
}

// fromPatient reports whether r came through the patient API.
func fromPatient(r *http.Request) bool {
	p, _ := r.Context().Value(audienceKey{}).(bool)
	return p
}
