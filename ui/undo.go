package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// toastFor is how long the note of what was just done stays, with its Undo.
const toastFor = 8 * time.Second

// Toast is the note above the status bar that says what the desk just did to a
// request, with Undo (also Ctrl+Z) for as long as it shows.
type Toast struct {
	Root    *fyne.Container
	Text    *widget.Label
	UndoBtn *widget.Button

	undo  *undoable // nil when what was done cannot be undone (or the toast has gone)
	gen   int       // bumped by every toast, so an old timer does not hide a new one
	timer *time.Timer
}

// undoable is the reversal of an action the person just made: the action that puts
// the request back, made on the version the first action left.
type undoable struct {
	back triage.Action
	list *List // where the request goes back to, to select it there
}

func newToast(undo func()) *Toast {
	t := &Toast{Text: widget.NewLabel("")}
	t.Text.Truncation = fyne.TextTruncateEllipsis
	t.UndoBtn = widget.NewButtonWithIcon("Undo (Ctrl+Z)", theme.ContentUndoIcon(), undo)
	bg := canvas.NewRectangle(themeColor(theme.ColorNameInputBackground))
	bg.CornerRadius = 4
	t.Root = container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), t.UndoBtn, t.Text))
	t.Root.Hide()
	return t
}

// show says what was done, with Undo when u is not nil, for toastFor.
func (t *Toast) show(text string, u *undoable) {
	t.gen++
	gen := t.gen
	t.undo = u
	t.Text.SetText(text)
	if u != nil {
		t.UndoBtn.Show()
	} else {
		t.UndoBtn.Hide()
	}
	t.Root.Show()
	if t.timer != nil {
		t.timer.Stop()
	}
	t.timer = time.AfterFunc(toastFor, func() { onUI(func() { t.hide(gen) }) })
}

// hide takes the toast down, and its Undo with it, unless a newer toast replaced it.
func (t *Toast) hide(gen int) {
	if gen != t.gen {
		return
	}
	if t.timer != nil {
		t.timer.Stop()
	}
	t.undo = nil
	t.Root.Hide()
}

// assigned is what the desk shows after an assignment: what was done, and the way to
// take it back while no one else has touched the request.
func (d *Desk) assigned(before triage.QueueItem, after triage.Request, from *List) {
	text := fmt.Sprintf("Request %d (%s) assigned to %s.", before.ID, before.Patient.Name(), after.Team.Label())
	back := triage.Action{RequestID: after.ID, BaseVersion: after.Version, Actor: d.opts.User}
	switch before.Status {
	case triage.StatusNew:
		back.Kind = triage.ActUnassign
		if after.Priority != before.Priority {
			back.Priority = before.Priority
		}
	case triage.StatusAssigned:
		back.Kind, back.Team = triage.ActAssign, before.Team
		if after.Priority != before.Priority {
			back.Priority = before.Priority
		}
	default: // it had been taken by someone: an undo could not give it back to them
		d.Toast.show(text, nil)
		return
	}
	d.Toast.show(text, &undoable{back: back, list: from})
}

// Undo takes back what the toast says was just done, through the same action path
// as any change (applied to the cache, audited, sent to the queue), then selects the
// request again where it now is.
func (d *Desk) Undo() {
	u := d.Toast.undo
	if u == nil || d.dialogShowing() {
		return
	}
	d.Toast.hide(d.Toast.gen)
	d.do(u.back, func(r triage.Request) {
		where := "is back in the triage inbox"
		if r.Status != triage.StatusNew {
			where = "is back with " + r.Team.Label()
		}
		d.Toast.show(fmt.Sprintf("Undone: request %d %s.", r.ID, where), nil)
		if !d.detailShown() && u.list != nil {
			u.list.SelectID(r.ID)
		}
	})
}
