package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the two types the queue stores
	_ "image/png"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/draw"

	"triagedesk/triage"
)

// The photos a patient sent (a rash, a wound, a swollen eye) on the request screen:
// the inbox row and the preview say how many there are; the request screen shows each
// as a thumbnail, fetched from the practice queue in the background when the request
// is opened (each fetch is in the queue's audit trail), and opens a larger view on a
// click or Enter. A fetch that fails says so, with a Retry, and is never a blank.
//
// Photos are kept in this desk's memory only, never on disk: photoMemory holds the
// pictures fetched, up to photoMemoryBytes, so a request opened again shows them at
// once, and they are gone when the desk closes.

// PhotoLink fetches the photos patients sent from the practice queue, which records
// each fetch as a view of that request's photo. It may block on the network, so the
// desk calls it off the Fyne thread. client.Client satisfies it.
type PhotoLink interface {
	Photo(ctx context.Context, requestID int64, n int) (data []byte, contentType string, err error)
}

// photoMemoryBytes bounds the pictures a desk keeps in memory: about a dozen phone
// photos, enough for the requests a person moves between.
const photoMemoryBytes = 64 << 20

// photoFetchTimeout is how long a photo fetch may take before the thumbnail says it
// failed and offers a Retry.
const photoFetchTimeout = 30 * time.Second

// maxPhotoPixels is the most pixels a photo from the queue may have for the desk to
// decode it: the patient pages accept photos of up to 25 megapixels today and took up
// to 50 before, so every photo a patient could have sent shows, while a damaged or
// hostile file claiming 60,000 × 60,000 pixels (14 GB decoded) is refused from its header.
const maxPhotoPixels = 50_000_000

// errPhotoTooLarge is the error of a photo with more than maxPhotoPixels; a
// photoSizeError, which says how many, wraps it.
var errPhotoTooLarge = errors.New("photo too large to show")

// photoSizeError is the error of a photo refused for its size, with the size its
// header claims, for the thumbnail's caption.
type photoSizeError struct{ width, height int }

func (e *photoSizeError) Error() string {
	return fmt.Sprintf("%v: %d × %d pixels, over %d megapixels", errPhotoTooLarge, e.width, e.height, maxPhotoPixels/1_000_000)
}

func (e *photoSizeError) Unwrap() error { return errPhotoTooLarge }

// caption says, in one sentence, that the photo titled title is too large and why.
func (e *photoSizeError) caption(title string) string {
	return fmt.Sprintf("%s is too large to show here (%s × %s pixels; the desk shows photos of up to %d megapixels).",
		title, groupDigits(e.width), groupDigits(e.height), maxPhotoPixels/1_000_000)
}

// groupDigits writes n with its thousands grouped, as people read sizes: 60,000.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// photoDecodes lets the desk decode one photo at a time: a 50-megapixel 16-bit PNG
// takes 400 MB decoded, and a request's three thumbnails decoded at once took near
// 1.2 GB. A photo is decoded once, for its thumbnail and its larger view together.
var photoDecodes = make(chan struct{}, 1)

// Thumbnail and large-view bounds, in pixels of the picture.
const (
	thumbW, thumbH = 160, 120
	viewW, viewH   = 1000, 620
)

// photoKey names a picture in memory: whose fetch it was, as well as which photo. The
// queue records each fetch as that person's view, so a photo fetched by one person
// is never shown to another from memory (a demo desk switching "Working as"), where
// their view would go unrecorded.
type photoKey struct {
	user    string
	request int64
	n       int
}

// photoMemory keeps fetched pictures in memory, the oldest dropped first once they
// hold more than photoMemoryBytes. Safe for use from any goroutine.
type photoMemory struct {
	mu    sync.Mutex
	data  map[photoKey][]byte
	order []photoKey
	total int
}

func (m *photoMemory) get(k photoKey) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.data[k]
	return b, ok
}

func (m *photoMemory) put(k photoKey, b []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.data == nil {
		m.data = map[photoKey][]byte{}
	}
	if _, ok := m.data[k]; ok {
		return
	}
	m.data[k] = b
	m.order = append(m.order, k)
	m.total += len(b)
	for m.total > photoMemoryBytes && len(m.order) > 1 {
		old := m.order[0]
		m.order = m.order[1:]
		m.total -= len(m.data[old])
		delete(m.data, old)
	}
}

// PhotoStrip is the request screen's photos: a heading with how many the patient
// sent, and a thumbnail for each.
type PhotoStrip struct {
	Heading *widget.Label
	Thumbs  []*PhotoThumb // the open request's, in the order sent
	Root    *fyne.Container
	// View is the larger view's dialog, once one has been opened.
	View dialog.Dialog

	row *fyne.Container
	// relayout lays out again what holds the strip, when the strip's size changes (a
	// failure's message wraps to four lines): the screen below the strip moves down
	// rather than being drawn over. It is costly (the whole request screen), so it runs
	// only when the size changed: laidOut is the size it last laid out for.
	relayout func()
	laidOut  fyne.Size
	// building is set while show adds the thumbnails: the screen is laid out once,
	// when all are in, not once for each.
	building  bool
	d         *Desk
	requestID int64
	refs      []triage.PhotoRef
	user      string // whom the thumbnails were fetched for
	// ctx lives as long as the request shown: leaving it (another request, the list)
	// cancels every fetch of its photos, so none goes on downloading, or is recorded
	// by the queue as a view, once the reviewer has moved on; and a fetch that ends
	// after that is not shown, as another patient may be on screen now.
	ctx    context.Context
	cancel context.CancelFunc
}

func newPhotoStrip(d *Desk) *PhotoStrip {
	s := &PhotoStrip{d: d, Heading: heading(""), row: container.NewHBox()}
	s.Heading.Wrapping = fyne.TextWrapWord // a large text size must not widen the screen
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.Root = container.NewVBox(s.Heading, s.row)
	s.Root.Hide()
	return s
}

// clear empties the strip while another request loads, or once the request is left:
// the photos still being fetched are cancelled, and the larger view, if open, closes.
func (s *PhotoStrip) clear() {
	s.leave()
	s.requestID, s.refs, s.user, s.Thumbs = 0, nil, "", nil
	s.row.RemoveAll()
	s.Root.Hide()
	s.changed()
}

// leave ends what was started for the request shown: its fetches are cancelled, and
// a result still on its way is dropped (its context is done), so nothing of one
// patient's can land on the screen of the next. Call it on the Fyne thread.
func (s *PhotoStrip) leave() {
	if s.cancel != nil {
		s.cancel()
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	if s.View != nil {
		s.View.Hide()
		s.View = nil
	}
}

// show puts the photos of request it in the strip and fetches those not yet in memory.
// The same request shown again (a sync brought a newer version) to the same person
// keeps its thumbnails; shown to another ("Working as" switched user) it fetches them
// again as that person, so their first view of each photo is in the queue's audit
// trail under their name, not served from the fetches of the person before.
func (s *PhotoStrip) show(it triage.QueueItem) {
	if it.ID == s.requestID && slices.Equal(it.Photos, s.refs) && s.user == s.d.opts.User {
		return
	}
	s.leave()
	s.requestID, s.refs, s.user = it.ID, it.Photos, s.d.opts.User
	s.Thumbs = nil
	s.row.RemoveAll()
	if len(it.Photos) == 0 {
		s.Root.Hide()
		s.changed()
		return
	}
	s.Heading.SetText(fmt.Sprintf("Photos the patient sent (%s): press p to reach them, then Enter (or click) to see one larger", triage.PhotoCount(len(it.Photos))))
	s.building = true
	for _, ref := range it.Photos {
		t := newPhotoThumb(s, it.ID, ref, len(it.Photos))
		s.Thumbs = append(s.Thumbs, t)
		s.row.Add(t)
		t.fetch()
	}
	s.building = false
	s.Root.Show()
	s.changed()
}

// changed lays the strip out again after its contents changed, and what holds it
// when its size changed (shown, hidden, or a caption that wraps to more lines).
func (s *PhotoStrip) changed() {
	if s.building {
		return
	}
	s.row.Refresh()
	s.Root.Refresh()
	size := s.Root.MinSize()
	if !s.Root.Visible() {
		size = fyne.Size{}
	}
	if size == s.laidOut {
		return
	}
	s.laidOut = size
	if s.relayout != nil {
		s.relayout()
	}
}

// focusNext puts the keyboard focus on the photo after from (the first when from is
// nil or the last), for the p key: the photos are one key away, not nine Tabs.
// It reports whether there was a photo to focus.
func (s *PhotoStrip) focusNext(from *PhotoThumb) bool {
	if len(s.Thumbs) == 0 || !s.Root.Visible() {
		return false
	}
	next := 0
	if i := slices.Index(s.Thumbs, from); i >= 0 {
		next = (i + 1) % len(s.Thumbs)
	}
	c := canvasOf(s.Thumbs[next])
	if c == nil {
		return false
	}
	c.Focus(s.Thumbs[next])
	return true
}

// PhotoState is where a thumbnail is: fetching, shown, or failed with a Retry.
type PhotoState int

// The states of a thumbnail.
const (
	PhotoLoading PhotoState = iota
	PhotoShown
	PhotoFailed
	// PhotoTooLarge is a photo with more pixels than the desk decodes: it says so,
	// with no Retry, as fetching it again cannot help.
	PhotoTooLarge
)

// PhotoThumb is one photo on the request screen: its thumbnail once fetched, or what
// is happening. It takes the keyboard focus (Tab), and Enter, Space or a click opens
// the larger view, or tries again after a failure.
type PhotoThumb struct {
	widget.BaseWidget
	State   PhotoState
	Caption *widget.Label  // "Photo 1 of 2", or what went wrong
	Retry   *widget.Button // shown after a failed fetch
	Image   *canvas.Image  // the thumbnail once fetched

	strip     *PhotoStrip
	requestID int64
	ref       triage.PhotoRef
	of        int
	// ctx is the strip's for the request this thumbnail is of: done once it is left.
	ctx  context.Context
	ring *canvas.Rectangle // the focus ring
	// view is the picture scaled for the larger view, made with the thumbnail from the
	// one decoding, so opening the view decodes nothing again.
	view image.Image
}

func newPhotoThumb(s *PhotoStrip, requestID int64, ref triage.PhotoRef, of int) *PhotoThumb {
	t := &PhotoThumb{strip: s, requestID: requestID, ref: ref, of: of, ctx: s.ctx}
	t.Caption = widget.NewLabel("")
	t.Caption.Wrapping = fyne.TextWrapWord
	t.Caption.Alignment = fyne.TextAlignCenter
	t.Retry = widget.NewButtonWithIcon("Retry", theme.ViewRefreshIcon(), t.fetch)
	t.Retry.Hide()
	t.Image = canvas.NewImageFromImage(nil)
	t.Image.FillMode = canvas.ImageFillContain
	t.Image.ScaleMode = canvas.ImageScaleSmooth
	t.Image.SetMinSize(fyne.NewSize(thumbW, thumbH))
	t.ring = canvas.NewRectangle(nil)
	t.ring.StrokeWidth = 3
	t.ExtendBaseWidget(t)
	return t
}

func (t *PhotoThumb) title() string { return fmt.Sprintf("Photo %d of %d", t.ref.N, t.of) }

// CreateRenderer lays the thumbnail out: the picture (or a placeholder the same size),
// the caption under it and, after a failure, Retry; the focus ring around it all.
func (t *PhotoThumb) CreateRenderer() fyne.WidgetRenderer {
	// A strut keeps every thumbnail the same width whatever its state, so the screen
	// does not jump as photos arrive and a failure's message wraps within it.
	strut := canvas.NewRectangle(nil)
	strut.SetMinSize(fyne.NewSize(thumbW+40, 0))
	body := container.NewVBox(t.Image, t.Caption, container.NewCenter(t.Retry))
	return widget.NewSimpleRenderer(container.NewStack(t.ring, container.NewPadded(container.NewStack(strut, body))))
}

// fetch gets the picture from memory or the queue, off the Fyne thread, and shows it.
// A thumbnail of a request already left fetches nothing.
func (t *PhotoThumb) fetch() {
	shown := t.ctx
	if shown.Err() != nil {
		return
	}
	t.setState(PhotoLoading, fmt.Sprintf("%s\nfetching…", t.title()))
	d := t.strip.d
	key := photoKey{d.opts.User, t.requestID, t.ref.N}
	link := d.opts.Photos
	spawn(func() {
		data, ok := d.photos.get(key)
		var err error
		var trail []triage.AuditEntry // the request's audit trail, once this fetch is in it
		if !ok {
			if link == nil {
				err = fmt.Errorf("this desk is not connected to the practice queue, where photos are kept")
			} else {
				ctx, cancel := context.WithTimeout(shown, photoFetchTimeout)
				data, _, err = link.Photo(ctx, key.request, key.n)
				cancel()
				if err == nil {
					d.photos.put(key, data)
					trail = t.recordView(key)
				}
			}
		}
		var thumb, view image.Image
		if err == nil && shown.Err() == nil {
			thumb, view, err = photoImages(shown, data)
		}
		onUI(func() {
			if shown.Err() != nil {
				return // the request was left: another may be on screen now
			}
			if trail != nil && d.Detail.item.ID == key.request {
				d.Detail.showAudit(key.request, trail) // keeps what a reload since the read added
			}
			if t.failed(err) {
				return
			}
			t.Image.Image, t.view = thumb, view
			t.Image.Refresh()
			// Two lines, as while fetching: the strip keeps its height as photos arrive.
			t.setState(PhotoShown, fmt.Sprintf("%s\n%s", t.title(), photoFacts(t.ref)))
		})
	})
}

// recordView adds the fetch of a photo, which the queue has recorded as a view of it,
// to this desk's own audit trail, so the request screen's trail says who here has
// seen the patient's photos as it says who opened the request. It returns the
// request's trail with the view in it, or nil (the desk told the person why) when
// the trail could not be written or read. Call it off the Fyne thread.
func (t *PhotoThumb) recordView(key photoKey) []triage.AuditEntry {
	d := t.strip.d
	ctx := context.Background() // the queue has the view: this desk's record must not be cut short
	err := d.queue.Record(ctx, triage.AuditEntry{Actor: key.user, Action: "view-photo", RequestID: key.request,
		Detail: fmt.Sprintf("viewed photo %d of %d", key.n, t.of)})
	var trail []triage.AuditEntry
	if err == nil {
		trail, err = d.queue.AuditTrail(ctx, key.request)
	}
	if err != nil {
		onUI(func() {
			d.problem(fmt.Errorf("the view of photo %d of request %d is in the practice queue's audit trail but not in this desk's: %w", key.n, key.request, err))
		})
		return nil
	}
	return trail
}

// failed shows err, if there is one, on the thumbnail and reports whether there was:
// a photo too large to show says so with no Retry (fetching it again cannot help);
// any other failure says it could not be fetched and why, with a Retry. Call it on
// the Fyne thread.
func (t *PhotoThumb) failed(err error) bool {
	var size *photoSizeError
	switch {
	case err == nil:
		return false
	case errors.As(err, &size):
		t.setState(PhotoTooLarge, size.caption(t.title()))
	default:
		t.setState(PhotoFailed, fmt.Sprintf("%s could not be fetched: %s", t.title(), inWords(err)))
	}
	return true
}

func (t *PhotoThumb) setState(s PhotoState, caption string) {
	t.State = s
	t.Caption.SetText(caption)
	t.Caption.Importance = widget.MediumImportance
	if s == PhotoFailed || s == PhotoTooLarge {
		t.Caption.Importance = widget.DangerImportance
		t.Image.Image, t.view = nil, nil
		t.Image.Refresh()
	}
	if s == PhotoFailed {
		t.Retry.Show()
	} else {
		t.Retry.Hide()
	}
	t.Caption.Refresh()
	t.Refresh()
	t.strip.changed()
}

// photoFacts describes a photo for its caption: "1200 × 900 JPEG, 47 KB".
func photoFacts(p triage.PhotoRef) string {
	kind := "JPEG"
	if p.ContentType == "image/png" {
		kind = "PNG"
	}
	size := fmt.Sprintf("%d KB", (p.Size+1023)/1024)
	if p.Size >= 1<<20 {
		size = fmt.Sprintf("%.1f MB", float64(p.Size)/(1<<20))
	}
	if p.Width > 0 && p.Height > 0 {
		return fmt.Sprintf("%d × %d %s, %s", p.Width, p.Height, kind, size)
	}
	return kind + ", " + size
}

// photoImages decodes a picture once and returns it scaled for the thumbnail (twice
// over, for high-density screens) and for the larger view, keeping its shape; a
// picture that does not decode is an error saying so. Its size is read from its header
// first: one of more than maxPhotoPixels is refused (a photoSizeError) before any
// decoding, as decoding it could take more memory than the desk has. It waits its turn
// to decode (photoDecodes), and gives up with ctx: a request left decodes nothing.
func photoImages(ctx context.Context, data []byte) (thumb, view image.Image, err error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("the queue sent something that is not a JPEG or PNG picture (%v)", err)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > maxPhotoPixels {
		return nil, nil, &photoSizeError{cfg.Width, cfg.Height}
	}
	select {
	case photoDecodes <- struct{}{}:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err == nil {
		view = fitPhoto(src, viewW, viewH)
	}
	src = nil // the full picture is not kept: only what is shown
	<-photoDecodes
	if err != nil {
		return nil, nil, fmt.Errorf("the queue sent something that is not a JPEG or PNG picture (%v)", err)
	}
	return fitPhoto(view, thumbW*2, thumbH*2), view, nil
}

// fitPhoto scales src down to fit w×h, keeping its shape; one that fits already is
// returned as it is.
func fitPhoto(src image.Image, w, h int) image.Image {
	b := src.Bounds()
	if b.Dx() <= w && b.Dy() <= h {
		return src
	}
	scale := min(float64(w)/float64(b.Dx()), float64(h)/float64(b.Dy()))
	dst := image.NewRGBA(image.Rect(0, 0, max(1, int(float64(b.Dx())*scale)), max(1, int(float64(b.Dy())*scale))))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

// activate does what a click or Enter means: open the larger view, or try again.
func (t *PhotoThumb) activate() {
	switch t.State {
	case PhotoShown:
		t.openView()
	case PhotoFailed:
		t.fetch()
	}
}

// openView shows the photo larger in a dialog that Esc (or Close) closes: the
// picture scaled for it when the thumbnail was made, so nothing is decoded again.
func (t *PhotoThumb) openView() {
	d := t.strip.d
	img := canvas.NewImageFromImage(t.view)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	size := fyne.NewSize(viewW, viewH)
	if d.window != nil {
		ws := d.window.Canvas().Size()
		size = fyne.NewSize(min(size.Width, ws.Width-120), min(size.Height, ws.Height-200))
	}
	img.SetMinSize(size)
	caption := widget.NewLabel(fmt.Sprintf("%s · %s · the patient sent it with request %d", t.title(), photoFacts(t.ref), t.requestID))
	content := container.NewBorder(nil, caption, nil, nil, img)
	dlg := dialog.NewCustom(t.title(), "Close (Esc)", content, d.window)
	// Closed (Esc or Close), the keyboard is back on this photo, so Enter opens it
	// again and p goes on to the next, rather than on nothing at all.
	dlg.SetOnClosed(func() {
		if t.strip.View == dlg {
			t.strip.View = nil
		}
		if t.ctx.Err() == nil {
			if c := canvasOf(t); c != nil {
				c.Focus(t)
			}
		}
	})
	t.strip.View = dlg
	d.showDialog(dlg)
}

// Tapped opens the larger view (or retries), and puts the keyboard focus here.
func (t *PhotoThumb) Tapped(*fyne.PointEvent) {
	if c := canvasOf(t); c != nil {
		c.Focus(t)
	}
	t.activate()
}

// FocusGained shows the focus ring, in the primary colour: the theme's focus colour
// is a dark blue barely seen on the dark background.
func (t *PhotoThumb) FocusGained() {
	t.ring.StrokeColor = themeColor(theme.ColorNamePrimary)
	t.ring.Refresh()
}

// FocusLost hides the focus ring.
func (t *PhotoThumb) FocusLost() {
	t.ring.StrokeColor = nil
	t.ring.Refresh()
}

// TypedRune moves on to the next photo on p, and gives the desk its other keys (r,
// 1–5…) while a thumbnail has the focus; a space is the Space key's, handled by
// TypedKey.
func (t *PhotoThumb) TypedRune(r rune) {
	switch r {
	case ' ':
	case 'p':
		t.strip.focusNext(t)
	default:
		passRune(t, r)
	}
}

// TypedKey opens the larger view on Enter or Space; other keys (Esc, the arrows) go
// to the desk.
func (t *PhotoThumb) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		t.activate()
	default:
		passKey(t, ev)
	}
}
