// Command triagedesk is the desktop client of Triage Desk. With no configuration it
// opens a demo practice's triage inbox from a cache in the user's cache folder.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"triagedesk/assets"
	"triagedesk/demo"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/ui"
)

func main() {
	a := app.NewWithID("org.triagedesk.desk")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Triage Desk")
	w.Resize(fyne.NewSize(1280, 720))

	cache, err := openDemoCache(context.Background())
	if err != nil {
		w.SetContent(widget.NewLabel("Triage Desk cannot start."))
		dialog.ShowError(err, w)
		w.ShowAndRun()
		os.Exit(1)
	}
	defer cache.Close()
	inbox := ui.NewInbox(cache, time.Now)
	w.SetContent(inbox.Root)
	inbox.Reload()
	w.ShowAndRun()
}

// openDemoCache opens the demo cache in the user's cache folder, filling it with a
// demo practice the first time.
func openDemoCache(ctx context.Context) (*store.Cache, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil, fmt.Errorf("find the user's cache folder: %w", err)
	}
	c, err := store.OpenCache(ctx, filepath.Join(dir, "triagedesk", "demo.db"))
	if err != nil {
		return nil, err
	}
	if n, err := c.Count(ctx); err != nil || n > 0 {
		return c, err
	}
	now := time.Now()
	p := demo.NewPractice(1, 30_000, now)
	engine := assets.DefaultEngine()
	reqs := demo.Requests(p, demo.RequestOptions{Seed: 1, Count: 5000, Now: now, Calendar: triage.DefaultCalendar(), Classify: engine.Classify})
	if err := c.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
		c.Close()
		return nil, fmt.Errorf("fill the demo cache: %w", err)
	}
	return c, nil
}
