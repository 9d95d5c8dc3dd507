package web

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"mime/multipart"

	"triagedesk/store"
)

// Photos: JPEG or PNG, up to 5 MB each as sent. Each is decoded and encoded again,
// which keeps the pixels and drops everything else a camera writes (EXIF, the place it
// was taken, the phone's make), before it is stored.
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
	var out bytes.Buffer
	p := store.Photo{Width: cfg.Width, Height: cfg.Height}
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
