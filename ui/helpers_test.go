package ui

import (
	"image/color"
	"math"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
)

type textSegment = widget.TextSegment

func itoa(n int) string { return strconv.Itoa(n) }

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// user does what a person would, holding the UI lock as the Fyne thread would, then
// waits for the background work it started.
func user(fn func()) {
	uiMu.Lock()
	fn()
	uiMu.Unlock()
	background.Wait()
}

// waitFor waits up to a minute for cond, which reads widgets under uiMu itself.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited a minute for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// untilUI waits until cond, read on the Fyne thread, holds: for a search answered by the
// real queue while another is still held.
func untilUI(t *testing.T, what string, cond func() bool) {
	t.Helper()
	waitFor(t, what, func() bool {
		var ok bool
		Quiet(func() { ok = cond() })
		return ok
	})
}
