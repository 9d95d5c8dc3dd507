package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// bannerLimit is how many emergencies the banner reads at a time: more than will
// ever wait at once in a practice, few enough to read at every refresh.
const bannerLimit = 50

// errNoNotifier is what a desk with no desktop notifications has instead of one.
var errNoNotifier = errors.New("no desktop notifications on this desk")

// Banner is the red strip over the whole desk while an emergency waits for someone
// to act on it. It counts live emergencies with no recorded call that sent the
// patient to 999 or A&E, on every desk of the practice alike, and stays up until one
// is recorded or the priority is lowered with a reason: opening a request, or
// leaving it, does not take it down. A new emergency raises a desktop notification;
// when that cannot be shown the banner flashes and the desk sounds its alarm.
type Banner struct {
	Root    *fyne.Container
	Text    *canvas.Text
	OpenBtn *widget.Button
	// Flashes counts the flashes started, one for each emergency first seen here.
	Flashes int
	// Alarms counts the sounds played because the notification could not be shown.
	Alarms int

	bg       *canvas.Rectangle
	waiting  []triage.QueueItem
	notified map[int64]bool
	d        *Desk
}

func newBanner(d *Desk) *Banner {
	b := &Banner{d: d, notified: map[int64]bool{}}
	b.Text = canvas.NewText("", colorWhite) // on the fixed dark red in both themes
	b.Text.TextStyle = fyne.TextStyle{Bold: true}
	b.Text.TextSize = 16
	b.OpenBtn = widget.NewButtonWithIcon("Open it now", theme.WarningIcon(), b.openOldest)
	b.OpenBtn.Importance = widget.HighImportance
	b.bg = canvas.NewRectangle(themeColor(ColorBanner))
	b.Root = container.NewStack(b.bg, container.NewBorder(nil, nil, nil, b.OpenBtn, container.NewPadded(b.Text)))
	b.Root.Hide()
	return b
}

// Waiting returns the emergencies the banner counts, oldest first.
func (b *Banner) Waiting() []triage.QueueItem { return b.waiting }

// check reads the emergencies not yet acted on, whatever the lists' filters, and shows
// them; the channel is closed once they are on screen.
func (b *Banner) check() <-chan struct{} {
	done := make(chan struct{})
	spawn(func() {
		defer close(done)
		rows, err := b.d.queue.Emergencies(context.Background(), bannerLimit)
		if err != nil {
			return // the lists' own reloads report a cache that cannot be read
		}
		onUI(func() { b.show(rows) })
	})
	return done
}

func (b *Banner) show(rows []triage.QueueItem) {
	b.waiting = rows
	for _, r := range rows {
		if b.notified[r.ID] {
			continue
		}
		b.notified[r.ID] = true
		b.flash()
		err := errNoNotifier
		if b.d.opts.Notify != nil {
			err = b.d.opts.Notify("Emergency request", fmt.Sprintf("Request %d is an emergency: phone the patient now.", r.ID))
		}
		if err != nil && b.d.opts.Alarm != nil {
			// Nobody may be looking at this window: a sound is the one sign left.
			b.Alarms++
			spawn(b.d.opts.Alarm)
		}
	}
	if len(rows) == 0 {
		b.Root.Hide()
		return
	}
	unanswered := 0
	for _, r := range rows {
		if r.Call == triage.CallNoAnswer {
			unanswered++
		}
	}
	// Short enough for 1280 pixels: a canvas.Text never shrinks, and a wider banner
	// would push the filters and the status bar off the window.
	word := "request"
	if len(rows) > 1 {
		word = "requests"
	}
	text := fmt.Sprintf("EMERGENCY: %d %s not acted on. Phone now, then record the outcome.", len(rows), word)
	if n, _ := numberToCall(rows[0]); len(rows) == 1 && n != "" {
		text = fmt.Sprintf("EMERGENCY: 1 request not acted on. Phone %s now, then record it.", n)
	}
	if unanswered > 0 {
		text = fmt.Sprintf("EMERGENCY: %d %s not acted on (%d unanswered: try again). Phone now.", len(rows), word, unanswered)
	}
	b.Text.Text = text
	b.Text.Refresh()
	b.Root.Show()
}

// flash blinks the banner's background so a new emergency catches the eye even when
// the banner was already up for another.
func (b *Banner) flash() {
	b.Flashes++
	red := themeColor(ColorBanner)
	bright := color.NRGBA{R: 0xFF, G: 0x30, B: 0x30, A: 0xFF}
	a := canvas.NewColorRGBAAnimation(bright, red, 400*time.Millisecond, func(c color.Color) {
		b.bg.FillColor = c
		b.bg.Refresh()
	})
	a.RepeatCount = 5
	a.AutoReverse = true
	a.Start()
}

// openOldest opens the emergency that has waited longest.
func (b *Banner) openOldest() {
	if len(b.waiting) > 0 {
		b.d.Open(b.waiting[0])
	}
}
