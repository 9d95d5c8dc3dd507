package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestPauseMessageHasRoomAt1280: on a manager's dashboard at 1280×720 the message
// patients see when clinical requests are paused is wide enough to show its own
// example in full ("Message patients see, e.g. Safe capacity reached for today"):
// beside the pause buttons it showed only part, and a manager typing a longer
// message saw it scroll.
func TestPauseMessageHasRoomAt1280(t *testing.T) {
	f := newFixtureAs(t, RoleManager, false)
	user(func() { f.w.Resize(fyne.NewSize(1280, 720)) })
	b := f.d.Dashboard
	need := fyne.MeasureText(b.OffMsg.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding()
	if got := b.OffMsg.Size().Width; got < need {
		t.Errorf("the pause message box is %.0f wide, less than the %.0f its example needs", got, need)
	}
}
