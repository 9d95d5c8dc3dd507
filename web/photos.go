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
	maxPhotoBytes  = 5 << 20
	maxPhotoPixels = 50_000_000 // a decoded photo's size in memory is bounded too
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
	if err != nil || (format != "jpeg" && format != "png") {
		return store.Photo{}, notImage
	}
	if cfg.Width*cfg.Height > maxPhotoPixels {
		return store.Photo{}, fmt.Sprintf("%s is too large (%d by %d pixels). Please send a smaller photo", f.name, cfg.Width, cfg.Height)
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
func oriented(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	src := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w // a quarter turn swaps width and height
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			copy(dst.Pix[dst.PixOffset(x, y):][:4], src.Pix[src.PixOffset(sx, sy):][:4])
		}
	}
	return dst
}
