package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// The practice's reply templates on the desk: a picker in the respond and signpost
// dialogs, worked from the keyboard (type to filter, ↑ ↓ to move, Enter to put the
// template in the message with the patient's name filled in, Ctrl+Enter to send),
// and the practice manager's editor. The templates come from this desk's cache, which
// the sync keeps true to the practice queue, and are re-read with every Refresh, so a
// manager's edit on another desk shows here without a restart.

// reloadTemplates reads the templates from the cache off the Fyne thread and keeps
// them for the pickers; the channel is closed once they are in place. A cache that
// cannot be read leaves the templates the desk had.
func (d *Desk) reloadTemplates() <-chan struct{} {
	done := make(chan struct{})
	spawn(func() {
		defer close(done)
		set, err := d.queue.Templates(context.Background())
		if err != nil {
			return // the pickers keep the last good set; the next Refresh tries again
		}
		onUI(func() {
			d.templates = set
			if d.TemplateEditor != nil {
				d.TemplateEditor.show(set)
			}
		})
	})
	return done
}

// isSendShortcut reports whether s is Ctrl+Enter (⌘+Enter on a Mac), which sends.
func isSendShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || (cs.KeyName != fyne.KeyReturn && cs.KeyName != fyne.KeyEnter) {
		return false
	}
	return cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierSuper
}

// sendShortcut is Ctrl+Enter as the driver sends it, for tests and the help.
var sendShortcut fyne.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}

// messageEntry is the message box of the respond and signpost dialogs: Ctrl+Enter
// sends, Esc closes the dialog (the draft is kept), everything else is typing.
type messageEntry struct {
	widget.Entry
	send func()
}

func newMessageEntry() *messageEntry {
	e := &messageEntry{}
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(messageRows)
	return e
}

// TypedShortcut sends on Ctrl+Enter and leaves the rest to the text box.
func (e *messageEntry) TypedShortcut(s fyne.Shortcut) {
	if isSendShortcut(s) && e.send != nil {
		e.send()
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey hands Esc to the desk, which closes the dialog.
func (e *messageEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		passKey(e, ev)
		return
	}
	e.Entry.TypedKey(ev)
}

// filterEntry is the picker's filter box: typing filters, ↑ ↓ move through the
// templates, Enter puts the highlighted one in the message, Ctrl+Enter sends, Esc
// closes the dialog.
type filterEntry struct {
	widget.Entry
	p *Picker
}

// TypedKey moves and chooses; the rest is typing.
func (e *filterEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.p.move(1)
	case fyne.KeyUp:
		e.p.move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.Choose()
	case fyne.KeyEscape:
		passKey(e, ev)
	default:
		e.Entry.TypedKey(ev)
	}
}

// TypedShortcut sends on Ctrl+Enter and leaves the rest to the text box.
func (e *filterEntry) TypedShortcut(s fyne.Shortcut) {
	if isSendShortcut(s) && e.p.send != nil {
		e.p.send()
		return
	}
	e.Entry.TypedShortcut(s)
}

// Picker is the template picker of a respond or signpost dialog.
type Picker struct {
	Filter *filterEntry
	List   *widget.List
	Hint   *widget.Label // what was put in, what is missing, or that nothing matches
	Root   fyne.CanvasObject
	// Shown are the templates that match the filter, in the list's order; Sel is the
	// highlighted one (-1 for none).
	Shown []triage.Template
	Sel   int

	// listBox holds the list at a fixed size: four rows, or two in a short window.
	listBox *fyne.Container
	all     []triage.Template
	first   string
	info    triage.Practice
	msg     *messageEntry
	chosen  func(triage.Template)
	send    func()
}

// newPicker makes a picker over set's templates, those suiting prefer listed first,
// which fills them for a patient called first and puts them into msg; chosen, if set,
// hears which template was put in.
func newPicker(set triage.TemplateSet, prefer func(triage.Template) bool, first string, msg *messageEntry, chosen func(triage.Template)) *Picker {
	p := &Picker{first: first, info: set.Practice, msg: msg, chosen: chosen, Sel: -1}
	p.all = append(p.all, set.Templates...)
	slices.SortStableFunc(p.all, func(a, b triage.Template) int {
		pa, pb := prefer != nil && prefer(a), prefer != nil && prefer(b)
		switch {
		case pa && !pb:
			return -1
		case pb && !pa:
			return 1
		}
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	p.Filter = &filterEntry{p: p}
	p.Filter.ExtendBaseWidget(p.Filter)
	p.Filter.SetPlaceHolder("Type to find a template, ↑ ↓ to pick, Enter to put it in")
	p.Filter.OnChanged = func(string) { p.filter() }
	p.List = widget.NewList(func() int { return len(p.Shown) },
		func() fyne.CanvasObject { return widget.NewLabel("template name") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.Shown) {
				t := p.Shown[i]
				o.(*widget.Label).SetText(t.Name + " · " + useLabel(t))
			}
		})
	p.List.OnSelected = func(i widget.ListItemID) { p.Sel = i }
	p.Hint = widget.NewLabel("")
	p.Hint.Wrapping = fyne.TextWrapWord
	p.Hint.Importance = widget.LowImportance
	if len(p.all) == 0 {
		p.Hint.SetText("The practice has no reply templates on this desk yet: they arrive with the next sync, and the practice manager keeps them under Templates.")
	}
	p.listBox = container.NewGridWrap(fyne.NewSize(560, pickerRows*pickerRowHeight), p.List)
	p.Root = container.NewVBox(p.Filter, p.listBox, p.Hint)
	p.filter()
	return p
}

// The template list's height: about four rows, two in a short window (compact).
const (
	pickerRows, pickerRowsShort   = 4, 2
	pickerRowHeight               = 37.5
	messageRows, messageRowsShort = 6, 3
)

// fitDialog makes a respond or signpost dialog fit the window before it is shown:
// in a short window (1280×720 with a large text size is about 900×510 of the desk's
// own units) the full dialog is taller than the window, and Fyne then draws its
// buttons over its last fields, hiding what happens after Send. There the template
// list shows two rows and the message box three (both scroll), and the dialog is
// sized to the window.
func (d *Desk) fitDialog(dlg dialog.Dialog, p *Picker, msg *messageEntry, want fyne.Size) {
	if d.window == nil {
		dlg.Resize(want)
		return
	}
	room := d.window.Canvas().Size()
	if dlg.MinSize().Height > room.Height-dialogMargin {
		p.listBox.Layout = layout.NewGridWrapLayout(fyne.NewSize(560, pickerRowsShort*pickerRowHeight))
		msg.SetMinRowsVisible(messageRowsShort)
	}
	dlg.Resize(fyne.NewSize(min(want.Width, room.Width), min(want.Height, room.Height)))
}

// dialogMargin is the room a dialog leaves around itself in the window.
const dialogMargin = 16

// useLabel says what a template is for, as the picker shows it.
func useLabel(t triage.Template) string {
	switch t.Suits {
	case triage.UseSignpost:
		return "signpost to " + t.Signpost.Label()
	case triage.UseCall999:
		return "emergency"
	}
	return strings.ToLower(t.Suits.Label())
}

// filter shows the templates whose name (or, failing that, text) has every word
// typed, and highlights the first. Only what the template says counts: not the use
// the picker shows beside each name ("respond", "signpost to …"), nor the names of the
// placeholders in its text ("{first name}", "{practice phone}"), which every template
// holds and no patient reads, so typing them would find templates that say nothing
// of the kind.
func (p *Picker) filter() {
	words := strings.Fields(strings.ToLower(p.Filter.Text))
	has := func(s string) bool {
		s = strings.ToLower(s)
		for _, w := range words {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	}
	p.Shown = p.Shown[:0]
	for _, t := range p.all {
		if has(t.Name) {
			p.Shown = append(p.Shown, t)
		}
	}
	if len(p.Shown) == 0 { // nothing by name: look in what the templates say
		for _, t := range p.all {
			if has(withoutPlaceholders(t.Body)) {
				p.Shown = append(p.Shown, t)
			}
		}
	}
	p.List.UnselectAll()
	p.Sel = -1
	p.List.Refresh()
	if len(p.Shown) > 0 {
		p.List.Select(0)
		p.List.ScrollTo(0)
		if strings.HasPrefix(p.Hint.Text, "No template matches") {
			p.Hint.SetText("")
		}
	} else if len(p.all) > 0 {
		p.Hint.SetText(fmt.Sprintf("No template matches %q.", p.Filter.Text))
	}
}

// withoutPlaceholders is a template's text with its placeholders taken out.
func withoutPlaceholders(body string) string {
	for _, ph := range triage.PlaceholdersIn(body) {
		body = strings.ReplaceAll(body, ph, " ")
	}
	return body
}

func (p *Picker) move(delta int) {
	if len(p.Shown) == 0 {
		return
	}
	i := min(max(p.Sel+delta, 0), len(p.Shown)-1)
	p.List.Select(i)
	p.List.ScrollTo(i)
}

// Choose puts the highlighted template into the message, filled in for the patient,
// where the cursor was (what was typed already stays), and gives the message box the
// cursor, after the template, so the reviewer can change it.
func (p *Picker) Choose() {
	if p.Sel < 0 || p.Sel >= len(p.Shown) {
		return
	}
	t := p.Shown[p.Sel]
	text, missing := triage.Fill(t.Body, p.first, p.info)
	insertAtCursor(&p.msg.Entry, text)
	switch {
	case len(missing) > 0:
		p.Hint.Importance = widget.WarningImportance
		p.Hint.SetText(fmt.Sprintf("%q is in the message. Write in %s yourself: %s. It cannot be sent with a placeholder left in.",
			t.Name, strings.Join(missing, ", "), missingWhy(missing)))
	default:
		p.Hint.Importance = widget.LowImportance
		p.Hint.SetText(fmt.Sprintf("%q is in the message: change it as you need, then Ctrl+Enter sends.", t.Name))
	}
	if p.chosen != nil {
		p.chosen(t)
	}
	if c := canvasOf(p.msg); c != nil {
		c.Focus(p.msg)
	}
}

// missingWhy says why placeholders could not be filled.
func missingWhy(missing []string) string {
	var why []string
	for _, m := range missing {
		switch m {
		case triage.PlaceFirstName:
			why = append(why, "this desk does not know the patient's first name")
		case triage.PlacePractice:
			why = append(why, "the practice's name is not set")
		case triage.PlacePracticePhone:
			why = append(why, "the practice's phone number is not set")
		case triage.PlaceBookingLink:
			why = append(why, "the practice's booking link is not set")
		}
	}
	return strings.Join(why, "; ") + " (the practice manager sets them under Templates)"
}

// insertAtCursor puts s into e where its cursor is (over any selected text), and
// leaves the cursor after it, as pasting does; it is pasted, so Ctrl+Z takes it out
// again. A message box holding only spaces is emptied first.
func insertAtCursor(e *widget.Entry, s string) {
	if strings.TrimSpace(e.Text) == "" && e.Text != "" {
		e.SetText("")
	}
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard(s)})
}

// textClipboard is a clipboard holding one text, for insertAtCursor: the person's
// own clipboard is left as it was.
type textClipboard string

func (c textClipboard) Content() string   { return string(c) }
func (c textClipboard) SetContent(string) {}

// firstName is the patient's first name as a message greets them.
func firstName(it triage.QueueItem) string {
	return strings.TrimSpace(it.Patient.GivenName)
}

// unfilledError refuses a message that still holds a placeholder.
func unfilledError(message string) error {
	left := triage.Unfilled(message)
	if len(left) == 0 {
		return nil
	}
	return fmt.Errorf("the message still has %s in it: write in what it stands for before sending. What you wrote is kept", strings.Join(left, ", "))
}

// signpostText is the message for signposting a request to s: the practice's own
// template for that service, filled in for the patient, or the desk's built-in one.
func (d *Desk) signpostText(s triage.Signpost, it triage.QueueItem) string {
	for _, t := range d.templates.Templates {
		if t.Suits == triage.UseSignpost && t.Signpost == s {
			text, _ := triage.Fill(t.Body, firstName(it), d.templates.Practice)
			return text
		}
	}
	return signpostTemplates[s]
}

// RespondKey is the r key: respond to the open request, or to the highlighted one in
// the list (it is opened first, so the reviewer sees whom they are writing to). A
// closed request takes no response.
func (d *Desk) RespondKey() {
	if d.dialogShowing() {
		return
	}
	if d.detailShown() {
		if d.Detail.item.Status != triage.StatusClosed {
			d.Detail.onRespond()
		}
		return
	}
	l, ok := d.shownList()
	if !ok {
		return
	}
	it, ok := l.Selected()
	if !ok || it.Status == triage.StatusClosed {
		return
	}
	d.Open(it)
	d.Detail.onRespond()
}

// respondNext is the request to select once the open one has been answered and
// leaves the list on screen, so a reviewer goes on with the next one as after 1–5.
func (d *Desk) respondNext(id int64) (int64, bool) {
	return d.Current().Neighbour(id)
}

// moveOn selects next in the list on screen after a response took its request out
// of the list; where the request stays (a team's queue), the selection stays on it.
func (d *Desk) moveOn(next int64, ok bool) {
	l := d.Current()
	if _, has := l.Selected(); ok && !has {
		l.SelectID(next) // the answered request left the list: go on with the next
	}
}

// signpostOption is the "Then" choice of the respond dialog that signposts to s.
func signpostOption(s triage.Signpost) string {
	return "Signpost to " + s.Label() + " and close"
}

// preferFor lists first the templates that suit a request: call 999 for an
// emergency, or the service the engine suggests signposting to.
func preferFor(it triage.QueueItem) func(triage.Template) bool {
	return func(t triage.Template) bool {
		if it.Priority == triage.Emergency {
			return t.Suits == triage.UseCall999
		}
		s := it.Suggested.Signpost
		return s != "" && s != triage.SignpostNone && t.Suits == triage.UseSignpost && t.Signpost == s
	}
}

// TemplateEditor is the practice manager's screen for the reply templates: the list,
// a form to change the one picked or write a new one, and the practice's details the
// templates fill in. Changes go to the practice queue, which checks them; what it
// says when it refuses is shown in words above the form.
type TemplateEditor struct {
	List    *widget.List
	Name    *widget.Entry
	Use     *widget.Select
	Body    *widget.Entry
	Save    *widget.Button
	New     *widget.Button
	Delete  *widget.Button
	Message *widget.Label // what happened to the last change, or why it was refused

	PracticeName  *widget.Entry
	PracticePhone *widget.Entry
	BookingLink   *widget.Entry
	SavePractice  *widget.Button

	// Confirm is the "delete this template?" dialog while it is open.
	Confirm dialog.Dialog
	Root    fyne.CanvasObject

	d       *Desk
	set     triage.TemplateSet
	editing triage.Template // the template in the form; ID 0 for a new one
	filling bool            // set while the form is filled, so only a person's typing marks it changed
	dirty   bool            // the form holds changes not yet saved
	pdirty  bool            // the practice's details hold changes not yet saved
}

// templateUses are the editor's choices of what a template is for.
func templateUses() []string {
	out := []string{useChoice(triage.Template{Suits: triage.UseRespond})}
	for _, s := range triage.Signposts {
		if s != triage.SignpostNone {
			out = append(out, useChoice(triage.Template{Suits: triage.UseSignpost, Signpost: s}))
		}
	}
	return append(out, useChoice(triage.Template{Suits: triage.UseCall999}))
}

func useChoice(t triage.Template) string {
	if t.Suits == triage.UseSignpost {
		return "Signpost to " + t.Signpost.Label()
	}
	return t.Suits.Label()
}

func newTemplateEditor(d *Desk) *TemplateEditor {
	e := &TemplateEditor{d: d}
	e.List = widget.NewList(func() int { return len(e.set.Templates) },
		func() fyne.CanvasObject { return widget.NewLabel("a template's name") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(e.set.Templates) {
				t := e.set.Templates[i]
				o.(*widget.Label).SetText(t.Name + " · " + useLabel(t))
			}
		})
	e.List.OnSelected = func(i widget.ListItemID) {
		if i < len(e.set.Templates) && e.set.Templates[i].ID != e.editing.ID {
			e.fill(e.set.Templates[i])
		}
	}
	changed := func(string) {
		if !e.filling {
			e.dirty = true
		}
	}
	e.Name = widget.NewEntry()
	e.Name.SetPlaceHolder("Short, as the picker shows it: \"Please send a photo\"")
	e.Name.OnChanged = changed
	e.Use = widget.NewSelect(templateUses(), changed)
	e.Body = widget.NewMultiLineEntry()
	e.Body.Wrapping = fyne.TextWrapWord
	e.Body.SetMinRowsVisible(8)
	e.Body.OnChanged = changed
	e.Save = widget.NewButton("Save template", e.onSave)
	e.Save.Importance = widget.HighImportance
	e.New = widget.NewButton("New template", e.onNew)
	e.Delete = widget.NewButton("Delete…", e.onDelete)
	e.Delete.Importance = widget.DangerImportance
	e.Message = widget.NewLabel("Pick a template to change it, or write a new one.")
	e.Message.Wrapping = fyne.TextWrapWord
	places := widget.NewLabel("The desk fills in " + strings.Join(triage.Placeholders, ", ") +
		" for each patient; no other {…} can be saved. Every desk has the change within seconds of saving.")
	places.Wrapping = fyne.TextWrapWord
	places.Importance = widget.LowImportance

	pchanged := func(string) {
		if !e.filling {
			e.pdirty = true
		}
	}
	e.PracticeName, e.PracticePhone, e.BookingLink = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.PracticeName.OnChanged, e.PracticePhone.OnChanged, e.BookingLink.OnChanged = pchanged, pchanged, pchanged
	e.BookingLink.SetPlaceHolder("https://…")
	e.SavePractice = widget.NewButton("Save the practice's details", e.onSavePractice)

	form := widget.NewForm(widget.NewFormItem("Name", e.Name), widget.NewFormItem("For", e.Use), widget.NewFormItem("Message", e.Body))
	practice := widget.NewForm(widget.NewFormItem("{practice}", e.PracticeName), widget.NewFormItem("{practice phone}", e.PracticePhone),
		widget.NewFormItem("{booking link}", e.BookingLink))
	right := container.NewVBox(heading("Template"), e.Message, form, places, container.NewHBox(e.Save, e.New, e.Delete),
		widget.NewSeparator(), heading("The practice's details in every message"), practice, container.NewHBox(e.SavePractice))
	split := container.NewHSplit(container.NewBorder(heading("The practice's reply templates"), nil, nil, nil, e.List), container.NewVScroll(right))
	split.Offset = 0.3
	e.Root = split
	e.onNew()
	return e
}

// show puts the templates the desk now has in the list. A form with changes not yet
// saved keeps them; otherwise it shows the template as it now is (a colleague may
// have changed or deleted it).
func (e *TemplateEditor) show(set triage.TemplateSet) {
	e.set = set
	e.List.Refresh()
	if !e.pdirty {
		e.filling = true
		e.PracticeName.SetText(set.Practice.Name)
		e.PracticePhone.SetText(set.Practice.Phone)
		e.BookingLink.SetText(set.Practice.BookingLink)
		e.filling = false
	}
	if e.dirty || e.editing.ID == 0 {
		return
	}
	for _, t := range set.Templates {
		if t.ID == e.editing.ID {
			if t.Version != e.editing.Version {
				e.fill(t)
			}
			return
		}
	}
	e.onNew()
	e.Message.SetText("The template you had open was deleted on another desk.")
}

func (e *TemplateEditor) fill(t triage.Template) {
	e.filling = true
	e.editing = t
	e.Name.SetText(t.Name)
	e.Use.SetSelected(useChoice(t))
	e.Body.SetText(t.Body)
	e.filling, e.dirty = false, false
	e.Delete.Enable()
	e.Message.Importance = widget.MediumImportance
	e.Message.SetText(fmt.Sprintf("Version %d, last changed by %s on %s.", t.Version, t.UpdatedBy, t.UpdatedAt.Local().Format("2 Jan 2006 at 15:04")))
}

func (e *TemplateEditor) onNew() {
	e.filling = true
	e.editing = triage.Template{}
	e.Name.SetText("")
	e.Use.SetSelected(useChoice(triage.Template{Suits: triage.UseRespond}))
	e.Body.SetText("Hello {first name}, \n\nKind regards, {practice}")
	e.filling, e.dirty = false, false
	e.List.UnselectAll()
	e.Delete.Disable()
	e.Message.Importance = widget.MediumImportance
	e.Message.SetText("A new template: give it a name and a message, then save.")
}

// form is the template as the form has it, on the version it was opened at.
func (e *TemplateEditor) form() triage.Template {
	t := e.editing
	t.Name, t.Body = strings.TrimSpace(e.Name.Text), e.Body.Text
	t.Suits, t.Signpost = triage.UseRespond, ""
	for _, s := range triage.Signposts {
		if e.Use.Selected == useChoice(triage.Template{Suits: triage.UseSignpost, Signpost: s}) {
			t.Suits, t.Signpost = triage.UseSignpost, s
		}
	}
	if e.Use.Selected == useChoice(triage.Template{Suits: triage.UseCall999}) {
		t.Suits = triage.UseCall999
	}
	return t
}

func (e *TemplateEditor) refused(what string, err error) {
	e.Message.Importance = widget.DangerImportance
	e.Message.SetText(what + ": " + inWords(err))
}

// onSave checks the template here first (an unknown placeholder is named at once),
// then sends it to the queue off the Fyne thread.
func (e *TemplateEditor) onSave() {
	t := e.form()
	if err := t.Validate(); err != nil {
		e.refused("Not saved", err)
		return
	}
	d := e.d
	spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var got triage.Template
		var err error
		if t.ID == 0 {
			got, err = d.sync.AddTemplate(ctx, t)
		} else {
			got, err = d.sync.SaveTemplate(ctx, t)
		}
		onUI(func() {
			if err != nil {
				e.refused(fmt.Sprintf("%q was not saved", t.Name), err)
				return
			}
			e.fill(got)
			e.Message.SetText(fmt.Sprintf("Saved %q (version %d): every desk has it with its next sync.", got.Name, got.Version))
		})
		if err == nil {
			d.sync.SyncNow()
		}
	})
}

// onDelete asks first: a deleted template is gone from every desk.
func (e *TemplateEditor) onDelete() {
	t := e.editing
	if t.ID == 0 {
		return
	}
	d := e.d
	dlg := dialog.NewConfirm(fmt.Sprintf("Delete %q?", t.Name), "It goes from every desk's picker. Messages already sent with it are kept on their requests.", func(ok bool) {
		e.Confirm = nil
		if !ok {
			return
		}
		spawn(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := d.sync.DeleteTemplate(ctx, t.ID, t.Version)
			onUI(func() {
				if err != nil {
					e.refused(fmt.Sprintf("%q was not deleted", t.Name), err)
					return
				}
				e.onNew()
				e.Message.SetText(fmt.Sprintf("Deleted %q.", t.Name))
			})
			if err == nil {
				d.sync.SyncNow()
			}
		})
	}, d.window)
	e.Confirm = dlg
	d.showDialog(dlg)
}

func (e *TemplateEditor) onSavePractice() {
	p := triage.Practice{Name: strings.TrimSpace(e.PracticeName.Text), Phone: strings.TrimSpace(e.PracticePhone.Text), BookingLink: strings.TrimSpace(e.BookingLink.Text)}
	if err := p.Validate(); err != nil {
		e.refused("The practice's details were not saved", err)
		return
	}
	d := e.d
	spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := d.sync.SetPractice(ctx, p)
		onUI(func() {
			if err != nil {
				e.refused("The practice's details were not saved", err)
				return
			}
			e.pdirty = false
			e.Message.Importance = widget.MediumImportance
			e.Message.SetText("Saved the practice's details: every message filled from now on uses them.")
		})
		if err == nil {
			d.sync.SyncNow()
		}
	})
}
