package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// fakeRows is a queue of n requests, answering pages as the store does.
func fakeRows(n int, asked *[]triage.Filter) loader {
	return loader{
		list: func(_ context.Context, f triage.Filter) ([]triage.QueueItem, error) {
			*asked = append(*asked, f)
			var rows []triage.QueueItem
			for i := f.Offset; i < min(n, f.Offset+f.Limit); i++ {
				rows = append(rows, triage.QueueItem{Request: triage.Request{ID: int64(i + 1), Priority: triage.Routine, DueAt: testNow}})
			}
			return rows, nil
		},
		count: func(context.Context, triage.Filter) (int, error) { return n, nil },
	}
}

func TestListPagesAsTheUserScrolls(t *testing.T) {
	test.NewTempApp(t)
	var asked []triage.Filter
	l := newList("requests", fakeRows(1000, &asked), Options{Now: func() time.Time { return testNow }}, triage.Filter{})
	w := test.NewTempWindow(t, l.Root)
	w.Resize(fyne.NewSize(1280, 720))
	<-l.Reload()
	background.Wait()
	if len(l.Rows()) != pageSize || l.Total() != 1000 {
		t.Fatalf("first load holds %d rows of %d, want one page of %d", len(l.Rows()), l.Total(), pageSize)
	}
	user(func() { l.updateCell(widget.TableCellID{Row: pageSize - 10, Col: 0}, newCell()) }) // near the end
	if len(l.Rows()) != 2*pageSize {
		t.Fatalf("after scrolling near the end the list holds %d rows, want %d", len(l.Rows()), 2*pageSize)
	}
	if last := asked[len(asked)-1]; last.Offset != pageSize || last.Limit != pageSize {
		t.Fatalf("the next page asked for offset %d limit %d", last.Offset, last.Limit)
	}
	for i, r := range l.Rows() {
		if r.ID != int64(i+1) {
			t.Fatalf("row %d is request %d: a page was lost or doubled", i, r.ID)
		}
	}
	// A reload keeps what the user has scrolled through, so the view does not jump.
	<-l.Reload()
	background.Wait()
	if len(l.Rows()) != 2*pageSize {
		t.Fatalf("a reload shrank the list to %d rows", len(l.Rows()))
	}
}
