package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// menuFirst sends a Ctrl shortcut as the desktop driver does since Fyne 2.6: to the
// window's menu item that carries it, if one does, even while a text box has the
// cursor; else as shortcut does.
func menuFirst(w fyne.Window, s fyne.KeyboardShortcut) {
	if m := w.MainMenu(); m != nil {
		for _, menu := range m.Items {
			for _, it := range menu.Items {
				if k, ok := it.Shortcut.(fyne.KeyboardShortcut); ok && k.Key() == s.Key() && k.Mod() == s.Mod() {
					it.Action()
					return
				}
			}
		}
	}
	shortcut(w.Canvas(), s)
}

// TestScreenKeysReachEveryScreen: the tabs take no keyboard focus, so Ctrl+1 … Ctrl+4
// are how a receptionist reaches Reception and a reviewer Identity checks without the
// mouse. Ctrl+3 from an open request leaves it for Reception with the cursor in its
// search box; Ctrl+1 comes back to the inbox, where the list keys work; behind a
// dialog they do nothing; the Go menu names every screen with its key.
func TestScreenKeysReachEveryScreen(t *testing.T) {
	f := newLiveFixture(t, "demo-reviewer")
	c := f.w.Canvas()
	if f.d.Reception == nil {
		t.Fatal("a desk with a practice queue has no Reception screen")
	}
	user(func() { keysOn(c, "j", "<Return>") })
	if !f.d.detailShown() {
		t.Fatal("Enter did not open the request")
	}
	user(func() { menuFirst(f.w, &desktopShortcut{fyne.Key3}) })
	if f.d.detailShown() || f.d.Tabs.Selected().Content != f.d.Reception.Root {
		t.Fatalf("Ctrl+3 shows %q (a request open: %v), want Reception", f.d.Tabs.Selected().Text, f.d.detailShown())
	}
	if c.Focused() != f.d.Reception.Search {
		t.Fatalf("on Reception the keyboard is on %T, not the patient search", c.Focused())
	}
	user(func() { menuFirst(f.w, &desktopShortcut{fyne.Key1}) })
	if f.d.Tabs.Selected() != f.d.inboxTab || c.Focused() != nil {
		t.Fatalf("Ctrl+1 shows %q with the keyboard on %T, want the inbox and its keys", f.d.Tabs.Selected().Text, c.Focused())
	}
	user(func() { keysOn(c, "j") })
	if _, ok := f.d.Inbox.Selected(); !ok {
		t.Fatal("j after Ctrl+1 highlighted no row")
	}
	user(func() { menuFirst(f.w, &desktopShortcut{fyne.Key2}) })
	if f.d.Tabs.Selected() != f.d.teamTab {
		t.Fatalf("Ctrl+2 shows %q, want the team queue", f.d.Tabs.Selected().Text)
	}
	user(func() { keysOn(c, "?") })
	user(func() { menuFirst(f.w, &desktopShortcut{fyne.Key1}) })
	if f.d.Tabs.Selected() != f.d.teamTab {
		t.Fatal("Ctrl+1 behind the help dialog changed the screen")
	}
	user(func() { keysOn(c, "<Escape>") })

	var goMenu *fyne.Menu
	for _, m := range f.d.Menu().Items {
		if m.Label == "Go" {
			goMenu = m
		}
	}
	if goMenu == nil || len(goMenu.Items) != len(f.d.Tabs.Items) {
		t.Fatalf("the Go menu is %+v for %d screens", goMenu, len(f.d.Tabs.Items))
	}
	for i, it := range goMenu.Items {
		if want := screenName(f.d.Tabs.Items[i]); it.Label != want || it.Shortcut == nil {
			t.Errorf("Go menu item %d is %q (key %v), want %q with its key", i+1, it.Label, it.Shortcut, want)
		}
	}
}
