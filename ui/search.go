package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is the search box. It hands Esc, ↓ and Enter back to the list, so a
// person can type a word, press ↓ and go on with j/k without touching the mouse.
type searchEntry struct {
	widget.Entry
	list *List
}

func newSearchEntry(l *List) *searchEntry {
	e := &searchEntry{list: l}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey leaves the box on Esc (clearing it first if it holds text), and goes to the
// first row on ↓ or Enter; every other key edits the text.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if e.Text != "" {
			e.SetText("")
			return
		}
		e.leave()
	case fyne.KeyDown, fyne.KeyReturn, fyne.KeyEnter:
		e.leave()
		e.list.SelectRow(0)
	default:
		e.Entry.TypedKey(k)
	}
}

func (e *searchEntry) leave() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Unfocus()
	}
}
