package ui

import (
	"context"
	"fmt"
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// Actor makes staff actions: the desk's cache applies them at once and queues them
// for the practice queue.
type Actor interface {
	Act(ctx context.Context, a triage.Action) (triage.Request, error)
}

// SyncStatus is what the status bar shows about the link to the practice queue.
type SyncStatus struct {
	Online    bool
	LastSync  time.Time
	Pending   int
	Conflicts int
	Problem   string
}

// Desk is the reviewer's main screen: the emergency banner, the triage inbox, and the
// status bar, with the keyboard shortcuts that work them.
type Desk struct {
	Inbox  *Inbox
	Status *widget.Label
	Banner *fyne.Container // red, shown while emergencies wait
	Root   fyne.CanvasObject

	actor    Actor
	user     string
	now      func() time.Time
	changed  func() // a local change was made: sync it now
	banner   *canvas.Text
	problems func(error)
	busy     sync.WaitGroup // background work started by the desk, for tests to wait on
}

// NewDesk builds the desk for a member of staff. changed is called after every local
// action so the sync can push it at once; problems shows an error to the person.
func NewDesk(q Queue, actor Actor, user string, now func() time.Time, changed func(), problems func(error)) *Desk {
	d := &Desk{Inbox: NewInbox(q, now), Status: widget.NewLabel("Starting…"), actor: actor, user: user, now: now, changed: changed, problems: problems}
	d.banner = canvas.NewText("", color.White)
	d.banner.TextStyle = fyne.TextStyle{Bold: true}
	d.banner.TextSize = 16
	bg := canvas.NewRectangle(emergencyRed)
	d.Banner = container.NewStack(bg, container.NewPadded(d.banner))
	d.Banner.Hide()
	d.Inbox.OnLoaded = d.updateBanner
	d.Root = container.NewBorder(d.Banner, d.Status, nil, nil, d.Inbox.Root)
	return d
}

// emergencyRed is the banner's background: white bold text on it passes WCAG AA.
var emergencyRed = color.NRGBA{R: 0xB0, G: 0x0B, B: 0x1E, A: 0xFF}

func (d *Desk) updateBanner() {
	n := 0
	for _, it := range d.Inbox.rows {
		if it.Priority == triage.Emergency {
			n++
		}
	}
	if n == 0 {
		d.Banner.Hide()
		return
	}
	word := "request"
	if n > 1 {
		word = "requests"
	}
	d.banner.Text = fmt.Sprintf("EMERGENCY: %d %s waiting. Call the patient now and tell them to call 999 or go to A&E.", n, word)
	d.banner.Refresh()
	d.Banner.Show()
}

// SetStatus shows the sync status; call it on the Fyne thread.
func (d *Desk) SetStatus(s SyncStatus) {
	state := "Online"
	if !s.Online {
		state = "OFFLINE: working from this desk's copy"
	}
	last := "not yet"
	if !s.LastSync.IsZero() {
		last = s.LastSync.In(time.Local).Format("15:04:05")
	}
	text := fmt.Sprintf("%s · last sync %s · %d waiting to send · %d conflicts · signed in as %s", state, last, s.Pending, s.Conflicts, d.user)
	if !s.Online && s.Problem != "" {
		text += " · " + s.Problem
	}
	d.Status.SetText(text)
}

// TypedRune handles the single-key shortcuts: j and k move, 1–5 assign.
func (d *Desk) TypedRune(r rune) {
	switch {
	case r == 'j':
		d.Inbox.Move(1)
	case r == 'k':
		d.Inbox.Move(-1)
	case r >= '1' && r <= '5':
		d.Assign(triage.Teams[r-'1'])
	}
}

// TypedKey handles the arrow keys.
func (d *Desk) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		d.Inbox.Move(1)
	case fyne.KeyUp:
		d.Inbox.Move(-1)
	}
}

// Assign gives the selected request to a team, off the Fyne thread, and reloads.
func (d *Desk) Assign(team triage.Team) {
	it, ok := d.Inbox.Selected()
	if !ok {
		return
	}
	a := triage.Action{Kind: triage.ActAssign, RequestID: it.ID, BaseVersion: it.Version, Actor: d.user, Team: team}
	d.busy.Add(1)
	go func() {
		defer d.busy.Done()
		_, err := d.actor.Act(context.Background(), a)
		if err != nil {
			fyne.Do(func() { d.problems(err) })
			return
		}
		if d.changed != nil {
			d.changed()
		}
		<-d.Inbox.Reload()
	}()
}
