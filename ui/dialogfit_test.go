package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestRespondDialogFitsAShortWindow: a GP with a large text size (1.4) on a
// 1280×720 screen has a window about 914×514 of the desk's units. The respond and
// signpost dialogs must fit it whole: taller than the window, Fyne drew their
// buttons over the "Then" choice, hiding what happens after Send.
func TestRespondDialogFitsAShortWindow(t *testing.T) {
	f := newFixture(t)
	c := f.w.Canvas()
	for _, tt := range []struct {
		name   string
		size   fyne.Size
		open   func()
		isOpen func() bool
	}{
		{name: "respond, large text", size: fyne.NewSize(914, 514),
			open: func() { keysOn(c, "r") }, isOpen: func() bool { return f.d.Detail.RespondDialog != nil }},
		{name: "signpost, large text", size: fyne.NewSize(914, 514),
			open: func() { f.d.Detail.onSignpost() }, isOpen: func() bool { return f.d.Detail.SignpostPick != nil }},
		{name: "respond, 1280×720", size: fyne.NewSize(1280, 720),
			open: func() { keysOn(c, "r") }, isOpen: func() bool { return f.d.Detail.RespondDialog != nil }},
	} {
		user(func() { f.w.Resize(tt.size) })
		user(func() { keysOn(c, "<Escape>", "j", "<Return>") })
		if !f.d.detailShown() {
			t.Fatalf("%s: Enter did not open a request", tt.name)
		}
		user(tt.open)
		top := c.Overlays().Top()
		if top == nil || !tt.isOpen() {
			t.Fatalf("%s: no dialog opened", tt.name)
		}
		room := c.Size()
		if need := top.MinSize(); need.Height > room.Height || need.Width > room.Width {
			t.Errorf("%s: the dialog needs %v in a window of %v: its buttons are drawn over its fields", tt.name, need, room)
		}
		user(func() { keysOn(c, "<Escape>") })
		f.d.Detail.SignpostPick = nil
	}
}
