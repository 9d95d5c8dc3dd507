package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// asDriver sends Ctrl and key as the desktop driver does (Fyne 2.7's glfw window): it
// makes a desktop.CustomShortcut and gives it to the window's menu item of the same
// name if there is one, even while a text box has the cursor; else to the focused
// widget if it takes shortcuts; else to the window's own handlers, found by name.
func asDriver(w fyne.Window, key fyne.KeyName) {
	sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	if m := w.MainMenu(); m != nil {
		for _, menu := range m.Items {
			for _, it := range menu.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
					it.Action()
					return
				}
			}
		}
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

// TestCtrlKeysAsTheDriverSendsThem: Ctrl+F, Ctrl+3 and Ctrl+R as the real window reads
// them. The desk named its Ctrl keys "Ctrl+F", a name the driver never uses, so in
// the real window they did nothing at all (the tests sent the desk's own name).
// Ctrl+F puts the cursor in the search box, Ctrl+3 goes to Reception (from the search
// box too), Ctrl+R syncs.
func TestCtrlKeysAsTheDriverSendsThem(t *testing.T) {
	f := newLiveFixture(t, "demo-reviewer")
	c := f.w.Canvas()
	user(func() { asDriver(f.w, fyne.KeyF) })
	if c.Focused() != f.d.Inbox.Search {
		t.Fatalf("Ctrl+F put the keyboard on %T, not the search box", c.Focused())
	}
	user(func() { asDriver(f.w, fyne.Key3) })
	if f.d.Tabs.Selected().Content != f.d.Reception.Root || c.Focused() != f.d.Reception.Search {
		t.Fatalf("Ctrl+3 from the search box shows %q with the keyboard on %T, want Reception's search", f.d.Tabs.Selected().Text, c.Focused())
	}
	user(func() { f.d.Status.SetText("Online") })
	user(func() { asDriver(f.w, fyne.KeyR) })
	if f.d.Status.Text != "Syncing…" {
		t.Errorf("after Ctrl+R the status says %q, want Syncing…", f.d.Status.Text)
	}
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
	user(func() { asDriver(f.w, fyne.Key3) })
	if f.d.detailShown() || f.d.Tabs.Selected().Content != f.d.Reception.Root {
		t.Fatalf("Ctrl+3 shows %q (a request open: %v), want Reception", f.d.Tabs.Selected().Text, f.d.detailShown())
	}
	if c.Focused() != f.d.Reception.Search {
		t.Fatalf("on Reception the keyboard is on %T, not the patient search", c.Focused())
	}
	user(func() { asDriver(f.w, fyne.Key1) })
	if f.d.Tabs.Selected() != f.d.inboxTab || c.Focused() != nil {
		t.Fatalf("Ctrl+1 shows %q with the keyboard on %T, want the inbox and its keys", f.d.Tabs.Selected().Text, c.Focused())
	}
	user(func() { keysOn(c, "j") })
	if _, ok := f.d.Inbox.Selected(); !ok {
		t.Fatal("j after Ctrl+1 highlighted no row")
	}
	user(func() { asDriver(f.w, fyne.Key2) })
	if f.d.Tabs.Selected() != f.d.teamTab {
		t.Fatalf("Ctrl+2 shows %q, want the team queue", f.d.Tabs.Selected().Text)
	}
	user(func() { keysOn(c, "?") })
	user(func() { asDriver(f.w, fyne.Key1) })
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

// TestEmptySearchSaysHowToSeeTheRest: a search that matches nothing leaves the list
// empty; the line under it must not read as an empty inbox ("0 new requests waiting
// for review match the filters", seen using the desk) but say how to see the rest.
func TestEmptySearchSaysHowToSeeTheRest(t *testing.T) {
	f := newFixture(t)
	c := f.w.Canvas()
	user(func() { c.Focus(f.d.Inbox.Search); keysOn(c, "zzqqxx nothing like this") })
	<-f.d.Inbox.Reload()
	background.Wait()
	if n := f.d.Inbox.Total(); n != 0 {
		t.Fatalf("the search matched %d requests: the test needs none", n)
	}
	if got := f.d.Inbox.Status.Text; !strings.Contains(got, "Esc") || strings.HasPrefix(got, "0 ") {
		t.Errorf("under an empty search the list says %q, not how to see the rest", got)
	}
	user(func() { keysOn(c, "<Escape>") })
	<-f.d.Inbox.Reload()
	background.Wait()
	if f.d.Inbox.Total() == 0 || strings.Contains(f.d.Inbox.Status.Text, "None of") {
		t.Errorf("after Esc the list has %d requests and says %q", f.d.Inbox.Total(), f.d.Inbox.Status.Text)
	}
}
