package fhir

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"triagedesk/triage"
)

// TestCallOutcomeAndReasonTravelBothForms: what was done about an emergency, why a
// priority was lowered and since when the practice has waited for the patient reach
// every desk, whichever form of the feed it reads.
func TestCallOutcomeAndReasonTravelBothForms(t *testing.T) {
	p, base := sample()
	at := base.ReceivedAt
	tests := []struct {
		name   string
		change func(r *triage.Request)
	}{
		{"phoned, no answer", func(r *triage.Request) {
			r.Status, r.Outcome, r.ClosedAt = triage.StatusNew, "", time.Time{}
			r.Call, r.CalledAt, r.CalledBy = triage.CallNoAnswer, at.Add(2*time.Minute), "Amy Patel"
		}},
		{"phoned, sent to 999", func(r *triage.Request) {
			r.Call, r.CalledAt, r.CalledBy = triage.CallSent999, at.Add(3*time.Minute), "Amy Patel"
		}},
		{"lowered, awaiting the patient", func(r *triage.Request) {
			r.Status, r.Outcome, r.ClosedAt, r.Priority = triage.StatusAwaitingPatient, "", time.Time{}, triage.SameDay
			r.PriorityReason = "pain since a fall last week; GP to call today"
			r.AwaitingSince = at.Add(10 * time.Minute)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			tt.change(&r)
			b, err := json.Marshal(FeedBundle(Records{Patients: []triage.Patient{p}, Requests: []triage.Request{r}}, "0", "5", false))
			if err != nil {
				t.Fatal(err)
			}
			fromBundle, err := ParseFeed(b)
			if err != nil {
				t.Fatal(err)
			}
			var gb bytes.Buffer
			if err := EncodeDeskPage(&gb, Records{Patients: []triage.Patient{p}, Requests: []triage.Request{r}}, "5", false); err != nil {
				t.Fatal(err)
			}
			compact, err := ParseDeskPage(gb.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			for form, got := range map[string]triage.Request{"FHIR Bundle": fromBundle.Requests[0], "compact": compact.Requests[0]} {
				if got.Call != r.Call || !got.CalledAt.Equal(r.CalledAt) || got.CalledBy != r.CalledBy ||
					got.PriorityReason != r.PriorityReason || !got.AwaitingSince.Equal(r.AwaitingSince) {
					t.Errorf("%s: call %q at %v by %q, reason %q, awaiting since %v; want %q %v %q %q %v", form,
						got.Call, got.CalledAt, got.CalledBy, got.PriorityReason, got.AwaitingSince,
						r.Call, r.CalledAt, r.CalledBy, r.PriorityReason, r.AwaitingSince)
				}
			}
			if !reflect.DeepEqual(fromBundle.Requests[0], r) {
				t.Errorf("FHIR round trip:\n got %+v\nwant %+v", fromBundle.Requests[0], r)
			}
		})
	}
}

// TestUnknownCallOutcomeRefused: a damaged feed never puts an unknown call outcome,
// which the banner could not judge, into a cache.
func TestUnknownCallOutcomeRefused(t *testing.T) {
	p, r := sample()
	r.Call = "left-voicemail"
	b, _ := json.Marshal(FeedBundle(Records{Patients: []triage.Patient{p}, Requests: []triage.Request{r}}, "0", "5", false))
	if _, err := ParseFeed(b); err == nil {
		t.Fatal("the Bundle with an unknown call outcome was accepted")
	}
	var gb bytes.Buffer
	EncodeDeskPage(&gb, Records{Patients: []triage.Patient{p}, Requests: []triage.Request{r}}, "5", false)
	if _, err := ParseDeskPage(gb.Bytes()); err == nil {
		t.Fatal("the compact page with an unknown call outcome was accepted")
	}
}
