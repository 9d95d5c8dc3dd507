package triage

import (
	"strings"
	"testing"
	"time"
)

func TestReply(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		status  Status
		team    Team
		body    string
		want    Status
		wantErr string // in the patient's words
	}{
		{"waiting, no team yet: back to the inbox", StatusAwaitingPatient, "", "here is the photo", StatusNew, ""},
		{"waiting, a team holds it: back to the team", StatusAwaitingPatient, TeamGP, "here is the photo", StatusInProgress, ""},
		{"not waiting: stays where it is", StatusAssigned, TeamGP, "one more thing", StatusAssigned, ""},
		{"closed", StatusClosed, TeamGP, "one more thing", StatusClosed, "send a new request"},
		{"empty", StatusAwaitingPatient, TeamGP, " \n ", StatusAwaitingPatient, "empty"},
		{"too long", StatusAwaitingPatient, TeamGP, strings.Repeat("x", MaxTextLength+1), StatusAwaitingPatient, "shorten"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Request{ID: 7, Version: 3, Status: tt.status, Team: tt.team, AwaitingSince: at.Add(-time.Hour),
				Messages: []Message{{ID: 1, RequestID: 7, From: FromPractice, Author: "dr gp", Body: "a photo please", SentAt: at.Add(-time.Hour)}}}
			m, err := r.Reply(42, tt.body, at)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(PatientMessage(err), tt.wantErr) || r.Version != 3 || len(r.Messages) != 1 {
					t.Fatalf("err %v (%q), request %+v: want a refusal saying %q and nothing changed", err, PatientMessage(err), r, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Status != tt.want || r.Version != 4 || len(r.Messages) != 2 || r.Messages[1] != m || m.From != FromPatient || m.AccountID != 42 {
				t.Fatalf("after the reply: %+v, message %+v", r, m)
			}
			if _, waiting := r.WaitingFor(at); waiting {
				t.Fatalf("still waiting for the patient after their reply")
			}
		})
	}
}

func TestActionsCarryTheirMessageToThePatient(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	r := &Request{ID: 7, Channel: ChannelPhone}
	tests := []struct {
		a       Action
		ok      bool
		channel Channel
	}{
		{Action{Kind: ActRespond, Channel: ChannelVideo, Message: "see you at 3", Actor: "dr gp"}, true, ChannelVideo},
		{Action{Kind: ActSignpost, Signpost: SignpostPharmacy, Message: "go to the pharmacy", Actor: "rita"}, true, ChannelMessage},
		{Action{Kind: ActClose, Outcome: OutcomeAnswered, Message: "as discussed", Actor: "dr gp"}, true, ChannelPhone},
		{Action{Kind: ActClose, Outcome: OutcomeNoAction, Actor: "dr gp"}, false, ""},
		{Action{Kind: ActNote, Message: "staff only", Actor: "dr gp"}, false, ""},
	}
	for _, tt := range tests {
		m, ok := tt.a.PatientMessage(r, at)
		if ok != tt.ok || (ok && (m.Channel != tt.channel || m.Author != tt.a.Actor || m.From != FromPractice || m.Body != tt.a.Message)) {
			t.Errorf("%s: %+v %v, want ok %v by %s", tt.a.Kind, m, ok, tt.ok, tt.channel)
		}
	}
}

func TestThreadShowsAnAnswerFromBeforeThreads(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	r := Request{ID: 7, Response: "your fit note is ready", ClaimedBy: "dr gp", Channel: ChannelMessage, FirstResponseAt: at}
	if th := r.Thread(); len(th) != 1 || th[0].Body != r.Response || th[0].From != FromPractice || !th[0].SentAt.Equal(at) {
		t.Fatalf("thread %+v", th)
	}
}
