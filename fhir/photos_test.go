package fhir

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"triagedesk/triage"
)

func withPhotos() triage.Request {
	_, r := sample()
	r.Photos = []triage.PhotoRef{
		{N: 1, ContentType: "image/jpeg", Size: 48213, Width: 1200, Height: 900},
		{N: 2, ContentType: "image/png", Size: 9120, Width: 640, Height: 480},
	}
	return r
}

// TestPhotosTravelAsReferences: the Task names each photo by an absolute address the
// desk can fetch, with its type, size and dimensions, and never carries the picture;
// the Bundle, the compact feed and a read Task bring the photos back whole.
func TestPhotosTravelAsReferences(t *testing.T) {
	r := withPhotos()
	b := FeedBundle(Records{Requests: []triage.Request{r}}, "0", "1", false)
	b.Absolute("https://queue.example")
	body, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"url":"https://queue.example/api/v1/requests/12/photos/1"`, `"url":"https://queue.example/api/v1/requests/12/photos/2"`,
		`"contentType":"image/png"`, `"size":48213`, `"title":"Photo 2 of 2"`} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("the feed Bundle lacks %s:\n%s", want, body)
		}
	}
	if bytes.Contains(body, []byte(`"data"`)) {
		t.Errorf("the feed carries a picture's data")
	}
	page, err := ParseFeed(body)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Requests) != 1 || !reflect.DeepEqual(page.Requests[0].Photos, r.Photos) {
		t.Fatalf("photos from the Bundle: %+v, want %+v", page.Requests, r.Photos)
	}
	var buf bytes.Buffer
	if err := EncodeDeskPage(&buf, Records{Requests: []triage.Request{r}}, "1", false); err != nil {
		t.Fatal(err)
	}
	compact, err := ParseDeskPage(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(compact.Requests[0].Photos, r.Photos) {
		t.Fatalf("photos from the compact feed: %+v", compact.Requests[0].Photos)
	}
	// A Task read and sent back unchanged (absolute addresses and all) is no change.
	task := TaskFrom(&r)
	task = task.WithAbsolute("https://queue.example")
	if actions, err := ActionsFromUpdate(&r, &task, "dr.lee"); err != nil || len(actions) != 0 {
		t.Fatalf("an unchanged Task with photos: %v, %v", actions, err)
	}
}

// TestPhotosOnTheWireAreChecked: a photo reference that is not one of this request's
// photos on the queue, or of a type the queue never keeps, is refused rather than
// cached; a desk fetches only from its own queue's photo address.
func TestPhotosOnTheWireAreChecked(t *testing.T) {
	photo := func(url, ct string) TaskInput {
		return TaskInput{Type: CodeableConcept{Coding: []Coding{{System: SystemInput, Code: InputPhoto}}},
			ValueAttachment: &Attachment{ContentType: ct, URL: url, Size: 10}}
	}
	tests := []struct {
		name string
		in   TaskInput
		says string
	}{
		{"another request's photo", photo("https://queue.example/api/v1/requests/13/photos/1", "image/jpeg"), "not one of this request's photos"},
		{"somewhere else", photo("https://evil.example/x.jpg", "image/jpeg"), "not one of this request's photos"},
		{"photo 4", photo("/api/v1/requests/12/photos/4", "image/jpeg"), "photos 1 to 3"},
		{"not a photo type", photo("/api/v1/requests/12/photos/1", "image/svg+xml"), "image/svg+xml"},
		{"no attachment", TaskInput{Type: CodeableConcept{Coding: []Coding{{System: SystemInput, Code: InputPhoto}}}}, "valueAttachment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := sample()
			task := TaskFrom(&r)
			task.Input = append(task.Input, tt.in)
			if _, err := task.ToRequest(); err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("got %v, want an error saying %q", err, tt.says)
			}
		})
	}
}
