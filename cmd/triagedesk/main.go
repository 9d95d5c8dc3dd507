// Command triagedesk is the desktop client of Triage Desk. With no configuration it
// opens a demo practice: the practice queue runs in-process on 127.0.0.1, new patient
// requests keep arriving, and the desk syncs them into its cache like any other desk.
// With --server and --token (or TRIAGEDESK_SERVER, TRIAGEDESK_TOKEN, or the config
// file in the user's config folder) it works against a real practice queue.
package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"triagedesk/assets"
	"triagedesk/ui"
)

func main() {
	a := app.NewWithID("org.triagedesk.desk")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(ui.NewTheme())
	w := a.NewWindow("Triage Desk")
	w.Resize(windowSize(os.Getenv("TRIAGEDESK_WINDOW"), textSize(os.Getenv("FYNE_SCALE"), a.Settings().Scale())))
	w.SetContent(widget.NewLabel("Opening the practice queue…"))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if cfg, err := loadConfig(os.Args[1:]); err != nil {
		dialog.ShowError(err, w)
	} else {
		go start(ctx, cfg, a, w) // never block the first window on the network or the disk
	}
	w.ShowAndRun()
}

// windowSize is the window's first size in the desk's units: a screen of 1280×720
// pixels, the smallest the desk is made for, unless TRIAGEDESK_WINDOW says other
// pixels as WIDTHxHEIGHT (the screenshot script's 1440x900, where no window manager is
// there to resize the window). Fyne sizes a window in units of the text size (scale),
// so at a text size of 1.4 a window of 1280 units is 1792 pixels wide: on a 1280-pixel
// screen the filters and "What they wrote" were off its right edge. The desk's screens
// fit 914 units (1280 pixels at 1.4), so the first size is the pixels over the scale.
func windowSize(s string, scale float32) fyne.Size {
	var w, h float32
	if _, err := fmt.Sscanf(s, "%gx%g", &w, &h); err != nil || w < 640 || h < 480 {
		w, h = 1280, 720
	}
	if scale <= 0 {
		scale = 1
	}
	// Whole units, rounded down: 914.3 units drew 1281 pixels, one past the screen.
	return fyne.NewSize(float32(math.Floor(float64(w/scale))), float32(math.Floor(float64(h/scale))))
}

// textSize is the text size the user chose, read as Fyne reads it (FYNE_SCALE first,
// then the Fyne settings' scale), for sizing the first window before it is shown;
// 1 when neither says. The screen's own DPI scale is left out on purpose: it makes
// units as large on a dense screen as on an ordinary one, so it changes no fit.
func textSize(env string, setting float32) float32 {
	if env != "" && env != "auto" {
		if s, err := strconv.ParseFloat(env, 32); err == nil && s > 0 {
			return float32(s)
		}
	}
	if env != "auto" && setting > 0 {
		return setting
	}
	return 1
}
