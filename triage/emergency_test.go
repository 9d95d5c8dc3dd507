package triage

import (
	"strings"
	"testing"
	"time"
)

// emergencyRequest is a new emergency as the engine files it.
func emergencyRequest(t *testing.T) Request {
	t.Helper()
	return Request{ID: 9, Version: 1, Status: StatusNew, Priority: Emergency, Suggested: Suggestion{Priority: Emergency},
		ReceivedAt: london(t, "2026-11-24 09:00"), DueAt: london(t, "2026-11-24 09:15")}
}

// TestEmergencyClosedOnlyAfterACallOutcome is the control for the hazard "emergency
// closed by a message": a stroke was signposted and closed with a text message.
func TestEmergencyClosedOnlyAfterACallOutcome(t *testing.T) {
	cal := DefaultCalendar()
	now := london(t, "2026-11-24 09:05")
	closing := []Action{
		{Kind: ActSignpost, Signpost: Signpost999, Message: "Please call 999 now."},
		{Kind: ActClose, Outcome: OutcomeEmergency},
		{Kind: ActClose, Outcome: OutcomeAnswered},
		{Kind: ActRespond, Channel: ChannelMessage, Message: "Please call 999.", CloseOnSend: true},
	}
	calls := []struct {
		name     string
		calls    []CallOutcome
		mayClose bool
	}{
		{"no call recorded", nil, false},
		{"phoned, no answer", []CallOutcome{CallNoAnswer}, false},
		{"phoned twice, no answer", []CallOutcome{CallNoAnswer, CallNoAnswer}, false},
		{"phoned, sent to 999/A&E", []CallOutcome{CallSent999}, true},
		{"no answer, then reached and sent", []CallOutcome{CallNoAnswer, CallSent999}, true},
	}
	for _, c := range calls {
		for _, a := range closing {
			t.Run(c.name+"/"+string(a.Kind)+"/"+string(a.Outcome), func(t *testing.T) {
				r := emergencyRequest(t)
				for _, call := range c.calls {
					if err := r.Apply(Action{Kind: ActCallOutcome, Call: call, RequestID: r.ID, BaseVersion: r.Version, Actor: "Amy Patel"}, cal, now); err != nil {
						t.Fatalf("record call %s: %v", call, err)
					}
				}
				a.RequestID, a.BaseVersion, a.Actor = r.ID, r.Version, "Amy Patel"
				before := r
				err := r.Apply(a, cal, now)
				if c.mayClose {
					if err != nil || r.Status != StatusClosed {
						t.Fatalf("closing after %v: %v (status %s)", c.calls, err, r.Status)
					}
					return
				}
				if err == nil {
					t.Fatalf("an emergency was closed by %s with no call that reached the patient", a.Kind)
				}
				if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "phone") {
					t.Fatalf("error %v does not say to phone the patient first", err)
				}
				if r.Version != before.Version || r.Status != before.Status || r.Outcome != before.Outcome {
					t.Fatal("a refused close changed the request")
				}
			})
		}
	}
}

// TestEmergencyNeedsAction is what the banner counts: a live emergency nobody has
// recorded an outcome for, including one whose call went unanswered.
func TestEmergencyNeedsAction(t *testing.T) {
	cal := DefaultCalendar()
	now := london(t, "2026-11-24 09:05")
	tests := []struct {
		name    string
		actions []Action
		want    bool
	}{
		{"arrived", nil, true},
		{"opened and assigned only", []Action{{Kind: ActAssign, Team: TeamGP}}, true},
		{"phoned, no answer", []Action{{Kind: ActCallOutcome, Call: CallNoAnswer}}, true},
		{"phoned, sent to 999", []Action{{Kind: ActCallOutcome, Call: CallSent999}}, false},
		{"priority lowered with a reason", []Action{{Kind: ActSetPriority, Priority: SameDay, Reason: "chest pain is a known muscle strain; GP to call today"}}, false},
		{"sent, then closed", []Action{{Kind: ActCallOutcome, Call: CallSent999}, {Kind: ActClose, Outcome: OutcomeEmergency}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := emergencyRequest(t)
			for _, a := range tt.actions {
				a.RequestID, a.BaseVersion, a.Actor = r.ID, r.Version, "Amy Patel"
				if err := r.Apply(a, cal, now); err != nil {
					t.Fatal(err)
				}
			}
			if got := r.EmergencyNeedsAction(); got != tt.want {
				t.Fatalf("EmergencyNeedsAction = %v, want %v (%+v)", got, tt.want, r)
			}
		})
	}
	if r := (Request{Status: StatusNew, Priority: SameDay}); r.EmergencyNeedsAction() {
		t.Fatal("a same-day request counted as an emergency")
	}
}

func TestCallOutcomeRecorded(t *testing.T) {
	cal := DefaultCalendar()
	now := london(t, "2026-11-24 09:05")
	r := emergencyRequest(t)
	if err := r.Apply(Action{Kind: ActCallOutcome, Call: "left-a-voicemail", RequestID: 9, BaseVersion: 1, Actor: "Amy Patel"}, cal, now); err == nil || !strings.Contains(err.Error(), "call outcome") {
		t.Fatalf("an unknown call outcome: %v", err)
	}
	if err := r.Apply(Action{Kind: ActCallOutcome, Call: CallNoAnswer, RequestID: 9, BaseVersion: 1, Actor: "Amy Patel"}, cal, now); err != nil {
		t.Fatal(err)
	}
	if r.Call != CallNoAnswer || !r.CalledAt.Equal(now) || r.CalledBy != "Amy Patel" || r.Version != 2 || r.Status != StatusNew {
		t.Fatalf("call outcome not recorded as it was: %+v", r)
	}
	r.Status = StatusClosed
	if err := r.Apply(Action{Kind: ActCallOutcome, Call: CallSent999, RequestID: 9, BaseVersion: 2, Actor: "Amy Patel"}, cal, now); err == nil {
		t.Fatal("a call outcome was recorded on a closed request")
	}
}

// TestLoweringPriorityNeedsAReason: lowering is a clinical decision that must say why;
// raising never waits for words.
func TestLoweringPriorityNeedsAReason(t *testing.T) {
	cal := DefaultCalendar()
	now := london(t, "2026-11-24 09:05")
	tests := []struct {
		name    string
		from    Priority
		a       Action
		wantErr string
	}{
		{"lower without a reason", Emergency, Action{Kind: ActSetPriority, Priority: Routine}, "reason"},
		{"lower with only spaces", SameDay, Action{Kind: ActSetPriority, Priority: Soon, Reason: "   "}, "reason"},
		{"lower by assigning without a reason", Emergency, Action{Kind: ActAssign, Team: TeamGP, Priority: SameDay}, "reason"},
		{"lower with a reason", Emergency, Action{Kind: ActSetPriority, Priority: Routine, Reason: "old symptoms, seen in A&E yesterday"}, ""},
		{"lower by assigning with a reason", Emergency, Action{Kind: ActAssign, Team: TeamGP, Priority: SameDay, Reason: "spoke to patient: stable"}, ""},
		{"raise without a reason", Routine, Action{Kind: ActSetPriority, Priority: Emergency}, ""},
		{"assign keeping the priority", Emergency, Action{Kind: ActAssign, Team: TeamGP}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := emergencyRequest(t)
			r.Priority = tt.from
			tt.a.RequestID, tt.a.BaseVersion, tt.a.Actor = r.ID, r.Version, "Amy Patel"
			err := r.Apply(tt.a, cal, now)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one about %q", err, tt.wantErr)
				}
				if r.Priority != tt.from {
					t.Fatal("a refused change moved the priority")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.a.Reason != "" && r.PriorityReason != strings.TrimSpace(tt.a.Reason) {
				t.Fatalf("the reason %q is not on the request: %q", tt.a.Reason, r.PriorityReason)
			}
		})
	}
}

// TestRespondOnANewRequestAsksThePatient: a reviewer asks for more information or a
// photo before assigning; the request waits for the patient.
func TestRespondOnANewRequestAsksThePatient(t *testing.T) {
	cal := DefaultCalendar()
	now := london(t, "2026-11-24 09:05")
	for _, await := range []bool{true, false} {
		r := emergencyRequest(t)
		r.Priority = Soon
		err := r.Apply(Action{Kind: ActRespond, Channel: ChannelMessage, Message: "Please send a photo of the rash.", AwaitReply: await,
			RequestID: r.ID, BaseVersion: r.Version, Actor: "Amy Patel"}, cal, now)
		if err != nil {
			t.Fatalf("await %v: %v", await, err)
		}
		if r.Status != StatusAwaitingPatient || r.Team != "" || !r.FirstResponseAt.Equal(now) || !r.AwaitingSince.Equal(now) {
			t.Fatalf("await %v: %+v", await, r)
		}
		// The patient's reply sends it back to the inbox, as nobody has it yet.
		if err := r.PatientReplied(now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if r.Status != StatusNew || !r.AwaitingSince.IsZero() || r.Version != 3 {
			t.Fatalf("after the reply: %+v", r)
		}
	}
	r := emergencyRequest(t)
	r.Status, r.Team = StatusAwaitingPatient, TeamPhysio
	if err := r.PatientReplied(now); err != nil || r.Status != StatusInProgress {
		t.Fatalf("a team's request after the reply: %v %s", err, r.Status)
	}
	r.Status = StatusClosed
	if err := r.PatientReplied(now); err == nil {
		t.Fatal("a reply reopened a closed request")
	}
}

// TestAuditSentences: every line of the trail reads as a person would write it.
func TestAuditSentences(t *testing.T) {
	tests := []struct {
		e    AuditEntry
		want string
	}{
		{AuditEntry{Actor: "Amy Patel", Action: "assign", Detail: Action{Kind: ActAssign, Team: TeamPhysio}.Describe()}, "Amy Patel assigned it to Physio."},
		{AuditEntry{Actor: "Amy Patel", Action: "view"}, "Amy Patel opened it."},
		{AuditEntry{Actor: "Sam Jones", Action: "claim", Detail: Action{Kind: ActClaim}.Describe()}, "Sam Jones claimed it."},
		{AuditEntry{Actor: "Amy Patel", Action: "set-priority", Detail: Action{Kind: ActSetPriority, Priority: Routine, Reason: "seen in A&E yesterday"}.Describe()},
			"Amy Patel changed the priority to Routine, because: seen in A&E yesterday."},
		{AuditEntry{Actor: "Amy Patel", Action: "call-outcome", Detail: Action{Kind: ActCallOutcome, Call: CallNoAnswer}.Describe()}, "Amy Patel phoned the patient: no answer, to try again."},
		{AuditEntry{Actor: "Amy Patel", Action: "call-outcome", Detail: Action{Kind: ActCallOutcome, Call: CallSent999}.Describe()}, "Amy Patel phoned the patient and sent them to 999 or A&E."},
		{AuditEntry{Actor: "Amy Patel", Action: "close", Detail: Action{Kind: ActClose, Outcome: OutcomeNoAction}.Describe()}, "Amy Patel closed it: no action needed."},
	}
	for _, tt := range tests {
		if got := tt.e.Sentence(); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.e.Actor, tt.e.Action, got, tt.want)
		}
	}
}
