package web

import (
	"testing"

	"triagedesk/server"
	"triagedesk/triage"
)

// TestStatusTagGoesByTheStatusNotItsWords: the colour of a request's status comes
// from the status and whether the practice answered, so rewording a label (here
// "Replied" for "Answered", or a translation) leaves every colour as it was.
func TestStatusTagGoesByTheStatusNotItsWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    server.OwnRequest
		want string
	}{
		{"answered, as worded today", server.OwnRequest{State: triage.StatusClosed, Answered: true, Status: triage.StatusClosed.PatientLabel(true)}, "green"},
		{"answered, reworded", server.OwnRequest{State: triage.StatusClosed, Answered: true, Status: "Replied"}, "green"},
		{"closed without an answer", server.OwnRequest{State: triage.StatusClosed, Status: triage.StatusClosed.PatientLabel(false)}, "grey"},
		{"closed without an answer, worded as answered", server.OwnRequest{State: triage.StatusClosed, Status: triage.StatusClosed.PatientLabel(true)}, "grey"},
		{"waiting for the patient", server.OwnRequest{State: triage.StatusAwaitingPatient, Answered: true, Status: "Over to you"}, "orange"},
		{"with the practice", server.OwnRequest{State: triage.StatusNew, Status: "Received"}, "blue"},
	} {
		if got := statusTag(tc.o); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
