package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/store"
	"triagedesk/triage"
)

// BenchmarkPhotoDecodeMemory: each op opens a request with three 12-megapixel
// 16-bit PNGs (already in the desk's memory, so no network), waits for the three
// thumbnails, then opens the first one's larger view. peak-MB is the most heap in
// use at once while it does (sampled every millisecond): what a request of three
// 50-megapixel photos multiplies by four; B/op is all it allocated.
func BenchmarkPhotoDecodeMemory(b *testing.B) {
	test.NewTempApp(b)
	ctx := context.Background()
	c, err := store.OpenCache(ctx, filepath.Join(b.TempDir(), "cache.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Close() })
	const w, h = 4000, 3000
	pic := image.NewNRGBA64(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			pic.SetNRGBA64(x, y, color.NRGBA64{uint16(x * 16), uint16(y * 21), 0x9000, 0xffff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, pic); err != nil {
		b.Fatal(err)
	}
	pic = nil
	win := test.NewTempWindow(b, nil)
	win.Resize(fyne.NewSize(1280, 720))
	d := NewDesk(c, cacheActor{c}, &fakeSync{}, Options{User: "amy", Now: func() time.Time { return testNow }}, win)
	d.Install(win)
	refs := make([]triage.PhotoRef, 3)
	for i := range refs {
		refs[i] = triage.PhotoRef{N: i + 1, ContentType: "image/png", Width: w, Height: h, Size: int64(buf.Len())}
	}
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
		}
	}()
	runtime.GC()
	base := func() uint64 {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}()
	peak.Store(base)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		id := int64(i + 1)
		for _, r := range refs {
			d.photos.put(photoKey{"amy", id, r.N}, buf.Bytes())
		}
		strip := d.Detail.Photos
		user(func() { strip.show(triage.QueueItem{Request: triage.Request{ID: id, Photos: refs}}) })
		for _, th := range strip.Thumbs {
			if th.State != PhotoShown {
				b.Fatalf("thumbnail %q in state %d", th.Caption.Text, th.State)
			}
		}
		user(func() { strip.Thumbs[0].activate() })
		if strip.View == nil {
			b.Fatal("the larger view did not open")
		}
		user(func() { strip.clear() })
	}
	b.StopTimer()
	close(stop)
	<-done
	b.ReportMetric(float64(peak.Load()-base)/(1<<20), "peak-MB")
}
