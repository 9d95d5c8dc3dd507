package ui

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"triagedesk/store"
)

// TestPhotosOnTheRequestScreen drives the desk headless against a real practice
// queue on 127.0.0.1: a request the patient sent with two photos says so in its
// inbox row and the preview; opening it fetches the photos in the background while
// the queue cannot be reached, so each thumbnail says the fetch failed and offers
// Retry (never a blank); Retry, by click and by Tab and Enter, brings the thumbnails;
// Enter opens the larger view, which Esc closes, leaving the request open. Each
// fetch is in the queue's audit trail, and the screen still fits at 1280×720.
func TestPhotosOnTheRequestScreen(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 640, 480))
	for x := range 640 {
		for y := range 480 {
			img.Set(x, y, color.RGBA{uint8(150 + x%100), uint8(60 + y%60), 70, 255})
		}
	}
	var jb, pb bytes.Buffer
	jpeg.Encode(&jb, img, nil)
	png.Encode(&pb, img)
	// The queue as the desk reaches it: its photos out of reach while down is set.
	var down atomic.Bool
	p := newPhotoDeskWith(t, photoSetup{
		requests: []photoRequest{{text: "A red rash on my forearm, spreading since Sunday. Photos attached.",
			photos: []store.Photo{{ContentType: "image/jpeg", Width: 640, Height: 480, Data: jb.Bytes()}, {ContentType: "image/png", Width: 640, Height: 480, Data: pb.Bytes()}}}},
		between: func(queue http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if down.Load() && strings.Contains(r.URL.Path, "/photos/") {
					http.Error(w, "the network is down", http.StatusBadGateway)
					return
				}
				queue.ServeHTTP(w, r)
			})
		}})
	d, w, sent := p.d, p.w, p.item

	// The inbox row and the preview say there are photos.
	row := -1
	for i, r := range d.Inbox.Rows() {
		if r.ID == sent.ID {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("request %d is not in the inbox", sent.ID)
	}
	if text := d.Inbox.Text(row, 6); !strings.HasPrefix(text, "2 photos · A red rash") {
		t.Fatalf("the inbox row says %q, want the photo count before the text", text)
	}
	cell := newCell()
	d.Inbox.updateCell(widget.TableCellID{Row: row, Col: 6}, cell)
	if !cell.camera.Visible() {
		t.Fatal("the inbox row shows no camera")
	}
	it := d.Inbox.Rows()[row]
	user(func() { d.Inbox.Preview.show(&it, false) })
	if !d.Inbox.Preview.photosRow.Visible() || !strings.HasPrefix(d.Inbox.Preview.Photos.Text, "2 photos") {
		t.Fatalf("the preview says %q about photos (shown %v)", d.Inbox.Preview.Photos.Text, d.Inbox.Preview.photosRow.Visible())
	}
	if w := d.Inbox.Preview.body.MinSize().Width; w > previewWidth {
		t.Errorf("with its photo line the preview needs %.0f pixels, wider than its %d: its text would run off the edge", w, previewWidth)
	}

	// Opened while the queue cannot be reached: a message and Retry, not a blank.
	down.Store(true)
	user(func() { d.Open(it) })
	ps := d.Detail.Photos
	if !ps.Root.Visible() || len(ps.Thumbs) != 2 || !strings.Contains(ps.Heading.Text, "2 photos") {
		t.Fatalf("the request screen shows %d thumbnails under %q", len(ps.Thumbs), ps.Heading.Text)
	}
	for _, th := range ps.Thumbs {
		if th.State != PhotoFailed || !th.Retry.Visible() || !strings.Contains(th.Caption.Text, "could not be fetched") {
			t.Fatalf("a failed fetch shows state %d, %q, Retry shown %v", th.State, th.Caption.Text, th.Retry.Visible())
		}
	}
	down.Store(false)
	audited := func() int { // views by this reviewer, each from a desk the queue can name
		n := 0
		for _, e := range p.photoViewEntries(t, "demo-reviewer") {
			if e.Desk != "" {
				n++
			}
		}
		return n
	}

	// Retry by click on the first; Tab to the second and Enter, by keyboard.
	user(func() { test.Tap(ps.Thumbs[0].Retry) })
	if th := ps.Thumbs[0]; th.State != PhotoShown || th.Image.Image == nil || !strings.Contains(th.Caption.Text, "640 × 480 JPEG") {
		t.Fatalf("after Retry the first thumbnail is in state %d, %q", th.State, th.Caption.Text)
	}
	focusOn := func(target fyne.Focusable) {
		t.Helper()
		for range 200 {
			if w.Canvas().Focused() == target {
				return
			}
			user(func() { w.Canvas().FocusNext() })
		}
		t.Fatal("Tab never reached the thumbnail")
	}
	focusOn(ps.Thumbs[1])
	user(func() { keysOn(w.Canvas(), "<Return>") })
	if th := ps.Thumbs[1]; th.State != PhotoShown || th.Image.Image == nil {
		t.Fatalf("after Enter on the failed thumbnail it is in state %d, %q", th.State, th.Caption.Text)
	}
	// Each thumbnail has the room it needs: the picture and its caption, not drawn
	// over what follows on the screen.
	for i, th := range ps.Thumbs {
		if h := th.Size().Height; h < thumbH+th.Caption.MinSize().Height || h < th.MinSize().Height {
			t.Errorf("thumbnail %d is %.0f pixels high, less than its picture and caption need (%.0f)", i+1, h, th.MinSize().Height)
		}
	}
	if below, strip := d.Detail.Photos.Root.Position().Y+d.Detail.Photos.Root.Size().Height, ps.Thumbs[0].Size().Height; d.Detail.Photos.Root.Size().Height < strip {
		t.Errorf("the photo strip is %.0f pixels high for thumbnails of %.0f: what follows (from y=%.0f) is drawn over them", d.Detail.Photos.Root.Size().Height, strip, below)
	}
	if n := audited(); n != 2 {
		t.Fatalf("the queue's audit trail has %d views of the request's photos by this reviewer from a desk, want 2", n)
	}

	// Enter opens the larger view; Esc closes it and the request stays open.
	focusOn(ps.Thumbs[1])
	user(func() { keysOn(w.Canvas(), "<Return>") })
	if !d.dialogShowing() || ps.View == nil {
		t.Fatal("Enter on a thumbnail did not open the larger view")
	}
	user(func() { keysOn(w.Canvas(), "<Escape>") })
	if d.dialogShowing() {
		t.Fatal("Esc did not close the larger view")
	}
	if !d.detailShown() {
		t.Fatal("Esc closed the request as well as the larger view")
	}
	// Shown from memory: opening the view fetched nothing more.
	if n := audited(); n != 2 {
		t.Fatalf("%d photo views in the audit trail after the larger view, want 2: the view refetched", n)
	}

	// The request screen with its photos still fits at 1280×720: nothing runs off the
	// right edge and nothing scrolls sideways.
	root := w.Canvas().Content()
	for _, o := range onScreen(root, root.Position()) {
		switch obj := o.obj.(type) {
		case *PhotoThumb:
			if right := o.at.X + obj.Size().Width; right > 1280 {
				t.Errorf("a thumbnail ends at x=%.0f, off the window's right edge", right)
			}
		case *container.Scroll:
			if obj.Content.MinSize().Width > obj.Size().Width+1 {
				t.Errorf("a scroll's content is %.0f wide in %.0f: the screen would scroll sideways", obj.Content.MinSize().Width, obj.Size().Width)
			}
		}
	}
}

// TestPhotosOfARequestLeftAreCancelled: a reviewer opens patient A's request, whose
// photos are slow to come from the queue, and moves on to patient B's before they
// arrive. A's fetches must end at once (not go on for half a minute and be recorded
// in the queue's audit trail as views of a request no one is looking at), and nothing
// of A may ever show on B's screen: B's thumbnails are B's photos.
func TestPhotosOfARequestLeftAreCancelled(t *testing.T) {
	red, blue := color.RGBA{200, 30, 30, 255}, color.RGBA{30, 30, 200, 255}
	// The queue as the desk reaches it: A's photos wait until the test lets them go,
	// or until the desk gives up on them.
	type fetch struct {
		path string
		gone <-chan struct{} // closed when the desk cancels the fetch
	}
	held := make(chan fetch, 8)
	release := make(chan struct{})
	t.Cleanup(func() {
		select {
		case <-release:
		default:
			close(release)
		}
	})
	var aPhotos atomic.Value // the path of A's photos, once A is sent
	aPhotos.Store("-")
	p := newPhotoDeskWith(t, photoSetup{
		requests: []photoRequest{
			{account: 0, text: "A red rash on my forearm since Sunday. Photos attached.", photos: []store.Photo{photoOf(t, red), photoOf(t, red)}},
			{account: 1, text: "A graze on my knee that is weeping. Photos attached.", photos: []store.Photo{photoOf(t, blue), photoOf(t, blue)}}},
		between: func(queue http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasPrefix(r.URL.Path, aPhotos.Load().(string)) {
					held <- fetch{r.URL.Path, r.Context().Done()}
					select {
					case <-r.Context().Done():
						return
					case <-release:
					}
				}
				queue.ServeHTTP(w, r)
			})
		}})
	d, q, ctx := p.d, p.q, context.Background()
	a, b := p.items[0], p.items[1]
	aPhotos.Store(fmt.Sprintf("/api/v1/requests/%d/photos/", a.ID))

	// A is opened; its photo fetches reach the queue and wait there. (Not user(): it
	// would wait for the fetches the queue is holding.)
	uiMu.Lock()
	d.Open(a)
	uiMu.Unlock()
	var fetches []fetch
	for len(fetches) < 2 {
		select {
		case f := <-held:
			fetches = append(fetches, f)
		case <-time.After(time.Minute):
			t.Fatalf("%d of request %d's photo fetches reached the queue in a minute, want 2", len(fetches), a.ID)
		}
	}
	// The reviewer moves on to B while A's photos are still coming.
	uiMu.Lock()
	d.Open(b)
	uiMu.Unlock()
	for _, f := range fetches {
		select {
		case <-f.gone:
		case <-time.After(15 * time.Second): // the desk's own limit is 30 s
			t.Errorf("the fetch of %s (patient A) still runs 15 s after the reviewer opened patient B's request", f.path)
		}
	}
	close(release) // anything of A's still in flight now arrives
	background.Wait()

	ps := d.Detail.Photos
	if len(ps.Thumbs) != 2 {
		t.Fatalf("B's screen shows %d thumbnails, want B's 2", len(ps.Thumbs))
	}
	for i, th := range ps.Thumbs {
		if th.requestID != b.ID || th.State != PhotoShown || th.Image.Image == nil {
			t.Fatalf("thumbnail %d on B's screen: request %d, state %d, %q", i+1, th.requestID, th.State, th.Caption.Text)
		}
		r, _, bl, _ := th.Image.Image.At(th.Image.Image.Bounds().Dx()/2, th.Image.Image.Bounds().Dy()/2).RGBA()
		if r > bl {
			t.Errorf("thumbnail %d on patient B's screen is red: it shows patient A's photo", i+1)
		}
	}
	log, err := q.AuditLog(ctx, 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.Action == "view-photo" && e.RequestID == a.ID {
			t.Errorf("the queue recorded %s viewing a photo of request %d (patient A) after they had moved on to B", e.Actor, a.ID)
		}
	}
}

// claimingSize returns a small picture of kind ("png" or "jpeg") whose header says it
// is w×h pixels: what a damaged or hostile file in the queue could say.
func claimingSize(t *testing.T, kind string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	var b bytes.Buffer
	switch kind {
	case "png":
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes() // the IHDR chunk: length 8, type 12, width 16, height 20, CRC 29
		binary.BigEndian.PutUint32(data[16:], uint32(w))
		binary.BigEndian.PutUint32(data[20:], uint32(h))
		binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
		return data
	case "jpeg":
		if err := jpeg.Encode(&b, img, nil); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes() // the SOF0 segment: FF C0, length, precision, height, width
		i := bytes.Index(data, []byte{0xFF, 0xC0})
		if i < 0 {
			t.Fatal("no SOF0 in the JPEG")
		}
		binary.BigEndian.PutUint16(data[i+5:], uint16(h))
		binary.BigEndian.PutUint16(data[i+7:], uint16(w))
		return data
	}
	t.Fatalf("no picture of kind %q", kind)
	return nil
}

// TestPhotoTooLargeToShowIsNotDecoded: a photo from the queue whose header claims
// more pixels than the desk opens is refused from its header, before any decoding
// (a 60,000 × 60,000 photo decoded in full would take 14 GB), with a message saying
// so and why; a photo the patient pages accept still shows.
func TestPhotoTooLargeToShowIsNotDecoded(t *testing.T) {
	var ok bytes.Buffer
	jpeg.Encode(&ok, image.NewRGBA(image.Rect(0, 0, 640, 480)), nil)
	tests := []struct {
		name    string
		data    []byte
		refused bool
	}{
		{"a 60,000 × 60,000 PNG", claimingSize(t, "png", 60000, 60000), true},
		{"a 60,000 × 60,000 JPEG", claimingSize(t, "jpeg", 60000, 60000), true},
		{"a 9,000 × 6,000 PNG, 54 megapixels", claimingSize(t, "png", 9000, 6000), true},
		{"a 640 × 480 JPEG", ok.Bytes(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			img, _, err := photoImages(context.Background(), tt.data)
			runtime.ReadMemStats(&after)
			if !tt.refused {
				if err != nil || img == nil {
					t.Fatalf("a photo the patient pages accept was not shown: %v", err)
				}
				return
			}
			var size *photoSizeError
			if err == nil || !errors.Is(err, errPhotoTooLarge) || !errors.As(err, &size) || !strings.Contains(err.Error(), "megapixels") {
				t.Errorf("photoImages said %v, want that the photo is too large to show and why", err)
			}
			if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 16 {
				t.Errorf("refusing the photo took %d MB: it was decoded, not refused from its header", mb)
			}
		})
	}
}

// TestPhotoTooLargeOnTheRequestScreen: on the request screen such a photo says it is
// too large to show here and why, offers no Retry (fetching it again cannot help), and
// Enter on it opens nothing; the request's other photo still shows.
func TestPhotoTooLargeOnTheRequestScreen(t *testing.T) {
	p := newPhotoDeskWith(t, photoSetup{requests: []photoRequest{{
		text: "A mole on my back that has changed shape. Photos attached.",
		photos: []store.Photo{{ContentType: "image/png", Width: 60000, Height: 60000, Data: claimingSize(t, "png", 60000, 60000)},
			photoOf(t, color.RGBA{180, 120, 100, 255})}}}})
	d, it := p.d, p.item
	user(func() { d.Open(it) })
	ps := d.Detail.Photos
	if len(ps.Thumbs) != 2 {
		t.Fatalf("%d thumbnails, want 2", len(ps.Thumbs))
	}
	big, fine := ps.Thumbs[0], ps.Thumbs[1]
	// One sentence, the photo's size grouped as people write it.
	const tooLarge = "Photo 1 of 2 is too large to show here (60,000 × 60,000 pixels; the desk shows photos of up to 50 megapixels)."
	if big.State != PhotoTooLarge || big.Caption.Text != tooLarge || big.Retry.Visible() {
		t.Fatalf("the 60,000 × 60,000 photo shows state %d, %q, Retry shown %v", big.State, big.Caption.Text, big.Retry.Visible())
	}
	if fine.State != PhotoShown {
		t.Fatalf("the request's other photo is in state %d, %q", fine.State, fine.Caption.Text)
	}
	user(func() { big.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if d.dialogShowing() || big.State != PhotoTooLarge {
		t.Fatalf("Enter on the photo too large to show opened a view (%v) or changed it to state %d", d.dialogShowing(), big.State)
	}
}

// TestPhotoSizeDigitsGrouped: the too-large caption writes sizes as people read them.
func TestPhotoSizeDigitsGrouped(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {60000, "60,000"}, {123456, "123,456"}, {1234567, "1,234,567"}, {-60000, "-60,000"}} {
		if got := groupDigits(tt.n); got != tt.want {
			t.Errorf("groupDigits(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
