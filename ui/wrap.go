package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// wrapping lays its objects out left to right, each at its own width, in rows as wide
// as it is given: where the next would cross the right edge it starts a new row. A bar
// of actions laid out this way is never cut off by a narrow window and never scrolls
// sideways; at 1280 pixels the request's actions take two rows, wider they take one.
type wrapping struct{}

func (wrapping) Layout(objs []fyne.CanvasObject, size fyne.Size) { placeRows(objs, size.Width, true) }

// MinSize is the widest object on one row; barAbove gives the bar the height its rows
// really take at the width it has.
func (wrapping) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if o.Visible() {
			m := o.MinSize()
			s = s.Max(m)
		}
	}
	return s
}

// placeRows works out the rows of objs in width (and moves them there when place is
// set) and returns the height the rows take. Each row is as tall as its tallest
// object, and every object in it is given that height (a separator becomes a line).
func placeRows(objs []fyne.CanvasObject, width float32, place bool) float32 {
	pad := theme.Padding()
	var row []fyne.CanvasObject
	var x, y, rowHeight float32
	flush := func() {
		for _, o := range row {
			if place {
				o.Resize(fyne.NewSize(o.MinSize().Width, rowHeight))
				o.Move(fyne.NewPos(o.Position().X, y))
			}
		}
		y += rowHeight + pad
		row, x, rowHeight = nil, 0, 0
	}
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if len(row) > 0 && x+m.Width > width {
			flush()
		}
		if place {
			o.Move(fyne.NewPos(x, 0))
		}
		row = append(row, o)
		x += m.Width + pad
		rowHeight = max(rowHeight, m.Height)
	}
	if len(row) > 0 {
		flush()
	}
	return max(0, y-pad)
}

// barAbove puts a wrapping bar (objs[0], a container laid out by wrapping) above the
// rest (objs[1]), giving the bar the height its rows take at the window's width.
type barAbove struct{}

func (barAbove) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	bar, body := objs[0], objs[1]
	h := float32(0)
	if bar.Visible() {
		h = placeRows(bar.(*fyne.Container).Objects, size.Width, false)
	}
	bar.Move(fyne.NewPos(0, 0))
	bar.Resize(fyne.NewSize(size.Width, h))
	top := h
	if h > 0 {
		top += theme.Padding()
	}
	body.Move(fyne.NewPos(0, top))
	body.Resize(fyne.NewSize(size.Width, size.Height-top))
}

func (barAbove) MinSize(objs []fyne.CanvasObject) fyne.Size {
	bar, body := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(bar.Width, body.Width), bar.Height+theme.Padding()+body.Height)
}
