package ui

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// signpostTemplates are the editable messages a reviewer sends when signposting.
var signpostTemplates = map[triage.Signpost]string{
	triage.SignpostPharmacy:  "Thank you for your request. A community pharmacist can help with this without a GP appointment (Pharmacy First). Please visit or call any local pharmacy. If you get worse, contact us again or call 111.",
	triage.SignpostOptician:  "Thank you for your request. An optician (optometrist) is the best person to check this. Please book with any local optician; many offer urgent eye appointments. For sudden loss of vision call 111 or go to A&E.",
	triage.SignpostDentist:   "Thank you for your request. Dental problems are looked after by a dentist rather than the GP practice. Please contact your dentist, or call 111 for an urgent dental appointment if you do not have one.",
	triage.SignpostNHSPhysio: "Thank you for your request. You can refer yourself to the NHS physiotherapy service without seeing a GP. Search 'NHS physiotherapy self-referral' with your area or ask us for the link.",
	triage.Signpost111:       "Thank you for your request. Please contact NHS 111 (call 111 or use 111.nhs.uk), who can assess you now and arrange care today.",
	triage.Signpost999:       "Your symptoms need urgent help. Please call 999 now or go to your nearest A&E.",
}

// Detail shows one request in full, with the actions a member of staff can take.
type Detail struct {
	Title      *widget.Label
	Patient    *widget.Label
	Carers     *widget.Label
	Text       *widget.RichText
	Suggestion *widget.RichText
	Use        *widget.Label
	Overuse    *widget.Label // the badge, shown over the threshold
	History    *widget.Label
	Audit      *widget.Label
	Presence   *widget.Label
	// Emergency holds what a reviewer does about an emergency: phone, then record the
	// outcome with one of the two buttons. LastCall says what was recorded so far.
	Emergency    *fyne.Container
	LastCall     *widget.Label
	CallSent     *widget.Button
	CallNoAnswer *widget.Button
	// Reason shows why the priority was lowered, when it was.
	Reason *widget.Label
	// ReasonEntry and ReasonDialog are open while a lowered priority waits for its reason.
	ReasonEntry  *widget.Entry
	ReasonDialog *dialog.FormDialog
	// RespondMsg is the respond dialog's message box while it is open.
	RespondMsg    *widget.Entry
	RespondDialog *dialog.FormDialog
	RespondSend   func()        // sends what the respond dialog holds, as its Send button does
	RespondPicker *Picker       // the respond dialog's template picker while it is open
	SignpostPick  *Picker       // the signpost dialog's template picker while it is open
	Entered       *widget.Label // who entered it for a caller, and how to contact the patient
	Holder        *widget.Label // who holds it, for a team's request
	Notes         *widget.Label // the staff's internal notes, never shown to the patient
	// Thread is the conversation with the patient, oldest first; Waiting says how long
	// the practice has waited for the patient's reply, when it is waiting.
	Thread  *fyne.Container
	Waiting *widget.Label
	// Contact is the patient's phone number and email; Author who wrote the request
	// when it was not the patient, their relationship and number; CallNumber, in the
	// emergency box, the number to phone now.
	Contact    *widget.Label
	Author     *widget.Label
	CallNumber *widget.Label
	// Photos are the photos the patient sent, under what they wrote.
	Photos *PhotoStrip

	Priority  *widget.Select
	TeamPick  *widget.Select
	AssignBtn *widget.Button
	Signpost  *widget.Button
	Respond   *widget.Button
	Claim     *widget.Button
	CloseBtn  *widget.Button
	GiveBtn   *widget.Button // give it to a named member of its team
	Unclaim   *widget.Button // hand it back to the team's queue
	NoteBtn   *widget.Button // add an internal note
	// The give and note dialogs when open, with what the tests drive.
	GiveDialog dialog.Dialog
	GivePick   *widget.Select
	NoteDialog dialog.Dialog
	NoteEntry  *widget.Entry
	Back       *widget.Button
	Root       fyne.CanvasObject

	item   triage.QueueItem
	loaded bool
	shown  int // messages of the thread on screen, to tell when a new one arrives
	d      *Desk
	gen    int
	// trail is the audit trail in the audit pane, of request trailOf: trails are read
	// off the Fyne thread and can arrive out of order, and the pane keeps what it has.
	trail   []triage.AuditEntry
	trailOf int64
	// stopBeat ends the presence heartbeat of the request on screen; it is called when
	// that request is left, so no goroutine outlives what it was showing.
	stopBeat context.CancelFunc
	// drafts keeps what was typed to a patient, by request, until it is sent: a
	// cancelled dialog or a refused action never loses it.
	drafts map[int64]string
	// services keeps the service a signpost draft was for, by request, with drafts.
	services map[int64]triage.Signpost
}

func newDetail(d *Desk) *Detail {
	v := &Detail{d: d, drafts: map[int64]string{}, services: map[int64]triage.Signpost{}}
	v.buildUI()
	return v
}

func (v *Detail) buildUI() {
	v.Title = widget.NewLabel("")
	v.Title.TextStyle.Bold = true
	v.Title.SizeName = theme.SizeNameSubHeadingText
	v.Patient = widget.NewLabel("")
	v.Patient.Wrapping = fyne.TextWrapWord
	v.Carers = widget.NewLabel("")
	v.Carers.Wrapping = fyne.TextWrapWord
	v.Text = widget.NewRichText()
	v.Text.Wrapping = fyne.TextWrapWord
	v.Suggestion = widget.NewRichText()
	v.Suggestion.Wrapping = fyne.TextWrapWord
	v.Use = widget.NewLabel("")
	v.Overuse = widget.NewLabel("OVERUSE")
	v.Overuse.Importance = widget.DangerImportance
	v.Overuse.TextStyle.Bold = true
	v.Overuse.Hide()
	v.History = widget.NewLabel("")
	v.History.Wrapping = fyne.TextWrapWord
	v.Audit = widget.NewLabel("")
	v.Audit.Wrapping = fyne.TextWrapWord
	v.Presence = widget.NewLabel("")
	v.Presence.Importance = widget.WarningImportance
	v.Reason = widget.NewLabel("")
	v.Reason.Wrapping = fyne.TextWrapWord
	v.Reason.Hide()
	v.LastCall = widget.NewLabel("")
	v.LastCall.Wrapping = fyne.TextWrapWord
	v.CallSent = widget.NewButtonWithIcon(triage.CallSent999.Label(), theme.ConfirmIcon(), func() { v.onCall(triage.CallSent999) })
	v.CallSent.Importance = widget.DangerImportance
	v.CallNoAnswer = widget.NewButton(triage.CallNoAnswer.Label(), func() { v.onCall(triage.CallNoAnswer) })
	callHead := widget.NewLabel("EMERGENCY: phone the patient now, then record what happened")
	callHead.TextStyle.Bold = true
	callHead.Importance = widget.DangerImportance
	v.CallNumber = widget.NewLabel("")
	v.CallNumber.TextStyle.Bold = true
	v.CallNumber.Wrapping = fyne.TextWrapWord
	v.Emergency = container.NewVBox(callHead, v.CallNumber, v.LastCall, container.NewHBox(v.CallSent, v.CallNoAnswer))
	v.Emergency.Hide()
	v.Entered = widget.NewLabel("")
	v.Entered.Wrapping = fyne.TextWrapWord
	v.Entered.Importance = widget.WarningImportance
	v.Entered.Hide()
	v.Holder = widget.NewLabel("")
	v.Holder.TextStyle.Bold = true
	v.Notes = widget.NewLabel("None")
	v.Notes.Wrapping = fyne.TextWrapWord
	v.Thread = container.NewVBox()
	v.Waiting = widget.NewLabel("")
	v.Waiting.Importance = widget.WarningImportance
	v.Waiting.TextStyle.Bold = true
	v.Waiting.Hide()
	v.Contact = widget.NewLabel("")
	v.Contact.Wrapping = fyne.TextWrapWord
	v.Author = widget.NewLabel("")
	v.Author.Wrapping = fyne.TextWrapWord
	v.Author.Importance = widget.WarningImportance
	v.Author.Hide()
	v.Photos = newPhotoStrip(v.d)

	prios := make([]string, len(triage.Priorities))
	for i, p := range triage.Priorities {
		prios[i] = p.Label()
	}
	prioPick := newSelect(prios, v.onPriority) // keys fall through to the desk after a click
	v.Priority = &prioPick.Select
	teams := make([]string, len(triage.Teams))
	for i, t := range triage.Teams {
		teams[i] = fmt.Sprintf("%d %s", i+1, t.Label())
	}
	teamPick := newSelect(teams, nil)
	v.TeamPick = &teamPick.Select
	v.TeamPick.PlaceHolder = "Team…"
	v.AssignBtn = widget.NewButtonWithIcon("Assign", theme.MailForwardIcon(), v.onAssign)
	v.AssignBtn.Importance = widget.HighImportance
	v.Signpost = widget.NewButton("Signpost and close…", v.onSignpost)
	v.Respond = widget.NewButton("Respond…", v.onRespond)
	v.Claim = widget.NewButton("Claim", v.onClaim)
	v.CloseBtn = widget.NewButton("Close with outcome…", v.onClose)
	v.GiveBtn = widget.NewButtonWithIcon("Give to…", theme.AccountIcon(), v.onGive)
	v.Unclaim = widget.NewButton("Unclaim", v.onUnclaim)
	v.NoteBtn = widget.NewButtonWithIcon("Add note…", theme.DocumentCreateIcon(), v.onNote)
	v.Back = widget.NewButtonWithIcon("Back (Esc)", theme.NavigateBackIcon(), func() { v.d.Back() })

	wide := func(o fyne.CanvasObject) fyne.CanvasObject { // a select is only as wide as its choice
		return container.NewGridWrap(fyne.NewSize(145, o.MinSize().Height), o)
	}
	// The actions wrap onto a second row in a narrow window rather than run off its
	// edge; a picker stays beside its label.
	actions := container.New(wrapping{}, v.Back, widget.NewSeparator(),
		container.NewHBox(widget.NewLabel("Priority"), wide(prioPick)),
		container.NewHBox(widget.NewLabel("Assign to"), wide(teamPick), v.AssignBtn),
		v.Claim, v.GiveBtn, v.Unclaim, v.Signpost, v.Respond, v.CloseBtn, v.NoteBtn)
	left := container.NewVBox(
		v.Title, v.Patient, v.Contact, v.Author, v.Carers, v.Entered, v.Holder, v.Waiting, v.Presence, v.Emergency, v.Reason,
		heading("What they wrote"), v.Text, v.Photos.Root,
		heading("Conversation with the patient (oldest first)"), v.Thread,
		heading("Engine's suggestion (a person decides)"), v.Suggestion,
	)
	right := container.NewVBox(
		heading("Internal notes (staff only, never shown to the patient)"), v.Notes,
		heading("Use of the service"), container.NewHBox(v.Use, v.Overuse),
		heading("Previous requests"), v.History,
		heading("Audit trail at this desk"), v.Audit,
	)
	leftScroll := container.NewVScroll(left)
	v.Photos.relayout = func() { left.Refresh(); leftScroll.Refresh() }
	split := container.NewHSplit(leftScroll, container.NewVScroll(right))
	split.Offset = 0.6
	v.Root = container.New(barAbove{}, actions, split)
}

func heading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// Show loads a request and everything about it off the Fyne thread, records the view
// in the audit trail, and shows it; the channel is closed once it is on screen.
func (v *Detail) Show(it triage.QueueItem) <-chan struct{} { return v.load(it, true) }

// reload shows the open request again as the cache now has it, after this person's
// own action on it: they are still on the same screen, so no new view is recorded
// (the audit trail has the action itself). Each opening is one view, not each repaint.
func (v *Detail) reload() <-chan struct{} { return v.load(v.item, false) }

// load is Show, recording the view in the audit trail when record is set.
func (v *Detail) load(it triage.QueueItem, record bool) <-chan struct{} {
	v.gen++
	gen := v.gen
	v.StopHeartbeat()
	beat, stop := context.WithCancel(context.Background())
	v.stopBeat = stop
	v.item, v.loaded = it, false
	v.Title.SetText(fmt.Sprintf("Request %d · %s", it.ID, it.Priority.Label()))
	v.Text.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: "Loading…", Style: widget.RichTextStyleParagraph}}
	v.Text.Refresh()
	if it.ID != v.Photos.requestID {
		v.Photos.clear()
	}
	d := v.d
	user, now := d.opts.User, d.opts.Now()
	done := make(chan struct{})
	spawn(func() {
		defer close(done)
		ctx := context.Background()
		var (
			full      triage.QueueItem
			carers    []triage.Patient
			history   []triage.QueueItem
			live, n30 int
			audit     []triage.AuditEntry
			viewers   []Viewer
		)
		var err error
		if record {
			err = d.queue.RecordView(ctx, user, it.ID)
		}
		if err == nil {
			full, err = d.queue.Request(ctx, it.ID)
		}
		if err == nil && full.Patient.Dependant {
			carers, err = d.queue.Carers(ctx, full.PatientID)
		}
		if err == nil {
			history, err = d.queue.PatientHistory(ctx, full.PatientID, 10)
		}
		if err == nil {
			live, n30, err = d.queue.PatientUse(ctx, full.PatientID, now.Add(-triage.OveruseWindow))
		}
		if err == nil {
			audit, err = d.queue.AuditTrail(ctx, it.ID)
		}
		if err == nil {
			viewers, _ = d.sync.Presence(ctx, it.ID, "viewing") // presence is a nicety: offline is fine
		}
		onUI(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				d.problem(fmt.Errorf("request %d could not be opened: %w", it.ID, err))
				return
			}
			v.fill(full, carers, history, live, n30, audit, viewers, now)
		})
		if err == nil {
			go v.heartbeat(beat, gen, it.ID)
		}
	})
	return done
}

// presenceEvery is how often an open request tells the queue it is still open here
// and asks who else has it open.
const presenceEvery = 15 * time.Second

// heartbeat keeps the presence line fresh while the request stays open. It is not
// counted as background work: it lives as long as the request is on screen, and ends
// as soon as ctx is cancelled (the request left, another opened, the desk closed).
func (v *Detail) heartbeat(ctx context.Context, gen int, id int64) {
	t := time.NewTicker(presenceEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		viewers, err := v.d.sync.Presence(ctx, id, "viewing")
		if err != nil {
			continue // offline: keep what was shown
		}
		onUI(func() {
			if ctx.Err() == nil && gen == v.gen {
				v.showPresence(viewers)
			}
		})
	}
}

// StopHeartbeat ends the open request's presence heartbeat, if any. Call it on the
// Fyne thread.
func (v *Detail) StopHeartbeat() {
	if v.stopBeat != nil {
		v.stopBeat()
		v.stopBeat = nil
	}
}

func (v *Detail) showPresence(viewers []Viewer) {
	if len(viewers) == 0 {
		v.Presence.Hide()
		return
	}
	var names []string
	for _, w := range viewers {
		names = append(names, w.Name+" ("+w.Activity+")")
	}
	v.Presence.SetText("Also open now: " + strings.Join(names, ", "))
	v.Presence.Show()
}

// showAudit puts request id's audit trail, as this desk has it, in the audit pane.
// A trail only ever grows, and each is read off the Fyne thread, so one read earlier
// can arrive later (a photo's view, read just before an action landed and the screen
// reloaded): for the request already in the pane it shows every entry either read
// has, so the pane never goes back to an older trail.
func (v *Detail) showAudit(id int64, audit []triage.AuditEntry) {
	if v.trailOf == id {
		audit = mergeTrails(v.trail, audit)
	}
	v.trail, v.trailOf = audit, id
	var trail []string
	for _, a := range audit {
		trail = append(trail, a.At.In(time.Local).Format("2 Jan 15:04")+" · "+a.Sentence())
	}
	if len(trail) == 0 {
		trail = []string{"No entries"}
	}
	v.Audit.SetText(strings.Join(trail, "\n"))
}

// mergeTrails is every entry of two reads of one request's audit trail, once each,
// in the order they were written. Entries without an ID cannot be matched up, so
// then the later read, b, is taken as it is.
func mergeTrails(a, b []triage.AuditEntry) []triage.AuditEntry {
	seen := make(map[int64]bool, len(a)+len(b))
	out := make([]triage.AuditEntry, 0, len(a)+len(b))
	for _, e := range append(append([]triage.AuditEntry(nil), a...), b...) {
		if e.ID == 0 {
			return b
		}
		if !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (v *Detail) fill(it triage.QueueItem, carers []triage.Patient, history []triage.QueueItem, live, n30 int, audit []triage.AuditEntry, viewers []Viewer, now time.Time) {
	v.item, v.loaded = it, true
	d := v.d
	p := it.Patient
	v.Title.SetText(fmt.Sprintf("Request %d · %s · %s · %s", it.ID, it.Priority.Label(), it.Status.Label(), DueIn(it.DueAt, now)))
	v.Patient.SetText(fmt.Sprintf("%s · NHS number %s · %s, %s · %s · %s · received %s",
		p.Name(), p.NHSNumber.String(), AgeAndBirth(p, now), strings.ToLower(string(p.Sex)),
		d.names[p.GPTeamID], d.names[p.SiteID], it.ReceivedAt.In(time.Local).Format("Mon 2 Jan 15:04")))
	if p.Unverified {
		// A new account's claim the practice has not checked: the details are what the
		// sender typed, and they cannot read replies until someone verifies them.
		v.Patient.SetText("IDENTITY NOT VERIFIED (details as the sender typed them; they see no reply until checked under Identity checks) · " + v.Patient.Text)
	}
	if p.Dependant {
		var names []string
		for _, c := range carers {
			names = append(names, c.Name())
		}
		who := "no linked account"
		if len(names) > 0 {
			who = strings.Join(names, ", ")
		}
		v.Carers.SetText("Dependant: can be acted for by " + who)
		v.Carers.Show()
	} else {
		v.Carers.Hide()
	}
	v.showPresence(viewers)
	v.showHolder(it)
	v.showThread(it, now)
	v.showContact(it)
	v.Text.Segments = litText(it)
	v.Text.Refresh()
	v.Photos.show(it)
	sug := []widget.RichTextSegment{&widget.TextSegment{
		Text:  fmt.Sprintf("%s · %s team · signpost: %s", it.Suggested.Priority.Label(), it.Suggested.Team.Label(), signpostLabel(it.Suggested.Signpost)),
		Style: widget.RichTextStyle{ColorName: PriorityColor(it.Suggested.Priority), TextStyle: fyne.TextStyle{Bold: true}},
	}}
	for _, r := range it.Suggested.Reasons {
		sug = append(sug, &widget.TextSegment{Text: "• " + reasonLine(r), Style: widget.RichTextStyleParagraph})
	}
	v.Suggestion.Segments = sug
	v.Suggestion.Refresh()
	v.Use.SetText(fmt.Sprintf("%d live now · %d in the last 30 days (overuse over %d)", live, n30, d.limits.OveruseThreshold))
	if d.limits.Overuse(n30) {
		v.Overuse.Show()
	} else {
		v.Overuse.Hide()
	}
	var hist []string
	for _, h := range history {
		if h.ID == it.ID {
			continue
		}
		out := h.Status.Label()
		if h.Outcome != "" {
			out += ": " + outcomeLabel(h.Outcome)
		}
		hist = append(hist, fmt.Sprintf("%s · %s · %s — %s", h.ReceivedAt.In(time.Local).Format("2 Jan 2006"), h.Priority.Label(), out, h.FirstLine(60)))
	}
	if len(hist) == 0 {
		hist = []string{"None"}
	}
	v.History.SetText(strings.Join(hist, "\n"))
	v.showAudit(it.ID, audit)
	v.showPriority(it.Priority)
	for i, t := range triage.Teams {
		if t == it.Suggested.Team && it.Team == "" || t == it.Team {
			v.TeamPick.SetSelectedIndex(i)
		}
	}
	closed := it.Status == triage.StatusClosed
	for _, b := range []fyne.Disableable{v.AssignBtn, v.Signpost, v.Respond, v.CloseBtn, v.Priority, v.TeamPick} {
		if closed {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	v.showEmergency(it)
	if it.Status == triage.StatusAssigned && !closed {
		v.Claim.Enable()
	} else {
		v.Claim.Disable()
	}
	enable(v.GiveBtn, it.Team != "" && it.Status != triage.StatusNew && !closed)
	enable(v.Unclaim, it.Status == triage.StatusInProgress && it.ClaimedBy != "")
	enable(v.NoteBtn, !closed)
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// showHolder says who entered the request and who holds it, and shows the staff's
// internal notes.
func (v *Detail) showHolder(it triage.QueueItem) {
	if e := it.EnteredFor(); e != "" {
		how := "Contact by " + strings.ToLower(it.Contact.Label())
		if it.ContactDetail != "" {
			how += ": " + it.ContactDetail
		}
		v.Entered.SetText(e + ". " + how + ".")
		v.Entered.Show()
	} else {
		v.Entered.Hide()
	}
	switch {
	case it.Team == "":
		v.Holder.SetText("Not with a team yet")
	case it.ClaimedBy == "":
		v.Holder.SetText(it.Team.Label() + " team · free to claim")
	default:
		v.Holder.SetText(it.Team.Label() + " team · held by " + it.ClaimedBy)
	}
	if strings.TrimSpace(it.Note) == "" {
		v.Notes.SetText("None")
	} else {
		v.Notes.SetText(it.Note)
	}
}

// reasonLine is one engine reason as a reviewer reads it: the clinical sentence, then
// the patient's own words that led to it, quoted, never a rule's "matched:" list.
func reasonLine(r triage.Reason) string {
	if len(r.Words) == 0 {
		return r.Says
	}
	quoted := make([]string, len(r.Words))
	for i, w := range r.Words {
		quoted[i] = "“" + w + "”"
	}
	says := strings.TrimSpace(r.Says)
	if !strings.HasSuffix(says, ".") && !strings.HasSuffix(says, "?") && !strings.HasSuffix(says, "!") {
		says += "."
	}
	return says + " They wrote " + strings.Join(quoted, ", ") + "."
}

func signpostLabel(s triage.Signpost) string {
	if s == "" || s == triage.SignpostNone {
		return "none"
	}
	return s.Label()
}

// litText is what the patient wrote with the words the engine's reasons matched
// highlighted, for the request screen and the preview alike.
func litText(it triage.QueueItem) []widget.RichTextSegment {
	var spans []triage.Span
	for _, r := range it.Suggested.Reasons {
		spans = append(spans, r.Spans...)
	}
	return highlight(it.Text, spans)
}

// highlight splits text into plain and highlighted segments; the highlighted words are
// bold as well as coloured so colour is never the only sign.
func highlight(text string, spans []triage.Span) []widget.RichTextSegment {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var segs []widget.RichTextSegment
	plain := widget.RichTextStyleInline
	hi := widget.RichTextStyle{Inline: true, ColorName: ColorHighlight, TextStyle: fyne.TextStyle{Bold: true}}
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) || s.Start >= s.End {
			continue
		}
		if s.Start > at {
			segs = append(segs, &widget.TextSegment{Text: text[at:s.Start], Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: text[s.Start:s.End], Style: hi})
		at = s.End
	}
	if at < len(text) {
		segs = append(segs, &widget.TextSegment{Text: text[at:], Style: plain})
	}
	return segs
}

// showPriority sets the priority picker without it counting as the person's choice
// (which would ask for a reason or send an action).
func (v *Detail) showPriority(p triage.Priority) {
	v.Priority.OnChanged = nil
	v.Priority.SetSelected(p.Label())
	v.Priority.OnChanged = v.onPriority
}

// act sends one action for the open request off the Fyne thread; after it the desk
// reloads and, when the request has left the screen's queue, goes back to it. When the
// person left the request (Esc) or opened another while the action was being sent, the
// answer changes nothing on screen: loading the request again would start a presence
// heartbeat telling other staff they still have it open.
func (v *Detail) act(a triage.Action, back bool) {
	a.RequestID, a.BaseVersion, a.Actor = v.item.ID, v.item.Version, v.d.opts.User
	v.d.do(a, func(r triage.Request) { v.done(r.ID, back) })
}

// onScreen reports whether request id is the one the request screen shows now.
func (v *Detail) onScreen(id int64) bool { return v.d.detailShown() && v.item.ID == id }

// done is what the screen does once an action on request id was accepted: back to
// the list when back is set, else the request shown again as it is now. An answer
// that comes after the person left the request or opened another changes nothing.
// Call it on the Fyne thread.
func (v *Detail) done(id int64, back bool) {
	if !v.onScreen(id) {
		return
	}
	if back {
		v.d.Back()
	} else {
		v.reload()
	}
}

func (v *Detail) onPriority(label string) {
	for _, p := range triage.Priorities {
		if p.Label() != label || p == v.item.Priority {
			continue
		}
		if v.item.Priority.MoreUrgent(p) {
			v.askReason(p)
			return
		}
		v.act(triage.Action{Kind: triage.ActSetPriority, Priority: p}, false)
	}
}

// askReason asks why a priority is being lowered before lowering it; cancelling puts
// the priority back as it was.
func (v *Detail) askReason(p triage.Priority) {
	from := v.item.Priority
	v.ReasonEntry = widget.NewMultiLineEntry()
	v.ReasonEntry.Wrapping = fyne.TextWrapWord
	v.ReasonEntry.SetPlaceHolder("Why is it less urgent? (shown on the request and in the audit trail)")
	v.ReasonEntry.SetMinRowsVisible(3)
	v.ReasonEntry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("say why it is less urgent")
		}
		return nil
	}
	entry := v.ReasonEntry
	v.ReasonDialog = dialog.NewForm(fmt.Sprintf("Lower from %s to %s", from.Label(), p.Label()), "Lower the priority", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Reason", entry)}, func(ok bool) {
			v.ReasonDialog = nil
			if !ok || strings.TrimSpace(entry.Text) == "" {
				v.showPriority(from)
				return
			}
			v.act(triage.Action{Kind: triage.ActSetPriority, Priority: p, Reason: entry.Text}, false)
		}, v.d.window)
	v.ReasonDialog.Resize(fyne.NewSize(560, 260))
	v.ReasonDialog.Show()
	if v.d.window != nil {
		v.d.window.Canvas().Focus(entry)
	}
}

// showEmergency shows the call buttons on a live emergency, what was recorded so far
// and why a priority was lowered; and it keeps the closing buttons off an emergency
// that no call has handed to 999 or A&E, saying why.
func (v *Detail) showEmergency(it triage.QueueItem) {
	if it.PriorityReason != "" {
		v.Reason.SetText("Priority lowered because: " + it.PriorityReason)
		v.Reason.Show()
	} else {
		v.Reason.Hide()
	}
	if !it.Live() || it.Priority != triage.Emergency {
		v.Emergency.Hide()
		return
	}
	last := "No call recorded yet."
	if it.Call != "" {
		last = fmt.Sprintf("Last call: %s, by %s at %s.", strings.ToLower(it.Call.Label()), it.CalledBy, it.CalledAt.In(time.Local).Format("15:04"))
	}
	if err := it.CheckClose(); err != nil {
		v.Signpost.Disable()
		v.CloseBtn.Disable()
		last += " It cannot be closed until a call has sent the patient to 999 or A&E."
	}
	v.LastCall.SetText(last)
	v.CallNumber.SetText(CallLine(it))
	v.Emergency.Show()
}

// onCall records what happened when the patient was phoned.
func (v *Detail) onCall(c triage.CallOutcome) {
	v.act(triage.Action{Kind: triage.ActCallOutcome, Call: c}, false)
}

func (v *Detail) onAssign() {
	i := v.TeamPick.SelectedIndex()
	if i < 0 {
		return
	}
	v.act(triage.Action{Kind: triage.ActAssign, Team: triage.Teams[i]}, true)
}

func (v *Detail) onClaim() { v.act(triage.Action{Kind: triage.ActClaim}, false) }

func (v *Detail) onUnclaim() { v.act(triage.Action{Kind: triage.ActUnclaim}, false) }

// onGive offers the members of the request's team, read from the practice queue off
// the Fyne thread, and gives the request to the one picked.
func (v *Detail) onGive() {
	link := v.d.opts.Reception
	if link == nil {
		v.d.problem(fmt.Errorf("the list of the team's members comes from the practice queue, and this desk has none"))
		return
	}
	it := v.item
	spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		members, err := link.TeamMembers(ctx, it.Team)
		onUI(func() {
			if err != nil {
				v.d.problem(fmt.Errorf("the %s team's members could not be read: %w", it.Team.Label(), err))
				return
			}
			if it.ID != v.item.ID {
				return // another request was opened meanwhile
			}
			v.giveDialog(it, members)
		})
	})
}

func (v *Detail) giveDialog(it triage.QueueItem, members []string) {
	v.GivePick = widget.NewSelect(members, nil)
	v.GivePick.PlaceHolder = "Pick a member of the " + it.Team.Label() + " team"
	if len(members) == 0 {
		v.GivePick.PlaceHolder = "The " + it.Team.Label() + " team has no members on the practice queue"
	}
	v.GiveDialog = dialog.NewForm("Give request "+strconv.FormatInt(it.ID, 10)+" to a member of the team", "Give", "Cancel", []*widget.FormItem{
		widget.NewFormItem("To", v.GivePick),
	}, func(ok bool) {
		v.GiveDialog = nil
		if ok && v.GivePick.Selected != "" {
			v.act(triage.Action{Kind: triage.ActAssignMember, Member: v.GivePick.Selected}, false)
		}
	}, v.d.window)
	v.GiveDialog.Resize(fyne.NewSize(480, 200))
	v.GiveDialog.Show()
}

// onNote adds an internal note: staff see it on the request; the patient never does.
func (v *Detail) onNote() {
	v.NoteEntry = widget.NewMultiLineEntry()
	v.NoteEntry.Wrapping = fyne.TextWrapWord
	v.NoteEntry.SetMinRowsVisible(3)
	v.NoteEntry.SetPlaceHolder("For colleagues only: the patient never sees it")
	v.NoteDialog = dialog.NewForm("Internal note", "Add note", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Note", v.NoteEntry),
	}, func(ok bool) {
		v.NoteDialog = nil
		if ok && strings.TrimSpace(v.NoteEntry.Text) != "" {
			v.act(triage.Action{Kind: triage.ActNote, Message: strings.TrimSpace(v.NoteEntry.Text)}, false)
		}
	}, v.d.window)
	v.NoteDialog.Resize(fyne.NewSize(520, 240))
	v.NoteDialog.Show()
}

func (v *Detail) onSignpost() {
	it := v.item
	var opts []string
	for _, s := range triage.Signposts {
		if s != triage.SignpostNone {
			opts = append(opts, s.Label())
		}
	}
	box := newMessageEntry()
	msg := &box.Entry
	var chosen triage.Signpost
	pick := widget.NewSelect(opts, func(label string) {
		for _, s := range triage.Signposts {
			if s.Label() == label {
				chosen, v.services[it.ID] = s, s
				msg.SetText(v.d.signpostText(s, it))
			}
		}
	})
	if s := it.Suggested.Signpost; s != "" && s != triage.SignpostNone {
		pick.SetSelected(s.Label())
	}
	if draft := v.drafts[it.ID]; draft != "" {
		msg.SetText(draft) // what was written before a refused send or a cancel
		if s, ok := v.services[it.ID]; ok {
			chosen = s
			pick.Selected = s.Label()
		}
	}
	msg.OnChanged = func(s string) { v.drafts[it.ID] = s }
	picker := newPicker(v.d.templates, preferFor(it), firstName(it), box, func(t triage.Template) {
		if t.Suits == triage.UseSignpost {
			chosen, v.services[it.ID] = t.Signpost, t.Signpost
			pick.Selected = t.Signpost.Label() // as chosen, without writing its text over the template's
			pick.Refresh()
		}
	})
	next, hasNext := v.d.respondNext(it.ID)
	form := dialog.NewForm("Signpost and close", "Send and close", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Template", picker.Root),
		widget.NewFormItem("Service", pick),
		widget.NewFormItem("Message to the patient", box),
	}, func(ok bool) {
		if !ok {
			return
		}
		if chosen == "" {
			v.d.problem(fmt.Errorf("choose the service to send the patient to, then send again. What you wrote is kept"))
			return
		}
		if err := unfilledError(msg.Text); err != nil {
			v.d.problem(err)
			return
		}
		v.send(it, triage.Action{Kind: triage.ActSignpost, Signpost: chosen, Message: msg.Text}, true, func() {
			delete(v.drafts, it.ID)
			delete(v.services, it.ID)
			v.d.moveOn(next, hasNext)
		})
	}, v.d.window)
	box.send = form.Submit
	picker.send = form.Submit
	v.d.fitDialog(form, picker, box, fyne.NewSize(680, 560))
	form.Show()
	v.SignpostPick = picker
	if v.d.window != nil {
		v.d.window.Canvas().Focus(picker.Filter)
	}
}

// respondThen are the choices after sending a response, before the outcomes that close.
var respondThen = []string{"Wait for the patient's reply", "Keep open"}

func (v *Detail) onRespond() {
	it := v.item
	chans := make([]string, len(triage.Channels))
	for i, c := range triage.Channels {
		chans[i] = c.Label()
	}
	channel := widget.NewSelect(chans, nil)
	channel.SetSelectedIndex(0)
	box := newMessageEntry()
	msg := &box.Entry
	msg.SetText(v.drafts[it.ID])
	msg.OnChanged = func(s string) { v.drafts[it.ID] = s }
	then := append([]string(nil), respondThen...)
	if it.Status == triage.StatusNew {
		then = then[:1] // nobody has it yet: a question to the patient waits for the answer
	}
	for _, o := range triage.Outcomes {
		then = append(then, "Close: "+outcomeLabel(o))
	}
	outcome := widget.NewSelect(then, nil)
	outcome.SetSelectedIndex(0)
	if it.Status != triage.StatusNew && it.Status != triage.StatusAwaitingPatient {
		outcome.SetSelectedIndex(1)
	}
	v.RespondMsg = msg
	var signpost triage.Signpost // set when a template that signposts was put in
	next, hasNext := v.d.respondNext(it.ID)
	send := func() {
		if err := unfilledError(msg.Text); err != nil {
			v.d.problem(err)
			return
		}
		a := triage.Action{Kind: triage.ActRespond, Channel: triage.Channels[channel.SelectedIndex()], Message: msg.Text}
		switch i := outcome.SelectedIndex(); {
		case signpost != "" && outcome.Selected == signpostOption(signpost):
			a = triage.Action{Kind: triage.ActSignpost, Signpost: signpost, Message: msg.Text}
		case then[i] == respondThen[0]:
			a.AwaitReply = true
		case i >= len(then)-len(triage.Outcomes):
			a.CloseOnSend, a.Outcome = true, triage.Outcomes[i-(len(then)-len(triage.Outcomes))]
		}
		v.send(it, a, a.CloseOnSend || a.Kind == triage.ActSignpost, func() {
			delete(v.drafts, it.ID)
			v.d.moveOn(next, hasNext)
		})
	}
	v.RespondSend = send
	v.RespondPicker = newPicker(v.d.templates, preferFor(it), firstName(it), box, func(t triage.Template) {
		switch t.Suits {
		case triage.UseSignpost: // sent as a signpost, so the request records where the patient went
			signpost = t.Signpost
			outcome.Options = append(append([]string(nil), then...), signpostOption(t.Signpost))
			outcome.SetSelected(signpostOption(t.Signpost))
		case triage.UseRespond:
			if outcome.Selected != "" && strings.HasPrefix(outcome.Selected, "Signpost to ") {
				outcome.SetSelectedIndex(0)
			}
		}
	})
	v.RespondDialog = dialog.NewForm("Respond to the patient", "Send (Ctrl+Enter)", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Template", v.RespondPicker.Root),
		widget.NewFormItem("How", channel),
		widget.NewFormItem("Message or booking", box),
		widget.NewFormItem("Then", outcome),
	}, func(ok bool) {
		v.RespondDialog = nil
		if ok {
			send()
		}
	}, v.d.window)
	submit := v.RespondDialog.Submit
	box.send, v.RespondPicker.send = submit, submit
	v.d.fitDialog(v.RespondDialog, v.RespondPicker, box, fyne.NewSize(680, 620))
	v.RespondDialog.Show()
	if v.d.window != nil {
		v.d.window.Canvas().Focus(v.RespondPicker.Filter)
	}
}

// send applies an action written in a dialog opened for request it, like act, and
// sent runs on the Fyne thread only once it was accepted; when it is refused the
// person is told that what they typed is kept for them. A dialog stays open while the
// screen behind it can move on (a reload, a key, an answer to an earlier action
// opening the next request): what was written for one patient must never go to
// another, so when it is no longer the request on screen nothing is sent. Call it on
// the Fyne thread.
func (v *Detail) send(it triage.QueueItem, a triage.Action, back bool, sent func()) {
	if !v.onScreen(it.ID) {
		v.d.problem(notOnScreenError(it, v.item, v.d.detailShown()))
		return
	}
	// The request's version is the one on screen now: the person sees any change
	// that reloaded it behind the dialog, and a change they have not seen is refused
	// by the version check.
	a.RequestID, a.BaseVersion, a.Actor = it.ID, v.item.Version, v.d.opts.User
	d := v.d
	spawn(func() {
		r, err := d.actor.Act(context.Background(), a)
		if err != nil {
			onUI(func() {
				d.problem(fmt.Errorf("%s could not be done: %w.\nWhat you wrote is kept: press Respond to change it or send it again", a.Describe(), err))
			})
			return
		}
		spawn(d.sync.SyncNow)
		<-d.Refresh()
		onUI(func() {
			if sent != nil {
				sent()
			}
			v.done(r.ID, back)
		})
	})
}

// notOnScreenError says why a message written for request it was not sent: the
// screen now shows another request (shown), or none (the person went back to a list).
func notOnScreenError(it, shown triage.QueueItem, detail bool) error {
	now := "the list is now on screen"
	if detail {
		now = whoseRequest(shown) + " is now on screen"
	}
	return fmt.Errorf("nothing was sent: this message was written for %s, but %s.\nWhat you wrote is kept: open %s again and press Respond (or Signpost) to send it",
		whoseRequest(it), now, whoseRequest(it))
}

// whoseRequest names a request the way staff know it: by its patient, or by its
// number when the patient is not known.
func whoseRequest(it triage.QueueItem) string {
	if n := it.Patient.Name(); n != "" {
		return n + "'s request"
	}
	return fmt.Sprintf("request %d", it.ID)
}

func (v *Detail) onClose() {
	outcomes := make([]string, len(triage.Outcomes))
	for i, o := range triage.Outcomes {
		outcomes[i] = outcomeLabel(o)
	}
	outcome := widget.NewSelect(outcomes, nil)
	note := widget.NewEntry()
	dialog.ShowForm("Close the request", "Close", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Outcome", outcome),
		widget.NewFormItem("Note", note),
	}, func(ok bool) {
		if ok && outcome.SelectedIndex() >= 0 {
			v.act(triage.Action{Kind: triage.ActClose, Outcome: triage.Outcomes[outcome.SelectedIndex()], Message: note.Text}, true)
		}
	}, v.d.window)
}

// outcomeLabel is an outcome in the words staff use.
func outcomeLabel(o triage.Outcome) string {
	switch o {
	case triage.OutcomeAnswered:
		return "Answered"
	case triage.OutcomeAppointment:
		return "Appointment booked"
	case triage.OutcomePrescribed:
		return "Prescription issued"
	case triage.OutcomeSignposted:
		return "Signposted"
	case triage.OutcomeNoAction:
		return "No action needed"
	case triage.OutcomeWithdrawn:
		return "Withdrawn by the patient"
	case triage.OutcomeUnreachable:
		return "Patient unreachable"
	case triage.OutcomeDuplicate:
		return "Duplicate"
	case triage.OutcomeEmergency:
		return "Sent to 999 / A&E"
	}
	return string(o)
}

// showContact shows how to reach the patient and, when someone else wrote the
// request, who, their relationship and their number.
func (v *Detail) showContact(it triage.QueueItem) {
	v.Contact.SetText(contactLine(it))
	if a := it.Author.Describe(); a != "" {
		v.Author.SetText(a)
		v.Author.Show()
	} else {
		v.Author.Hide()
	}
}
