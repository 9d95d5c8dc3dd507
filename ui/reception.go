package ui

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// ReceptionLink is what the reception screen needs of the practice queue: a search of
// the practice list (the desk's cache holds only patients with requests), a way to
// enter a request for a caller, and the members of a team a request can be given to.
// Every method may block on the network, so the desk calls them off the Fyne thread.
type ReceptionLink interface {
	FindPatients(ctx context.Context, q triage.PatientQuery) (found []triage.Patient, total int, err error)
	// EnterForCaller sends the entry with an idempotency key: the same entry sent again
	// with the same key (after a lost answer) is stored once.
	EnterForCaller(ctx context.Context, e triage.StaffEntry, key string) (Entered, error)
	TeamMembers(ctx context.Context, team triage.Team) ([]string, error)
}

// Entered is the queue's answer to a request reception entered.
type Entered struct {
	ID        int64
	Emergency bool   // the engine read it as an emergency: the caller must call 999
	Message   string // what to tell the caller
}

// Reception is the screen where a receptionist enters the request of a patient who
// phones or walks in: find them on the practice list, ask the red-flag questions, take
// down the problem and how they want to be contacted, and send it to the triage inbox.
type Reception struct {
	Search  *findBox // ↓ goes to the results
	FindBtn *widget.Button
	Found   *widget.Label // how many were found, or what was wrong with the search
	Results *pickList     // Enter picks
	Chosen  *widget.Label // the patient the request is for
	// Flags are the red-flag questions' tick boxes, Asks the questions beside them,
	// wrapped to the screen's width: on one line the longest made the desk wider than
	// a 1280-pixel screen at a large text size. A click on the question ticks it too.
	Flags      []*widget.Check
	Asks       []*widget.Label
	Warning    *fyne.Container // the 999 instruction, shown after any yes
	WarningMsg *widget.Label
	Kind       *widget.RadioGroup
	Text       *widget.Entry
	Caller     *widget.Entry
	// CallerRel and CallerPhone are the caller's relationship to the patient and
	// their number, when someone else called: the clinician may need to call back.
	CallerRel   *widget.Entry
	CallerPhone *widget.Entry
	Contact     *widget.Select
	Detail      *widget.Entry
	EnterBtn    *widget.Button
	Result      *widget.Label // what happened to the last entry
	Clear       *widget.Button
	Root        fyne.CanvasObject

	link ReceptionLink
	d    *Desk
	// flagRows hold each question's tick box and words, shown or hidden together.
	flagRows []*fyne.Container

	// Owned by the Fyne thread.
	found   []triage.Patient
	patient *triage.Patient
	sending bool
	// search numbers the searches of the practice list; only the answer to the latest
	// is shown. cancelSearch stops the one running when a newer one replaces it.
	search       int
	cancelSearch context.CancelFunc
	// tryKey is the idempotency key of the entry last sent, and tryBody that entry:
	// sending the same entry again reuses the key, so a retry after a lost answer
	// cannot put the caller's request in the inbox twice.
	tryKey, tryBody string
}

func newReception(d *Desk, link ReceptionLink) *Reception {
	v := &Reception{d: d, link: link}
	v.buildUI()
	return v
}

func (v *Reception) buildUI() {
	v.Search = &findBox{down: v.toResults}
	v.Search.ExtendBaseWidget(v.Search)
	v.Search.SetPlaceHolder("Name, date of birth (21/04/1980) or NHS number")
	v.Search.OnSubmitted = func(string) { v.find() }
	v.FindBtn = widget.NewButtonWithIcon("Find on the practice list", theme.SearchIcon(), v.find)
	v.Found = widget.NewLabel("Find the caller's patient first: ask for their name and date of birth.")
	v.Found.Wrapping = fyne.TextWrapWord
	v.Results = &pickList{}
	v.Results.Length = func() int { return len(v.found) }
	v.Results.CreateItem = func() fyne.CanvasObject { return widget.NewLabel("") }
	v.Results.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.patientLine(v.found[i])) }
	v.Results.ExtendBaseWidget(v.Results)
	v.Results.OnSelected = func(i widget.ListItemID) { v.choose(i) }
	v.Chosen = widget.NewLabel("No patient chosen")
	v.Chosen.TextStyle.Bold = true
	v.Chosen.Wrapping = fyne.TextWrapWord

	flagBox := container.NewVBox()
	for _, q := range flagQuestions() {
		c := widget.NewCheck("", func(bool) { v.reword() })
		ask := &tapLabel{tapped: func() { c.SetChecked(!c.Checked) }}
		ask.Text, ask.Wrapping = q.Ask, fyne.TextWrapWord
		ask.ExtendBaseWidget(ask)
		v.Flags, v.Asks = append(v.Flags, c), append(v.Asks, &ask.Label)
		v.flagRows = append(v.flagRows, container.NewBorder(nil, nil, c, nil, ask))
		flagBox.Add(v.flagRows[len(v.flagRows)-1])
	}
	v.WarningMsg = widget.NewLabel("")
	v.WarningMsg.Wrapping = fyne.TextWrapWord
	v.WarningMsg.TextStyle.Bold = true
	v.WarningMsg.Importance = widget.DangerImportance
	warnBg := canvas.NewRectangle(themeColor(ColorBanner))
	warnText := canvas.NewText("EMERGENCY: CALL 999", colorWhite)
	warnText.TextStyle.Bold = true
	warnText.TextSize = 18
	v.Warning = container.NewVBox(container.NewStack(warnBg, container.NewPadded(warnText)), v.WarningMsg)
	v.Warning.Hide()

	v.Kind = widget.NewRadioGroup([]string{"Clinical", "Admin"}, nil)
	v.Kind.Horizontal = true
	v.Kind.SetSelected("Clinical")
	v.Text = widget.NewMultiLineEntry()
	v.Text.SetPlaceHolder("The problem in the caller's own words: what, since when, what they have tried")
	v.Text.Wrapping = fyne.TextWrapWord
	v.Text.SetMinRowsVisible(5)
	v.Caller = widget.NewEntry()
	v.Caller.SetPlaceHolder("Leave empty when the patient called; else the caller's name, like \"Jane Smith\"")
	v.CallerRel = widget.NewEntry()
	v.CallerRel.SetPlaceHolder("Their relationship to the patient, like \"mother\" or \"carer\"")
	v.CallerPhone = widget.NewEntry()
	v.CallerPhone.SetPlaceHolder("The caller's own number, like 07700 900456")
	// Who is calling decides how the questions are worded: to the caller, or about
	// the patient by name.
	v.Caller.OnChanged = func(string) { v.reword() }
	v.CallerRel.OnChanged = func(string) { v.reword() }
	contacts := make([]string, len(triage.Contacts))
	for i, c := range triage.Contacts {
		contacts[i] = c.Label()
	}
	v.Contact = widget.NewSelect(contacts, func(string) { v.contactChanged() })
	v.Contact.PlaceHolder = "Ask how they want to be contacted…"
	v.Detail = widget.NewEntry()
	v.Detail.SetPlaceHolder("The number or email address to use")
	v.EnterBtn = widget.NewButtonWithIcon("Send to the triage inbox", theme.MailSendIcon(), v.enter)
	v.EnterBtn.Importance = widget.HighImportance
	v.Clear = widget.NewButtonWithIcon("Next caller", theme.ContentClearIcon(), v.reset)
	v.Result = widget.NewLabel("")
	v.Result.Wrapping = fyne.TextWrapWord

	search := container.NewBorder(nil, nil, nil, v.FindBtn, v.Search)
	results := container.NewGridWrap(fyne.NewSize(640, 150), v.Results)
	// Who called comes before the questions: they are worded for it.
	caller := widget.NewForm(
		widget.NewFormItem("Who called", v.Caller),
		widget.NewFormItem("Relationship", v.CallerRel),
		widget.NewFormItem("Caller's number", v.CallerPhone),
	)
	form := widget.NewForm(
		widget.NewFormItem("Kind", v.Kind),
		widget.NewFormItem("The problem", v.Text),
		widget.NewFormItem("Contact by", v.Contact),
		widget.NewFormItem("Number or email", v.Detail),
	)
	body := container.NewVBox(
		heading("1. Find the patient, and who is calling"), search, v.Found, results, v.Chosen, caller,
		widget.NewSeparator(),
		heading("2. Ask every caller (the same questions as the patient pages)"), flagBox, v.Warning,
		widget.NewSeparator(),
		heading("3. The request"), form,
		container.NewHBox(v.EnterBtn, v.Clear), v.Result,
	)
	v.Root = container.NewVScroll(container.NewPadded(body))
}

// patientLine is a patient as reception reads them back to a caller to be sure.
func (v *Reception) patientLine(p triage.Patient) string {
	return fmt.Sprintf("%s, %s · born %s (%s) · %s · NHS number %s", strings.ToUpper(p.FamilyName), p.GivenName,
		p.BirthDate.Format("2 Jan 2006"), Age(p, v.d.opts.Now()), sexLetter(p.Sex), p.NHSNumber.String())
}

// find searches the practice list off the Fyne thread. A search started while another
// runs (Enter pressed again after the caller corrected themself) replaces it: the
// answer to the older one is dropped when it comes, so it can never replace the list of
// the search on screen, nor leave a patient picked from one list while another is shown.
func (v *Reception) find() {
	q, err := triage.ParsePatientQuery(v.Search.Text)
	if err != nil {
		v.Found.SetText(triage.ErrorMessage(err))
		return
	}
	n := v.stopSearch()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	v.cancelSearch = cancel
	v.Found.SetText("Searching the practice list…")
	v.FindBtn.Disable()
	// A new search is a look for another patient (the caller gave another name or
	// date of birth): the one picked before is no longer the one the request is for
	// until they are picked again, so the request cannot go to the first one found
	// while the screen lists others. The results of the search before are taken off
	// the screen too, so nobody picks from them while this one runs.
	v.found = nil
	v.Results.UnselectAll()
	v.Results.Refresh()
	v.unpick()
	spawn(func() {
		defer cancel()
		found, total, err := v.link.FindPatients(ctx, q)
		onUI(func() {
			if n != v.search {
				return // a newer search replaced this one, or the screen was cleared
			}
			v.cancelSearch = nil
			v.FindBtn.Enable()
			if err != nil {
				v.Found.SetText("The practice list could not be searched: " + triage.ErrorMessage(err) + ". Check the connection and try again.")
				return
			}
			v.found = found
			v.Results.UnselectAll()
			v.Results.Refresh()
			// Nothing can be picked while a search runs; should a patient be picked
			// all the same, they are not one of these results.
			v.unpick()
			switch {
			case len(found) == 0:
				v.Found.SetText("No patient on the practice list matches. Check the spelling and the date of birth, or ask for the NHS number.")
			case total > len(found):
				v.Found.SetText(fmt.Sprintf("%d match; the first %d are shown. Add the date of birth to narrow it.", total, len(found)))
			case len(found) == 1:
				v.Found.SetText("1 patient matches: check the name and date of birth with the caller, then pick them (↓ then Enter, or a click).")
			default:
				v.Found.SetText(fmt.Sprintf("%d patients match: check the date of birth with the caller, then pick one (↓ then Enter, or a click).", len(found)))
			}
		})
	})
}

// choose makes the i-th patient found the one the request is for.
func (v *Reception) choose(i int) {
	if i < 0 || i >= len(v.found) {
		return
	}
	p := v.found[i]
	v.patient = &p
	v.Chosen.SetText("For: " + v.patientLine(p))
	v.reword()
}

// subject is whom the red-flag questions are about: the caller themself when the
// patient rang (no caller given), else the patient, by first name, as the patient
// pages ask a parent or carer ("Does Poppy have…"); with the patient's date of birth,
// once they are found, for the questions that can apply at their age.
func (v *Reception) subject() triage.Subject {
	s := triage.Subject{For: triage.ForSelf}
	if p := v.patient; p != nil {
		s.Birth = p.BirthDate
	}
	if strings.TrimSpace(v.Caller.Text) == "" && strings.TrimSpace(v.CallerRel.Text) == "" {
		return s
	}
	s.For, s.Name = triage.ForAdult, "the patient"
	if p := v.patient; p != nil {
		s.Name = p.GivenName
		if p.AgeAt(v.d.opts.Now()) < 16 {
			s.For = triage.ForChild
		}
	}
	return s
}

// asked says, for each of flagQuestions, whether it is asked of this caller about s
// (the subject): those that can apply to the patient at their age (not a baby's fever for a man of
// seventy), as the patient pages do, and any already answered yes. It is worked out
// from whom the questions are about, never read back from what the screen shows, so
// what is sent cannot depend on how the screen was last drawn.
func (v *Reception) asked(s triage.Subject) []bool {
	now := v.d.opts.Now()
	out := make([]bool, len(v.Flags))
	for i, q := range flagQuestions() {
		if i < len(out) {
			out[i] = q.Applies(s, now) || v.Flags[i].Checked
		}
	}
	return out
}

// reword words the red-flag questions, and the warning after a yes, for whoever is
// calling about whom, and shows those asked (asked), and no others.
func (v *Reception) reword() {
	s := v.subject()
	asked := v.asked(s)
	for i, q := range flagQuestions() {
		if i >= len(v.Flags) {
			break
		}
		v.Asks[i].SetText(q.AskAbout(s))
		for _, o := range []fyne.CanvasObject{v.Flags[i], v.Asks[i], v.flagRows[i]} {
			if asked[i] {
				o.Show()
			} else {
				o.Hide()
			}
		}
	}
	v.showWarning()
}

// yesTo returns the red-flag questions answered yes.
func (v *Reception) yesTo() []flagQuestion {
	var out []flagQuestion
	for i, c := range v.Flags {
		if c.Checked {
			out = append(out, flagQuestions()[i])
		}
	}
	return out
}

// showWarning tells the receptionist plainly what to do the moment a red flag is
// answered yes: this cannot wait for the inbox.
func (v *Reception) showWarning() {
	yes := v.yesTo()
	if len(yes) == 0 {
		v.Warning.Hide()
		return
	}
	var flags []string
	for _, q := range yes {
		flags = append(flags, q.Flag)
	}
	msg := "The caller has said yes to " + strings.Join(flags, "; ") + ". " + yes[0].TellCaller(v.subject()) +
		" If they are in the building, fetch the duty clinician at once. Then send the request, so the practice follows it up."
	v.WarningMsg.SetText(msg)
	v.Warning.Show()
}

func (v *Reception) contactChanged() {
	switch v.contact() {
	case triage.ContactPhone, triage.ContactText:
		v.Detail.SetPlaceHolder("The phone number to use, like 07700 900123")
		v.Detail.Enable()
	case triage.ContactEmail:
		v.Detail.SetPlaceHolder("The email address to use")
		v.Detail.Enable()
	case triage.ContactOnline:
		v.Detail.SetPlaceHolder("Not needed: the reply is on the patient pages")
		v.Detail.Disable()
	}
}

func (v *Reception) contact() triage.Contact {
	for _, c := range triage.Contacts {
		if c.Label() == v.Contact.Selected {
			return c
		}
	}
	return ""
}

// Entry returns the request as the form holds it.
func (v *Reception) Entry() triage.StaffEntry {
	e := triage.StaffEntry{Kind: triage.Clinical, Text: v.Text.Text, Caller: strings.TrimSpace(v.Caller.Text), Contact: v.contact(),
		CallerRelationship: strings.TrimSpace(v.CallerRel.Text), CallerPhone: strings.TrimSpace(v.CallerPhone.Text)}
	if v.patient != nil {
		e.PatientID = v.patient.ID
	}
	if v.Kind.Selected == "Admin" {
		e.Kind = triage.Admin
	}
	if e.Contact != triage.ContactOnline {
		e.ContactDetail = strings.TrimSpace(v.Detail.Text)
	}
	about := v.subject()
	asked, yes := v.asked(about), make([]bool, len(v.Flags))
	for i, c := range v.Flags {
		yes[i] = c.Checked
	}
	// The answers are about whom the questions were asked of: staff read "for: their
	// child" on the request, as on one the patient pages sent.
	setAnswers(&e, about.For, asked, yes)
	return e
}

// enter sends the request off the Fyne thread. Nothing typed is cleared until the
// queue has accepted it, so a refusal or a lost connection loses nothing.
func (v *Reception) enter() {
	if v.sending {
		return
	}
	e := v.Entry()
	if err := e.Validate(); err != nil {
		v.Result.Importance = widget.DangerImportance
		v.Result.SetText("Not sent: " + triage.ErrorMessage(err))
		return
	}
	if body, _ := json.Marshal(e); string(body) != v.tryBody {
		v.tryKey, v.tryBody = newKey(), string(body)
	}
	key := v.tryKey
	v.sending = true
	v.EnterBtn.Disable()
	v.Result.Importance = widget.MediumImportance
	v.Result.SetText("Sending…")
	spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		got, err := v.link.EnterForCaller(ctx, e, key)
		onUI(func() {
			v.sending = false
			v.EnterBtn.Enable()
			if err != nil {
				v.Result.Importance = widget.DangerImportance
				v.Result.SetText("Not sent, and nothing is lost: " + triage.ErrorMessage(err) + ". Fix it and send again, or if the queue cannot be reached, try again in a minute.")
				return
			}
			v.Result.Importance = widget.SuccessImportance
			if got.Emergency {
				v.Result.Importance = widget.DangerImportance
			}
			v.Result.SetText(got.Message)
			v.tryKey, v.tryBody = "", ""
			v.d.SyncNow()
			v.clearRequest()
		})
	})
}

// stopSearch cancels the search still running, if any, and numbers the next one, so
// that an answer still on its way is dropped when it comes. It returns that number.
func (v *Reception) stopSearch() int {
	v.search++
	if v.cancelSearch != nil {
		v.cancelSearch()
		v.cancelSearch = nil
	}
	return v.search
}

// unpick drops the patient picked from a list that is no longer on screen: the
// request cannot go to them until they are picked again.
func (v *Reception) unpick() {
	if v.patient == nil {
		return
	}
	v.patient = nil
	v.Chosen.SetText("No patient chosen: pick the caller's patient from the new results")
	v.reword()
}

// clearRequest empties what was about this request, keeping the message that says
// what happened to it.
func (v *Reception) clearRequest() {
	// A search still running was for the caller just dealt with: its answer must not
	// fill the list for the next one.
	v.stopSearch()
	v.FindBtn.Enable()
	v.patient = nil
	v.found = nil
	v.Results.UnselectAll()
	v.Results.Refresh()
	v.Search.SetText("")
	v.Found.SetText("Find the caller's patient first: ask for their name and date of birth.")
	v.Chosen.SetText("No patient chosen")
	for _, c := range v.Flags {
		c.SetChecked(false)
	}
	v.Warning.Hide()
	v.Kind.SetSelected("Clinical")
	v.Text.SetText("")
	v.Caller.SetText("")
	v.CallerRel.SetText("")
	v.CallerPhone.SetText("")
	v.Contact.ClearSelected()
	v.Detail.SetText("")
	v.Detail.Enable()
	v.reword()
}

// newKey makes an idempotency key for one entry.
func newKey() string {
	b := make([]byte, 16)
	rand.Read(b) // crypto/rand does not fail on supported platforms
	return hex.EncodeToString(b)
}

// reset starts again for the next caller.
func (v *Reception) reset() {
	v.clearRequest()
	v.Result.SetText("")
}

// toResults puts the keyboard on the patients found, the first one marked, for ↓ in
// the search box: the receptionist goes from typing the name to picking the patient
// without the mouse. With nothing found it does nothing.
func (v *Reception) toResults() {
	if len(v.found) == 0 {
		return
	}
	if c := canvasOf(v.Results); c != nil {
		c.Focus(v.Results)
	}
}

// findBox is reception's search box: ↓ goes to the patients found.
type findBox struct {
	widget.Entry
	down func()
}

// TypedKey takes ↓ to the results; every other key is the entry's.
func (b *findBox) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyDown && b.down != nil {
		b.down()
		return
	}
	b.Entry.TypedKey(ev)
}

// pickList is the list of patients found: Enter picks the one the keyboard is on, as
// Space does (a receptionist presses Enter, and nothing happened).
type pickList struct{ widget.List }

// TypedKey makes Enter pick; every other key is the list's.
func (l *pickList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	l.List.TypedKey(ev)
}

// tapLabel is a label that does something when clicked: a red-flag question, whose
// click ticks its box, as the words of a tick box would.
type tapLabel struct {
	widget.Label
	tapped func()
}

// Tapped runs the label's action.
func (l *tapLabel) Tapped(*fyne.PointEvent) { l.tapped() }
