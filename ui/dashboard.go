package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// Dashboard is the practice manager's screen: open requests by team and priority,
// breaches, requests per day and time to first response, overuse, the live-request
// limit and the on/off schedule.
type Dashboard struct {
	Counts    map[triage.Team]map[triage.Priority]*widget.Label // team "" is the requests awaiting triage
	Totals    map[triage.Team]*widget.Label
	Breaches  *widget.Label
	PerDay    *barChart
	Response  *barChart
	Overuse   *widget.Label
	Mode      *widget.Label
	MaxLive   *widget.Entry
	SaveLimit *widget.Button
	OffMsg    *widget.Entry
	SwitchOff *widget.Button
	SwitchOn  *widget.Button
	ClosFrom  *widget.Entry
	ClosTo    *widget.Entry
	ClosWhy   *widget.Entry
	AddClos   *widget.Button
	Root      fyne.CanvasObject

	d        *Desk
	settings Settings
}

func newDashboard(d *Desk) *Dashboard {
	b := &Dashboard{d: d, Counts: map[triage.Team]map[triage.Priority]*widget.Label{}, Totals: map[triage.Team]*widget.Label{}}
	b.buildUI()
	return b
}

// dashboardRows are the rows of the open-work table: the new requests no one has
// assigned yet (team ""), then each team.
func dashboardRows() []triage.Team {
	return append([]triage.Team{""}, triage.Teams...)
}

func (b *Dashboard) buildUI() {
	grid := container.NewGridWithColumns(len(triage.Priorities) + 2)
	grid.Add(heading("Team"))
	for _, p := range triage.Priorities {
		grid.Add(heading(p.Label()))
	}
	grid.Add(heading("All"))
	for _, t := range dashboardRows() {
		name := t.Label()
		if t == "" {
			name = "Awaiting triage"
		}
		grid.Add(widget.NewLabel(name))
		b.Counts[t] = map[triage.Priority]*widget.Label{}
		for _, p := range triage.Priorities {
			l := widget.NewLabel("–")
			b.Counts[t][p] = l
			grid.Add(l)
		}
		b.Totals[t] = widget.NewLabel("–")
		grid.Add(b.Totals[t])
	}
	b.Breaches = widget.NewLabel("")
	b.Breaches.TextStyle.Bold = true
	b.Breaches.Importance = widget.DangerImportance
	b.PerDay = newBarChart("Requests received per day, last 30 days", "%.0f")
	b.Response = newBarChart("Median time to first response (hours), last 30 days", "%.1f h")
	b.Overuse = widget.NewLabel("")
	b.Overuse.Wrapping = fyne.TextWrapWord

	b.Mode = widget.NewLabel("")
	b.Mode.TextStyle.Bold = true
	b.MaxLive = widget.NewEntry()
	b.SaveLimit = widget.NewButton("Save limit", b.onSaveLimit)
	b.OffMsg = widget.NewEntry()
	b.OffMsg.SetPlaceHolder("Message patients see, e.g. Closed for staff training; call 111 if you need help")
	b.SwitchOff = widget.NewButton("Switch off now", b.onSwitchOff)
	b.SwitchOff.Importance = widget.DangerImportance
	b.SwitchOn = widget.NewButton("Follow the schedule", b.onSwitchOn)
	b.ClosFrom, b.ClosTo, b.ClosWhy = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	b.ClosFrom.SetPlaceHolder("2026-12-03 13:00")
	b.ClosTo.SetPlaceHolder("2026-12-03 18:30")
	b.ClosWhy.SetPlaceHolder("Training")
	b.AddClos = widget.NewButton("Schedule closure", b.onAddClosure)

	left := container.NewVBox(heading("Open requests by team and priority"), grid, b.Breaches,
		heading("Patients over the overuse threshold (30 days)"), b.Overuse)
	settings := container.NewVBox(heading("Online requests"), b.Mode,
		container.NewBorder(nil, nil, widget.NewLabel("Live requests per patient"), b.SaveLimit, b.MaxLive),
		container.NewBorder(nil, nil, nil, container.NewHBox(b.SwitchOff, b.SwitchOn), b.OffMsg),
		container.NewGridWithColumns(4, b.ClosFrom, b.ClosTo, b.ClosWhy, b.AddClos))
	right := container.NewVBox(b.PerDay, b.Response, settings)
	split := container.NewHSplit(container.NewVScroll(left), container.NewVScroll(right))
	split.Offset = 0.45
	b.Root = split
}

// Reload reads the figures off the Fyne thread and shows them; the channel is closed
// once they are on screen.
func (b *Dashboard) Reload() <-chan struct{} {
	done := make(chan struct{})
	d := b.d
	now := d.opts.Now()
	spawn(func() {
		defer close(done)
		ctx := context.Background()
		counts, err := d.queue.OpenByTeamPriority(ctx)
		var breaches int
		var days []triage.DayCount
		var over []triage.PatientUse
		st, serr := d.sync.Settings(ctx)
		limits := triage.DefaultLimits()
		if serr == nil {
			limits = st.Limits
		}
		if err == nil {
			breaches, err = d.queue.CountBreaches(ctx, now, triage.Filter{})
		}
		if err == nil {
			days, err = d.queue.PerDay(ctx, now.AddDate(0, 0, -29), now, time.Local)
		}
		if err == nil {
			over, err = d.queue.Overuse(ctx, now.Add(-triage.OveruseWindow), limits.OveruseThreshold)
		}
		onUI(func() {
			if err != nil {
				d.problem(fmt.Errorf("the dashboard could not be read: %w", err))
				return
			}
			b.show(counts, breaches, days, over)
			if serr == nil {
				b.showSettings(st)
			} else {
				b.Mode.SetText("The practice queue's settings cannot be read now: " + serr.Error())
			}
		})
	})
	return done
}

func (b *Dashboard) show(counts []triage.TeamPriorityCount, breaches int, days []triage.DayCount, over []triage.PatientUse) {
	for _, t := range dashboardRows() {
		for _, p := range triage.Priorities {
			b.Counts[t][p].SetText("0")
		}
	}
	totals := map[triage.Team]int{}
	for _, c := range counts {
		if m, ok := b.Counts[c.Team]; ok {
			m[c.Priority].SetText(strconv.Itoa(c.Count))
			totals[c.Team] += c.Count
		}
	}
	for t, l := range b.Totals {
		l.SetText(strconv.Itoa(totals[t]))
	}
	b.Breaches.SetText(fmt.Sprintf("%d open requests are past their due time", breaches))
	var recv, resp []float64
	var labels []string
	for _, dc := range days {
		recv = append(recv, float64(dc.Received))
		resp = append(resp, dc.MedianFirstResponse.Hours())
		labels = append(labels, dc.Day.Format("2 Jan"))
	}
	b.PerDay.Set(recv, labels)
	b.Response.Set(resp, labels)
	var lines []string
	for i, u := range over {
		if i == 20 {
			lines = append(lines, fmt.Sprintf("… and %d more", len(over)-20))
			break
		}
		lines = append(lines, fmt.Sprintf("%s (%s): %d sent, %d live", u.Patient.Name(), u.Patient.NHSNumber.String(), u.Sent, u.Live))
	}
	if len(lines) == 0 {
		lines = []string{"None"}
	}
	b.Overuse.SetText(strings.Join(lines, "\n"))
}

func (b *Dashboard) showSettings(st Settings) {
	b.settings = st
	text := "Open: patients can send requests"
	switch st.Mode {
	case triage.ModeClosed:
		text = "OFF: patients are pointed to 111 (999 in an emergency)"
	case triage.ModeClinicalPaused:
		text = "Clinical requests paused; admin and medication requests still open"
	}
	if st.Why != "" {
		text += " · " + st.Why
	}
	if !st.Reopens.IsZero() {
		text += " · reopens " + st.Reopens.In(time.Local).Format("Mon 2 Jan 15:04")
	}
	if n := len(st.Availability.Closures); n > 0 {
		text += fmt.Sprintf(" · %d closure(s) scheduled", n)
	}
	b.Mode.SetText(text)
	b.MaxLive.SetText(strconv.Itoa(st.Limits.MaxLive))
}

func (b *Dashboard) change(what string, fn func(ctx context.Context) error) {
	spawn(func() {
		if err := fn(context.Background()); err != nil {
			onUI(func() { b.d.problem(fmt.Errorf("%s: %w", what, err)) })
			return
		}
		b.Reload()
	})
}

func (b *Dashboard) onSaveLimit() {
	n, err := strconv.Atoi(strings.TrimSpace(b.MaxLive.Text))
	if err != nil || n < 1 {
		b.d.problem(fmt.Errorf("the live-request limit must be a whole number of at least 1, not %q", b.MaxLive.Text))
		return
	}
	l := b.settings.Limits
	l.MaxLive = n
	b.change("the limit could not be saved", func(ctx context.Context) error { return b.d.sync.SetLimits(ctx, l) })
}

func (b *Dashboard) onSwitchOff() {
	a := b.settings.Availability
	a.Switch, a.SwitchMessage = triage.ModeClosed, b.OffMsg.Text
	b.change("online requests could not be switched off", func(ctx context.Context) error { return b.d.sync.SetAvailability(ctx, a) })
}

func (b *Dashboard) onSwitchOn() {
	a := b.settings.Availability
	a.Switch, a.SwitchMessage, a.SwitchUntil = "", "", time.Time{}
	b.change("online requests could not be switched back on", func(ctx context.Context) error { return b.d.sync.SetAvailability(ctx, a) })
}

func (b *Dashboard) onAddClosure() {
	const layoutIn = "2006-01-02 15:04"
	from, err1 := time.ParseInLocation(layoutIn, strings.TrimSpace(b.ClosFrom.Text), time.Local)
	to, err2 := time.ParseInLocation(layoutIn, strings.TrimSpace(b.ClosTo.Text), time.Local)
	if err1 != nil || err2 != nil || !to.After(from) {
		b.d.problem(fmt.Errorf("a closure needs a start and an end like 2026-12-03 13:00, the end after the start"))
		return
	}
	a := b.settings.Availability
	a.Closures = append(append([]triage.Closure(nil), a.Closures...), triage.Closure{From: from, To: to, Reason: b.ClosWhy.Text})
	b.change("the closure could not be scheduled", func(ctx context.Context) error { return b.d.sync.SetAvailability(ctx, a) })
}

// barChart is a simple bar chart drawn with canvas rectangles: enough for thirty days
// at a glance, with the largest value written out so the bars are never the only sign.
type barChart struct {
	widget.BaseWidget
	title  *widget.Label
	note   *widget.Label
	bars   *fyne.Container
	values []float64
	format string // how a value is written, e.g. "%.0f"
}

func newBarChart(title, format string) *barChart {
	c := &barChart{title: heading(title), note: widget.NewLabel(""), bars: container.New(&barsLayout{}), format: format}
	c.ExtendBaseWidget(c)
	return c
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(c.title, c.note, nil, nil, c.bars))
}

// Set shows values, one bar each, labelled by day.
func (c *barChart) Set(values []float64, labels []string) {
	c.values = values
	peak, at := 0.0, 0
	for i, v := range values {
		if v > peak {
			peak, at = v, i
		}
	}
	c.bars.Objects = nil
	for _, v := range values {
		r := canvas.NewRectangle(themeColor(ColorHighlight))
		h := float32(0)
		if peak > 0 {
			h = float32(v / peak)
		}
		r.SetMinSize(fyne.NewSize(0, h)) // the layout reads the fraction from the min height
		c.bars.Objects = append(c.bars.Objects, r)
	}
	if len(values) > 0 {
		c.note.SetText(fmt.Sprintf("Highest "+c.format+" on %s · today "+c.format, peak, labels[at], values[len(values)-1]))
	}
	c.bars.Refresh()
}

// barsLayout places bars side by side, each as tall as its fraction of the height.
type barsLayout struct{}

func (*barsLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 110) }

func (*barsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	w := size.Width / float32(len(objs))
	for i, o := range objs {
		frac := o.MinSize().Height
		h := size.Height * frac
		o.Resize(fyne.NewSize(w*0.8, h))
		o.Move(fyne.NewPos(float32(i)*w, size.Height-h))
	}
}
