// Command triagedesk is the desktop client of Triage Desk. With no configuration it
// opens a demo practice: the practice queue runs in-process on 127.0.0.1, new patient
// requests keep arriving, and the desk syncs them into its cache like any other desk.
// With --server and --token (or TRIAGEDESK_SERVER, TRIAGEDESK_TOKEN, or the config
// file in the user's config folder) it works against a real practice queue.
package main

import (
	"context"
	"fmt"
	"os"

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
	w.Resize(windowSize(os.Getenv("TRIAGEDESK_WINDOW")))
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

// windowSize is the window's first size: 1280×720, the smallest the desk is made for,
// unless TRIAGEDESK_WINDOW says another as WIDTHxHEIGHT (the screenshot script's
// 1440x900, where no window manager is there to resize the window).
func windowSize(s string) fyne.Size {
	var w, h float32
	if _, err := fmt.Sscanf(s, "%gx%g", &w, &h); err != nil || w < 640 || h < 480 {
		return fyne.NewSize(1280, 720)
	}
	return fyne.NewSize(w, h)
}
