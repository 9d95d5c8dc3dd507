package ui

import (
	"context"
	"strings"
	"testing"

	"triagedesk/store"
	"triagedesk/triage"
)

// TestRespondOnANewRequestKeepsWhatWasTyped: "Respond" on a new request failed ("a
// request cannot move from new to in-progress") and the message was lost. A reviewer
// asks the patient for a photo before assigning; if the change is refused, what they
// typed is still there when they press Respond again.
func TestRespondOnANewRequestKeepsWhatWasTyped(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var problems []string
	f.d.opts.Problems = func(err error) { problems = append(problems, err.Error()) }
	var it triage.QueueItem
	for _, r := range f.d.Inbox.Rows() {
		if r.Priority != triage.Emergency {
			it = r
			break
		}
	}
	user(func() { f.d.Open(it) })
	user(func() { f.d.Detail.onRespond() })
	const asked = "Please send a photo of the rash through the link we will text you."
	user(func() { f.d.Detail.RespondMsg.SetText(asked) })

	// Someone else changes the request first: the desk's action is refused.
	other := f.d.Detail.item.Request
	other.Version++
	other.Note = "changed elsewhere"
	if err := f.c.Upsert(ctx, store.Changes{Requests: []triage.Request{other}}); err != nil {
		t.Fatal(err)
	}
	user(func() { f.d.Detail.RespondSend(); f.d.Detail.RespondDialog.Hide() })
	if len(problems) != 1 || !strings.Contains(problems[0], "What you wrote is kept") {
		t.Fatalf("problems shown: %q", problems)
	}
	user(func() { f.d.Detail.Show(f.d.Detail.item) })
	user(func() { f.d.Detail.onRespond() })
	if got := f.d.Detail.RespondMsg.Text; got != asked {
		t.Fatalf("the message typed before the error is lost: %q", got)
	}
	user(func() { f.d.Detail.RespondSend(); f.d.Detail.RespondDialog.Hide() })
	if len(problems) != 1 {
		t.Fatalf("sending again failed: %q", problems)
	}
	got, err := f.c.Request(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != triage.StatusAwaitingPatient || got.Response != asked || got.AwaitingSince.IsZero() {
		t.Fatalf("after asking the patient: status %s, response %q", got.Status, got.Response)
	}
	user(func() { f.d.Detail.onRespond() })
	if f.d.Detail.RespondMsg.Text != "" {
		t.Fatalf("a sent message stayed as a draft: %q", f.d.Detail.RespondMsg.Text)
	}
}
