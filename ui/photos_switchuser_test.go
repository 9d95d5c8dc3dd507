package ui

import (
	"image/color"
	"testing"

	"triagedesk/store"
)

// TestPhotosAfterWorkingAsAreViewedAsTheNewPerson: a reviewer opens a request with photos,
// then "Working as" switches the desk to the manager, and a sync shows the same request
// again. The thumbnails fetched as the reviewer must not serve the manager: the manager's
// first look at each photo is a view the queue records under the manager.
func TestPhotosAfterWorkingAsAreViewedAsTheNewPerson(t *testing.T) {
	p := newPhotoDeskWith(t, photoSetup{workingAs: true, requests: []photoRequest{{
		text:   "A red rash on my forearm since Sunday. Photos attached.",
		photos: []store.Photo{photoOf(t, color.RGBA{200, 30, 30, 255}), photoOf(t, color.RGBA{30, 30, 200, 255})}}}})
	d := p.d

	user(func() { d.Open(p.item) })
	if n := p.photoViews(t, "demo-reviewer"); n != 2 {
		t.Fatalf("opening the request recorded %d photo views by the reviewer, want 2", n)
	}
	user(func() { d.onRole(string(RoleManager)) }) // "Working as" the practice manager
	<-d.Refresh()                                  // a sync shows the same request again
	background.Wait()
	ps := d.Detail.Photos
	if len(ps.Thumbs) != 2 || ps.Thumbs[0].State != PhotoShown {
		t.Fatalf("after switching, the request shows %d thumbnails", len(ps.Thumbs))
	}
	user(func() { ps.Thumbs[0].activate() })
	if !d.dialogShowing() || ps.View == nil {
		t.Fatal("the larger view did not open")
	}
	if n := p.photoViews(t, "demo-manager"); n != 2 {
		t.Errorf("the manager sees the request's 2 photos (and opens one larger) with %d views recorded under them: the reviewer's fetches served them", n)
	}
	user(func() { keysOn(p.w.Canvas(), "<Escape>") })
}
