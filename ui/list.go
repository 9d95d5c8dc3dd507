package ui

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// pageSize is how many rows one query reads; more are read as the user scrolls near
// the end, so a 100,000-request queue costs what a 200-request one does.
const pageSize = 200

// loader reads one page of a queue and counts all of it.
type loader struct {
	list  func(ctx context.Context, f triage.Filter) ([]triage.QueueItem, error)
	count func(ctx context.Context, f triage.Filter) (int, error)
}

// List is a queue of requests in a virtualised table, most urgent first then oldest,
// with filters and a search box. Its rows live in a slice owned by the Fyne thread and
// are paged from the cache as the user scrolls.
type List struct {
	Table    *widget.Table
	Search   *searchEntry
	Site     *widget.Select
	GPTeam   *widget.Select
	Priority *widget.Select
	Kind     *widget.Select
	Status   *widget.Label
	Root     fyne.CanvasObject

	// OnLoaded, if set, is called on the Fyne thread after each reload.
	OnLoaded func()
	// OnOpen, if set, is called on the Fyne thread when a request is opened (a tap,
	// or Enter on the selected row).
	OnOpen func(triage.QueueItem)
	// Preview shows the highlighted request beside the list in wide windows.
	Preview *Preview
	// OnRead, if set, is called on the Fyne thread when a request has stayed in the
	// preview for previewDwell: the person has read it, and the desk records the view.
	OnRead func(id int64)
	dwell  *time.Timer // the preview's read timer, while one is pending
	// Full, if set, reads a whole request for the preview: list rows are read without
	// the engine's reasons, which the preview shows with the patient's words lit.
	Full func(ctx context.Context, id int64) (triage.QueueItem, error)

	noun    string   // "new requests waiting for review"
	headers []string // the list's columns: listHeaders, and the team queue's own
	columns []column // their widths
	// cols are the columns on screen, as indexes into headers, left to right: all of
	// them but in a window too narrow for every column's floor (fitWidths).
	cols []int

	names map[string]string // site and GP team names by id
	load  loader
	now   func() time.Time

	// Owned by the Fyne thread. The selection is a request, not a row: rows move as
	// requests arrive and leave, and what Enter and 1–5 act on must stay the request
	// the person sees highlighted. selected is its row now (-1 for none), kept true by
	// every reload, which also moves the table's highlight to that row.
	rows       []triage.QueueItem
	total      int
	all        int // requests in the list before the person's search and filters; -1 when none are on
	selectedID int64
	selected   int
	paging     bool
	quiet      bool // the list is moving the table's highlight itself: not a tap
	tapped     bool // a tap selected a row
	// marked is the cell the table itself has selected (noCell for none), so moving the
	// highlight selects and scrolls once, not twice.
	marked widget.TableCellID

	mu     sync.Mutex // guards filter and gen, which goroutines read
	filter triage.Filter
	gen    int // bumped by every reload so a late page from an old filter is dropped
	shown  int // how many rows are on screen, so a reload keeps the user's scroll
}

var listHeaders = []string{"Priority", "Due", "Patient", "Site", "GP team", "Kind", "What they wrote", "Suggested"}

// column is a list column's width when there is room, the least it is given before
// the preview gives way, and floor, the least it is given at all (0: least), reached
// only in a window narrower than every column's least: 1280×720 with a large text size.
// A column with a drop rank (0: never) leaves the screen, rank 1 first, when even the
// floors do not fit, rather than the table scrolling sideways.
type column struct {
	width, least, floor float32
	drop                int
}

// lowest is the narrowest the column is ever drawn.
func (c column) lowest() float32 {
	if c.floor > 0 {
		return c.floor
	}
	return c.least
}

// listColumns are the columns' widths; "What they wrote" (textCol) takes whatever the
// window has spare (fitColumns). The priority, due and kind columns are never
// squeezed, nor the patient's name, age and sex: an "Emergency" or an age cut short is
// a hazard, a long site name is not. With a large text size the site, GP team and
// suggestion go down to their first letters and the text to a few words, rather than
// the suggestion leaving the window; where that is still too wide (the team queue,
// whose status and holder keep room for "In progress" and "Free to claim") the site,
// then the GP team (both can still be filtered on), then the suggestion (the team
// queue's requests are already with a team) leave the table.
var listColumns = []column{{110, 110, 0, 0}, {140, 140, 0, 0}, {200, 200, 0, 0}, {130, 90, 56, 1}, {100, 80, 56, 2}, {75, 75, 0, 0}, {340, textMin, textFloor, 0}, {105, 95, 64, 3}}

// holderHeaders are the columns a team queue adds: where each request is in its
// journey and who holds it, so the team sees at a glance what is free to take.
var holderHeaders = []string{"Status", "Held by"}
var holderColumns = []column{{130, 120, 104, 0}, {150, 120, 112, 0}}

const anyChoice = "Any"

func newList(noun string, l loader, opts Options, base triage.Filter) *List {
	in := &List{noun: noun, load: l, now: opts.Now, selected: -1, all: -1, filter: base, Status: widget.NewLabel("Loading…"), names: names(opts), headers: listHeaders}
	in.Status.Truncation = fyne.TextTruncateEllipsis
	table := &listTable{list: in}
	table.Length, table.CreateCell, table.UpdateCell = in.size, in.createCell, in.updateCell
	table.ShowHeaderRow = true
	table.ExtendBaseWidget(table)
	in.Table = &table.Table
	in.Table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis // a narrow column's header must not run into the next
		return l
	}
	in.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(in.cols) {
			o.(*widget.Label).SetText(in.headers[in.cols[id.Col]])
		}
	}
	in.marked = noCell
	in.Table.OnSelected = in.onSelected
	in.Table.OnUnselected = func(id widget.TableCellID) {
		if id == in.marked { // not the cell highlight is moving the mark from
			in.marked = noCell
		}
	}
	in.columns, in.cols = listColumns, allColumns(len(listColumns))
	for i, c := range in.columns {
		in.Table.SetColumnWidth(i, c.width)
	}

	in.Search = newSearchEntry(in)
	in.Search.SetPlaceHolder("Search what patients wrote (/ or Ctrl+F)")
	in.Search.OnChanged = func(string) { in.filterChanged() }

	siteNames := []string{anyChoice}
	for _, s := range opts.Sites {
		siteNames = append(siteNames, s.Name)
	}
	site := newSelect(siteNames, func(name string) {
		id := ""
		for _, s := range opts.Sites {
			if s.Name == name {
				id = s.ID
			}
		}
		in.setFilter(func(f *triage.Filter) { f.SiteID = id })
	})
	teamNames := []string{anyChoice}
	for _, t := range opts.GPTeams {
		teamNames = append(teamNames, t.Name)
	}
	gpTeam := newSelect(teamNames, func(name string) {
		id := ""
		for _, t := range opts.GPTeams {
			if t.Name == name {
				id = t.ID
			}
		}
		in.setFilter(func(f *triage.Filter) { f.GPTeamID = id })
	})
	prios := []string{anyChoice}
	for _, p := range triage.Priorities {
		prios = append(prios, p.Label())
	}
	priority := newSelect(prios, func(label string) {
		var p triage.Priority
		for _, q := range triage.Priorities {
			if q.Label() == label {
				p = q
			}
		}
		in.setFilter(func(f *triage.Filter) { f.Priority = p })
	})
	kind := newSelect([]string{anyChoice, "Clinical", "Admin"}, func(label string) {
		k := triage.Kind("")
		switch label {
		case "Clinical":
			k = triage.Clinical
		case "Admin":
			k = triage.Admin
		}
		in.setFilter(func(f *triage.Filter) { f.Kind = k })
	})
	in.Site, in.GPTeam, in.Priority, in.Kind = &site.Select, &gpTeam.Select, &priority.Select, &kind.Select
	for _, s := range []*widget.Select{in.Site, in.GPTeam, in.Priority, in.Kind} {
		s.PlaceHolder = anyChoice
	}
	filters := container.NewHBox(
		widget.NewLabel("Site"), site, widget.NewLabel("GP team"), gpTeam,
		widget.NewLabel("Priority"), priority, widget.NewLabel("Kind"), kind)
	top := container.NewBorder(nil, nil, nil, filters, in.Search)
	in.Preview = newPreview(in.now)
	list := container.NewBorder(top, in.Status, nil, nil, container.New(fitColumns{in}, table))
	in.Root = container.New(withPreview{in}, list, in.Preview.Root)
	return in
}

func (in *List) filterChanged() {
	text := in.Search.Text
	in.setFilter(func(f *triage.Filter) { f.Text = text })
}

// setFilter changes the filter and reloads from the top. The selected request stays
// selected if it still matches; the reload clears it if not.
func (in *List) setFilter(change func(*triage.Filter)) {
	in.mu.Lock()
	change(&in.filter)
	in.shown = 0
	in.mu.Unlock()
	in.Table.ScrollToTop()
	in.Reload()
}

// Filter returns the filter the list shows.
func (in *List) Filter() triage.Filter {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.filter
}

func (in *List) size() (int, int) { return len(in.rows), len(in.cols) }

// allColumns is every one of n columns shown.
func allColumns(n int) []int {
	shown := make([]int, n)
	for i := range shown {
		shown[i] = i
	}
	return shown
}

// showHolder adds the team queue's status and holder columns.
func (in *List) showHolder() {
	in.headers = append(append([]string(nil), listHeaders...), holderHeaders...)
	in.columns = append(append([]column(nil), listColumns...), holderColumns...)
	in.cols = allColumns(len(in.columns))
	for i, c := range holderColumns {
		in.Table.SetColumnWidth(len(listHeaders)+i, c.width)
	}
}

// holder says who holds a request, in the team queue's words.
func holder(it *triage.QueueItem) string {
	if it.ClaimedBy == "" {
		return "Free to claim"
	}
	return it.ClaimedBy
}

// cell is one table cell: a colour swatch (used by the priority and due columns) and
// a label, so a colour always comes with a word; behind them, the selection's tint
// when the cell's row is the highlighted one, so the whole row is marked, not only the
// cell the table itself marks.
type cell struct {
	widget.BaseWidget
	lit       *canvas.Rectangle
	swatch    *canvas.Rectangle
	camera    *widget.Icon // before what they wrote, when the patient sent photos
	label     *widget.Label
	shownFill color.Color
	shownLit  bool
}

func newCell() *cell {
	c := &cell{lit: canvas.NewRectangle(color.Transparent), swatch: canvas.NewRectangle(nil), label: widget.NewLabel(""),
		camera: widget.NewIcon(theme.MediaPhotoIcon())}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.swatch.SetMinSize(fyne.NewSize(6, 6))
	c.camera.Hide()
	c.ExtendBaseWidget(c)
	return c
}

func (c *cell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.lit, container.NewBorder(nil, nil, container.NewHBox(c.swatch, c.camera), nil, c.label)))
}

// showCamera shows the camera marker, or hides it, when that changes.
func (c *cell) showCamera(on bool) {
	if on == c.camera.Visible() {
		return
	}
	if on {
		c.camera.Show()
	} else {
		c.camera.Hide()
	}
}

// light tints the cell as part of the highlighted row, or not.
func (c *cell) light(on bool) {
	if on == c.shownLit {
		return
	}
	c.shownLit = on
	c.lit.FillColor = color.Transparent
	if on {
		c.lit.FillColor = themeColor(theme.ColorNameSelection)
	}
	c.lit.Refresh()
}

func (in *List) createCell() fyne.CanvasObject { return newCell() }

func (in *List) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(in.rows) {
		return
	}
	if id.Row >= len(in.rows)-pageSize/4 {
		in.more()
	}
	if id.Col < 0 || id.Col >= len(in.cols) {
		return
	}
	c := o.(*cell)
	// The table's own marker tints the cell it marks: a second tint there would show
	// a different colour from the rest of the row.
	c.light(id.Row == in.selected && in.selectedID == in.rows[id.Row].ID && id != in.marked)
	in.fill(c, id.Row, in.cols[id.Col])
}

// fill shows in c what the list's column col (an index into headers) says of row.
func (in *List) fill(c *cell, row, col int) {
	it := &in.rows[row]
	now := in.now()
	style := fyne.TextStyle{}
	var swatch fyne.ThemeColorName
	importance := widget.MediumImportance
	text := ""
	switch col {
	case 0:
		text, swatch = it.Priority.Label(), PriorityColor(it.Priority)
		style.Bold = it.Priority == triage.Emergency || it.Priority == triage.SameDay
	case 1:
		text = DueIn(it.DueAt, now)
		if it.Breached(now) {
			swatch, style.Bold, importance = ColorBreach, true, widget.DangerImportance
		}
	case 2:
		text = fmt.Sprintf("%s, %s %s", it.Patient.Name(), Age(it.Patient, now), sexLetter(it.Patient.Sex))
	case 3:
		text = in.names[it.SiteID]
	case 4:
		text = in.names[it.GPTeamID]
	case 5:
		text = kindLabel(it.Kind)
	case 6:
		text = it.FirstLine(70) // about what the column shows: less text to measure
		if it.PhotoCount > 0 {
			text = triage.PhotoCount(it.PhotoCount) + " · " + text
		}
	case 7:
		text = it.Suggested.Team.Label()
	case 8:
		text = it.Status.Label()
		if w, ok := it.WaitingFor(now); ok {
			text += " · " + Waited(w) // how long the patient has been asked
		}
	case 9:
		text = holder(it)
		style.Italic = it.ClaimedBy == ""
	}
	c.showCamera(col == textCol && it.PhotoCount > 0)
	if swatch != "" {
		c.swatch.FillColor = themeColor(swatch)
	} else {
		c.swatch.FillColor = nil
	}
	if c.swatch.FillColor != c.shownFill {
		c.shownFill = c.swatch.FillColor
		c.swatch.Refresh()
	}
	// A refresh of the table re-binds every visible cell, mostly to what it already
	// shows; measuring truncated text again is what costs, so skip unchanged cells.
	if c.label.Text == text && c.label.TextStyle == style && c.label.Importance == importance {
		return
	}
	c.label.TextStyle = style
	c.label.Importance = importance
	c.label.SetText(text)
}

// Text returns what the list's column col (an index into its headers, shown or not)
// says of row, for tests and the screen reader.
func (in *List) Text(row, col int) string {
	if row < 0 || row >= len(in.rows) {
		return ""
	}
	c := newCell()
	in.fill(c, row, col)
	return c.label.Text
}

func kindLabel(k triage.Kind) string {
	if k == triage.Admin {
		return "Admin"
	}
	return "Clinical"
}

// Reload reads the list on a goroutine and shows it on the Fyne thread, keeping the
// selected request selected; the channel is closed once the rows are on screen. It may
// be called from any goroutine.
func (in *List) Reload() <-chan struct{} {
	done := make(chan struct{})
	in.mu.Lock()
	in.gen++
	gen, f := in.gen, in.filter
	f.Limit = max(pageSize, in.shown)
	in.mu.Unlock()
	spawn(func() {
		defer close(done)
		ctx := context.Background()
		rows, err := in.load.list(ctx, f)
		n, cerr := in.load.count(ctx, f)
		all := -1
		if userFiltered(f) && cerr == nil {
			all, cerr = in.load.count(ctx, unfiltered(f))
		}
		onUI(func() {
			in.mu.Lock()
			stale := gen != in.gen
			in.mu.Unlock()
			if stale {
				return
			}
			if err := errorOf(err, cerr); err != nil {
				in.Status.SetText("Could not read the list: " + err.Error() + ". Restart Triage Desk; if it happens again, move the cache file aside.")
				return
			}
			in.all = all
			in.show(rows, n)
		})
	})
	return done
}

// show puts freshly read rows on screen and finds the selected request among them:
// the highlight moves with it to its new row, or, if it has left the list, both the
// highlight and the selection are cleared so no key acts until the person moves.
func (in *List) show(rows []triage.QueueItem, total int) {
	in.rows, in.total, in.paging = rows, total, false
	in.mu.Lock()
	in.shown = len(rows)
	in.mu.Unlock()
	in.Table.Refresh()
	in.reselect()
	in.updateStatus()
	if in.OnLoaded != nil {
		in.OnLoaded()
	}
}

// userFiltered reports whether the person narrowed the list with the search or the
// site, team, priority and kind filters (a team's queue and "mine" are what the list
// is, not a filter).
func userFiltered(f triage.Filter) bool { return f != unfiltered(f) }

// unfiltered is f without the person's search and filters: the whole list.
func unfiltered(f triage.Filter) triage.Filter {
	f.Text, f.SiteID, f.GPTeamID, f.Priority, f.Kind = "", "", "", "", ""
	return f
}

func (in *List) updateStatus() {
	f := in.Filter()
	filtered := userFiltered(f)
	if filtered && in.total == 0 {
		// An empty list must not read as an empty queue: say how to see the rest.
		of := ""
		if in.all >= 0 {
			of = fmt.Sprintf(" %d", in.all)
		}
		in.Status.SetText(fmt.Sprintf("None of the%s %s match the search and filters: Esc in the search box clears it, and Any shows every site, team, priority and kind", of, in.noun))
		return
	}
	what := fmt.Sprintf("%d %s", in.total, in.noun)
	switch {
	case filtered && in.all >= 0:
		what = fmt.Sprintf("%d of the %d %s match the filters", in.total, in.all, in.noun)
	case filtered:
		what += " match the filters"
	}
	in.Status.SetText(what + " · j/k or arrows move, Enter opens, 1–5 assign, ? shows every key")
}

// more reads the next page when the user scrolls near the end; it runs on the Fyne
// thread and hands the query to a goroutine.
func (in *List) more() {
	if in.paging || len(in.rows) >= in.total {
		return
	}
	in.paging = true
	in.mu.Lock()
	gen, f := in.gen, in.filter
	in.mu.Unlock()
	f.Limit, f.Offset = pageSize, len(in.rows)
	spawn(func() {
		rows, err := in.load.list(context.Background(), f)
		onUI(func() {
			in.mu.Lock()
			stale := gen != in.gen
			in.mu.Unlock()
			if stale || len(in.rows) != f.Offset {
				return
			}
			in.paging = false
			if err != nil {
				in.Status.SetText("Could not read more of the list: " + err.Error())
				return
			}
			in.rows = append(in.rows, rows...)
			in.mu.Lock()
			in.shown = len(in.rows)
			in.mu.Unlock()
			in.Table.Refresh()
		})
	})
}

// Rows returns the requests on screen, in order.
func (in *List) Rows() []triage.QueueItem { return in.rows }

// Total is how many requests match, on screen or not.
func (in *List) Total() int { return in.total }

// Tally is the count a tab shows: how many requests match, and when a search or
// filter is on, out of how many in the list ("0 of 85"), so a filtered list never
// reads as an empty queue.
func (in *List) Tally() string {
	if in.all >= 0 && userFiltered(in.Filter()) {
		return fmt.Sprintf("%d of %d", in.total, in.all)
	}
	return strconv.Itoa(in.total)
}

// onSelected is the table's report of a tap on a row (or of the list's own highlight
// moving, which it ignores): a tap selects that request and opens it.
func (in *List) onSelected(id widget.TableCellID) {
	in.marked = id
	if in.quiet || id.Row < 0 || id.Row >= len(in.rows) {
		return
	}
	in.tapped = true
	was := in.selected
	in.selected, in.selectedID = id.Row, in.rows[id.Row].ID
	in.retint(was) // the table re-bound its cells before telling us of the tap
	in.retint(id.Row)
	in.previewSelected()
	in.Open()
}

// Selected returns the selected request, if any: the one highlighted on screen.
func (in *List) Selected() (triage.QueueItem, bool) {
	if in.selected < 0 || in.selected >= len(in.rows) || in.rows[in.selected].ID != in.selectedID {
		return triage.QueueItem{}, false
	}
	return in.rows[in.selected], true
}

// Open opens the selected request; it stays highlighted for when the person comes back.
func (in *List) Open() {
	if it, ok := in.Selected(); ok && in.OnOpen != nil {
		in.OnOpen(it)
	}
}

// Move moves the selection by delta rows, starting at the top when nothing is selected.
func (in *List) Move(delta int) {
	if len(in.rows) == 0 {
		return
	}
	row := in.selected + delta
	if in.selected < 0 {
		row = 0
	}
	in.SelectRow(max(0, min(row, len(in.rows)-1)))
}

// SelectRow selects the request on row and highlights it, scrolled into view.
func (in *List) SelectRow(row int) {
	if row < 0 || row >= len(in.rows) {
		return
	}
	in.selected, in.selectedID = row, in.rows[row].ID
	in.highlight()
	in.previewSelected()
}

// SelectID selects request id if the list shows it, and reports whether it does.
func (in *List) SelectID(id int64) bool {
	for i := range in.rows {
		if in.rows[i].ID == id {
			in.SelectRow(i)
			return true
		}
	}
	return false
}

// Neighbour is the request after id in the list, or before it when id is last: where
// the selection goes when id leaves the list.
func (in *List) Neighbour(id int64) (int64, bool) {
	for i := range in.rows {
		if in.rows[i].ID != id {
			continue
		}
		switch {
		case i+1 < len(in.rows):
			return in.rows[i+1].ID, true
		case i > 0:
			return in.rows[i-1].ID, true
		}
		return 0, false
	}
	return 0, false
}

// ClearSelection selects nothing and clears the highlight.
func (in *List) ClearSelection() {
	was := in.selected
	in.selected, in.selectedID = -1, 0
	in.Table.UnselectAll()
	in.retint(was) // the table re-binds no cell when nothing is selected
	in.previewSelected()
}

// retint re-binds the cells of a row, so its tint follows the selection.
func (in *List) retint(row int) {
	if row < 0 || row >= len(in.rows) {
		return
	}
	for col := range in.cols {
		in.Table.RefreshItem(widget.TableCellID{Row: row, Col: col})
	}
}

// previewSelected shows the selected request in the preview, and records it as read
// if it is still there after previewDwell.
func (in *List) previewSelected() {
	// A request left for previewDwell is read; moving on first cancels its timer. The
	// timer counts as the desk's background work (Idle waits for it), so it can never
	// run after the desk, or a test, has finished with the list.
	if in.dwell != nil && in.dwell.Stop() {
		background.Done()
	}
	in.dwell = nil
	if !in.Preview.Root.Visible() {
		return // too narrow for the preview: withPreview fills it when it appears
	}
	it, ok := in.Selected()
	if !ok {
		in.Preview.show(nil, false)
		return
	}
	if in.Preview.shown != it.ID || !in.Preview.full { // a reload reselecting it changes nothing shown
		in.Preview.show(&it, in.Full == nil)
		in.previewFull(it.ID)
	}
	if in.OnRead == nil {
		return
	}
	id := it.ID
	background.Add(1)
	in.dwell = time.AfterFunc(previewDwell, func() {
		defer background.Done()
		onUI(func() {
			if in.Preview.shown == id && in.Preview.Root.Visible() && in.OnRead != nil {
				in.OnRead(id)
			}
		})
	})
}

// previewFull reads the whole of request id off the Fyne thread and puts it in the
// preview if it is still the one there. Until then, or if it cannot be read, the
// preview shows the list's row: who, how urgent and what they wrote.
func (in *List) previewFull(id int64) {
	if in.Full == nil {
		return
	}
	spawn(func() {
		it, err := in.Full(context.Background(), id)
		if err != nil {
			return
		}
		onUI(func() {
			if in.Preview.shown == id && in.Preview.Root.Visible() {
				in.Preview.show(&it, true)
			}
		})
	})
}

// reselect finds the selected request after the rows changed.
func (in *List) reselect() {
	if in.selectedID == 0 || !in.SelectID(in.selectedID) {
		in.ClearSelection()
	}
}

// highlight puts the table's own selection on the selected row without opening it.
func (in *List) highlight() {
	in.quiet = true
	defer func() { in.quiet = false }()
	id := widget.TableCellID{Row: in.selected, Col: 0}
	if in.marked.Row == id.Row {
		in.Table.ScrollTo(id) // marked already (a reload found it on the same row): keep it in view
		return
	}
	in.marked = id      // before Select re-binds the cells, which tint around the mark
	in.Table.Select(id) // marks the row and scrolls it into view
}

// noCell is no cell of the table.
var noCell = widget.TableCellID{Row: -1, Col: -1}

// listTable is the list's table. A tap on the row already highlighted opens it again
// (a plain table reports no tap on the cell it has selected), and keys go to the desk
// even when a click has given the table the focus.
type listTable struct {
	widget.Table
	list *List
}

// Tapped clears the table's own mark so any row tapped is reported, then puts the
// mark back if the tap hit no row; it drops the focus a tap gives the table, so the
// desk's keys go on working.
func (t *listTable) Tapped(e *fyne.PointEvent) {
	in := t.list
	in.tapped = false
	in.quiet = true
	t.Table.UnselectAll()
	in.quiet = false
	t.Table.Tapped(e)
	if !in.tapped {
		in.reselect()
	}
	if c := canvasOf(t); c != nil && c.Focused() == fyne.Focusable(t) {
		c.Unfocus()
	}
}

// TypedRune gives the desk its keys while the table has the focus (after Tab).
func (t *listTable) TypedRune(r rune) { passRune(t, r) }

// TypedKey gives the desk its keys while the table has the focus (after Tab).
func (t *listTable) TypedKey(ev *fyne.KeyEvent) { passKey(t, ev) }

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
	case d < 24*time.Hour:
		s = fmt.Sprintf("%d h %02d", int(d.Hours()), int(d.Minutes())%60)
	case d < 7*24*time.Hour:
		s = fmt.Sprintf("%d d %d h", int(d.Hours()/24), int(d.Hours())%24)
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

// names maps site and GP team ids to the names people know them by.
func names(opts Options) map[string]string {
	m := map[string]string{}
	for _, s := range opts.Sites {
		m[s.ID] = s.Name
	}
	for _, t := range opts.GPTeams {
		m[t.ID] = t.Name
	}
	return m
}

// Age is a patient's age as clinicians write it: months under two, years after.
func Age(p triage.Patient, now time.Time) string {
	if m := triage.AgeMonthsAt(p.BirthDate, now); m < 24 {
		return fmt.Sprintf("%d mo", m)
	}
	return fmt.Sprintf("%d", p.AgeAt(now))
}
