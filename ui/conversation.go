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

// The conversation with the patient on the request screen: every message the practice
// sent and every reply, oldest first, each saying which side wrote it, who, when and
// how; and, while the practice waits for the patient, for how long.

// Waited says how long something has waited, as staff read it: "35 min",
// "2 h 10 min", "3 days 4 h".
func Waited(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Minute:
		return "less than a minute"
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
	case d < 48*time.Hour:
		return fmt.Sprintf("1 day %d h", int(d.Hours())%24)
	}
	return fmt.Sprintf("%d days %d h", int(d.Hours()/24), int(d.Hours())%24)
}

// ago says how long before now t was: "just now", "5 min ago", "2 h 10 min ago".
func ago(t, now time.Time) string {
	d := now.Sub(t)
	if d < time.Minute {
		return "just now"
	}
	return Waited(d) + " ago"
}

// WaitingLine is what the request screen and the team queue say of a request waiting
// for the patient, "" when it is not waiting.
func WaitingLine(r *triage.Request, now time.Time) string {
	d, ok := r.WaitingFor(now)
	if !ok {
		return ""
	}
	return "Waiting for the patient for " + Waited(d)
}

// messageAuthor names who wrote m: the member of staff for the practice's messages,
// the patient (by name) for theirs, or whoever writes for a dependant.
func messageAuthor(m triage.Message, p triage.Patient) string {
	if m.From == triage.FromPractice {
		who := m.Author
		if who == "" {
			who = "the practice"
		}
		return "Practice · " + who
	}
	if p.Dependant {
		return "Patient's side · written for " + p.Name() + " from a linked account"
	}
	return "Patient · " + p.Name()
}

// messageCard is one message of the thread: a heading line saying which side, who,
// when (relative and exact) and how, then the text. The practice's messages and the
// patient's differ in their heading's words and colour, never in colour alone.
func messageCard(m triage.Message, p triage.Patient, now time.Time) fyne.CanvasObject {
	head := widget.NewLabel(fmt.Sprintf("%s · %s (%s)", messageAuthor(m, p), ago(m.SentAt, now), m.SentAt.In(time.Local).Format("Mon 2 Jan 2006 15:04")))
	if m.From == triage.FromPractice && m.Channel != "" {
		head.SetText(head.Text + " · " + m.Channel.Label())
	}
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	if m.From == triage.FromPatient {
		head.Importance = widget.HighImportance
	}
	body := widget.NewLabel(m.Body)
	body.Wrapping = fyne.TextWrapWord
	if m.From == triage.FromPractice {
		// The practice's side is indented, as in a messaging app, so the two sides read
		// apart at a glance.
		return container.NewBorder(nil, nil, widget.NewLabel("    "), nil, container.NewVBox(head, body))
	}
	return container.NewVBox(head, body)
}

// showThread fills the conversation and the waiting line for request it.
func (v *Detail) showThread(it triage.QueueItem, now time.Time) {
	thread := it.Thread()
	objs := make([]fyne.CanvasObject, 0, len(thread))
	for _, m := range thread {
		objs = append(objs, messageCard(m, it.Patient, now), widget.NewSeparator())
	}
	if len(objs) == 0 {
		none := widget.NewLabel("No messages yet. Respond… sends the first one.")
		none.TextStyle.Italic = true
		objs = append(objs, none)
	}
	v.Thread.Objects = objs
	v.Thread.Refresh()
	v.shown = len(thread)
	if w := WaitingLine(&it.Request, now); w != "" {
		v.Waiting.SetText(w)
		v.Waiting.Show()
	} else {
		v.Waiting.Hide()
	}
}

// refreshOpen re-reads the open request after a sync and shows what changed in its
// conversation, status and waiting time, leaving everything else on screen, open
// dialogs and what is typed in them, as it is. A new message shown is a new view of
// the request, recorded in the audit trail as opening it is, unless it is the
// person's own (newsTo). Call it off the Fyne
// thread; the channel is closed once the screen is up to date.
func (v *Detail) refreshOpen() <-chan struct{} {
	done := make(chan struct{})
	var id int64
	var gen, shown, version int
	var user string
	open := false
	onUI(func() {
		if v.d.detailShown() && v.loaded {
			open, id, gen, shown, version, user = true, v.item.ID, v.gen, v.shown, v.item.Version, v.d.opts.User
		}
	})
	if !open {
		close(done)
		return done
	}
	spawn(func() {
		defer close(done)
		ctx := context.Background()
		it, err := v.d.queue.Request(ctx, id)
		if err != nil || it.Version <= version {
			return // unchanged (most syncs), or purged or unreadable: the next open says why
		}
		if newsTo(user, it.Thread(), shown) {
			if err := v.d.queue.RecordView(ctx, user, id); err != nil {
				onUI(func() { v.d.problem(fmt.Errorf("request %d's new message could not be recorded as seen: %w", id, err)) })
				return // nothing is shown unrecorded
			}
		}
		now := v.d.opts.Now()
		onUI(func() {
			if gen != v.gen || !v.d.detailShown() {
				return
			}
			if it.Version <= v.item.Version {
				return // nothing new, or this desk's own change is newer than what was read
			}
			v.item = it
			v.Title.SetText(fmt.Sprintf("Request %d · %s · %s · %s", it.ID, it.Priority.Label(), it.Status.Label(), DueIn(it.DueAt, now)))
			v.showThread(it, now)
			v.showHolder(it)
		})
	})
	return done
}

// newsTo reports whether thread, of which the screen shows the first shown messages,
// has a message after them that user did not write: the patient's reply, or a
// colleague's message. The person's own message coming back from the queue tells
// them nothing new, and recording it as a view would put in the audit trail an
// opening that never happened.
func newsTo(user string, thread []triage.Message, shown int) bool {
	for _, m := range thread[min(shown, len(thread)):] {
		if m.From != triage.FromPractice || m.Author != user {
			return true
		}
	}
	return false
}
