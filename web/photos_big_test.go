package web

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"mime/multipart"
	"runtime"
	"strings"
	"testing"
)

// bigPhoto is a JPEG of w by h pixels as a phone camera writes one (4:2:0 chroma, a
// smooth picture that compresses to well under 5 MB) with an EXIF orientation o.
func bigPhoto(tb testing.TB, w, h int, o uint16) []byte {
	tb.Helper()
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Y[img.YOffset(x, y)] = uint8((x + y) / 64)
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = 110, 150
	}
	var pix bytes.Buffer
	if err := jpeg.Encode(&pix, img, &jpeg.Options{Quality: 60}); err != nil {
		tb.Fatal(err)
	}
	// An APP1 Exif segment whose first directory holds the one Orientation tag.
	be := binary.BigEndian
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01")
	tiff = be.AppendUint16(be.AppendUint16(tiff, 0x0112), 3)
	tiff = be.AppendUint32(be.AppendUint32(tiff, 1), uint32(o)<<16)
	tiff = be.AppendUint32(tiff, 0)
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	out := be.AppendUint16([]byte{0xFF, 0xD8, 0xFF, 0xE1}, uint16(len(app1)+2))
	out = append(append(out, app1...), pix.Bytes()[2:]...)
	if len(out) > maxPhotoBytes {
		tb.Fatalf("the test photo is %d bytes, over the 5 MB a patient may send", len(out))
	}
	return out
}

func uploaded(name string, data []byte) photoFile {
	return photoFile{name: name, size: int64(len(data)), open: func() (multipart.File, error) {
		return nopFile{bytes.NewReader(data)}, nil
	}}
}

// The largest photo a patient may send, 24 megapixels as a phone held upright takes
// it (orientation 6, a quarter turn), is turned and re-encoded holding no more than
// the decoded photo twice, in the camera's own 1.5 bytes a pixel: never the photo
// expanded to 4 bytes a pixel, let alone twice (9.5 bytes a pixel in all, 230 MB here,
// before this was fixed).
func TestWebfixTurningABigPhotoHoldsNoFullSizeCopies(t *testing.T) {
	const w, h = 5712, 4284 // an iPhone's 24-megapixel photo
	data := bigPhoto(t, w, h, 6)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	p, msg := cleanPhoto(uploaded("IMG_0001.jpg", data))
	runtime.ReadMemStats(&after)
	if msg != "" {
		t.Fatalf("a 24-megapixel photo was refused: %s", msg)
	}
	if p.Width != h || p.Height != w {
		t.Fatalf("the photo is %d×%d, want it turned to %d×%d", p.Width, p.Height, h, w)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	limit := uint64(4 * w * h) // less than one copy of the photo at 4 bytes a pixel
	t.Logf("cleaning a %d×%d photo with a quarter turn allocated %.1f MB (%.2f bytes a pixel)", w, h, float64(allocated)/1e6, float64(allocated)/float64(w*h))
	if allocated > limit {
		t.Errorf("cleaning a %d×%d photo allocated %.0f MB, over %.0f MB (4 bytes a pixel): it holds full-size copies", w, h, float64(allocated)/1e6, float64(limit)/1e6)
	}
}

// A photo over the pixel limit is refused before it is decoded, with what the patient
// can do about it.
func TestWebfixAPhotoOverThePixelLimitIsRefusedSayingWhatToDo(t *testing.T) {
	data := bigPhoto(t, 6000, 4500, 1) // 27 megapixels
	p, msg := cleanPhoto(uploaded("IMG_0002.jpg", data))
	if msg == "" || p.Data != nil {
		t.Fatalf("a 27-megapixel photo was taken (%d bytes)", len(p.Data))
	}
	for _, want := range []string{"IMG_0002.jpg", "lower resolution"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message %q does not say %q", msg, want)
		}
	}
}

// BenchmarkWebfixCleanBigPhoto: cleaning a 24-megapixel phone photo taken upright
// (a quarter turn); B/op is the memory it costs.
func BenchmarkWebfixCleanBigPhoto(b *testing.B) {
	data := bigPhoto(b, 5712, 4284, 6)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, msg := cleanPhoto(uploaded("IMG_0001.jpg", data)); msg != "" {
			b.Fatal(msg)
		}
	}
}

// Every orientation turns every kind of picture a JPEG decodes to, pixel for pixel,
// odd sides included: each pixel of the result is the one orientation o puts there,
// and each chroma sample the one under its block's first pixel.
func TestWebfixEveryOrientationTurnsEveryKindOfPicture(t *testing.T) {
	const w, h = 7, 5 // odd sides, so a chroma block can be cut short
	ratios := []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420,
		image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410}
	for o := 1; o <= 8; o++ {
		dw, dh := w, h
		if o >= 5 {
			dw, dh = h, w
		}
		for _, ratio := range ratios {
			src := image.NewYCbCr(image.Rect(0, 0, w, h), ratio)
			for i := range src.Y {
				src.Y[i] = uint8(i)
			}
			for i := range src.Cb {
				src.Cb[i], src.Cr[i] = uint8(100+i), uint8(200-i)
			}
			got, ok := oriented(src, o).(*image.YCbCr)
			if !ok || got.Rect.Dx() != dw || got.Rect.Dy() != dh {
				t.Fatalf("orientation %d, %v: got %T of %v, want a %d×%d YCbCr", o, ratio, oriented(src, o), got.Rect, dw, dh)
			}
			cdx, cdy := chromaStep(got.SubsampleRatio)
			for y := 0; y < dh; y++ {
				for x := 0; x < dw; x++ {
					sx, sy := source(o, x, y, w, h)
					if a, b := got.YCbCrAt(x, y).Y, src.YCbCrAt(sx, sy).Y; a != b {
						t.Fatalf("orientation %d, %v: luma at (%d,%d) is %d, want %d from (%d,%d)", o, ratio, x, y, a, b, sx, sy)
					}
					if x%cdx == 0 && y%cdy == 0 && got.YCbCrAt(x, y) != src.YCbCrAt(sx, sy) {
						t.Fatalf("orientation %d, %v: colour at (%d,%d) is %v, want %v from (%d,%d)", o, ratio, x, y, got.YCbCrAt(x, y), src.YCbCrAt(sx, sy), sx, sy)
					}
				}
			}
		}
		gray := image.NewGray(image.Rect(0, 0, w, h))
		cmyk := image.NewCMYK(image.Rect(0, 0, w, h))
		for i := range gray.Pix {
			gray.Pix[i] = uint8(i)
		}
		for i := range cmyk.Pix {
			cmyk.Pix[i] = uint8(i)
		}
		for _, src := range []image.Image{gray, cmyk} {
			got := oriented(src, o)
			if got.Bounds().Dx() != dw || got.Bounds().Dy() != dh {
				t.Fatalf("orientation %d, %T: %v, want %d×%d", o, src, got.Bounds(), dw, dh)
			}
			for y := 0; y < dh; y++ {
				for x := 0; x < dw; x++ {
					sx, sy := source(o, x, y, w, h)
					if got.At(x, y) != src.At(sx, sy) {
						t.Fatalf("orientation %d, %T: (%d,%d) is %v, want %v from (%d,%d)", o, src, x, y, got.At(x, y), src.At(sx, sy), sx, sy)
					}
				}
			}
		}
	}
}
