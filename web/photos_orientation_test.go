package web_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"net/url"
	"testing"
)

// phonePhoto is a JPEG as a phone writes one: the pixels as the sensor saw them (64 by
// 32, red in the top-left 16 by 8 corner, white elsewhere), and an APP1 Exif segment
// with a real TIFF directory holding the Orientation tag and a GPS directory with the
// place it was taken (51°30'26.64"N 0°7'40.08"W).
func phonePhoto(t *testing.T, orientation uint16) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 32))
	for y := 0; y < 32; y++ {
		for x := 0; x < 64; x++ {
			c := color.RGBA{255, 255, 255, 255}
			if x < 16 && y < 8 {
				c = color.RGBA{220, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var pix bytes.Buffer
	if err := jpeg.Encode(&pix, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}

	be := binary.BigEndian
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08")
	entry := func(tag, typ uint16, count, value uint32) {
		tiff = be.AppendUint16(tiff, tag)
		tiff = be.AppendUint16(tiff, typ)
		tiff = be.AppendUint32(tiff, count)
		tiff = be.AppendUint32(tiff, value)
	}
	const ifd0, gps, data = 8, 8 + 2 + 2*12 + 4, 8 + 30 + 2 + 4*12 + 4
	tiff = be.AppendUint16(tiff, 2)
	entry(0x0112, 3, 1, uint32(orientation)<<16) // Orientation, a SHORT left-justified
	entry(0x8825, 4, 1, gps)                     // GPSInfo: where the GPS directory is
	tiff = be.AppendUint32(tiff, 0)
	tiff = be.AppendUint16(tiff, 4)
	entry(0x0001, 2, 2, 'N'<<24) // GPSLatitudeRef "N"
	entry(0x0002, 5, 3, data)    // GPSLatitude, three rationals
	entry(0x0003, 2, 2, 'W'<<24) // GPSLongitudeRef "W"
	entry(0x0004, 5, 3, data+24) // GPSLongitude
	tiff = be.AppendUint32(tiff, 0)
	for _, r := range [][2]uint32{{51, 1}, {30, 1}, {2664, 100}, {0, 1}, {7, 1}, {4008, 100}} {
		tiff = be.AppendUint32(be.AppendUint32(tiff, r[0]), r[1])
	}
	if len(tiff) != data+48 || ifd0 != 8 {
		t.Fatalf("the test's TIFF is %d bytes, want %d", len(tiff), data+48)
	}
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE1}
	out = be.AppendUint16(out, uint16(len(app1)+2))
	out = append(out, app1...)
	return append(out, pix.Bytes()[2:]...)
}

// A phone photo keeps the way up it was taken: the EXIF orientation is applied to the
// pixels before the photo is re-encoded, and nothing of the EXIF (the orientation, the
// GPS position) is stored.
func TestPhotosKeepTheirOrientationAndLoseTheirMetadata(t *testing.T) {
	cases := []struct {
		orientation   uint16
		width, height int
		red           image.Point // where the red corner must be once turned
	}{
		{1, 64, 32, image.Pt(8, 4)},   // as taken
		{3, 64, 32, image.Pt(56, 28)}, // upside down: the red corner ends bottom right
		{6, 32, 64, image.Pt(28, 8)},  // a quarter clockwise: top right
		{8, 32, 64, image.Pt(4, 56)},  // a quarter anticlockwise: bottom left
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("orientation %d", tc.orientation), func(t *testing.T) {
			e := newEnv(t)
			b := e.patient(t, "ann@example.com", "9434765919")
			b.get("/request/start")
			b.step("kind", url.Values{"kind": {"admin"}})
			b.step("text", url.Values{"text": {"A rash on my arm."}})
			photo := phonePhoto(t, tc.orientation)
			if _, err := jpeg.Decode(bytes.NewReader(photo)); err != nil {
				t.Fatalf("the test photo is not a JPEG: %v", err)
			}
			b.upload("/request/photos", "IMG_0001.jpg", photo)
			b.step("contact", url.Values{"phone": {"07700 900 982"}})
			if page := b.step("check", url.Values{}); !sentRef.MatchString(page) {
				t.Fatalf("not sent: %s", page)
			}
			reqs, _, _ := e.q.Requests(context.Background(), 0, 10)
			got, err := e.q.Photos(context.Background(), reqs[0].ID)
			if err != nil || len(got) != 1 {
				t.Fatalf("stored photos: %d (%v)", len(got), err)
			}
			p := got[0]
			for _, leak := range [][]byte{[]byte("Exif"), {0xFF, 0xE1}, []byte("MM\x00\x2a")} {
				if bytes.Contains(p.Data, leak) {
					t.Errorf("the stored photo still holds %q of its EXIF", leak)
				}
			}
			img, err := jpeg.Decode(bytes.NewReader(p.Data))
			if err != nil {
				t.Fatalf("the stored photo is not a JPEG: %v", err)
			}
			if s := img.Bounds().Size(); s.X != tc.width || s.Y != tc.height || p.Width != tc.width || p.Height != tc.height {
				t.Errorf("the stored photo is %v (recorded %d×%d), want %d×%d", s, p.Width, p.Height, tc.width, tc.height)
			}
			isRed := func(pt image.Point) bool {
				r, g, bl, _ := img.At(pt.X, pt.Y).RGBA()
				return r>>8 > 160 && g>>8 < 90 && bl>>8 < 90
			}
			if !isRed(tc.red) {
				t.Errorf("the red corner is not at %v: the photo was not turned the right way", tc.red)
			}
			for _, corner := range []image.Point{{4, 4}, {tc.width - 5, 4}, {4, tc.height - 5}, {tc.width - 5, tc.height - 5}} {
				if isRed(corner) && corner.Sub(tc.red).X*corner.Sub(tc.red).X+corner.Sub(tc.red).Y*corner.Sub(tc.red).Y > 100 {
					t.Errorf("red at %v too: the photo was turned the wrong way", corner)
				}
			}
		})
	}
}
