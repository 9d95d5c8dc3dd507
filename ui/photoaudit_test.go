package ui

import (
	"context"
	"image/color"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// trailHeldQueue is the desk's own queue, unchanged, except that the first read of
// the audit trail once armed waits (after reading) until the test lets it go: the
// moment between a photo fetch reading the trail and showing it, held open.
type trailHeldQueue struct {
	Queue
	mu    sync.Mutex
	armed bool
	read  chan struct{} // gets a value when the held read has been done
	cont  chan struct{} // closed to let the held read return
}

func (q *trailHeldQueue) AuditTrail(ctx context.Context, id int64) ([]triage.AuditEntry, error) {
	trail, err := q.Queue.AuditTrail(ctx, id)
	q.mu.Lock()
	hold := q.armed
	q.armed = false
	q.mu.Unlock()
	if hold {
		q.read <- struct{}{}
		<-q.cont
	}
	return trail, err
}

// TestPhotoViewKeepsNewerAuditTrail: a photo fetch read the request's audit trail
// off the Fyne thread and then showed it. When an action landed and the request
// screen reloaded in between, the audit pane went back to the older trail (without
// the action) until the next reload. The pane must keep the action and gain the view.
func TestPhotoViewKeepsNewerAuditTrail(t *testing.T) {
	release := make(chan struct{})
	var releaseOnce sync.Once
	let := func() { releaseOnce.Do(func() { close(release) }) }
	t.Cleanup(let)
	p := newPhotoDeskWith(t, photoSetup{
		requests: []photoRequest{{account: 0, text: "A red rash on my forearm since Sunday. Photo attached.",
			photos: []store.Photo{photoOf(t, color.RGBA{200, 30, 30, 255})}}},
		between: func(queue http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.Contains(r.URL.Path, "/photos/") {
					<-release
				}
				queue.ServeHTTP(w, r)
			})
		}})
	d, it := p.d, p.item
	held := &trailHeldQueue{Queue: d.queue, read: make(chan struct{}, 1), cont: make(chan struct{})}
	var contOnce sync.Once
	t.Cleanup(func() { contOnce.Do(func() { close(held.cont) }) })
	d.queue = held

	// The request opens; its photo waits at the queue. (Not user(): it would wait for
	// the fetch the queue is holding.)
	uiMu.Lock()
	d.Open(it)
	uiMu.Unlock()
	var v0 int
	waitFor(t, "the request screen to load", func() bool {
		uiMu.Lock()
		defer uiMu.Unlock()
		v0 = d.Detail.item.Version
		return d.Detail.loaded && d.Detail.item.ID == it.ID
	})
	held.mu.Lock()
	held.armed = true
	held.mu.Unlock()
	let() // the photo arrives; its view is recorded and the trail read, then held
	select {
	case <-held.read:
	case <-time.After(time.Minute):
		t.Fatal("the photo fetch did not read the audit trail within a minute")
	}

	// Meanwhile the reviewer adds a note: the screen reloads with it in the trail.
	const note = "Rang the patient about the rash."
	uiMu.Lock()
	d.Detail.act(triage.Action{Kind: triage.ActNote, Message: note}, false)
	uiMu.Unlock()
	noted := func() bool {
		uiMu.Lock()
		defer uiMu.Unlock()
		return d.Detail.loaded && d.Detail.item.ID == it.ID && d.Detail.item.Version > v0
	}
	waitFor(t, "the note to reach the audit pane", noted)
	uiMu.Lock()
	withNote := d.Detail.Audit.Text
	uiMu.Unlock()

	contOnce.Do(func() { close(held.cont) }) // the photo's trail, read before the note, is shown now
	background.Wait()
	got := d.Detail.Audit.Text
	if !strings.Contains(got, "photo 1 of 1") {
		t.Errorf("the audit pane does not have the photo view:\n%s", got)
	}
	for _, line := range strings.Split(withNote, "\n") {
		if !strings.Contains(got, line) {
			t.Errorf("the audit pane lost %q after the photo was shown:\n%s", line, got)
		}
	}
}
