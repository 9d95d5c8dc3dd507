package web

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"strconv"
	"strings"
	"testing"
	"time"

	"triagedesk/triage"
)

// FuzzBirthDate: whatever is typed in the three date-of-birth boxes, the page gets a
// date or a message for the patient; a date it accepts is a real, possible one (not
// in the future, not over 120 years ago) and is the one typed.
func FuzzBirthDate(f *testing.F) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	for _, s := range [][3]string{{"31", "3", "1980"}, {"29", "2", "2023"}, {"", "", ""}, {"1", "1", "0999"}, {"-1", "13", "2030"}, {"00031", "03", "1980"}, {"+5", "+6", "1990"}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, day, month, year string) {
		d, problem := birthDate(day, month, year, now)
		if problem != "" {
			if !d.IsZero() {
				t.Fatalf("%q %q %q: a problem (%s) and a date %v", day, month, year, problem, d)
			}
			return
		}
		if err := triage.CheckBirthDate(d, now); err != nil {
			t.Fatalf("%q %q %q gave %v, which the domain refuses: %v", day, month, year, d, err)
		}
		dd, _ := strconv.Atoi(day)
		mm, _ := strconv.Atoi(month)
		yy, _ := strconv.Atoi(year)
		if d.Day() != dd || int(d.Month()) != mm || d.Year() != yy {
			t.Fatalf("%q %q %q gave %v, not the date typed", day, month, year, d)
		}
	})
}

// FuzzCleanPhoto: whatever a patient uploads as a photo, it is taken as a re-encoded
// JPEG or PNG of the size it says, or refused with a message naming the file; never
// a panic, never the bytes as they came.
func FuzzCleanPhoto(f *testing.F) {
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	img.Set(1, 1, color.RGBA{200, 10, 10, 255})
	var p, j bytes.Buffer
	png.Encode(&p, img)
	jpeg.Encode(&j, img, nil)
	f.Add(p.Bytes())
	f.Add(j.Bytes())
	f.Add([]byte("GIF89a"))
	f.Add([]byte{})
	f.Add(append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 40)...))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := photoFile{name: "rash.jpg", size: int64(len(data)), open: func() (multipart.File, error) {
			return nopFile{bytes.NewReader(data)}, nil
		}}
		photo, msg := cleanPhoto(file)
		if msg != "" {
			if !strings.Contains(msg, "rash.jpg") || photo.Data != nil {
				t.Fatalf("a refusal that does not name the file, or keeps data: %q", msg)
			}
			return
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(photo.Data))
		if err != nil || "image/"+format != photo.ContentType || cfg.Width != photo.Width || cfg.Height != photo.Height {
			t.Fatalf("the stored photo is not the %s of %dx%d it says (%v, %s %dx%d)", photo.ContentType, photo.Width, photo.Height, err, format, cfg.Width, cfg.Height)
		}
	})
}

// nopFile is an uploaded file read from memory.
type nopFile struct{ *bytes.Reader }

func (nopFile) Close() error { return nil }
