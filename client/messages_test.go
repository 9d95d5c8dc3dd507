package client_test

import (
	"context"
	"testing"

	"triagedesk/client"
	"triagedesk/triage"
)

// TestAPatientsReplyReachesTheDesk: the desk asks the patient for more, the patient
// replies from their account, and the desk's next sync brings the reply into its
// cache as part of the request's thread, the request out of awaiting-patient.
func TestAPatientsReplyReachesTheDesk(t *testing.T) {
	p := newPractice(t, 50)
	ctx := context.Background()
	acc := p.practice.Accounts[3]
	pc, err := client.New(p.http.URL, p.patients[acc.ID])
	if err != nil {
		t.Fatal(err)
	}
	id, err := pc.Submit(ctx, 0, triage.Clinical, "a rash on my arm for a week")
	if err != nil {
		t.Fatal(err)
	}
	s, cache := p.desk(p.reviewer)
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := cache.Request(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cache.Act(ctx, triage.Action{Kind: triage.ActRespond, RequestID: id, BaseVersion: r.Version, Actor: "amy",
		Channel: triage.ChannelMessage, Message: "Please send a photo of the rash", AwaitReply: true}, triage.DefaultCalendar()); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	if err := pc.Reply(ctx, id, "Sent: it is spreading"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := cache.Request(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != triage.StatusNew || len(got.Messages) != 2 {
		t.Fatalf("the desk's cache has the request %s with %d messages: want it back in the inbox with the question and the reply", got.Status, len(got.Messages))
	}
	if m := got.Messages; m[0].From != triage.FromPractice || m[0].Author != "amy" || m[1].From != triage.FromPatient || m[1].Body != "Sent: it is spreading" || m[1].AccountID != acc.ID {
		t.Fatalf("the cached thread is %+v", m)
	}
	// A stranger's account cannot reply on it.
	other, _ := client.New(p.http.URL, p.patients[p.practice.Accounts[4].ID])
	if err := other.Reply(ctx, id, "hello"); triage.ErrorCode(err) != triage.ENOTFOUND {
		t.Fatalf("a stranger's reply: %v, want not found", err)
	}
}
