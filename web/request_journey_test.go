package web_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"triagedesk/triage"
)

// verifiedPatient is Ruth, on the practice list, signed in through the pages with
// her details checked by the practice: she can send requests and read replies.
func verifiedPatient(t *testing.T, s *site, tb *tab, email string) {
	t.Helper()
	s.listed(t, "943 476 5919", "Ruth", "Jones", "1980-04-21", triage.Female)
	signUpAndIn(t, s, tb, email, false)
	tb.open(s.URL + "/details")
	tellThePractice(t, tb, "943 476 5919", "Ruth", "Jones", "21", "4", "1980")
	tb.submit()
	if n := s.verifyClaims(t); n != 1 {
		t.Fatalf("the practice verified %d claims, want 1", n)
	}
}

// photoWithLocation writes a JPEG into dir whose EXIF block says where it was taken,
// as a phone's camera would, and returns its path.
func photoWithLocation(t *testing.T, dir string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for x := range 64 {
		for y := range 48 {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 5), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	// An APP1 segment right after the start-of-image marker: "Exif\0\0" and a payload
	// holding a place, which decoders skip and a careless server would keep.
	payload := append([]byte("Exif\x00\x00"), []byte("GPSLatitude 51.5072 N GPSLongitude 0.1276 W")...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
	jpg := append(append([]byte{0xFF, 0xD8}, app1...), b.Bytes()[2:]...)
	path := filepath.Join(dir, "rash.jpg")
	if err := os.WriteFile(path, jpg, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var sentPage = regexp.MustCompile(`/request/sent/(\d+)`)

// A medical request end to end, every page checked by axe at 320 and 1280 pixels: no
// red flags, a measured temperature, not pregnant, the patient's words, a photo with a
// location in it, a number to call. The practice gets the request with the answers and
// the photo without the location; the patient gets the confirmation page with a
// reference and an email with nothing clinical in it.
func TestJourneySendARequest(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, phone)
	verifiedPatient(t, s, tb, "ruth@example.com")
	tb.open(s.URL + "/")
	tb.follow("Start now")
	tb.mustSee("What is your request about?")
	tb.axeAt("request: kind")
	tb.choose("kind-medical")
	tb.submit()
	tb.mustSee("Do you have any of these now?", "chest pain", "None of these")
	tb.axeAt("request: red flags")
	tb.choose("flag-none")
	tb.submit()
	tb.mustSee("Have you measured a temperature?")
	tb.axeAt("request: temperature")
	tb.typeInto("temperature", "38.2")
	tb.submit()
	tb.mustSee("pregnant")
	tb.axeAt("request: pregnant")
	tb.choose("pregnant-no")
	tb.submit()
	tb.mustSee("Tell us about your request", "5,000 characters")
	tb.axeAt("request: text")
	words := "A rash on my arm for three days, itchy, spreading a little. Tried antihistamines."
	tb.typeInto("text", words)
	tb.submit()
	tb.mustSee("Add photos")
	tb.axeAt("request: photos")
	tb.do("choose a photo", chromedp.SetUploadFiles(chromedp.ID("photos"), []string{photoWithLocation(t, t.TempDir())}))
	tb.submit()
	tb.mustSee("How should the practice contact you?")
	tb.axeAt("request: contact")
	tb.typeInto("phone", "07700 900 982")
	tb.typeInto("avoid", "not before 10am")
	tb.submit()
	tb.mustSee("Check your request before sending it", "38.2", words, "1 photo", "07700 900 982")
	tb.axeAt("request: check")
	tb.submit()
	tb.mustSee("Request sent", "Your reference is")
	tb.axeAt("request: sent")

	m := sentPage.FindStringSubmatch(tb.location())
	if m == nil {
		t.Fatalf("the confirmation page is at %s, not /request/sent/ID", tb.location())
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	tb.mustSee(m[1])
	ctx := context.Background()
	r, err := s.q.Request(ctx, id)
	if err != nil {
		t.Fatalf("the request the page confirmed: %v", err)
	}
	if r.Kind != triage.Clinical || !strings.Contains(r.Text, words) {
		t.Errorf("the practice has a %s request saying %q", r.Kind, r.Text)
	}
	if r.Answers == nil || r.Answers.TemperatureC != 38.2 || r.Answers.Pregnant != triage.No || len(r.Answers.RedFlags) != len(triage.RedFlagQuestions) || len(r.Answers.YesTo()) != 0 {
		t.Errorf("the practice has the answers %+v, want 38.2 °C, not pregnant, every red flag answered no", r.Answers)
	}
	photos, err := s.q.Photos(ctx, id)
	if err != nil || len(photos) != 1 {
		t.Fatalf("the request has %d photos (%v), want 1", len(photos), err)
	}
	if bytes.Contains(photos[0].Data, []byte("Exif")) || bytes.Contains(photos[0].Data, []byte("GPS")) {
		t.Error("the stored photo still holds the EXIF block with the place it was taken")
	}
	e := s.mail.Wait("ruth@example.com", 2)
	for _, clinical := range []string{"rash", "38.2", "antihistamine", "Ruth"} {
		if strings.Contains(strings.ToLower(e.Body()), strings.ToLower(clinical)) {
			t.Errorf("the 'we have your request' email says %q: %s", clinical, e.Body())
		}
	}
	tb.open(s.URL + "/requests")
	tb.mustSee("Your requests", m[1])
	tb.axeAt("your requests")
	tb.followRequest("A rash on my arm for three days")
	tb.mustSee("A rash on my arm for three days", "Reference", m[1], words)
	tb.axeAt("one request")
}

// A yes to a red-flag question stops the form at once with "Call 999 now" and the
// advice for what was ticked, and the practice still receives the request, an
// emergency, with the ticked answers.
func TestJourneyRedFlagStopsTheFormAndReachesThePractice(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, narrow)
	verifiedPatient(t, s, tb, "ruth@example.com")
	tb.open(s.URL + "/request/start")
	tb.choose("kind-medical")
	tb.submit()
	tb.choose("flag-chest-pain")
	tb.choose("flag-breathing")
	tb.submit()
	tb.mustSee("Call 999 now", "reference")
	if strings.Contains(tb.text(), "Tell us about your request") {
		t.Error("the stop page goes on to the rest of the form")
	}
	tb.axeAt("request: stop, call 999")
	reqs, _, err := s.q.Requests(context.Background(), 0, 10)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("the practice has %d requests (%v), want the one ticked", len(reqs), err)
	}
	r := reqs[0]
	var yes []string
	for _, q := range r.Answers.YesTo() {
		yes = append(yes, q.ID)
	}
	if strings.Join(yes, ",") != "chest-pain,breathing" {
		t.Errorf("the practice received yes to %v, want chest-pain and breathing", yes)
	}
	if r.Priority != triage.Emergency {
		t.Errorf("the request is %s, want an emergency", r.Priority)
	}
	if !strings.Contains(tb.text(), strconv.FormatInt(r.ID, 10)) {
		t.Errorf("the stop page does not give the reference %d", r.ID)
	}
}

// Bad input on the request's pages comes back with an error summary linking to the
// field and nothing typed lost: empty text, 5,001 characters, a 20 MB photo, a file
// that is not an image. With clinical requests paused, only admin and medication are
// offered.
func TestJourneyRequestBadInputKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, phone)
	verifiedPatient(t, s, tb, "ruth@example.com")
	tb.open(s.URL + "/request/start")
	tb.choose("kind-admin")
	tb.submit()
	tb.mustSee("Tell us about your request")

	tb.submit()
	tb.mustShowError("text", "Enter what your request is about")
	long := strings.Repeat("a", triage.MaxTextLength+1)
	tb.setValue("text", long)
	tb.submit()
	tb.mustShowError("text", "5,000 characters or fewer")
	if got := tb.value("text"); got != long {
		t.Errorf("after the error the text holds %d characters, want the 5,001 typed", len(got))
	}
	tb.axeAt("request: text too long")
	tb.setValue("text", "A fit note for last week, please.")
	tb.submit()
	tb.mustSee("Add photos")

	dir := t.TempDir()
	big := filepath.Join(dir, "big.jpg")
	if err := os.WriteFile(big, append([]byte{0xFF, 0xD8, 0xFF}, bytes.Repeat([]byte{0}, 20<<20)...), 0o644); err != nil {
		t.Fatal(err)
	}
	notImage := filepath.Join(dir, "letter.pdf")
	if err := os.WriteFile(notImage, []byte("%PDF-1.4 not a photo"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ file, want string }{{big, "5 MB or smaller"}, {notImage, "JPEG or PNG"}} {
		tb.do("choose "+tt.file, chromedp.SetUploadFiles(chromedp.ID("photos"), []string{tt.file}))
		tb.submit()
		tb.mustShowError("photos", tt.want)
	}
	tb.axeAt("request: photo refused")
	tb.open(s.URL + "/request/text")
	if got := tb.value("text"); got != "A fit note for last week, please." {
		t.Errorf("after the refused photos the text is %q", got)
	}

	if code := s.api(t, http.MethodPut, "/api/v1/settings/availability", s.manager, `{"switch":"clinical-paused"}`); code != http.StatusOK {
		t.Fatalf("pause clinical requests: %d", code)
	}
	tb.open(s.URL + "/request/start")
	tb.mustSee("Medical requests are paused")
	if eval[bool](tb, `!!document.getElementById("kind-medical")`) {
		t.Error("with clinical requests paused the page still offers a medical request")
	}
}

// A session that ends while the patient writes their request (they went away for an
// hour) sends them to sign in again, and what they wrote is back once they have.
func TestJourneySessionExpiredMidRequestKeepsTheText(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	tb := newTab(t, phone)
	verifiedPatient(t, s, tb, "ruth@example.com")
	tb.open(s.URL + "/request/start")
	tb.choose("kind-admin")
	tb.submit()
	words := "Could I have a copy of my blood test results from October?"
	tb.typeInto("text", words)
	s.clock.add(2 * time.Hour)
	tb.submit()
	tb.mustSee("Sign in", "kept what you typed")
	tb.typeInto("email", "ruth@example.com")
	tb.typeInto("password", patientPassword)
	tb.submit() // back to the request, at its first page
	tb.mustSee("What is your request about?")
	tb.choose("kind-admin")
	tb.submit()
	if got := tb.value("text"); got != words {
		t.Errorf("after signing in again the request's text is %q, want %q as written before the session ended", got, words)
	}
}
