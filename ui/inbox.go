// Package ui holds Triage Desk's Fyne views and widgets. It talks to the domain and the
// store through the small interfaces below, never SQL or HTTP, and touches widgets only
// on the Fyne thread: queries run on goroutines and hand their rows over with fyne.Do.
package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// Queue is what the inbox reads: the store's cache satisfies it.
type Queue interface {
	Inbox(ctx context.Context, f triage.Filter) ([]triage.QueueItem, error)
	CountInbox(ctx context.Context, f triage.Filter) (int, error)
}

// Inbox is the triage inbox: new requests, most urgent first then oldest, in a
// virtualised table whose rows live in a slice owned by the Fyne thread.
type Inbox struct {
	queue Queue
	now   func() time.Time

	rows     []triage.QueueItem
	selected int // row index, -1 for none
	Table    *widget.Table
	Status   *widget.Label
	Root     fyne.CanvasObject
	// OnLoaded, if set, is called on the Fyne thread after each reload.
	OnLoaded func()
}

var inboxHeaders = []string{"Priority", "Due", "Patient", "Kind", "What they wrote", "Suggested team"}

// NewInbox builds the inbox view; call Reload to fill it.
func NewInbox(q Queue, now func() time.Time) *Inbox {
	in := &Inbox{queue: q, now: now, selected: -1, Status: widget.NewLabel("Loading the triage inbox…")}
	in.Table = widget.NewTableWithHeaders(in.size, in.createCell, in.updateCell)
	in.Table.OnSelected = func(id widget.TableCellID) { in.selected = id.Row }
	in.Table.ShowHeaderColumn = false
	in.Table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	in.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(inboxHeaders[id.Col])
		}
	}
	for i, w := range []float32{110, 150, 220, 80, 540, 140} {
		in.Table.SetColumnWidth(i, w)
	}
	in.Root = container.NewBorder(nil, in.Status, nil, nil, in.Table)
	return in
}

func (in *Inbox) size() (int, int) { return len(in.rows), len(inboxHeaders) }

func (in *Inbox) createCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (in *Inbox) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(in.rows) {
		return
	}
	it := &in.rows[id.Row]
	l := o.(*widget.Label)
	l.TextStyle = fyne.TextStyle{Bold: id.Col == 0 && it.Priority == triage.Emergency}
	switch id.Col {
	case 0:
		l.SetText(it.Priority.Label())
	case 1:
		l.SetText(DueIn(it.DueAt, in.now()))
	case 2:
		l.SetText(fmt.Sprintf("%s, %d %s", it.Patient.Name(), it.Patient.AgeAt(in.now()), sexLetter(it.Patient.Sex)))
	case 3:
		l.SetText(string(it.Kind))
	case 4:
		l.SetText(it.FirstLine(120))
	case 5:
		l.SetText(it.Suggested.Team.Label())
	}
}

// Reload reads the inbox on a goroutine and shows it on the Fyne thread; the channel
// is closed once the rows are on screen.
func (in *Inbox) Reload() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ctx := context.Background()
		rows, err := in.queue.Inbox(ctx, triage.Filter{Limit: 500})
		n, cerr := in.queue.CountInbox(ctx, triage.Filter{})
		fyne.DoAndWait(func() {
			if err != nil || cerr != nil {
				in.Status.SetText("Could not read the triage inbox: " + fmt.Sprint(errorOf(err, cerr)) + ". Restart Triage Desk; if it happens again, move the cache file aside.")
				return
			}
			in.rows = rows
			if in.selected >= len(rows) {
				in.selected = len(rows) - 1
			}
			in.Table.Refresh()
			in.Status.SetText(fmt.Sprintf("%d new requests waiting for review", n))
			if in.OnLoaded != nil {
				in.OnLoaded()
			}
		})
	}()
	return done
}

// Selected returns the selected request, if any.
func (in *Inbox) Selected() (triage.QueueItem, bool) {
	if in.selected < 0 || in.selected >= len(in.rows) {
		return triage.QueueItem{}, false
	}
	return in.rows[in.selected], true
}

// Move moves the selection by delta rows, starting at the top when nothing is selected.
func (in *Inbox) Move(delta int) {
	if len(in.rows) == 0 {
		return
	}
	row := in.selected + delta
	if in.selected < 0 {
		row = 0
	}
	row = max(0, min(row, len(in.rows)-1))
	in.Table.Select(widget.TableCellID{Row: row, Col: 0})
	in.Table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
}

func errorOf(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// DueIn says how long until due, or how long overdue, in the words staff use.
func DueIn(due, now time.Time) string {
	d := due.Sub(now)
	over := d < 0
	if over {
		d = -d
	}
	var s string
	switch {
	case d < time.Minute:
		s = "now"
	case d < time.Hour:
		s = fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		s = fmt.Sprintf("%d h %02d", int(d.Hours()), int(d.Minutes())%60)
	default:
		s = fmt.Sprintf("%d days", int(d.Hours()/24))
	}
	if over {
		return "overdue " + s
	}
	if s == "now" {
		return "due now"
	}
	return "in " + s
}

func sexLetter(s triage.Sex) string {
	switch s {
	case triage.Female:
		return "F"
	case triage.Male:
		return "M"
	}
	return "U"
}
