package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestFilteredTabCountSaysOutOfHowMany: with a search on, the inbox tab read
// "Triage inbox (0)" while 85 requests waited, as if the inbox were empty. A tab
// under a search or filter says how many match out of how many are in the list;
// cleared, it says the whole count again.
func TestFilteredTabCountSaysOutOfHowMany(t *testing.T) {
	f := newFixture(t)
	c := f.w.Canvas()
	all := f.d.Inbox.Total()
	if all == 0 {
		t.Fatal("the demo inbox is empty: the test needs requests waiting")
	}
	whole := fmt.Sprintf("Triage inbox (%d)", all)
	if got := f.d.inboxTab.Text; got != whole {
		t.Fatalf("with no search the inbox tab reads %q, want %q", got, whole)
	}
	tests := []struct {
		name   string
		search string
		none   bool // the search matches nothing
	}{
		{"a search matching nothing", "zzqqxx nothing like this", true},
		{"a search matching some", "pain", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user(func() { c.Focus(f.d.Inbox.Search); keysOn(c, tt.search) })
			<-f.d.Inbox.Reload()
			background.Wait()
			n := f.d.Inbox.Total()
			if (n == 0) != tt.none || n >= all {
				t.Fatalf("the search %q matched %d of %d requests: the test needs the case it names", tt.search, n, all)
			}
			want := fmt.Sprintf("Triage inbox (%d of %d)", n, all)
			if got := f.d.inboxTab.Text; got != want {
				t.Errorf("under the search the inbox tab reads %q, want %q", got, want)
			}
			wantLine := fmt.Sprintf("%d of the %d ", n, all)
			if tt.none {
				wantLine = fmt.Sprintf("None of the %d ", all)
			}
			if got := f.d.Inbox.Status.Text; !strings.HasPrefix(got, wantLine) {
				t.Errorf("under the search the list says %q, want it to start %q", got, wantLine)
			}
			user(func() { keysOn(c, "<Escape>") })
			<-f.d.Inbox.Reload()
			background.Wait()
			if got := f.d.inboxTab.Text; got != whole {
				t.Errorf("after Esc the inbox tab reads %q, want %q", got, whole)
			}
		})
	}
}
