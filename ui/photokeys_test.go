package ui

import (
	"strings"
	"sync/atomic"
	"testing"
)

// TestPhotoKeyReachesThePhotos: on a request, p puts the keyboard on the first photo
// (nine Tabs did before), p again on the next, and after the last back to the first;
// Enter shows it larger and Esc closes that view with the keyboard still on the
// photo, so Enter opens it again rather than nothing happening. The help lists p.
func TestPhotoKeyReachesThePhotos(t *testing.T) {
	p := newPhotoDesk(t, 3)
	c := p.w.Canvas()
	user(func() { p.d.Open(p.item) })
	ps := p.d.Detail.Photos
	if len(ps.Thumbs) != 3 || ps.Thumbs[0].State != PhotoShown {
		t.Fatalf("the request shows %d thumbnails", len(ps.Thumbs))
	}
	for i, want := range []int{0, 1, 2, 0} {
		user(func() { keysOn(c, "p") })
		if got := c.Focused(); got != ps.Thumbs[want] {
			t.Fatalf("after p pressed %d times the keyboard is on %T, want photo %d", i+1, got, want+1)
		}
	}
	user(func() { keysOn(c, "p", "<Return>") })
	if ps.View == nil || !p.d.dialogShowing() {
		t.Fatal("Enter on the photo p reached did not show it larger")
	}
	user(func() { keysOn(c, "<Escape>") })
	if p.d.dialogShowing() || !p.d.detailShown() {
		t.Fatalf("Esc left the larger view showing (%v) or closed the request (%v)", p.d.dialogShowing(), !p.d.detailShown())
	}
	if got := c.Focused(); got != ps.Thumbs[1] {
		t.Fatalf("after the larger view closed the keyboard is on %T, not the photo it showed", got)
	}
	user(func() { keysOn(c, "<Return>") })
	if ps.View == nil {
		t.Fatal("Enter after closing the larger view did not open it again")
	}
	user(func() { keysOn(c, "<Escape>") })
	// On the list, p does nothing (no request is open to have photos).
	user(func() { keysOn(c, "<Escape>", "p") })
	if c.Focused() != nil || p.d.detailShown() {
		t.Fatalf("p on the list put the keyboard on %T", c.Focused())
	}
	listed := false
	for _, k := range keys {
		listed = listed || strings.HasPrefix(k[0], "p")
	}
	if !listed || !strings.Contains(ps.Heading.Text, "press p") {
		t.Errorf("the help (listed %v) or the photos' heading (%q) does not tell of p", listed, ps.Heading.Text)
	}
}

// TestPhotosLayTheRequestOutOnce: opening a request with three photos lays the
// request screen out once, not once per photo and again for the strip (each layout
// of the screen measures everything on it); the photos arriving, each with a caption
// as high as while it was fetched, lay it out no more.
func TestPhotosLayTheRequestOutOnce(t *testing.T) {
	p := newPhotoDesk(t, 3)
	ps := p.d.Detail.Photos
	var layouts atomic.Int64
	inner := ps.relayout
	ps.relayout = func() { layouts.Add(1); inner() }
	for _, round := range []string{"fetched from the queue", "from the desk's memory"} {
		layouts.Store(0)
		user(func() { p.d.Open(p.item) })
		for _, th := range ps.Thumbs {
			if th.State != PhotoShown {
				t.Fatalf("%s: a thumbnail is in state %d, %q", round, th.State, th.Caption.Text)
			}
		}
		if n := layouts.Load(); n != 1 {
			t.Errorf("%s: showing 3 photos laid the request screen out %d times, want 1", round, n)
		}
		user(func() { p.d.Back() })
	}
}

// TestPhotoViewsAuditedOncePerPerson: the queue records a person's view of each photo
// once for its fetch; opening the request again, a sync of it, and the larger view
// show the picture from the desk's memory and record nothing more. Another person
// working at the same desk ("Working as" in the demo) is never shown the first
// person's pictures from memory, unrecorded: their view is fetched, and recorded as
// theirs.
func TestPhotoViewsAuditedOncePerPerson(t *testing.T) {
	p := newPhotoDesk(t, 2)
	user(func() { p.d.Open(p.item) })
	if n := p.photoViews(t, "demo-reviewer"); n != 2 {
		t.Fatalf("after the first opening the queue has %d photo views by the reviewer, want 2", n)
	}
	user(func() { p.d.Back() })
	user(func() { p.d.Open(p.item) })
	<-p.d.Refresh()
	background.Wait()
	user(func() { p.d.Detail.Photos.Thumbs[0].activate() })
	user(func() { keysOn(p.w.Canvas(), "<Escape>") })
	if n, f := p.photoViews(t, "demo-reviewer"), p.fetches.Load(); n != 2 || f != 2 {
		t.Fatalf("after opening again, a sync and the larger view: %d photo views recorded and %d fetches, want 2 and 2", n, f)
	}
	user(func() { p.d.Back() })

	// Someone else works at the desk now.
	p.workAs(t, "demo-manager")
	user(func() { p.d.Open(p.item) })
	for _, th := range p.d.Detail.Photos.Thumbs {
		if th.State != PhotoShown {
			t.Fatalf("the manager's thumbnail is in state %d, %q", th.State, th.Caption.Text)
		}
	}
	if n := p.photoViews(t, "demo-manager"); n != 2 {
		t.Errorf("the manager was shown the photos with %d of their views recorded, want 2", n)
	}
	if n := p.photoViews(t, "demo-reviewer"); n != 2 {
		t.Errorf("the reviewer has %d photo views recorded after the manager's, want still 2", n)
	}
}

// TestPhotoViewsInTheDesksAuditPane: the request screen's audit trail says who at
// this desk has seen the patient's photos, as the queue's trail does: each fetch is a
// line under the person's name as soon as the photo arrives, while the request stays
// open; shown again from memory it adds none (the queue records none either), and
// another person's first look is theirs.
func TestPhotoViewsInTheDesksAuditPane(t *testing.T) {
	p := newPhotoDesk(t, 2)
	pane := func() string {
		var s string
		Quiet(func() { s = p.d.Detail.Audit.Text })
		return s
	}
	views := func(who string) int { return strings.Count(pane(), who+" viewed photo ") }
	user(func() { p.d.Open(p.item) })
	for _, want := range []string{"demo-reviewer viewed photo 1 of 2.", "demo-reviewer viewed photo 2 of 2."} {
		if !strings.Contains(pane(), want) {
			t.Fatalf("after the photos arrived the audit pane says\n%s\nwithout %q", pane(), want)
		}
	}
	user(func() { p.d.Back() })
	user(func() { p.d.Open(p.item) })
	if n, q := views("demo-reviewer"), p.photoViews(t, "demo-reviewer"); n != 2 || q != 2 {
		t.Fatalf("opened again (photos from memory): the pane has %d photo views by the reviewer and the queue %d, want 2 and 2", n, q)
	}
	user(func() { p.d.Back() })
	p.workAs(t, "demo-manager")
	user(func() { p.d.Open(p.item) })
	if n := views("demo-manager"); n != 2 {
		t.Errorf("the manager's first look at 2 photos put %d lines in the pane:\n%s", n, pane())
	}
}
