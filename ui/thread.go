package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// uiMu makes the widget updates that goroutines hand over run one at a time. With the
// real driver they already do (fyne.Do runs them on the UI goroutine); the test driver
// runs fyne.Do at once on the caller, so without it two loads would race.
var uiMu sync.Mutex

// onUI runs fn on the Fyne thread and waits for it. Call it only from goroutines the
// desk started, never from a Fyne callback (that would deadlock).
func onUI(fn func()) {
	fyne.DoAndWait(func() {
		uiMu.Lock()
		defer uiMu.Unlock()
		fn()
	})
}

// background counts the goroutines the desk started, so tests can wait for quiet.
var background sync.WaitGroup

// spawn runs fn on a goroutine counted by background.
func spawn(fn func()) {
	background.Add(1)
	go func() {
		defer background.Done()
		fn()
	}()
}

// Idle waits until the background work the desk started has finished: for tests, and
// for a clean shutdown.
func Idle() { background.Wait() }

// Quiet runs fn while none of the desk's goroutines is changing its widgets: for code
// off the Fyne thread that reads or drives them while a sync runs (tests). Never call
// it from a Fyne callback.
func Quiet(fn func()) { onUI(fn) }
