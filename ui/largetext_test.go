package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestColumnsFitWithALargeTextSize: with a large text size a 1280×720 screen is a
// narrower window in the desk's own units (914 at 1.4, 1024 at 1.25). The inbox there
// and the team queue at 1.25 must keep every column inside the table, the suggestion
// and who holds a request too, with none scrolled off sideways; the priority, the due
// time and the patient's name and age keep their full least widths, as ever.
func TestColumnsFitWithALargeTextSize(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct {
		name  string
		role  Role
		width float32
	}{
		{"the inbox at a text size of 1.4", RoleReviewer, 914},
		{"the team queue at a text size of 1.25", RoleTeam, 1024},
	} {
		user(func() { f.d.RolePick.SetSelected(string(tt.role)) })
		<-f.d.Refresh()
		background.Wait()
		l := f.d.Current()
		user(func() { f.w.Resize(fyne.NewSize(tt.width, 720)) })
		w := l.Table.Size().Width
		if edge := rightEdge(l); edge > w || edge < w-40 {
			t.Errorf("%s: the columns end at %.0f in a table %.0f wide: they must fill it without scrolling sideways", tt.name, edge, w)
		}
		widths := fitWidths(l.columns, w)
		for i := range 3 {
			if widths[i] < l.columns[i].least {
				t.Errorf("%s: column %q is %.0f wide, less than its %.0f", tt.name, l.headers[i], widths[i], l.columns[i].least)
			}
		}
	}
}
