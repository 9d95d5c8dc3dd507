package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"triagedesk/triage"
)

// patient signs up through the pages and tells the practice who they are.
func (e *env) patient(t testing.TB, email, nhs string) *browser {
	b := e.browser(t)
	b.signUp(email)
	if code, page := b.post("/details", "/details", url.Values{"nhs-number": {nhs}, "given-name": {"Ann"}, "family-name": {"Smith"},
		"dob-day": {"21"}, "dob-month": {"4"}, "dob-year": {"1980"}, "sex": {"female"}}); code != 200 || !strings.Contains(page, "Waiting for the practice") {
		t.Fatalf("details: %d %s", code, page)
	}
	return b
}

// step answers one page of a request and returns the page it leads to.
func (b *browser) step(name string, form url.Values) string {
	b.t.Helper()
	code, page := b.post("/request/"+name, "/request/"+name, form)
	if code != 200 {
		b.t.Fatalf("request step %s: %d %s", name, code, page)
	}
	return page
}

var sentRef = regexp.MustCompile(`Your reference is<br><strong>(\d+)</strong>`)

func TestSendAMedicalRequest(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"medical"}})
	page := b.step("red-flags", url.Values{"flag": {"none"}})
	if !strings.Contains(page, "Have you measured a temperature?") {
		t.Fatalf("after no red flags: %s", page)
	}
	b.step("temperature", url.Values{"temperature": {"38.4"}})
	b.step("pregnant", url.Values{"pregnant": {"no"}})
	b.step("text", url.Values{"text": {"A cough for three weeks, worse at night."}})
	b.step("photos", url.Values{})
	page = b.step("contact", url.Values{"phone": {"07700 900 982"}, "avoid": {"before 10am"}})
	if !strings.Contains(page, "Check your request") || !strings.Contains(page, "38.4°C") {
		t.Fatalf("the check page: %s", page)
	}
	page = b.step("check", url.Values{})
	m := sentRef.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no reference on the confirmation page: %s", page)
	}
	if !strings.Contains(page, "within one working day") {
		t.Errorf("the confirmation page does not say when to expect the outcome")
	}
	reqs, _, err := e.q.Requests(context.Background(), 0, 10)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("the queue holds %d requests (%v)", len(reqs), err)
	}
	r := reqs[0]
	if r.Kind != triage.Clinical || r.Answers == nil || r.Answers.TemperatureC != 38.4 || r.Answers.Pregnant != triage.No || len(r.Answers.RedFlags) != len(triage.RedFlagQuestions) {
		t.Errorf("the request's answers did not reach the queue: %+v", r.Answers)
	}
	// The times to avoid are their own field, not folded into the number.
	if r.Contact != triage.ContactPhone || r.ContactDetail != "07700 900 982" || r.ContactAvoid != "before 10am" {
		t.Errorf("contact %q, number %q, avoid %q", r.Contact, r.ContactDetail, r.ContactAvoid)
	}
	mail := e.mail.Wait("ann@example.com", 2)
	if !strings.Contains(mail.Body(), "The practice has your request") || strings.Contains(mail.Body(), "cough") {
		t.Errorf("the 'we have your request' email: %s", mail.Body())
	}
	// Sending the same request again (a reload of the check page) is one request.
	if code, _ := b.post("/request/contact", "/request/check", url.Values{}); code != 200 {
		t.Fatalf("resend: %d", code)
	}
	if reqs, _, _ := e.q.Requests(context.Background(), 0, 10); len(reqs) != 1 {
		t.Errorf("after a second press the queue holds %d requests", len(reqs))
	}
}

func TestARedFlagStopsTheFormAndThePracticeStillHearsOfIt(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"medical"}})
	page := b.step("red-flags", url.Values{"flag": {"chest-pain", "suicide"}})
	for _, want := range []string{"Call 999 now", "Samaritans", "We have told the practice what you ticked"} {
		if !strings.Contains(page, want) {
			t.Errorf("the stop page does not say %q", want)
		}
	}
	reqs, _, _ := e.q.Requests(context.Background(), 0, 10)
	if len(reqs) != 1 {
		t.Fatalf("the practice got %d requests", len(reqs))
	}
	r := reqs[0]
	if r.Priority != triage.Emergency || len(r.Answers.YesTo()) != 2 {
		t.Errorf("the practice got priority %s with yes to %v", r.Priority, r.Answers.YesTo())
	}
}

func TestAClinicalPauseOffersOnlyAdminAndMedication(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	if err := e.q.SetSetting(context.Background(), "availability", triage.Availability{Switch: triage.ModeClinicalPaused}, "mo"); err != nil {
		t.Fatal(err)
	}
	b.get("/request/start")
	_, page := b.get("/request/kind")
	if strings.Contains(page, `value="medical"`) || !strings.Contains(page, `value="medication"`) || !strings.Contains(page, `value="admin"`) {
		t.Errorf("while paused the kind page offers: %s", page)
	}
	page = b.step("kind", url.Values{"kind": {"medical"}})
	if !strings.Contains(page, "Medical requests are paused") {
		t.Errorf("a medical request sent while paused was not refused: %s", page)
	}
	b.step("kind", url.Values{"kind": {"medication"}})
	b.step("text", url.Values{"text": {"My repeat of ramipril has run out."}})
	b.step("photos", url.Values{})
	b.step("contact", url.Values{"phone": {"07700 900 982"}})
	if page := b.step("check", url.Values{}); !sentRef.MatchString(page) {
		t.Fatalf("a medication request while paused was not sent: %s", page)
	}
}

func TestBadRequestInputComesBackWithAnErrorSummaryAndNothingLost(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"admin"}})
	long := strings.Repeat("a", 5001)
	tests := []struct {
		name, text, want string
	}{
		{"empty", "   ", "Enter what your request is about"},
		{"5,001 characters", long, "5,000 characters or fewer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := b.step("text", url.Values{"text": {tt.text}})
			if !strings.Contains(page, "There is a problem") || !strings.Contains(page, `<a href="#text">`) || !strings.Contains(page, tt.want) {
				t.Fatalf("no error summary linking to the text: %s", page)
			}
			if !strings.Contains(page, ">"+tt.text+"</textarea>") {
				t.Errorf("what was typed was lost")
			}
		})
	}
	b.step("text", url.Values{"text": {"A fit note, please."}})
	photos := []struct {
		name string
		file []byte
		want string
	}{
		{"a 20 MB photo", append(jpegWithLocation(t), make([]byte, 20<<20)...), "5 MB or smaller"},
		{"not an image", []byte("%PDF-1.4 this is not a photo"), "must be JPEG or PNG"},
	}
	for _, p := range photos {
		t.Run(p.name, func(t *testing.T) {
			page := b.upload("/request/photos", "photo.jpg", p.file)
			if !strings.Contains(page, "There is a problem") || !strings.Contains(page, `<a href="#photos">`) || !strings.Contains(page, p.want) {
				t.Fatalf("no error summary linking to the photos: %s", page)
			}
		})
	}
	// The text typed before the photos is still there.
	if _, page := b.get("/request/text"); !strings.Contains(page, ">A fit note, please.</textarea>") {
		t.Errorf("the text was lost after refused photos")
	}
}

func TestPhotosAreStoredWithoutTheirLocation(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"admin"}})
	b.step("text", url.Values{"text": {"The form the school asked for."}})
	photo := jpegWithLocation(t)
	if !bytes.Contains(photo, []byte("Exif")) {
		t.Fatal("the test photo has no EXIF to strip")
	}
	b.upload("/request/photos", "form.jpg", photo)
	b.step("contact", url.Values{"phone": {"07700 900 982"}})
	if page := b.step("check", url.Values{}); !sentRef.MatchString(page) {
		t.Fatalf("not sent: %s", page)
	}
	reqs, _, _ := e.q.Requests(context.Background(), 0, 10)
	got, err := e.q.Photos(context.Background(), reqs[0].ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("stored photos: %d (%v)", len(got), err)
	}
	if bytes.Contains(got[0].Data, []byte("Exif")) || bytes.Contains(got[0].Data, []byte("GPS")) {
		t.Error("the stored photo still holds its EXIF location")
	}
	if _, err := jpeg.Decode(bytes.NewReader(got[0].Data)); err != nil {
		t.Errorf("the stored photo is not a JPEG: %v", err)
	}
}

// jpegWithLocation is a small JPEG with an EXIF block naming a GPS position.
func jpegWithLocation(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for x := 0; x < 64; x++ {
		img.Set(x, x%48, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	payload := append([]byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"), []byte("GPSLatitude 51.5074 N GPSLongitude 0.1278 W")...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	out := append([]byte{0xFF, 0xD8}, seg...)
	out = append(out, payload...)
	return append(out, b[2:]...)
}

// upload sends files to a page's form as a browser does, with the page's CSRF token.
func (b *browser) upload(path, name string, data []byte) string {
	b.t.Helper()
	_, page := b.get(path)
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		b.t.Fatalf("%s has no CSRF token", path)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", m[1])
	fw, _ := mw.CreateFormFile("photos", name)
	fw.Write(data)
	mw.Close()
	res, err := b.c.Post(b.e.http.URL+path, mw.FormDataContentType(), &body)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return string(out)
}

// A patient at the practice's live-request limit who ticks a red flag is still told to
// call 999, and the practice still receives what they ticked: an emergency is never
// refused for the limit that keeps routine requests in check.
func TestARedFlagReachesThePracticeEvenAtTheLimit(t *testing.T) {
	e := newEnv(t)
	if err := e.q.SetSetting(context.Background(), "limits", triage.Limits{MaxLive: 1, OveruseThreshold: 8}, "mo"); err != nil {
		t.Fatal(err)
	}
	b := e.patient(t, "ann@example.com", "9434765919")
	b.sendAdmin("A fit note, please.")
	b.get("/request/start")
	b.step("kind", url.Values{"kind": {"medical"}})
	page := b.step("red-flags", url.Values{"flag": {"stroke"}})
	if !strings.Contains(page, "Call 999 now") {
		t.Fatalf("the stop page: %s", page)
	}
	reqs, _, _ := e.q.Requests(context.Background(), 0, 10)
	if len(reqs) != 2 {
		t.Fatalf("the practice has %d requests, want the fit note and the emergency", len(reqs))
	}
	if !strings.Contains(page, "We have told the practice what you ticked") {
		t.Errorf("the patient is not told the practice has it: %s", page)
	}
}

// While clinical requests are paused, a red flag sent through the API still reaches
// the practice (the patient pages do not ask red flags then, but an app may).
func TestARedFlagReachesThePracticeWhileClinicalRequestsArePaused(t *testing.T) {
	e := newEnv(t)
	b := e.patient(t, "ann@example.com", "9434765919")
	_ = b
	if err := e.q.SetSetting(context.Background(), "availability", triage.Availability{Switch: triage.ModeClinicalPaused}, "mo"); err != nil {
		t.Fatal(err)
	}
	post := func(path, token, body string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", e.http.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var m map[string]any
		json.NewDecoder(res.Body).Decode(&m)
		return res.StatusCode, m
	}
	code, m := post("/api/v1/sessions", "", `{"email":"ann@example.com","password":"`+password+`"}`)
	if code != 201 {
		t.Fatalf("sign in: %d %v", code, m)
	}
	tok := m["token"].(string)
	code, m = post("/api/v1/requests", tok, `{"kind":"clinical","text":"I cannot breathe properly.","answers":{"redFlags":[{"question":"breathing","yes":true}]}}`)
	if code != 201 {
		t.Fatalf("a red flag while paused: %d %v", code, m)
	}
	code, _ = post("/api/v1/requests", tok, `{"kind":"clinical","text":"A sore knee for a month."}`)
	if code != http.StatusServiceUnavailable {
		t.Errorf("a routine clinical request while paused got %d, want 503", code)
	}
}
