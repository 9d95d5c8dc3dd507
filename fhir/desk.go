package fhir

import (
	"fmt"
	"io"
	"mime"
	"reflect"
	"strings"

	"github.com/fxamacker/cbor/v2"
)

// DeskMediaType names the compact form of the change feed that Triage Desk asks for:
// the records of a history Bundle, encoded as CBOR (RFC 8949). The feed is the one hot
// path of the wire: a desk's first sync is 100,000 requests, and decoding them as FHIR
// Tasks takes about 3 s of one core where this takes a tenth of that. Every other
// client, and any desk that does not ask for it, gets the FHIR Bundle.
//
// It replaced a form in encoding/gob ("application/vnd.triagedesk.feed+gob", version
// 1), which sent, and made every desk compile again, the description of its types
// with every reply: about 200 µs of CPU on each side of every page. CBOR's encoder and
// decoder work out a type once per process.
const DeskMediaType = "application/vnd.triagedesk.feed+cbor"

// DeskFeedVersion is the version of the compact form this build writes and reads. It
// travels twice: as the media type's "v" parameter, which the desk names in Accept and
// the queue in Content-Type, so a desk and a queue of different versions agree on the
// FHIR Bundle instead; and as the first item of every page, so a page that reaches a
// desk under the wrong label is refused, never misread.
const DeskFeedVersion = "2"

// DeskContentType is the compact form with its version, as a desk asks for it and the
// queue labels it.
const DeskContentType = DeskMediaType + "; v=" + DeskFeedVersion

// deskFormat opens every compact page: the form's name and version. Other versions
// start with deskFormatName and a version of their own.
const (
	deskFormatName = "triagedesk-feed/"
	deskFormat     = deskFormatName + DeskFeedVersion
)

// oldDeskMediaType is the gob form of version 1, named only to say why it is refused.
const oldDeskMediaType = "application/vnd.triagedesk.feed+gob"

// The one encoder and decoder of the compact form: each keeps what it learnt of a Go
// type for the life of the process. The decoder is strict: a duplicated field, an
// indefinite length or text that is not UTF-8 makes the page an error.
var deskEnc, deskDec = func() (cbor.EncMode, cbor.DecMode) {
	enc, err := cbor.EncOptions{
		Time:        cbor.TimeRFC3339Nano, // to the nanosecond, with the offset, as gob kept it
		IndefLength: cbor.IndefLengthForbidden,
	}.EncMode()
	if err != nil {
		panic(err)
	}
	dec, err := cbor.DecOptions{
		DupMapKey:         cbor.DupMapKeyEnforcedAPF,
		IndefLength:       cbor.IndefLengthForbidden,
		TagsMd:            cbor.TagsAllowed,
		UTF8:              cbor.UTF8RejectInvalid,
		FieldNameMatching: cbor.FieldNameMatchingCaseSensitive,
		DefaultMapType:    reflect.TypeOf(map[string]any(nil)),
	}.DecMode()
	if err != nil {
		panic(err)
	}
	return enc, dec
}()

// deskIDsDec is the decoder of DeskPageIDs, which stands in for a desk under load and
// keeps nothing it reads: it does not look for duplicated fields among those it skips,
// which costs a map for every record.
var deskIDsDec = func() cbor.DecMode {
	dec, err := cbor.DecOptions{
		IndefLength:       cbor.IndefLengthForbidden,
		UTF8:              cbor.UTF8RejectInvalid,
		FieldNameMatching: cbor.FieldNameMatchingCaseSensitive,
	}.DecMode()
	if err != nil {
		panic(err)
	}
	return dec
}()

// EncodeDeskPage writes a page of the change feed in its compact form: the form's
// name and version, then the page.
func EncodeDeskPage(w io.Writer, ch Records, next string, more bool) error {
	enc := deskEnc.NewEncoder(w)
	if err := enc.Encode(deskFormat); err != nil {
		return fmt.Errorf("write the compact feed page: %w", err)
	}
	p := FeedPage{Sites: ch.Sites, GPTeams: ch.GPTeams, Patients: ch.Patients, Requests: ch.Requests, Cursor: next, More: more}
	if err := enc.Encode(&p); err != nil {
		return fmt.Errorf("write the compact feed page: %w", err)
	}
	return nil
}

// CheckDeskMediaType reports whether a reply's media type and parameters (its
// Content-Type, as mime.ParseMediaType reads it) are the compact feed of this version,
// and refuses, saying what to do, one in another version of it: a desk never reads a
// page it was not built for.
func CheckDeskMediaType(mt string, params map[string]string) (compact bool, err error) {
	switch {
	case mt == oldDeskMediaType:
		return false, fmt.Errorf("the practice queue sent its feed in an older form (%s) than this desk reads: update the practice queue, or use the Triage Desk of its version", mt)
	case mt != DeskMediaType:
		return false, nil
	case params["v"] != DeskFeedVersion:
		return false, fmt.Errorf("the practice queue sent its feed in version %q of the desk's form, and this desk reads version %s: update Triage Desk, or the practice queue, so both are of the same release", params["v"], DeskFeedVersion)
	}
	return true, nil
}

// AcceptsDeskFeed reports whether an Accept header asks for the compact feed in this
// version. A desk of another version is answered with the FHIR Bundle, which every
// version reads.
func AcceptsDeskFeed(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		if mt, params, err := mime.ParseMediaType(strings.TrimSpace(part)); err == nil && mt == DeskMediaType && params["v"] == DeskFeedVersion {
			return true
		}
	}
	return false
}

// deskHeader reads the name and version that open a compact page and returns what
// follows them.
func deskHeader(body []byte) ([]byte, error) {
	var format string
	rest, err := deskDec.UnmarshalFirst(body, &format)
	if err != nil || !strings.HasPrefix(format, deskFormatName) {
		return nil, fmt.Errorf("the compact feed page cannot be decoded: it does not start with the form's name and version (%s)", deskFormat)
	}
	if format != deskFormat {
		return nil, fmt.Errorf("the compact feed page is in version %q, and this desk reads version %s: update Triage Desk, or the practice queue, so both are of the same release",
			strings.TrimPrefix(format, deskFormatName), DeskFeedVersion)
	}
	return rest, nil
}

// ParseDeskPage decodes a compact feed page as strictly as ParseFeed reads a Bundle:
// any record that fails its checks makes the whole page an error, so a damaged page
// never reaches the cache. The caller bounds the size of body.
func ParseDeskPage(body []byte) (FeedPage, error) {
	rest, err := deskHeader(body)
	if err != nil {
		return FeedPage{}, err
	}
	var p FeedPage
	if err := deskDec.Unmarshal(rest, &p); err != nil {
		return FeedPage{}, fmt.Errorf("the compact feed page cannot be decoded: %w", err)
	}
	if p.Cursor == "" {
		return FeedPage{}, fmt.Errorf("the feed page has no cursor to continue from")
	}
	for i, s := range p.Sites {
		if s.ID == "" {
			return FeedPage{}, fmt.Errorf("feed site %d has no id", i)
		}
	}
	for i, g := range p.GPTeams {
		if g.ID == "" {
			return FeedPage{}, fmt.Errorf("feed GP team %d has no id", i)
		}
	}
	for i := range p.Patients {
		pt := &p.Patients[i]
		if pt.ID <= 0 || pt.Version <= 0 {
			return FeedPage{}, fmt.Errorf("feed patient %d has no id or version", i)
		}
		if err := pt.Validate(); err != nil {
			return FeedPage{}, fmt.Errorf("feed patient %d: %w", pt.ID, err)
		}
	}
	for i := range p.Requests {
		if err := p.Requests[i].Validate(); err != nil {
			return FeedPage{}, fmt.Errorf("feed entry %d: %w", i, err)
		}
	}
	return p, nil
}

// deskPageIDs is a compact feed page as DeskPageIDs reads it: each record checked as
// well-formed CBOR and kept undecoded, for recordID to find its id.
type deskPageIDs struct {
	Patients []cbor.RawMessage `json:"patients"`
	Requests []cbor.RawMessage `json:"requests"`
	Cursor   string            `json:"cursor"`
	More     bool              `json:"more"`
}

// recordID returns the id of a patient or request of a compact page. The queue's
// encoder writes a record's fields in their Go order, id first, so it reads the first
// field alone; a record whose first field is another is decoded whole instead.
// Decoding every record to skip all but its id cost more than the rest of the page: the
// decoder makes a value of every name it skips.
func recordID(raw []byte) (int64, error) {
	var key string
	if len(raw) > 0 && raw[0]>>5 == 5 { // a map
		head := 1
		switch raw[0] & 0x1f {
		case 24:
			head = 2
		case 25:
			head = 3
		case 26:
			head = 5
		case 27:
			head = 9
		}
		if len(raw) > head {
			if rest, err := deskIDsDec.UnmarshalFirst(raw[head:], &key); err == nil && key == "id" {
				var id int64
				if _, err := deskIDsDec.UnmarshalFirst(rest, &id); err != nil {
					return 0, err
				}
				return id, nil
			}
		}
	}
	var r struct {
		ID int64 `json:"id"`
	}
	if err := deskIDsDec.Unmarshal(raw, &r); err != nil {
		return 0, err
	}
	return r.ID, nil
}

// DeskPageIDs reads a compact feed page for the ids of its requests and patients, its
// cursor and whether more follow, and skips the rest of every record (the decoder
// still checks every byte of the page). It is for what stands in for a desk under
// load, such as the bench's desks that follow the queue over the wire and only note
// when each request arrived; a desk that keeps what it receives uses ParseDeskPage.
func DeskPageIDs(body []byte) (requests, patients []int64, cursor string, more bool, err error) {
	rest, err := deskHeader(body)
	if err != nil {
		return nil, nil, "", false, err
	}
	var p deskPageIDs
	if err := deskIDsDec.Unmarshal(rest, &p); err != nil {
		return nil, nil, "", false, fmt.Errorf("the compact feed page cannot be decoded: %w", err)
	}
	if p.Cursor == "" {
		return nil, nil, "", false, fmt.Errorf("the feed page has no cursor to continue from")
	}
	ids := func(raws []cbor.RawMessage, what string) ([]int64, error) {
		out := make([]int64, len(raws))
		for i, raw := range raws {
			id, err := recordID(raw)
			if err != nil {
				return nil, fmt.Errorf("the compact feed page cannot be decoded: %s %d: %w", what, i, err)
			}
			out[i] = id
		}
		return out, nil
	}
	if requests, err = ids(p.Requests, "request"); err != nil {
		return nil, nil, "", false, err
	}
	if patients, err = ids(p.Patients, "patient"); err != nil {
		return nil, nil, "", false, err
	}
	return requests, patients, p.Cursor, p.More, nil
}
