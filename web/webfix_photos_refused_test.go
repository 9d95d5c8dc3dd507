package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/url"
	"strings"
	"testing"
)

// Photos sent together are taken together or not at all: when one of them is refused,
// the page says why and keeps none of that form's photos, so the patient is not left
// with half of what they chose and a message that seems to say none was taken.
func TestWebfixARefusedPhotoKeepsNoneOfItsForm(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"admin"}})
	b.step("text", url.Values{"text": {"A rash on my arm."}})
	_, page := b.get("/request/photos")
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the photos page has no CSRF token")
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", m[1])
	for _, f := range []struct {
		name string
		data []byte
	}{{"rash.jpg", jpegWithLocation(t)}, {"notes.txt", []byte("not a photo")}} {
		fw, _ := mw.CreateFormFile("photos", f.name)
		fw.Write(f.data)
	}
	mw.Close()
	res, err := b.c.Post(b.e.http.URL+"/request/photos", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(out), "notes.txt is not a photo") {
		t.Fatalf("the refusal does not name the file: %d %s", res.StatusCode, out)
	}
	if _, page := b.get("/request/photos"); strings.Contains(page, "You have added 1 photo") {
		t.Errorf("a form with a refused photo kept the other one: %s", page)
	}
}
