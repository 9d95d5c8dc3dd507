package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"triagedesk/store"
	"triagedesk/triage"
)

// The desk must fit the smallest window it supports, 1280×720, with nothing off the
// right edge and nothing that scrolls sideways: what cannot be seen cannot be used.

// TestTeamQueueColumnsFitAt1280 shows the team queue, with its status and holder
// columns, in a 1280-pixel window: every column must be inside the table.
func TestTeamQueueColumnsFitAt1280(t *testing.T) {
	f := newFixture(t)
	user(func() { f.d.RolePick.SetSelected(string(RoleTeam)) })
	<-f.d.Refresh()
	background.Wait()
	if f.d.Current() != f.d.Team || len(f.d.Team.Rows()) == 0 {
		t.Fatalf("the team queue is not on screen with rows (%d rows)", len(f.d.Team.Rows()))
	}
	for _, width := range []float32{1280, 1440, 1920} {
		user(func() { f.w.Resize(fyne.NewSize(width, 720)) })
		if edge, w := rightEdge(f.d.Team), f.d.Team.Table.Size().Width; edge > w || edge < w-40 {
			t.Errorf("at %.0f pixels the team queue's columns end at %.0f in a table %.0f wide: they must fill it without scrolling sideways", width, edge, w)
		}
	}
}

// TestRequestActionsFitAt1280 opens a request in a 1280×720 window: every action
// (buttons and pickers) must be drawn inside the window, none behind a sideways scroll.
func TestRequestActionsFitAt1280(t *testing.T) {
	f := newFixture(t)
	for _, size := range []fyne.Size{fyne.NewSize(1280, 720), fyne.NewSize(1440, 900)} {
		user(func() { f.w.Resize(size) })
		user(func() { keysOn(f.w.Canvas(), "j", "<Return>") })
		if !f.d.detailShown() {
			t.Fatal("Enter did not open the request")
		}
		root := f.w.Canvas().Content()
		var actions int
		for _, o := range onScreen(root, root.Position()) {
			switch w := o.obj.(type) {
			case *container.Scroll:
				if w.Direction == container.ScrollHorizontalOnly || w.Direction == container.ScrollBoth {
					if w.Content.MinSize().Width > w.Size().Width {
						t.Errorf("at %v the request screen scrolls sideways (%.0f of %.0f pixels shown)", size, w.Size().Width, w.Content.MinSize().Width)
					}
				}
			case *widget.Button, *widget.Select:
				actions++
				if right := o.at.X + o.obj.Size().Width; right > size.Width {
					t.Errorf("at %v %s ends at x=%.0f, off the window's right edge", size, describe(o.obj), right)
				}
			}
		}
		if actions < 8 {
			t.Fatalf("at %v only %d buttons and pickers are drawn on the request screen", size, actions)
		}
		user(func() { keysOn(f.w.Canvas(), "<Escape>") })
	}
}

// describe names a button or picker for a failure message.
func describe(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Button:
		return fmt.Sprintf("the %q button", w.Text)
	case *widget.Select:
		return fmt.Sprintf("the %q picker", w.Selected)
	}
	return fmt.Sprintf("%T", o)
}

// TestPreviewFilledWhenItAppears moves the selection in a window too narrow for the
// preview, then widens it: the preview shows the highlighted request at once.
func TestPreviewFilledWhenItAppears(t *testing.T) {
	f := newFixture(t)
	user(func() { keysOn(f.w.Canvas(), "jjj") })
	it, ok := f.d.Inbox.Selected()
	if !ok {
		t.Fatal("j selected nothing")
	}
	user(func() { f.w.Resize(fyne.NewSize(1440, 900)) })
	p := f.d.Inbox.Preview
	if !p.Root.Visible() || p.shown != it.ID {
		t.Fatalf("at 1440 the preview shows request %d (visible %v), the highlighted one is %d", p.shown, p.Root.Visible(), it.ID)
	}
	user(func() { f.w.Resize(fyne.NewSize(1280, 720)) })
	user(func() { keysOn(f.w.Canvas(), "j") })
	it, _ = f.d.Inbox.Selected()
	user(func() { f.w.Resize(fyne.NewSize(1440, 900)) })
	if p.shown != it.ID {
		t.Fatalf("after moving at 1280 and widening, the preview shows %d, the highlighted one is %d", p.shown, it.ID)
	}
}

// TestPreviewShowsTheEnginesReasons moves to a request the engine gave reasons for, in
// a window wide enough for the preview: the preview shows why (every reason) and
// highlights the patient's words, as the request screen does, though list rows are
// read without them.
func TestPreviewShowsTheEnginesReasons(t *testing.T) {
	f := newFixture(t)
	user(func() { f.w.Resize(fyne.NewSize(1440, 900)) })
	// A request the engine read, as the queue's feed brings it: at the top of the inbox.
	r := f.d.Inbox.Rows()[0].Request
	r.ID, r.Version, r.Priority, r.Status = 200001, 1, triage.Emergency, triage.StatusNew
	r.Text = "Crushing chest pain going into my left arm since this morning"
	r.ReceivedAt, r.DueAt, r.UpdatedAt = testNow, testNow.Add(time.Hour), testNow
	r.Suggested = triage.Suggestion{Priority: triage.Emergency, Team: triage.TeamGP, Reasons: []triage.Reason{
		{Rule: "cardiac", Says: "Chest pain spreading to the arm: possible heart attack.", Words: []string{"chest pain", "left arm"},
			Spans: []triage.Span{spanOf(r.Text, "chest pain"), spanOf(r.Text, "left arm")}},
	}}
	if err := f.c.Upsert(context.Background(), store.Changes{Requests: []triage.Request{r}}); err != nil {
		t.Fatal(err)
	}
	<-f.d.Refresh()
	background.Wait()
	user(func() { keysOn(f.w.Canvas(), "j") })
	p := f.d.Inbox.Preview
	if it, ok := f.d.Inbox.Selected(); !ok || it.ID != r.ID {
		t.Fatalf("j selected %d (%v), want the new emergency %d at the top", it.ID, ok, r.ID)
	}
	if !strings.Contains(p.Suggestion.Text, r.Suggested.Reasons[0].Says) {
		t.Errorf("the preview says %q, without the engine's reason %q", p.Suggestion.Text, r.Suggested.Reasons[0].Says)
	}
	var lit []string
	for _, s := range p.Text.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.ColorName == ColorHighlight {
			lit = append(lit, ts.Text)
		}
	}
	if strings.Join(lit, "|") != "chest pain|left arm" {
		t.Errorf("the preview highlights %q, want the words the engine read: chest pain, left arm", lit)
	}
}

// spanOf is where words are in text, as the engine gives it.
func spanOf(text, words string) triage.Span {
	i := strings.Index(text, words)
	return triage.Span{Start: i, End: i + len(words)}
}

// TestWholeRowHighlighted checks that the highlighted request's whole row is tinted,
// not only the cell the table marks, and no other row, through moves, arrivals and a filter that
// drops it.
func TestWholeRowHighlighted(t *testing.T) {
	f := newFixture(t)
	var seq int64
	litRows := func() map[float32]int {
		rows := map[float32]int{}
		user(func() {
			for _, o := range onScreen(f.d.Inbox.Table, fyne.Position{}) {
				if c, ok := o.obj.(*cell); ok && c.shownLit {
					rows[o.at.Y]++
				}
			}
		})
		return rows
	}
	check := func(when string) {
		t.Helper()
		rows := litRows()
		_, selected := f.d.Inbox.Selected()
		switch {
		case !selected && len(rows) != 0:
			t.Fatalf("%s: nothing is selected but %d rows are tinted", when, len(rows))
		case selected && len(rows) != 1:
			t.Fatalf("%s: %d rows are tinted (%v), want the highlighted one", when, len(rows), rows)
		}
		for _, n := range rows {
			// Every cell but the one the table marks itself with the same tint.
			if n != len(f.d.Inbox.headers)-1 {
				t.Fatalf("%s: %d cells of the highlighted row are tinted, want all %d beside the table's own mark", when, n, len(f.d.Inbox.headers)-1)
			}
		}
		checkSame(t, f.d.Inbox, when)
	}
	user(func() { keysOn(f.w.Canvas(), "jjj") })
	check("after jjj")
	user(func() { keysOn(f.w.Canvas(), "k") })
	check("after k")
	arrive(t, f, 2, &seq)
	check("after arrivals")
	user(func() { f.d.Inbox.ClearSelection() })
	check("after the selection was cleared")
}
