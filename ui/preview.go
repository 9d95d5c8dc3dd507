package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// previewFrom is the narrowest list (with its preview) that shows the preview: a
// 1440-pixel window. Narrower, the list has the whole width.
const previewFrom = 1400

// previewWidth is the preview's width beside the list.
const previewWidth = 380

// previewDwell is how long a request stays in the preview before the desk records
// that the person has read it: the audit trail gets a view for what was read, not one
// for every row passed on the way down.
var previewDwell = 2 * time.Second

// Preview shows the highlighted request beside the list, so a reviewer reads it
// without opening it: who, how urgent, all they wrote with the engine's words
// highlighted, and what the engine suggests and why.
type Preview struct {
	Title      *widget.Label
	Patient    *widget.Label
	Text       *widget.RichText
	Suggestion *widget.Label
	// Photos says how many photos the patient sent, beside a camera, when they did.
	Photos    *widget.Label
	photosRow *fyne.Container
	Root      fyne.CanvasObject

	shown int64 // the request in the preview, 0 for none
	full  bool  // whether it is the whole request, with the engine's reasons
	body  *fyne.Container
	now   func() time.Time
}

func newPreview(now func() time.Time) *Preview {
	p := &Preview{Title: widget.NewLabel(""), Patient: widget.NewLabel(""), Text: widget.NewRichText(), Suggestion: widget.NewLabel(""), now: now}
	p.Title.TextStyle.Bold = true
	p.Title.Wrapping = fyne.TextWrapWord
	p.Patient.Wrapping = fyne.TextWrapWord
	p.Text.Wrapping = fyne.TextWrapWord
	p.Suggestion.Wrapping = fyne.TextWrapWord
	p.Photos = widget.NewLabel("")
	p.Photos.TextStyle.Bold = true
	p.Photos.Wrapping = fyne.TextWrapWord // within the preview's width, never widening it
	p.photosRow = container.NewBorder(nil, nil, widget.NewIcon(theme.MediaPhotoIcon()), nil, p.Photos)
	p.photosRow.Hide()
	bg := canvas.NewRectangle(themeColor(theme.ColorNameInputBackground))
	p.body = container.NewVBox(p.Title, p.Patient, p.photosRow, widget.NewSeparator(), p.Text, widget.NewSeparator(), p.Suggestion)
	p.Root = container.NewStack(bg, container.NewVScroll(p.body))
	p.show(nil, false)
	return p
}

// show puts a request in the preview, or says how to pick one when it is nil. full
// says whether it is the whole request (a list row has no engine's reasons).
func (p *Preview) show(it *triage.QueueItem, full bool) {
	defer p.body.Refresh() // lay the text out again at the height it now wraps to
	if it == nil {
		p.shown, p.full = 0, false
		p.Title.SetText("Nothing highlighted")
		p.Patient.SetText("j/k or the arrows move through the list; Enter opens the highlighted request.")
		p.Text.Segments = nil
		p.Text.Refresh()
		p.Suggestion.SetText("")
		p.photosRow.Hide()
		return
	}
	if it.PhotoCount > 0 {
		p.Photos.SetText(triage.PhotoCount(it.PhotoCount) + " sent · Enter opens the request to see them")
		p.photosRow.Show()
	} else {
		p.photosRow.Hide()
	}
	p.shown, p.full = it.ID, full
	now := p.now()
	p.Title.SetText(fmt.Sprintf("Request %d · %s · %s", it.ID, it.Priority.Label(), DueIn(it.DueAt, now)))
	pt := it.Patient
	p.Patient.SetText(fmt.Sprintf("%s, %s %s · born %s · NHS %s", pt.Name(), Age(pt, now), sexLetter(pt.Sex), pt.BirthDate.Format("2 Jan 2006"), pt.NHSNumber.String()))
	p.Text.Segments = litText(*it)
	p.Text.Refresh()
	lines := []string{fmt.Sprintf("Suggested: %s, %s team", it.Suggested.Priority.Label(), it.Suggested.Team.Label())}
	if l := signpostLabel(it.Suggested.Signpost); l != "none" {
		lines = append(lines, "Signpost: "+l)
	}
	for _, r := range it.Suggested.Reasons {
		lines = append(lines, "• "+r.Says)
	}
	p.Suggestion.SetText(strings.Join(lines, "\n"))
}

// withPreview lays a list out with its preview on the right when there is room for
// both: a window of previewFrom or wider, where the list keeps every column at least
// at its least width beside the preview. Otherwise the list has the whole width and
// the preview, hidden, is not kept up to date; it is filled when it appears.
type withPreview struct{ list *List }

func (l withPreview) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	list, preview := objs[0], objs[1]
	pad := theme.Padding()
	listWidth := size.Width - previewWidth - pad
	if size.Width < previewFrom || listWidth < leastWidth(l.list.columns) {
		preview.Hide()
		list.Move(fyne.NewPos(0, 0))
		list.Resize(size)
		return
	}
	list.Move(fyne.NewPos(0, 0))
	list.Resize(fyne.NewSize(listWidth, size.Height))
	preview.Move(fyne.NewPos(listWidth+pad, 0))
	preview.Resize(fyne.NewSize(previewWidth, size.Height))
	if !preview.Visible() {
		preview.Show()
		l.list.previewSelected()
	}
}

func (withPreview) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// fitColumns sizes the table's columns to the width it is given, so the list never
// scrolls sideways: "What they wrote" takes whatever the other columns leave, and when
// that is too little they give up width, down to their least, to keep it readable.
type fitColumns struct{ list *List }

// textCol is the "What they wrote" column; textMin is the least it is given beside
// the preview, textFloor the least at all.
const (
	textCol   = 6
	textMin   = 150
	textFloor = 100
)

// spare is left unused at the table's right so rounding never brings the sideways
// scrollbar back.
const spare = 4

func (f fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	in := f.list
	shown, widths := fitWidths(in.columns, size.Width)
	changed := !slices.Equal(shown, in.cols)
	in.cols = shown
	for i, w := range widths {
		in.Table.SetColumnWidth(i, w) // does nothing when the width is unchanged
	}
	if changed { // other columns in the same places: every cell and header re-bound
		in.Table.Refresh()
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (f fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// fitWidths shares a table's width among its columns (each followed by the table's
// padding). With room for every column's width, each has it and "What they wrote"
// takes the rest; with less, every column, the text too, gives up the same share of
// what it could spare (its width less its least). Narrower than every column's least
// (1280×720 with a large text size), the columns that can go down to their floor give
// up the same share of what lies between; narrower than every floor, the columns with
// a drop rank leave, lowest rank first, until the rest fit at their floors; narrower
// than that, every column is shown and the table scrolls. It returns the columns shown (indexes into
// cols) and their widths.
func fitWidths(all []column, width float32) (shown []int, widths []float32) {
	shown = allColumns(len(all))
	room := func() float32 { return width - theme.Padding()*float32(len(shown)) - spare }
	floorOf := func() (floor float32) {
		for _, i := range shown {
			floor += all[i].lowest()
		}
		return floor
	}
	for rank := 1; floorOf() > room(); rank++ {
		if !slices.ContainsFunc(shown, func(i int) bool { return all[i].drop >= rank }) {
			// Too narrow even without them (a list not yet laid out at its real
			// width): the table scrolls, so it may as well scroll to every column.
			shown = allColumns(len(all))
			break
		}
		shown = slices.DeleteFunc(shown, func(i int) bool { return all[i].drop == rank })
	}
	cols := make([]column, len(shown))
	text := -1 // where "What they wrote" is among the shown columns
	for k, i := range shown {
		cols[k] = all[i]
		if i == textCol {
			text = k
		}
	}
	avail := room()
	var want, least, floor float32
	for _, c := range cols {
		want += c.width
		least += c.least
		floor += c.lowest()
	}
	out := make([]float32, len(cols))
	used := float32(0)
	for i, c := range cols {
		switch {
		case avail >= want:
			out[i] = c.width
		case avail >= least:
			out[i] = c.least + (c.width-c.least)*(avail-least)/(want-least)
		default:
			out[i] = c.lowest() + (c.least-c.lowest())*max(0, (avail-floor)/(least-floor))
		}
		if i != text {
			used += out[i]
		}
	}
	if text >= 0 {
		out[text] = max(out[text], avail-used)
	}
	return shown, out
}

// leastWidth is the narrowest table that shows cols without scrolling sideways.
func leastWidth(cols []column) float32 {
	w := theme.Padding()*float32(len(cols)) + spare
	for _, c := range cols {
		w += c.least
	}
	return w
}
