package demo

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
)

// PhotoRequest is a demo request sent with photos: what a patient might write about
// a rash, a graze or a mole, and pictures to go with it. The pictures are generated
// (skin-coloured shapes, a coin for scale), never a real patient's photo; they let a
// trainee see how photos look on the desk.
type PhotoRequest struct {
	Text   string
	Photos []Picture
}

// Picture is one generated picture, encoded as a patient's phone would send it.
type Picture struct {
	ContentType   string // image/jpeg or image/png
	Width, Height int
	Data          []byte
}

// PhotoRequestCount is how many requests PhotoRequests returns, known without making
// their pictures (which takes a moment): a demo that has them all checks it at every
// start.
const PhotoRequestCount = 3

// PhotoRequests returns the demo's requests with photos, the same every time.
func PhotoRequests() []PhotoRequest {
	rng := rand.New(rand.NewPCG(11, 0x70686f746f))
	return []PhotoRequest{
		{Text: "A red itchy rash on the inside of my forearm since Sunday, spreading a little each day. No temperature. I have sent two photos, one close up.",
			Photos: []Picture{encode(rash(rng, 640, 480, 14), "image/jpeg"), encode(rash(rng, 480, 480, 6), "image/png")}},
		{Text: "I grazed my shin in the garden four days ago and now the skin around it is red and warm. Photo attached with a coin for size.",
			Photos: []Picture{encode(graze(rng, 640, 480), "image/jpeg")}},
		{Text: "My partner says a mole on my back has changed shape and got darker over the last two months. It does not hurt. Photos attached.",
			Photos: []Picture{encode(mole(640, 480, 60), "image/jpeg"), encode(mole(640, 480, 110), "image/jpeg"), encode(mole(480, 640, 80), "image/png")}},
	}
}

// skin is a picture of w×h of gently shaded skin, lighter towards the top left.
func skin(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			shade := 1 - 0.12*float64(x+y)/float64(w+h)
			img.SetRGBA(x, y, color.RGBA{uint8(228 * shade), uint8(184 * shade), uint8(156 * shade), 255})
		}
	}
	return img
}

// blend paints c over the picture's pixel at x, y with opacity a (0 to 1).
func blend(img *image.RGBA, x, y int, c color.RGBA, a float64) {
	if !(image.Point{x, y}.In(img.Rect)) || a <= 0 {
		return
	}
	a = min(a, 1)
	o := img.RGBAAt(x, y)
	mix := func(p, q uint8) uint8 { return uint8(float64(p)*(1-a) + float64(q)*a) }
	img.SetRGBA(x, y, color.RGBA{mix(o.R, c.R), mix(o.G, c.G), mix(o.B, c.B), 255})
}

// spot paints a soft-edged ellipse of colour c centred at cx, cy.
func spot(img *image.RGBA, cx, cy, rx, ry float64, c color.RGBA, opacity float64) {
	for y := int(cy - ry - 2); y <= int(cy+ry+2); y++ {
		for x := int(cx - rx - 2); x <= int(cx+rx+2); x++ {
			d := math.Hypot((float64(x)-cx)/rx, (float64(y)-cy)/ry)
			blend(img, x, y, c, opacity*min(1, max(0, (1.15-d)/0.3)))
		}
	}
}

// coin draws a coin of radius r at cx, cy, for scale, as the practice asks patients to.
func coin(img *image.RGBA, cx, cy, r float64) {
	spot(img, cx+3, cy+4, r, r, color.RGBA{90, 70, 60, 255}, 0.35) // its shadow
	spot(img, cx, cy, r, r, color.RGBA{176, 140, 84, 255}, 1)
	spot(img, cx-r/4, cy-r/4, r/2, r/2, color.RGBA{214, 182, 120, 255}, 0.6)
}

// rash is skin with n patches of red spots.
func rash(rng *rand.Rand, w, h, n int) *image.RGBA {
	img := skin(w, h)
	for range n {
		cx, cy := float64(w)*(0.2+0.6*rng.Float64()), float64(h)*(0.2+0.6*rng.Float64())
		spot(img, cx, cy, 40+30*rng.Float64(), 30+25*rng.Float64(), color.RGBA{214, 96, 92, 255}, 0.35)
		for range 12 {
			spot(img, cx+60*(rng.Float64()-0.5), cy+50*(rng.Float64()-0.5), 3+4*rng.Float64(), 3+4*rng.Float64(), color.RGBA{176, 48, 52, 255}, 0.8)
		}
	}
	return img
}

// graze is skin with a scraped stripe, red round it, and a coin beside it.
func graze(rng *rand.Rand, w, h int) *image.RGBA {
	img := skin(w, h)
	spot(img, float64(w)*0.45, float64(h)*0.5, 190, 95, color.RGBA{222, 110, 100, 255}, 0.45)
	for i := range 40 {
		x := float64(w)*0.25 + float64(i)*6.5
		spot(img, x, float64(h)*0.5+8*math.Sin(float64(i)/4)+6*(rng.Float64()-0.5), 9, 22, color.RGBA{150, 40, 40, 255}, 0.55)
	}
	coin(img, float64(w)*0.82, float64(h)*0.78, 36)
	return img
}

// mole is skin with a dark mole of the given size, uneven at its edge, and a coin.
func mole(w, h int, size float64) *image.RGBA {
	img := skin(w, h)
	cx, cy := float64(w)*0.42, float64(h)*0.45
	spot(img, cx, cy, size/2, size/2.6, color.RGBA{96, 60, 44, 255}, 0.95)
	spot(img, cx+size/3, cy+size/6, size/3.5, size/4, color.RGBA{70, 42, 32, 255}, 0.9)
	coin(img, float64(w)*0.8, float64(h)*0.8, 34)
	return img
}

// encode encodes a generated picture as JPEG or PNG.
func encode(img *image.RGBA, contentType string) Picture {
	var b bytes.Buffer
	var err error
	if contentType == "image/png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
	}
	if err != nil { // encoding to memory does not fail
		panic(err)
	}
	return Picture{ContentType: contentType, Width: img.Rect.Dx(), Height: img.Rect.Dy(), Data: b.Bytes()}
}
