package web

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"mime/multipart"

	"triagedesk/store"
)

// Photos: JPEG or PNG, up to 5 MB each as sent. Each is decoded and encoded again,
// which keeps the pixels and drops everything else a camera writes (EXIF, the place it
// was taken, the phone's make), before it is stored. A phone stores most photos as
// the sensor saw them with an EXIF orientation saying how to turn them; that is
// applied to the pixels first, or a photo taken upright shows on its side at the desk.
const (
	maxPhotoBytes = 5 << 20
	// maxPhotoPixels bounds a photo's size in memory once decoded (a 5 MB file can hold
	// far more pixels than a camera's): 25 megapixels takes every phone's standard
	// setting (24 at most) and costs about 75 MB to turn. A photo taken at 48 or 50
	// megapixels is refused with what to do instead.
	maxPhotoPixels = 25_000_000
)

// photoFile is one uploaded file.
type photoFile struct {
	name string
	size int64
	open func() (multipart.File, error)
}

// cleanPhoto checks and re-encodes one upload; msg says what is wrong, for the page.
func cleanPhoto(f photoFile) (store.Photo, string) {
	if f.size > maxPhotoBytes {
		return store.Photo{}, fmt.Sprintf("%s is %.0f MB. Photos must be 5 MB or smaller", f.name, float64(f.size)/(1<<20))
	}
	r, err := f.open()
	if err != nil {
		return store.Photo{}, fmt.Sprintf("%s could not be read. Please choose it again", f.name)
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxPhotoBytes+1))
	if err != nil || len(b) > maxPhotoBytes {
		return store.Photo{}, fmt.Sprintf("%s could not be read, or is over 5 MB. Please choose it again", f.name)
	}
	notImage := fmt.Sprintf("%s is not a photo this service can take. Photos must be JPEG or PNG files", f.name)
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "jpeg" && format != "png") || cfg.Width <= 0 || cfg.Height <= 0 {
		return store.Photo{}, notImage
	}
	if cfg.Width > maxPhotoPixels/cfg.Height {
		return store.Photo{}, fmt.Sprintf("%s has too many pixels (%d by %d, %.0f megapixels). Photos can be up to %d megapixels. Please take it again at a lower resolution (your camera's standard setting), or send a screenshot of it",
			f.name, cfg.Width, cfg.Height, float64(cfg.Width)*float64(cfg.Height)/1e6, maxPhotoPixels/1_000_000)
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return store.Photo{}, notImage
	}
	if format == "jpeg" {
		img = oriented(img, exifOrientation(b))
	}
	var out bytes.Buffer
	p := store.Photo{Width: img.Bounds().Dx(), Height: img.Bounds().Dy()}
	if format == "png" {
		err = png.Encode(&out, img)
		p.ContentType = "image/png"
	} else {
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 88})
		p.ContentType = "image/jpeg"
	}
	if err != nil {
		return store.Photo{}, notImage
	}
	p.Data = out.Bytes()
	return p, ""
}

// exifOrientation reads the EXIF orientation (1 to 8) of a JPEG: the Orientation tag
// of the first image directory in its APP1 Exif segment. It is 1, as the pixels are,
// when there is none or the segment cannot be read.
func exifOrientation(b []byte) int {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return 1
	}
	for i := 2; i+4 <= len(b) && b[i] == 0xFF; {
		marker, n := b[i+1], int(binary.BigEndian.Uint16(b[i+2:]))
		if marker == 0xDA || marker == 0xD9 || n < 2 || i+2+n > len(b) {
			return 1 // the image data starts: no orientation before it
		}
		seg := b[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) > 14 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 1
}

// tiffOrientation finds tag 0x0112 (Orientation, a SHORT) in a TIFF header's first
// directory.
func tiffOrientation(t []byte) int {
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(t[2:]) != 42 {
		return 1
	}
	ifd := int(order.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 1
	}
	count := int(order.Uint16(t[ifd:]))
	for k := 0; k < count; k++ {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if order.Uint16(t[e:]) == 0x0112 && order.Uint16(t[e+2:]) == 3 {
			if o := int(order.Uint16(t[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}

// oriented turns img as EXIF orientation o says, so it shows the right way up with no
// orientation left to apply: 3 turns it half round, 6 a quarter clockwise, 8 a quarter
// anticlockwise, and 2, 4, 5, 7 mirror it as well.
//
// It turns the picture in the form the decoder gave (a camera's JPEG is YCbCr, 1.5
// bytes a pixel), so it holds one more copy of that size: at 24 megapixels 37 MB, not
// the two 4-byte-a-pixel copies (200 MB) that converting it to RGBA first would cost.
func oriented(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	switch m := img.(type) {
	case *image.YCbCr:
		return turnedYCbCr(m, o)
	case *image.Gray:
		w, h := turnedSize(m.Rect, o)
		dst := image.NewGray(image.Rect(0, 0, w, h))
		turnPlane(dst.Pix, dst.Stride, m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y):], m.Stride, 1, m.Rect.Dx(), m.Rect.Dy(), o)
		return dst
	case *image.CMYK:
		w, h := turnedSize(m.Rect, o)
		dst := image.NewCMYK(image.Rect(0, 0, w, h))
		turnPlane(dst.Pix, dst.Stride, m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y):], m.Stride, 4, m.Rect.Dx(), m.Rect.Dy(), o)
		return dst
	}
	// Any other form (the JPEG decoder gives none today): through RGBA.
	b := img.Bounds()
	src := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	w, h := turnedSize(b, o)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	turnPlane(dst.Pix, dst.Stride, src.Pix, src.Stride, 4, b.Dx(), b.Dy(), o)
	return dst
}

// turnedSize is the size of a picture of bounds r once turned: a quarter turn (5 to
// 8) swaps its width and height.
func turnedSize(r image.Rectangle, o int) (w, h int) {
	if o >= 5 {
		return r.Dy(), r.Dx()
	}
	return r.Dx(), r.Dy()
}

// source is the pixel of a w by h picture that lands at (x, y) once it is turned as
// orientation o says.
func source(o, x, y, w, h int) (sx, sy int) {
	switch o {
	case 2:
		return w - 1 - x, y
	case 3:
		return w - 1 - x, h - 1 - y
	case 4:
		return x, h - 1 - y
	case 5:
		return y, x
	case 6:
		return y, h - 1 - x
	case 7:
		return w - 1 - y, h - 1 - x
	case 8:
		return w - 1 - y, x
	}
	return x, y
}

// turnPlane writes the w by h picture in src (bpp bytes a pixel, rows stride apart)
// into dst turned as orientation o says.
func turnPlane(dst []byte, dstStride int, src []byte, srcStride, bpp, w, h, o int) {
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	for y := 0; y < dh; y++ {
		row := dst[y*dstStride:]
		for x := 0; x < dw; x++ {
			sx, sy := source(o, x, y, w, h)
			copy(row[x*bpp:x*bpp+bpp], src[sy*srcStride+sx*bpp:])
		}
	}
}

// turnedRatio is the chroma subsampling of a YCbCr picture once turned: a quarter
// turn swaps the horizontal and vertical subsampling (4:2:2 becomes 4:4:0).
func turnedRatio(r image.YCbCrSubsampleRatio, o int) image.YCbCrSubsampleRatio {
	if o < 5 {
		return r
	}
	switch r {
	case image.YCbCrSubsampleRatio422:
		return image.YCbCrSubsampleRatio440
	case image.YCbCrSubsampleRatio440:
		return image.YCbCrSubsampleRatio422
	case image.YCbCrSubsampleRatio411:
		return image.YCbCrSubsampleRatio410
	case image.YCbCrSubsampleRatio410:
		return image.YCbCrSubsampleRatio411
	}
	return r
}

// chromaStep is how many pixels across and down one chroma sample covers.
func chromaStep(r image.YCbCrSubsampleRatio) (dx, dy int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return 2, 1
	case image.YCbCrSubsampleRatio420:
		return 2, 2
	case image.YCbCrSubsampleRatio440:
		return 1, 2
	case image.YCbCrSubsampleRatio411:
		return 4, 1
	case image.YCbCrSubsampleRatio410:
		return 4, 2
	}
	return 1, 1
}

// turnedYCbCr turns a YCbCr picture plane by plane. Each chroma sample of the result
// is the one under its block's first pixel in the source, so the colour stays with
// its pixels even when a side is odd.
func turnedYCbCr(m *image.YCbCr, o int) *image.YCbCr {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	dw, dh := turnedSize(m.Rect, o)
	dst := image.NewYCbCr(image.Rect(0, 0, dw, dh), turnedRatio(m.SubsampleRatio, o))
	turnPlane(dst.Y, dst.YStride, m.Y[m.YOffset(m.Rect.Min.X, m.Rect.Min.Y):], m.YStride, 1, w, h, o)
	cdx, cdy := chromaStep(dst.SubsampleRatio)
	for y := 0; y < dh; y += cdy {
		for x := 0; x < dw; x += cdx {
			sx, sy := source(o, x, y, w, h)
			si, di := m.COffset(m.Rect.Min.X+sx, m.Rect.Min.Y+sy), dst.COffset(x, y)
			dst.Cb[di], dst.Cr[di] = m.Cb[si], m.Cr[si]
		}
	}
	return dst
}
