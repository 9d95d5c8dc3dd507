package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// Sending a request: one question a page, the answers kept on the server in the
// session's draft so that nothing typed is lost going back and forth. For a medical
// request the red-flag questions come first; any yes stops the form and sends the
// practice what was ticked as an emergency.

// What the patient says a request is about; medication goes to the queue as an admin
// request, which stays open while clinical requests are paused.
const (
	kindMedical    = "medical"
	kindAdmin      = "admin"
	kindMedication = "medication"
)

// draft is a request being written.
type draft struct {
	ID string // the idempotency key: the same draft sent twice is one request

	PatientID int64
	ForName   string
	FirstName string // for the questions about someone else ("Does Amelia have…")
	For       triage.Whom
	Birth     time.Time
	Sex       triage.Sex

	Kind string

	FlagsAnswered bool
	Flags         []triage.FlagAnswer

	TempAnswered bool
	Temperature  string // as typed
	TemperatureC float64

	PregnantAnswered bool
	Pregnant         triage.YesNo

	Text string

	PhotosAnswered bool
	Photos         []store.Photo `json:"-"` // kept apart in the queue's copy of the session (session.go)

	ContactAnswered bool
	Phone, Avoid    string

	// Emergency is the result of a red-flag stop: the request sent, or why it could not be.
	Emergency *emergency
}

type emergency struct {
	Advice []string
	ID     int64
	Failed string
}

// person is someone the account may send a request for.
type person struct {
	PatientID int64
	Name      string
	FirstName string
	For       triage.Whom
	Birth     time.Time
	Sex       triage.Sex
	Pending   bool // the practice has not yet confirmed the claim
}

// people lists who the account may send requests for: itself, then those it acts
// for (children the practice confirmed, and those it has not yet), as the queue links
// them (store's patient_links), so the pages offer no one the API would refuse.
func (w *Web) people(c *ctx) ([]person, error) {
	var out []person
	ids := append([]int64{c.acc.PatientID}, c.acc.Dependants...)
	for i, id := range ids {
		if id == 0 {
			continue
		}
		p, err := w.srv.Queue().Patient(c.r.Context(), id)
		if err != nil {
			return nil, err
		}
		whom, name := triage.ForChild, p.Name()
		if i == 0 {
			whom, name = triage.ForSelf, "You ("+p.Name()+")"
		} else if triage.AgeAt(p.BirthDate, w.srv.Now()) >= 16 {
			whom = triage.ForAdult
		}
		out = append(out, person{PatientID: id, Name: name, FirstName: strings.TrimSpace(p.GivenName), For: whom, Birth: p.BirthDate, Sex: p.Sex, Pending: p.Unverified})
	}
	return out, nil
}

// steps are the pages of a request in order; next skips the ones that do not apply.
var steps = []string{"who", "kind", "red-flags", "temperature", "pregnant", "text", "photos", "contact", "check"}

func (d *draft) applies(step string, now time.Time) bool {
	medical := d.Kind == kindMedical
	switch step {
	case "red-flags", "temperature":
		return medical
	case "pregnant":
		if !medical || d.Sex == triage.Male {
			return false
		}
		age := triage.AgeAt(d.Birth, now)
		return d.Birth.IsZero() || (age >= 12 && age <= 55)
	}
	return true
}

// answered reports whether the patient has answered a step, so the check page can
// send them back to the first they have not.
func (d *draft) answered(step string) bool {
	switch step {
	case "who":
		return d.PatientID != 0
	case "kind":
		return d.Kind != ""
	case "red-flags":
		return d.FlagsAnswered
	case "temperature":
		return d.TempAnswered
	case "pregnant":
		return d.PregnantAnswered
	case "text":
		return strings.TrimSpace(d.Text) != ""
	case "photos":
		return d.PhotosAnswered
	case "contact":
		return d.ContactAnswered
	}
	return true
}

// next is the first step after from that applies and, on the way to the check page,
// the first not yet answered.
func (d *draft) next(from string, now time.Time) string {
	i := slices.Index(steps, from)
	for _, s := range steps[i+1:] {
		if d.applies(s, now) {
			return s
		}
	}
	return "check"
}

// firstUnanswered is the first step that applies and has no answer, or "check".
func (d *draft) firstUnanswered(now time.Time) string {
	for _, s := range steps {
		if s != "check" && d.applies(s, now) && !d.answered(s) {
			return s
		}
	}
	return "check"
}

func (d *draft) previous(step string, now time.Time, skipWho bool) string {
	i := slices.Index(steps, step)
	for j := i - 1; j >= 0; j-- {
		if steps[j] == "who" && skipWho {
			break
		}
		if d.applies(steps[j], now) {
			return "/request/" + steps[j]
		}
	}
	return "/"
}

// stepView is what a request page gets besides the form values.
type stepView struct {
	Draft     *draft
	People    []person
	Mode      triage.Mode
	Questions []shownQuestion
	Ticked    map[string]bool
	MaxText   int
	Live      int
	MaxLive   int
	NearLimit bool
	Summary   []summaryRow
}

// shownQuestion is a red-flag question as the page asks it of this draft.
type shownQuestion struct {
	ID, Ask string
}

// subject is who the draft's red-flag questions are about.
func (d *draft) subject() triage.Subject {
	return triage.Subject{For: d.For, Name: d.FirstName, Birth: d.Birth}
}

// questions are the red-flag questions that can apply to the draft's person, worded
// to them or about them.
func (d *draft) questions(now time.Time) []triage.RedFlagQuestion {
	return triage.RedFlagQuestionsFor(d.subject(), now)
}

// Self reports whether the patient writes for themselves, for the pages' wording.
func (d *draft) Self() bool { return d.For == "" || d.For == triage.ForSelf }

// Them is how the pages name the person a request is about: "you", or their first
// name.
func (d *draft) Them() string {
	if d.Self() {
		return "you"
	}
	if d.FirstName == "" {
		return "them"
	}
	return d.FirstName
}

type summaryRow struct {
	Key, Value, Change string
}

// draftOf returns the session's draft, starting one (with anything kept from a form
// whose session ended) when there is none.
func (c *ctx) draftOf() *draft {
	if d := c.sess.draft; d != nil {
		return d
	}
	d := &draft{ID: randomID()}
	if strings.HasPrefix(c.sess.keptFor, "/request/") {
		k := c.sess.kept
		d.Text, d.Phone, d.Avoid, d.Temperature = k["text"], k["phone"], k["avoid"], k["temperature"]
		c.sess.kept, c.sess.keptFor = nil, ""
	}
	c.sess.draft = d
	return d
}

func (w *Web) requestStep(c *ctx) (string, *view) {
	step := c.r.PathValue("step")
	if step == "start" {
		c.sess.draft = nil
		if kept := c.sess.keptFor; strings.HasPrefix(kept, "/request/") {
			c.draftOf() // carries what was kept into the new draft
		}
		return w.firstStep(c)
	}
	if !slices.Contains(steps, step) && step != "stop" {
		return c.redirect("/request/start")
	}
	d := c.draftOf()
	if step != "stop" && d.PatientID == 0 && step != "who" {
		return w.firstStep(c)
	}
	v, ok := w.stepPage(c, d, step)
	if !ok {
		return "", nil
	}
	return "request-" + step, v
}

// firstStep sends the patient to who the request is for, or straight to its kind when
// they act for no one else; or to their details first when the practice does not yet
// know who they are.
func (w *Web) firstStep(c *ctx) (string, *view) {
	mode, _, _, err := w.srv.Mode(c.r.Context())
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	if mode == triage.ModeClosed {
		return c.redirect("/")
	}
	people, err := w.people(c)
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	if len(people) == 0 {
		return c.redirect("/details")
	}
	d := c.draftOf()
	if len(people) == 1 {
		d.setPerson(people[0], w.srv.Now())
		return c.redirect("/request/kind")
	}
	return c.redirect("/request/who")
}

func (d *draft) setPerson(p person, now time.Time) {
	d.PatientID, d.ForName, d.FirstName, d.For, d.Birth, d.Sex = p.PatientID, p.Name, p.FirstName, p.For, p.Birth, p.Sex
}

// stepPage fills the view of a step from the draft.
func (w *Web) stepPage(c *ctx, d *draft, step string) (*view, bool) {
	now := w.srv.Now()
	v := c.view(d.title(step))
	people, err := w.people(c)
	if err != nil {
		name, pv := c.problem("Sorry, there is a problem with the service", err)
		w.render(c.rw, http.StatusInternalServerError, name, pv)
		c.done = true
		return nil, false
	}
	mode, _, _, _ := w.srv.Mode(c.r.Context())
	sv := &stepView{Draft: d, People: people, Mode: mode, Ticked: map[string]bool{}, MaxText: triage.MaxTextLength}
	for _, q := range d.questions(now) {
		sv.Questions = append(sv.Questions, shownQuestion{ID: q.ID, Ask: q.AskAbout(d.subject())})
	}
	for _, f := range d.Flags {
		sv.Ticked[f.Question] = f.Yes
	}
	if step != "stop" {
		v.Back = d.previous(step, now, len(people) < 2)
	}
	if v.Values["text"] == "" {
		v.Values["text"] = d.Text
	}
	v.Values["who"] = strconv.FormatInt(d.PatientID, 10)
	v.Values["kind"] = d.Kind
	v.Values["pregnant"] = string(d.Pregnant)
	if v.Values["temperature"] == "" {
		v.Values["temperature"] = d.Temperature
	}
	if v.Values["phone"] == "" {
		v.Values["phone"] = d.Phone
	}
	if v.Values["avoid"] == "" {
		v.Values["avoid"] = d.Avoid
	}
	if step == "kind" || step == "check" {
		w.limitsFor(c, d, sv)
	}
	if step == "check" {
		sv.Summary = w.summary(d, now, len(people) > 1)
	}
	v.Data = sv
	return v, true
}

// title is a step's page title, about the person the request is for.
func (d *draft) title(step string) string {
	if d.Self() {
		return stepTitles[step]
	}
	name := d.Them()
	switch step {
	case "red-flags":
		return "Does " + name + " have any of these now?"
	case "temperature":
		return "Have you measured " + possessive(name) + " temperature?"
	case "pregnant":
		return "Could " + name + " be pregnant?"
	case "stop":
		return "Call 999 now for " + name
	}
	return stepTitles[step]
}

// possessive is a name with its 's.
func possessive(name string) string {
	if name == "them" {
		return "their"
	}
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

var stepTitles = map[string]string{
	"who":         "Who is this request for?",
	"kind":        "What is your request about?",
	"red-flags":   "Do you have any of these now?",
	"temperature": "Have you measured a temperature?",
	"pregnant":    "Are you, or could you be, pregnant?",
	"text":        "Tell us about your request",
	"photos":      "Add photos (optional)",
	"contact":     "How should the practice contact you?",
	"check":       "Check your request before sending it",
	"stop":        "Call 999 now",
}

// limitsFor counts the person's open requests against the practice's limit, for the
// kind reminder when they are near it.
func (w *Web) limitsFor(c *ctx, d *draft, sv *stepView) {
	limits, err := w.srv.Limits(c.r.Context())
	if err != nil {
		return
	}
	// Counting them reads the account's requests: through the audited read, like any
	// page that looks at them.
	reqs, err := w.srv.OwnRequests(c.r.Context(), c.acc, "patient pages")
	if err != nil {
		return // the reminder is left out; the queue still applies the limit on sending
	}
	for _, r := range reqs {
		if r.PatientID == d.PatientID && r.Open {
			sv.Live++
		}
	}
	sv.MaxLive = limits.MaxLive
	sv.NearLimit = limits.MaxLive > 0 && sv.Live >= limits.MaxLive-1
}

func (w *Web) requestAnswer(c *ctx) (string, *view) {
	step := c.r.PathValue("step")
	d := c.draftOf()
	now := w.srv.Now()
	if step != "who" && d.PatientID == 0 {
		return w.firstStep(c)
	}
	v, ok := w.stepPage(c, d, step)
	if !ok {
		return "", nil
	}
	sv := v.Data.(*stepView)
	fail := func(field, msg string) (string, *view) {
		v.Errors = append(v.Errors, fieldError{field, msg})
		return "request-" + step, v
	}
	switch step {
	case "who":
		id, _ := strconv.ParseInt(c.r.PostFormValue("who"), 10, 64)
		i := slices.IndexFunc(sv.People, func(p person) bool { return p.PatientID == id })
		if i < 0 {
			return fail("who-0", "Select who the request is for")
		}
		if d.PatientID != id {
			*d = draft{ID: d.ID, Text: d.Text, Phone: d.Phone, Avoid: d.Avoid}
		}
		d.setPerson(sv.People[i], now)
	case "kind":
		k := c.r.PostFormValue("kind")
		switch k {
		case kindMedical, kindAdmin, kindMedication:
		default:
			return fail("kind-"+kindMedical, "Select what your request is about")
		}
		if k == kindMedical && sv.Mode == triage.ModeClinicalPaused {
			return fail("kind-"+kindAdmin, "Medical requests are paused. Choose admin or medication, or call NHS 111")
		}
		if k != d.Kind {
			d.FlagsAnswered, d.Flags, d.TempAnswered, d.PregnantAnswered = false, nil, false, false
		}
		d.Kind = k
	case "red-flags":
		ticked := c.r.PostForm["flag"]
		none := slices.Contains(ticked, "none")
		asked := d.questions(now)
		first := "flag-" + asked[0].ID
		if len(ticked) == 0 {
			if d.Self() {
				return fail(first, "Select any you have now, or select 'None of these'")
			}
			return fail(first, "Select any "+d.Them()+" has now, or select 'None of these'")
		}
		if none && len(ticked) > 1 {
			return fail(first, "Select the ones "+d.Them()+" "+map[bool]string{true: "have", false: "has"}[d.Self()]+" now, or only 'None of these'")
		}
		d.Flags = d.Flags[:0]
		var advice []string
		for _, q := range asked {
			yes := slices.Contains(ticked, q.ID)
			d.Flags = append(d.Flags, triage.FlagAnswer{Question: q.ID, Yes: yes})
			if a := q.AdviceAbout(d.subject()); yes && !slices.Contains(advice, a) {
				advice = append(advice, a)
			}
		}
		d.FlagsAnswered = true
		if len(advice) > 0 {
			w.sendEmergency(c, d, advice)
			return c.redirect("/request/stop")
		}
	case "temperature":
		t := strings.TrimSpace(strings.ReplaceAll(strings.TrimSuffix(strings.TrimSpace(c.r.PostFormValue("temperature")), "°C"), ",", "."))
		v.Values["temperature"] = c.r.PostFormValue("temperature")
		d.TemperatureC = 0
		if t != "" {
			f, err := strconv.ParseFloat(t, 64)
			if err != nil {
				return fail("temperature", "Enter the temperature as a number, like 38.2, or leave it empty")
			}
			a := triage.Answers{TemperatureC: f}
			if err := a.Validate(); err != nil {
				return fail("temperature", fmt.Sprintf("Enter a temperature in °C between %g and %g, like 38.2. Check you have not typed it in °F", triage.MinTemperatureC, triage.MaxTemperatureC))
			}
			d.TemperatureC = f
		}
		d.Temperature, d.TempAnswered = v.Values["temperature"], true
	case "pregnant":
		switch p := triage.YesNo(c.r.PostFormValue("pregnant")); p {
		case triage.Yes, triage.No, triage.NotSure:
			d.Pregnant, d.PregnantAnswered = p, true
		default:
			return fail("pregnant-yes", "Select yes, no or not sure")
		}
	case "text":
		text := c.r.PostFormValue("text")
		v.Values["text"] = text
		d.Text = text // kept even when refused, so nothing typed is lost
		if err := triage.ValidateSubmission(triage.Clinical, text); err != nil {
			if strings.TrimSpace(text) == "" {
				return fail("text", "Enter what your request is about")
			}
			return fail("text", fmt.Sprintf("Your request must be %s characters or fewer. It is %s characters now", thousands(triage.MaxTextLength), thousands(utf8.RuneCountInString(strings.TrimSpace(text)))))
		}
	case "photos":
		if c.r.PostFormValue("remove") != "" {
			d.Photos = nil
			return c.redirect("/request/photos")
		}
		var files []photoFile
		if c.r.MultipartForm != nil {
			for _, fh := range c.r.MultipartForm.File["photos"] {
				if fh.Size == 0 && fh.Filename == "" {
					continue
				}
				files = append(files, photoFile{name: fh.Filename, size: fh.Size, open: fh.Open})
			}
		}
		if len(d.Photos)+len(files) > store.MaxPhotos {
			return fail("photos", fmt.Sprintf("You can add up to %d photos. Choose %d or fewer", store.MaxPhotos, store.MaxPhotos-len(d.Photos)))
		}
		// All of the form's photos or none: a refused one keeps none of the others, so
		// the patient chooses again knowing what was taken.
		var taken []store.Photo
		for _, f := range files {
			p, msg := cleanPhoto(f)
			if msg != "" {
				return fail("photos", msg)
			}
			taken = append(taken, p)
		}
		d.Photos = append(d.Photos, taken...)
		d.PhotosAnswered = true
		if c.r.PostFormValue("add") != "" {
			return c.redirect("/request/photos")
		}
	case "contact":
		phone, avoid := strings.TrimSpace(c.r.PostFormValue("phone")), strings.TrimSpace(c.r.PostFormValue("avoid"))
		v.Values["phone"], v.Values["avoid"] = phone, avoid
		d.Phone, d.Avoid = phone, avoid
		if phone == "" {
			return fail("phone", "Enter a phone number the practice can call you on")
		}
		if !phoneNumber.MatchString(phone) {
			return fail("phone", "Enter a phone number, like 07700 900 982 or 01632 960 001")
		}
		if utf8.RuneCountInString(avoid) > triage.MaxContactAvoidLength {
			return fail("avoid", fmt.Sprintf("Describe times to avoid in %d characters or fewer", triage.MaxContactAvoidLength))
		}
		d.ContactAnswered = true
	case "check":
		return w.send(c, d, v)
	default:
		return c.redirect("/request/start")
	}
	next := d.next(step, now)
	if d.answered("contact") && step != "contact" {
		next = d.firstUnanswered(now) // changing one answer from the check page goes back there
	}
	return c.redirect("/request/" + next)
}

// phoneNumber is a UK or international phone number: digits, spaces, brackets, dashes
// and a leading +, 10 to 15 digits in all.
var phoneNumber = regexp.MustCompile(`^\+?[0-9 ()\-]{10,20}$`)

func thousands(n int) string {
	s := strconv.Itoa(n)
	if len(s) > 3 {
		return s[:len(s)-3] + "," + s[len(s)-3:]
	}
	return s
}

// answers are the front door's answers of a draft, for the engine and the desk.
func (d *draft) answers(now time.Time) *triage.Answers {
	a := &triage.Answers{For: d.For, RedFlags: d.Flags, TemperatureC: d.TemperatureC, Pregnant: d.Pregnant}
	if !d.Birth.IsZero() && d.Kind == kindMedical {
		if m := triage.AgeMonthsAt(d.Birth, now); m >= 0 && m < 24 {
			a.AgeMonths = &m
		}
	}
	return a
}

// once is the draft's idempotency key, so sending it twice (a double tap, a reload)
// makes one request.
func (c *ctx) once(d *draft, body any) store.Once {
	h := sha256.New()
	json.NewEncoder(h).Encode(body)
	return store.Once{Scope: "account " + strconv.FormatInt(c.acc.ID, 10), Key: "web-" + d.ID, Fingerprint: hex.EncodeToString(h.Sum(nil))}
}

// sendEmergency sends the practice what the patient ticked, as soon as they ticked it:
// the patient is told to call 999 whatever happens here.
func (w *Web) sendEmergency(c *ctx, d *draft, advice []string) {
	now := w.srv.Now()
	var flags []string
	for _, q := range d.answers(now).YesTo() {
		flags = append(flags, q.Flag)
	}
	text := "Answered yes on the emergency questions: " + strings.Join(flags, "; ") + "."
	body := server.PatientSubmission{SubmitBody: server.SubmitBody{PatientID: d.PatientID, Kind: triage.Clinical, Text: text, Answers: d.answers(now)}}
	e := &emergency{Advice: advice}
	req, _, err := w.srv.Submit(c.r.Context(), c.acc, body, c.once(d, body))
	if err != nil {
		e.Failed = triage.PatientMessage(err)
		if triage.ErrorCode(err) == triage.EINTERNAL {
			w.srv.Log().Printf("web: an emergency request could not be stored (%T)", err)
		}
	} else {
		e.ID = req.ID
		w.srv.Notify()
	}
	d.Emergency = e
}

// send is the check page's button: the request goes to the queue, the patient gets
// an email saying so (nothing clinical in it), and the confirmation page.
func (w *Web) send(c *ctx, d *draft, v *view) (string, *view) {
	now := w.srv.Now()
	if s := d.firstUnanswered(now); s != "check" {
		return c.redirect("/request/" + s)
	}
	kind := triage.Clinical
	if d.Kind != kindMedical {
		kind = triage.Admin
	}
	body := server.PatientSubmission{SubmitBody: server.SubmitBody{PatientID: d.PatientID, Kind: kind, Text: d.Text, Answers: d.answers(now)},
		Contact: triage.ContactPhone, ContactDetail: d.Phone, ContactAvoid: d.Avoid, Photos: d.Photos}
	req, _, err := w.srv.Submit(c.r.Context(), c.acc, body, c.once(d, body))
	if err != nil {
		switch triage.ErrorCode(err) {
		case triage.EINVALID:
			v.Errors = []fieldError{{"", capital(triage.PatientMessage(err))}}
			return "request-check", v
		case triage.ELIMIT, triage.EUNAVAILABLE, triage.EFORBIDDEN:
			v.Errors = []fieldError{{"", capital(triage.PatientMessage(err))}}
			return "request-check", v
		}
		return c.problem("Sorry, your request was not sent", err)
	}
	w.srv.Notify()
	c.sess.draft = nil
	w.tellReceived(c.acc.Email)
	return c.redirect(fmt.Sprintf("/request/sent/%d", req.ID))
}

// tellReceived emails the account holder that the practice has their request, with
// nothing clinical and no name in it. It is sent in the background (the request is
// stored whatever happens to the email), and the queue's Shutdown waits for it.
func (w *Web) tellReceived(to string) {
	text := "The practice has your request. It will reply within one working day.\n\n" +
		"Sign in to see your requests and any reply.\n\n" +
		"If you feel worse, or it becomes urgent, do not wait: call NHS 111, or 999 in an emergency.\n"
	w.srv.SendInBackground("web: the 'we have your request' email", to, "We have your request", text)
}

// summary is the check page's list of answers, each with a link to change it.
func (w *Web) summary(d *draft, now time.Time, manyPeople bool) []summaryRow {
	var rows []summaryRow
	if manyPeople {
		rows = append(rows, summaryRow{"Who it is for", d.ForName, "/request/who"})
	}
	kinds := map[string]string{kindMedical: "A medical problem", kindAdmin: "An admin request", kindMedication: "Medication or a prescription"}
	rows = append(rows, summaryRow{"What it is about", kinds[d.Kind], "/request/kind"})
	if d.applies("red-flags", now) {
		rows = append(rows, summaryRow{"Urgent symptoms now", "None of these", "/request/red-flags"})
	}
	if d.applies("temperature", now) {
		t := "Not measured"
		if d.TemperatureC != 0 {
			t = strconv.FormatFloat(d.TemperatureC, 'f', 1, 64) + "°C"
		}
		rows = append(rows, summaryRow{"Temperature", t, "/request/temperature"})
	}
	if d.applies("pregnant", now) {
		p := map[triage.YesNo]string{triage.Yes: "Yes", triage.No: "No", triage.NotSure: "Not sure"}[d.Pregnant]
		rows = append(rows, summaryRow{"Pregnant", p, "/request/pregnant"})
	}
	rows = append(rows, summaryRow{"Your request", d.Text, "/request/text"})
	ph := "None"
	if n := len(d.Photos); n > 0 {
		ph = fmt.Sprintf("%d photo%s", n, map[bool]string{true: "", false: "s"}[n == 1])
	}
	rows = append(rows, summaryRow{"Photos", ph, "/request/photos"})
	contact := "Call " + d.Phone
	if d.Avoid != "" {
		contact += ", avoiding " + d.Avoid
	}
	rows = append(rows, summaryRow{"Contact", contact, "/request/contact"})
	return rows
}

// sentView is the confirmation page's.
type sentView struct {
	ID       int64
	Received string
	By       string
}

func (w *Web) requestSent(c *ctx) (string, *view) {
	id, _ := strconv.ParseInt(c.r.PathValue("id"), 10, 64)
	r, err := w.srv.OwnRequest(c.r.Context(), c.acc, id, "patient pages")
	if triage.ErrorCode(err) == triage.ENOTFOUND {
		return c.redirect("/requests")
	} else if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	cal := w.srv.Calendar()
	by := cal.AddWorkingTime(r.Received, cal.DayLength())
	v := c.view("Request sent")
	v.Data = sentView{ID: r.ID, Received: when(r.Received, cal.Location), By: when(by, cal.Location)}
	return "request-sent", v
}
