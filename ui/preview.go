package ui

import (
	"fmt"
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
	Root       fyne.CanvasObject

	shown int64 // the request in the preview, 0 for none
	now   func() time.Time
}

func newPreview(now func() time.Time) *Preview {
	p := &Preview{Title: widget.NewLabel(""), Patient: widget.NewLabel(""), Text: widget.NewRichText(), Suggestion: widget.NewLabel(""), now: now}
	p.Title.TextStyle.Bold = true
	p.Title.Wrapping = fyne.TextWrapWord
	p.Patient.Wrapping = fyne.TextWrapWord
	p.Text.Wrapping = fyne.TextWrapWord
	p.Suggestion.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(themeColor(theme.ColorNameInputBackground))
	body := container.NewVBox(p.Title, p.Patient, widget.NewSeparator(), p.Text, widget.NewSeparator(), p.Suggestion)
	p.Root = container.NewStack(bg, container.NewVScroll(body))
	p.show(nil)
	return p
}

// show puts a request in the preview, or says how to pick one when it is nil.
func (p *Preview) show(it *triage.QueueItem) {
	if it == nil {
		p.shown = 0
		p.Title.SetText("Nothing highlighted")
		p.Patient.SetText("j/k or the arrows move through the list; Enter opens the highlighted request.")
		p.Text.Segments = nil
		p.Text.Refresh()
		p.Suggestion.SetText("")
		return
	}
	if p.shown == it.ID && p.Title.Text != "" {
		return
	}
	p.shown = it.ID
	now := p.now()
	p.Title.SetText(fmt.Sprintf("Request %d · %s · %s", it.ID, it.Priority.Label(), DueIn(it.DueAt, now)))
	pt := it.Patient
	p.Patient.SetText(fmt.Sprintf("%s, %s %s · born %s · NHS %s", pt.Name(), Age(pt, now), sexLetter(pt.Sex), pt.BirthDate.Format("2 Jan 2006"), pt.NHSNumber.String()))
	var spans []triage.Span
	for _, r := range it.Suggested.Reasons {
		spans = append(spans, r.Spans...)
	}
	p.Text.Segments = highlight(it.Text, spans)
	p.Text.Refresh()
	lines := []string{fmt.Sprintf("Suggested: %s, %s team", it.Suggested.Priority.Label(), it.Suggested.Team.Label())}
	if it.Suggested.Signpost != "" && it.Suggested.Signpost != triage.SignpostNone {
		lines = append(lines, "Signpost: "+it.Suggested.Signpost.Label())
	}
	for _, r := range it.Suggested.Reasons {
		lines = append(lines, "• "+r.Says)
	}
	p.Suggestion.SetText(strings.Join(lines, "\n"))
}

// withPreview lays a list out with its preview on the right when there is room for
// both (previewFrom and wider), and the list alone when there is not.
type withPreview struct{}

func (withPreview) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	list, preview := objs[0], objs[1]
	if size.Width < previewFrom {
		preview.Hide()
		list.Move(fyne.NewPos(0, 0))
		list.Resize(size)
		return
	}
	pad := theme.Padding()
	listWidth := size.Width - previewWidth - pad
	list.Move(fyne.NewPos(0, 0))
	list.Resize(fyne.NewSize(listWidth, size.Height))
	preview.Move(fyne.NewPos(listWidth+pad, 0))
	preview.Resize(fyne.NewSize(previewWidth, size.Height))
	preview.Show()
}

func (withPreview) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// fitColumns sizes the table's columns to the width it is given, so the list never
// scrolls sideways: every column keeps its width and "What they wrote" takes the rest
// (down to textMin; narrower windows than the desk supports scroll).
type fitColumns struct{ list *List }

// textCol is the "What they wrote" column; textMin is the least it is given.
const (
	textCol = 6
	textMin = 150
)

func (f fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	widths := listWidths
	if len(f.list.headers) > len(listHeaders) { // a team queue's status and holder
		widths = append(append([]float32(nil), listWidths...), holderWidths...)
	}
	fixed := float32(0)
	for i, w := range widths {
		if i != textCol {
			fixed += w
		}
	}
	// Each column is followed by the table's padding; leave a few pixels spare so
	// rounding never brings the sideways scrollbar back.
	text := size.Width - fixed - pad*float32(len(widths)) - 4
	f.list.Table.SetColumnWidth(textCol, max(textMin, text))
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (f fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }
