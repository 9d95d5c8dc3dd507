package ui

import (
	"context"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/triage"
)

// heldFirstSearch passes reception's link through to the real queue, but holds the
// answer to the first search until release is closed: a slow search the caller corrects
// while it runs.
type heldFirstSearch struct {
	ReceptionLink
	once    sync.Once
	started chan struct{}
	release chan struct{}
}

func (h *heldFirstSearch) FindPatients(ctx context.Context, q triage.PatientQuery) ([]triage.Patient, int, error) {
	first := false
	h.once.Do(func() { first = true })
	found, total, err := h.ReceptionLink.FindPatients(ctx, q)
	if first {
		close(h.started)
		<-h.release
	}
	return found, total, err
}

// TestReceptionStaleSearchCannotReplaceThePickedPatient: a receptionist searches for the
// caller's patient (Smith), the caller corrects themself and a second search (Jones),
// sent with Enter while the first still runs, answers first; Jones is picked. When the
// slow Smith answer arrives it belongs to a search nobody is looking at any more: it must
// not replace the list, nor leave the request for Jones while the screen lists Smith.
func TestReceptionStaleSearchCannotReplaceThePickedPatient(t *testing.T) {
	f, r := atReception(t)
	held := &heldFirstSearch{ReceptionLink: r.link, started: make(chan struct{}), release: make(chan struct{})}
	r.link = held
	smith, jones := f.twoFamilies(t)
	Quiet(func() {
		test.Type(r.Search, smith.NHSNumber.String())
		r.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	<-held.started
	Quiet(func() {
		r.Search.SetText("")
		test.Type(r.Search, jones.NHSNumber.String())
		r.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	untilUI(t, "the second search to list "+jones.FamilyName, func() bool {
		return len(r.found) == 1 && r.found[0].ID == jones.ID
	})
	Quiet(func() { r.Results.Select(0) })
	if got := r.Entry().PatientID; got != jones.ID {
		t.Fatalf("picked %d, the entry is for %d", jones.ID, got)
	}
	close(held.release)
	Idle()

	var picked int64
	var listed []int64
	var said, chosen string
	Quiet(func() {
		picked, said, chosen = r.Entry().PatientID, r.Found.Text, r.Chosen.Text
		for _, p := range r.found {
			listed = append(listed, p.ID)
		}
	})
	if picked != 0 && (len(listed) != 1 || listed[0] != picked) {
		t.Fatalf("the request is for patient %d (%s) while the list shows patients %v and says %q",
			picked, jones.FamilyName, listed, said)
	}
	if len(listed) != 1 || listed[0] != jones.ID {
		t.Errorf("the slow search for %s replaced the list of the search the caller corrected it to: it shows %v, %q",
			smith.FamilyName, listed, said)
	}
	if picked != jones.ID || !strings.Contains(chosen, strings.ToUpper(jones.FamilyName)) {
		t.Errorf("after a stale answer the picked patient is %d and the screen says %q; want %s still picked", picked, chosen, jones.FamilyName)
	}
}
