package ui

import (
	"context"
	"strings"
	"testing"

	"triagedesk/triage"
)

// TestRespondWrongPatientSendsNothing: the respond and signpost dialogs stay open
// while the screen behind them can move on (a reload, a key, the answer to an earlier
// action opening the next request). Send used whichever request was open when it was
// pressed, so a message written for one patient went to another. Now it acts on the
// request the dialog was opened for, and when that is no longer the one on screen it
// sends nothing, says why, and keeps what was written.
func TestRespondWrongPatientSendsNothing(t *testing.T) {
	tests := []struct {
		name     string
		signpost bool // the signpost dialog rather than the respond dialog
		toList   bool // the person went back to the list rather than opening B
		want     string
	}{
		{"respond, then another request opened", false, false, "is now on screen"},
		{"respond, then back to the list", false, true, "the list is now on screen"},
		{"signpost, then another request opened", true, false, "is now on screen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			var problems []string
			f.d.opts.Problems = func(err error) { problems = append(problems, err.Error()) }
			var a, b triage.QueueItem
			for _, r := range f.d.Inbox.Rows() {
				if r.Priority == triage.Emergency || r.Patient.Name() == "" {
					continue
				}
				s := r.Suggested.Signpost
				hasSignpost := s != "" && s != triage.SignpostNone
				switch {
				case a.ID == 0 && (!tt.signpost || hasSignpost):
					a = r
				case b.ID == 0 && r.Patient.ID != a.Patient.ID && a.ID != 0:
					b = r
				}
			}
			if a.ID == 0 || b.ID == 0 {
				t.Fatal("the demo inbox has no two requests from different patients to use")
			}
			before := map[int64]triage.QueueItem{}
			for _, id := range []int64{a.ID, b.ID} {
				r, err := f.c.Request(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				before[id] = r
			}

			const written = "Please book a blood test for your thyroid at the front desk."
			var send func()
			user(func() { f.d.Open(a) })
			if tt.signpost {
				user(func() { f.d.Detail.onSignpost() })
				send = func() { f.d.Detail.SignpostPick.send() }
				user(func() { f.d.Detail.drafts[a.ID] = written }) // as the message box does on typing
			} else {
				user(func() { f.d.Detail.onRespond() })
				user(func() { f.d.Detail.RespondMsg.SetText(written) })
				send = func() { f.d.Detail.RespondSend(); f.d.Detail.RespondDialog.Hide() }
			}
			if tt.toList {
				user(func() { f.d.Back() })
			} else {
				user(func() { f.d.Open(b) })
			}
			user(send)

			for id, was := range before {
				got, err := f.c.Request(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if got.Version != was.Version || got.Status != was.Status || got.Response != was.Response {
					t.Errorf("request %d changed by a send meant for %d: version %d→%d, status %s→%s, response %q",
						id, a.ID, was.Version, got.Version, was.Status, got.Status, got.Response)
				}
			}
			if len(problems) != 1 || !strings.Contains(strings.ToLower(problems[0]), "nothing was sent") ||
				!strings.Contains(problems[0], a.Patient.Name()) || !strings.Contains(problems[0], tt.want) ||
				!strings.Contains(problems[0], "What you wrote is kept") {
				t.Fatalf("problems shown: %q", problems)
			}
			if got := f.d.Detail.drafts[a.ID]; got != written {
				t.Errorf("the draft for %s is %q, want what was written", a.Patient.Name(), got)
			}

			// Back on A's request, the draft is there and sends to A.
			user(func() { f.d.Open(a) })
			user(func() { f.d.Detail.onRespond() })
			if got := f.d.Detail.RespondMsg.Text; got != written {
				t.Fatalf("respond on %s again shows %q, want the kept draft", a.Patient.Name(), got)
			}
			user(func() { f.d.Detail.RespondSend(); f.d.Detail.RespondDialog.Hide() })
			if len(problems) != 1 {
				t.Fatalf("sending on the right request failed: %q", problems)
			}
			got, err := f.c.Request(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Response != written {
				t.Errorf("%s's request has response %q after sending on it", a.Patient.Name(), got.Response)
			}
		})
	}
}
