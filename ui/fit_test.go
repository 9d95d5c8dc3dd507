package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The desk must fit the smallest window it supports, 1280×720, with nothing off the
// right edge and nothing that scrolls sideways: what cannot be seen cannot be used.

// TestTeamQueueColumnsFitAt1280 shows the team queue, with its status and holder
// columns, in a 1280-pixel window: every column must be inside the table.
func TestTeamQueueColumnsFitAt1280(t *testing.T) {
	f := newFixture(t)
	user(func() { f.d.RolePick.SetSelected(string(RoleTeam)) })
	<-f.d.Refresh()
	background.Wait()
	if f.d.Current() != f.d.Team || len(f.d.Team.Rows()) == 0 {
		t.Fatalf("the team queue is not on screen with rows (%d rows)", len(f.d.Team.Rows()))
	}
	for _, width := range []float32{1280, 1440, 1920} {
		user(func() { f.w.Resize(fyne.NewSize(width, 720)) })
		if edge, w := rightEdge(f.d.Team), f.d.Team.Table.Size().Width; edge > w || edge < w-40 {
			t.Errorf("at %.0f pixels the team queue's columns end at %.0f in a table %.0f wide: they must fill it without scrolling sideways", width, edge, w)
		}
	}
}

// TestRequestActionsFitAt1280 opens a request in a 1280×720 window: every action
// (buttons and pickers) must be drawn inside the window, none behind a sideways scroll.
func TestRequestActionsFitAt1280(t *testing.T) {
	f := newFixture(t)
	for _, size := range []fyne.Size{fyne.NewSize(1280, 720), fyne.NewSize(1440, 900)} {
		user(func() { f.w.Resize(size) })
		user(func() { keysOn(f.w.Canvas(), "j", "<Return>") })
		if !f.d.detailShown() {
			t.Fatal("Enter did not open the request")
		}
		root := f.w.Canvas().Content()
		var actions int
		for _, o := range onScreen(root, root.Position()) {
			switch w := o.obj.(type) {
			case *container.Scroll:
				if w.Direction == container.ScrollHorizontalOnly || w.Direction == container.ScrollBoth {
					if w.Content.MinSize().Width > w.Size().Width {
						t.Errorf("at %v the request screen scrolls sideways (%.0f of %.0f pixels shown)", size, w.Size().Width, w.Content.MinSize().Width)
					}
				}
			case *widget.Button, *widget.Select:
				actions++
				if right := o.at.X + o.obj.Size().Width; right > size.Width {
					t.Errorf("at %v %s ends at x=%.0f, off the window's right edge", size, describe(o.obj), right)
				}
			}
		}
		if actions < 8 {
			t.Fatalf("at %v only %d buttons and pickers are drawn on the request screen", size, actions)
		}
		user(func() { keysOn(f.w.Canvas(), "<Escape>") })
	}
}

// describe names a button or picker for a failure message.
func describe(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Button:
		return fmt.Sprintf("the %q button", w.Text)
	case *widget.Select:
		return fmt.Sprintf("the %q picker", w.Selected)
	}
	return fmt.Sprintf("%T", o)
}

// TestPreviewFilledWhenItAppears moves the selection in a window too narrow for the
// preview, then widens it: the preview shows the highlighted request at once.
func TestPreviewFilledWhenItAppears(t *testing.T) {
	f := newFixture(t)
	user(func() { keysOn(f.w.Canvas(), "jjj") })
	it, ok := f.d.Inbox.Selected()
	if !ok {
		t.Fatal("j selected nothing")
	}
	user(func() { f.w.Resize(fyne.NewSize(1440, 900)) })
	p := f.d.Inbox.Preview
	if !p.Root.Visible() || p.shown != it.ID {
		t.Fatalf("at 1440 the preview shows request %d (visible %v), the highlighted one is %d", p.shown, p.Root.Visible(), it.ID)
	}
	user(func() { f.w.Resize(fyne.NewSize(1280, 720)) })
	user(func() { keysOn(f.w.Canvas(), "j") })
	it, _ = f.d.Inbox.Selected()
	user(func() { f.w.Resize(fyne.NewSize(1440, 900)) })
	if p.shown != it.ID {
		t.Fatalf("after moving at 1280 and widening, the preview shows %d, the highlighted one is %d", p.shown, it.ID)
	}
}
