package ui

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// Dashboard is the practice manager's screen: open requests by team and priority, the
// breaches as a list that opens each one, the share answered within the practice's
// promise, charts of the last 30 days, overuse, and the forms for the live-request
// limit, the weekly opening schedule, dated closures and the on/off switch. Only a
// manager's desk shows it.
type Dashboard struct {
	Counts     map[triage.Team]map[triage.Priority]*widget.Label // team "" is the requests awaiting triage
	Totals     map[triage.Team]*widget.Label
	Breaches   *widget.Label // how many are past due
	BreachList *widget.List  // the breaches, longest overdue first; choosing one opens it
	OnTime     *widget.Label // the share answered within the promise
	Median     *widget.Label
	PerDay     *chart // requests received and closed per day
	Promise    *chart // share answered within the promise per day, with the target line
	Overuse    *widget.Label

	Mode      *widget.Label
	MaxLive   *widget.Entry
	SaveLimit *widget.Button
	OffMsg    *widget.Entry
	SwitchOff *widget.Button
	SwitchOn  *widget.Button

	// The weekly opening schedule: one entry a day ("08:00–12:30, 13:30–18:30", or
	// empty for closed), the bank-holiday switch, and what is wrong or missing.
	Days      map[string]*widget.Entry
	BankHols  *widget.Check
	SaveHours *widget.Button
	HoursNote *widget.Label

	// The dated closures: one row each with its remove button, and the form to add one.
	Closures   *fyne.Container
	RemoveClos []*widget.Button
	ClosFrom   *widget.Entry
	ClosTo     *widget.Entry
	ClosWhy    *widget.Entry
	AddClos    *widget.Button
	Root       fyne.CanvasObject

	d        *Desk
	settings Settings
	breaches []triage.QueueItem
	// filling is set while settings are written into the forms, so only a person's
	// typing marks a form as edited; an edited form is not overwritten by a reload.
	filling    bool
	hoursDirty bool
	limitDirty bool
}

// practiceLocation is the practice's clock: schedules and closures are read and shown
// in it, as the queue decides by it.
var practiceLocation = triage.DefaultCalendar().Location

// breachRows is the most breaches the list reads at once; the count above it says
// how many there are in all.
const breachRows = 200

func newDashboard(d *Desk) *Dashboard {
	b := &Dashboard{d: d, Counts: map[triage.Team]map[triage.Priority]*widget.Label{}, Totals: map[triage.Team]*widget.Label{},
		Days: map[string]*widget.Entry{}}
	b.buildUI()
	return b
}

// dashboardRows are the rows of the open-work table: the new requests no one has
// assigned yet (team ""), then each team.
func dashboardRows() []triage.Team {
	return append([]triage.Team{""}, triage.Teams...)
}

func (b *Dashboard) buildUI() {
	grid := container.New(figureTable{cols: len(triage.Priorities) + 2})
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
	b.Breaches.Wrapping = fyne.TextWrapWord
	b.BreachList = widget.NewList(func() int { return len(b.breaches) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(b.breaches) {
				o.(*widget.Label).SetText(b.breachLine(b.breaches[i]))
			}
		})
	b.BreachList.OnSelected = b.openBreach
	b.OnTime = widget.NewLabel("")
	b.OnTime.TextStyle.Bold = true
	b.OnTime.Wrapping = fyne.TextWrapWord
	b.Median = widget.NewLabel("")
	b.Median.Wrapping = fyne.TextWrapWord
	b.PerDay = newChart("Requests received and closed per day, last 30 days")
	b.Promise = newChart(fmt.Sprintf("Answered within the promise, by day received (target %.0f%%)", triage.PromiseTarget*100))
	b.Overuse = widget.NewLabel("")
	b.Overuse.Wrapping = fyne.TextWrapWord

	b.Mode = widget.NewLabel("")
	b.Mode.TextStyle.Bold = true
	b.Mode.Wrapping = fyne.TextWrapWord
	b.MaxLive = widget.NewEntry()
	b.MaxLive.OnChanged = func(string) { b.limitDirty = b.limitDirty || !b.filling }
	b.SaveLimit = widget.NewButton("Save limit", b.onSaveLimit)
	b.OffMsg = widget.NewEntry()
	b.OffMsg.SetPlaceHolder("Message patients see, e.g. Safe capacity reached for today")
	b.SwitchOff = widget.NewButton("Pause clinical requests", b.onSwitchOff)
	b.SwitchOff.Importance = widget.DangerImportance
	b.SwitchOn = widget.NewButton("Follow the schedule", b.onSwitchOn)

	hours := widget.NewForm()
	for _, key := range triage.Days {
		e := widget.NewEntry()
		e.SetPlaceHolder("Closed")
		e.OnChanged = func(string) { b.hoursDirty = b.hoursDirty || !b.filling }
		b.Days[key] = e
		hours.Append(triage.DayName(key), e)
	}
	b.BankHols = widget.NewCheck("Open on bank holidays", func(bool) { b.hoursDirty = b.hoursDirty || !b.filling })
	b.SaveHours = widget.NewButtonWithIcon("Save opening hours", theme.DocumentSaveIcon(), b.onSaveHours)
	b.SaveHours.Importance = widget.HighImportance
	b.HoursNote = widget.NewLabel("")
	b.HoursNote.Wrapping = fyne.TextWrapWord

	b.Closures = container.NewVBox()
	b.ClosFrom, b.ClosTo, b.ClosWhy = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	b.ClosFrom.SetPlaceHolder("2026-12-03 13:00")
	b.ClosTo.SetPlaceHolder("2026-12-03 18:30")
	b.ClosWhy.SetPlaceHolder("Staff training")
	b.AddClos = widget.NewButtonWithIcon("Add closure", theme.ContentAddIcon(), b.onAddClosure)
	closForm := widget.NewForm(widget.NewFormItem("From", b.ClosFrom), widget.NewFormItem("To", b.ClosTo), widget.NewFormItem("Why", b.ClosWhy))

	top := container.NewVBox(heading("Open requests by team and priority"), grid, b.OnTime, b.Median, b.Breaches)
	// The breaches take the left column's spare height, so at 1280×720 several show.
	left := container.NewBorder(top, nil, nil, nil, b.BreachList)

	periods := widget.NewLabel("Periods like 08:00–12:30, 13:30–18:30; leave a day empty to close it. Practice time.")
	periods.Wrapping = fyne.TextWrapWord
	settings := container.NewVBox(
		heading("Online requests now"), b.Mode,
		// The message has the column's whole width: beside the two buttons it was
		// too narrow to show its own example, let alone what a manager types.
		b.OffMsg, container.NewHBox(b.SwitchOff, b.SwitchOn),
		container.NewBorder(nil, nil, widget.NewLabel("Live requests per patient"), b.SaveLimit, b.MaxLive),
		widget.NewSeparator(),
		heading("Weekly opening hours"),
		periods,
		hours, container.NewBorder(nil, nil, b.BankHols, b.SaveHours), b.HoursNote,
		widget.NewSeparator(),
		heading("Dated closures"), b.Closures, closForm, container.NewHBox(b.AddClos),
		widget.NewSeparator(),
		heading("Patients over the overuse threshold (30 days)"), b.Overuse,
	)
	right := container.NewVBox(b.PerDay, b.Promise, settings)
	split := container.NewHSplit(left, container.NewVScroll(right))
	split.Offset = 0.42
	// The two columns need about 860 of the desk's units, so they fit side by side on a
	// 1280-pixel screen at a text size of 1.4 (914). They needed 1270, and then the
	// dashboard scrolled sideways within its tab (the settings cut off at the right)
	// rather than widen the window past the screen: the figures' columns were all as
	// wide as the widest, the charts 500 wide, and three lines of text did not wrap.
	// It still scrolls rather than widen the window should a larger text size need it.
	b.Root = container.NewScroll(split)
}

// breachLine is one breach as the list shows it: how late, priority, team, patient.
func (b *Dashboard) breachLine(it triage.QueueItem) string {
	late := b.d.opts.Now().Sub(it.DueAt)
	team := "awaiting triage"
	if it.Team != "" {
		team = it.Team.Label()
	}
	return fmt.Sprintf("%s late · %s · %s · %s", roughDuration(late), it.Priority.Label(), team, it.Patient.Name())
}

// roughDuration writes a lateness the way a manager reads it: 3 d 4 h, 5 h 10 min.
func roughDuration(d time.Duration) string {
	switch {
	case d >= 24*time.Hour:
		return fmt.Sprintf("%d d %d h", int(d.Hours())/24, int(d.Hours())%24)
	case d >= time.Hour:
		return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%d min", int(d.Minutes()))
}

func (b *Dashboard) openBreach(id widget.ListItemID) {
	b.BreachList.Unselect(id) // a second click on the same row opens it again
	if id < 0 || id >= len(b.breaches) {
		return
	}
	b.d.Open(b.breaches[id])
}

// dashboardFigures is everything the dashboard reads, gathered off the Fyne thread.
type dashboardFigures struct {
	counts   []triage.TeamPriorityCount
	breaches int
	late     []triage.QueueItem
	days     []triage.DayCount
	over     []triage.PatientUse
	perDay   image.Image
	promise  image.Image
}

// Reload reads the figures and draws the charts off the Fyne thread, then shows them;
// the channel is closed once they are on screen.
func (b *Dashboard) Reload() <-chan struct{} {
	done := make(chan struct{})
	d := b.d
	now := d.opts.Now()
	ink := chartInk{fg: themeColor(theme.ColorNameForeground), bg: themeColor(theme.ColorNameBackground),
		bar: themeColor(ColorHighlight), line: themeColor(theme.ColorNameSuccess), target: themeColor(ColorBreach)}
	spawn(func() {
		defer close(done)
		ctx := context.Background()
		var f dashboardFigures
		counts, err := d.queue.OpenByTeamPriority(ctx)
		f.counts = counts
		st, serr := d.sync.Settings(ctx)
		limits := triage.DefaultLimits()
		if serr == nil {
			limits = st.Limits
		}
		if err == nil {
			f.breaches, err = d.queue.CountBreaches(ctx, now, triage.Filter{})
		}
		if err == nil {
			f.late, err = d.queue.Breaches(ctx, now, triage.Filter{Limit: breachRows})
		}
		if err == nil {
			f.days, err = d.queue.PerDay(ctx, now.AddDate(0, 0, -29), now, practiceLocation)
		}
		if err == nil {
			f.over, err = d.queue.Overuse(ctx, now.Add(-triage.OveruseWindow), limits.OveruseThreshold)
		}
		if err == nil {
			f.perDay, err = drawPerDay(f.days, ink)
		}
		if err == nil {
			f.promise, err = drawPromise(f.days, ink)
		}
		onUI(func() {
			if err != nil {
				d.problem(fmt.Errorf("the dashboard could not be read: %w", err))
				return
			}
			b.show(f)
			if serr == nil {
				b.showSettings(st)
			} else {
				b.Mode.SetText("The practice queue's settings cannot be read now: " + inWords(serr))
			}
		})
	})
	return done
}

func (b *Dashboard) show(f dashboardFigures) {
	for _, t := range dashboardRows() {
		for _, p := range triage.Priorities {
			b.Counts[t][p].SetText("0")
		}
	}
	totals := map[triage.Team]int{}
	for _, c := range f.counts {
		if m, ok := b.Counts[c.Team]; ok {
			m[c.Priority].SetText(strconv.Itoa(c.Count))
			totals[c.Team] += c.Count
		}
	}
	for t, l := range b.Totals {
		l.SetText(strconv.Itoa(totals[t]))
	}
	switch {
	case f.breaches == 0:
		b.Breaches.SetText("0 open requests are past their due time")
	case f.breaches > len(f.late):
		b.Breaches.SetText(fmt.Sprintf("%d open requests are past their due time (the %d most overdue below; choose one to open it)", f.breaches, len(f.late)))
	default:
		b.Breaches.SetText(fmt.Sprintf("%d open requests are past their due time (choose one to open it)", f.breaches))
	}
	b.breaches = f.late
	b.BreachList.UnselectAll()
	b.BreachList.Refresh()

	var settled, onTime int
	var recv, waits []float64
	for _, dc := range f.days {
		settled += dc.Settled
		onTime += dc.OnTime
		recv = append(recv, float64(dc.Received))
		if dc.MedianFirstResponse > 0 {
			waits = append(waits, dc.MedianFirstResponse.Hours())
		}
	}
	if settled == 0 {
		b.OnTime.SetText("Answered within the promise: no request due in the last 30 days yet")
	} else {
		share := float64(onTime) / float64(settled)
		verdict := "on target"
		if share < triage.PromiseTarget {
			verdict = fmt.Sprintf("below the %.0f%% target", triage.PromiseTarget*100)
		}
		b.OnTime.SetText(fmt.Sprintf("%.0f%% answered within the promise in the last 30 days (%d of %d due), %s", share*100, onTime, settled, verdict))
	}
	if len(waits) == 0 {
		b.Median.SetText("Median time to first response: no replies in the last 30 days")
	} else {
		sort.Float64s(waits)
		b.Median.SetText(fmt.Sprintf("Median time to first response: %.1f hours (median of the days' medians)", waits[len(waits)/2]))
	}
	b.PerDay.set(f.perDay, recv)
	b.Promise.set(f.promise, nil)

	var lines []string
	for i, u := range f.over {
		if i == 20 {
			lines = append(lines, fmt.Sprintf("… and %d more", len(f.over)-20))
			break
		}
		lines = append(lines, fmt.Sprintf("%s (%s): %d sent, %d live", u.Patient.Name(), u.Patient.NHSNumber.String(), u.Sent, u.Live))
	}
	if len(lines) == 0 {
		lines = []string{"None"}
	}
	b.Overuse.SetText(strings.Join(lines, "\n"))
}

// showSettings shows the queue's settings; forms the manager is editing keep what
// was typed.
func (b *Dashboard) showSettings(st Settings) {
	b.settings = st
	text := "Open: patients can send requests"
	switch st.Mode {
	case triage.ModeClosed:
		text = "Closed: patients are pointed to 111 (999 in an emergency)"
	case triage.ModeClinicalPaused:
		text = "Clinical requests paused; admin and medication requests still open"
	}
	if st.Why != "" {
		text += " · " + st.Why
	}
	if !st.Reopens.IsZero() {
		text += " · reopens " + st.Reopens.In(practiceLocation).Format("Mon 2 Jan 15:04")
	}
	b.Mode.SetText(text)

	b.filling = true
	defer func() { b.filling = false }()
	if !b.limitDirty {
		b.MaxLive.SetText(strconv.Itoa(st.Limits.MaxLive))
	}
	week := st.Availability.Weekly()
	if !b.hoursDirty {
		for _, key := range triage.Days {
			text := week.Describe(key)
			if text == "Closed" {
				text = ""
			}
			b.Days[key].SetText(text)
		}
		b.BankHols.SetChecked(st.Availability.OpenOnBankHolidays)
		b.HoursNote.SetText(hoursNote(week))
	}
	b.showClosures(st.Availability.Closures)
}

// hoursNote warns when a schedule leaves part of core hours closed, which the GP
// contract does not allow for admin and medication requests.
func hoursNote(s triage.Schedule) string {
	if gap := s.CoreHoursGap(); gap != "" {
		return "Note: these hours close online requests during core hours (" + gap + "). Since October 2025 the GP contract requires admin and medication requests to be taken throughout core hours; use \"Pause clinical requests\" for a lack of clinical capacity instead."
	}
	return "These hours cover core hours (Monday to Friday 08:00–18:30)."
}

func (b *Dashboard) showClosures(cs []triage.Closure) {
	cs = append([]triage.Closure(nil), cs...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].From.Before(cs[j].From) })
	b.Closures.Objects = nil
	b.RemoveClos = nil
	if len(cs) == 0 {
		b.Closures.Add(widget.NewLabel("None scheduled"))
	}
	now := b.d.opts.Now()
	for _, c := range cs {
		when := c.From.In(practiceLocation).Format("Mon 2 Jan 2006 15:04") + " – " + c.To.In(practiceLocation).Format("Mon 2 Jan 15:04")
		if !c.To.After(now) {
			when += " (ended)"
		}
		reason := c.Reason
		if reason == "" {
			reason = "no reason given"
		}
		rm := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { b.removeClosure(c) })
		b.RemoveClos = append(b.RemoveClos, rm)
		b.Closures.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(when+" · "+reason)))
	}
	b.Closures.Refresh()
}

// change sends a manager's change off the Fyne thread, then reads the settings again;
// a refusal is shown in words and the forms keep what was typed.
func (b *Dashboard) change(what string, fn func(ctx context.Context) error, saved func()) {
	spawn(func() {
		if err := fn(context.Background()); err != nil {
			onUI(func() { b.d.problem(fmt.Errorf("%s: %w", what, err)) })
			return
		}
		onUI(saved)
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
	if l == (triage.Limits{}) {
		l = triage.DefaultLimits()
	}
	l.MaxLive = n
	b.change("the limit could not be saved", func(ctx context.Context) error { return b.d.sync.SetLimits(ctx, l) },
		func() { b.limitDirty = false })
}

func (b *Dashboard) onSwitchOff() {
	a := b.settings.Availability
	a.Switch, a.SwitchMessage = triage.ModeClinicalPaused, strings.TrimSpace(b.OffMsg.Text)
	b.change("clinical requests could not be paused", func(ctx context.Context) error { return b.d.sync.SetAvailability(ctx, a) }, func() {})
}

func (b *Dashboard) onSwitchOn() {
	a := b.settings.Availability
	a.Switch, a.SwitchMessage, a.SwitchUntil = "", "", time.Time{}
	b.change("online requests could not be set to follow the schedule", func(ctx context.Context) error { return b.d.sync.SetAvailability(ctx, a) }, func() {})
}

// Schedule reads the opening-hours form: each day's periods, written like
// "08:00–12:30, 13:30–18:30" (a hyphen or "to" will do), empty or "closed" for closed.
// An error names the day and what to write.
func (b *Dashboard) Schedule() (triage.Schedule, error) {
	s := triage.Schedule{}
	for _, key := range triage.Days {
		text := strings.TrimSpace(b.Days[key].Text)
		if text == "" || strings.EqualFold(text, "closed") {
			continue
		}
		for _, part := range strings.Split(text, ",") {
			part = strings.TrimSpace(part)
			var from, to string
			for _, sep := range []string{"–", "—", " to ", "-"} {
				if f, t, ok := strings.Cut(part, sep); ok {
					from, to = strings.TrimSpace(f), strings.TrimSpace(t)
					break
				}
			}
			if from == "" || to == "" {
				return nil, fmt.Errorf("%s: %q is not an opening period; write it like 08:00–18:30", triage.DayName(key), part)
			}
			s[key] = append(s[key], triage.Period{From: from, To: to})
		}
	}
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("%s", triage.ErrorMessage(err))
	}
	return s, nil
}

func (b *Dashboard) onSaveHours() {
	s, err := b.Schedule()
	if err != nil {
		b.HoursNote.SetText("Not saved: " + err.Error())
		b.HoursNote.Importance = widget.DangerImportance
		b.HoursNote.Refresh()
		return
	}
	a := b.settings.Availability
	a.Schedule, a.OpenOnBankHolidays = s, b.BankHols.Checked
	b.change("the opening hours could not be saved", func(ctx context.Context) error { return b.d.sync.SetAvailability(ctx, a) },
		func() {
			b.hoursDirty = false
			b.HoursNote.Importance = widget.MediumImportance
			b.HoursNote.SetText("Saved. " + hoursNote(s))
		})
}

func (b *Dashboard) onAddClosure() {
	const layoutIn = "2006-01-02 15:04"
	from, err1 := time.ParseInLocation(layoutIn, strings.TrimSpace(b.ClosFrom.Text), practiceLocation)
	to, err2 := time.ParseInLocation(layoutIn, strings.TrimSpace(b.ClosTo.Text), practiceLocation)
	if err1 != nil || err2 != nil || !to.After(from) {
		b.d.problem(fmt.Errorf("a closure needs a start and an end like 2026-12-03 13:00, the end after the start"))
		return
	}
	a := b.settings.Availability
	a.Closures = append(append([]triage.Closure(nil), a.Closures...), triage.Closure{From: from, To: to, Reason: strings.TrimSpace(b.ClosWhy.Text)})
	b.change("the closure could not be scheduled", func(ctx context.Context) error { return b.d.sync.SetAvailability(ctx, a) },
		func() {
			b.ClosFrom.SetText("")
			b.ClosTo.SetText("")
			b.ClosWhy.SetText("")
		})
}

func (b *Dashboard) removeClosure(c triage.Closure) {
	a := b.settings.Availability
	a.Closures = nil
	for _, x := range b.settings.Availability.Closures {
		if !(x.From.Equal(c.From) && x.To.Equal(c.To) && x.Reason == c.Reason) {
			a.Closures = append(a.Closures, x)
		}
	}
	b.change("the closure could not be removed", func(ctx context.Context) error { return b.d.sync.SetAvailability(ctx, a) }, func() {})
}

// chart is a chart drawn off the Fyne thread by gonum/plot and shown as an image,
// under its title.
type chart struct {
	widget.BaseWidget
	title  *widget.Label
	img    *canvas.Image
	values []float64 // what the chart shows, for tests and screen readers' sake
}

func newChart(title string) *chart {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	img.SetMinSize(fyne.NewSize(380, 210))
	c := &chart{title: heading(title), img: img}
	c.title.Wrapping = fyne.TextWrapWord
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer shows the title above the picture.
func (c *chart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(c.title, nil, nil, nil, c.img))
}

func (c *chart) set(img image.Image, values []float64) {
	c.values = values
	c.img.Image = img
	c.img.Refresh()
}

// chartInk is the theme's colours the charts are drawn in, read on the Fyne thread.
type chartInk struct {
	fg, bg, bar, line, target color.Color
}

// figureTable lays cells out row by row in cols columns, each as wide as its widest
// cell, with any width to spare shared evenly: in a grid of equal columns every
// column was as wide as "Awaiting triage", and the counts by team and priority needed
// 715 of the desk's units, more than the dashboard's figures have beside its settings
// at a large text size.
type figureTable struct{ cols int }

// sizes is each column's width and each row's height, at their least.
func (l figureTable) sizes(objs []fyne.CanvasObject) (widths, heights []float32) {
	widths = make([]float32, l.cols)
	heights = make([]float32, (len(objs)+l.cols-1)/l.cols)
	for i, o := range objs {
		m := o.MinSize()
		widths[i%l.cols] = max(widths[i%l.cols], m.Width)
		heights[i/l.cols] = max(heights[i/l.cols], m.Height)
	}
	return widths, heights
}

// MinSize is every column and row at its least, with padding between them.
func (l figureTable) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widths, heights := l.sizes(objs)
	var s fyne.Size
	for _, w := range widths {
		s.Width += w
	}
	for _, h := range heights {
		s.Height += h
	}
	pad := theme.Padding()
	s.Width += pad * float32(max(len(widths)-1, 0))
	s.Height += pad * float32(max(len(heights)-1, 0))
	return s
}

// Layout places the cells, sharing the width beyond the least among the columns.
func (l figureTable) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths, heights := l.sizes(objs)
	pad := theme.Padding()
	extra := max(size.Width-l.MinSize(objs).Width, 0) / float32(l.cols)
	var y float32
	for r, h := range heights {
		var x float32
		for c, w := range widths {
			i := r*l.cols + c
			if i >= len(objs) {
				break
			}
			objs[i].Move(fyne.NewPos(x, y))
			objs[i].Resize(fyne.NewSize(w+extra, h))
			x += w + extra + pad
		}
		y += h + pad
	}
}
