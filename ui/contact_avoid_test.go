package ui

import (
	"strings"
	"testing"

	"triagedesk/triage"
)

// The request screen shows the times to avoid beside the number the patient asked to
// be called on.
func TestContactLineShowsTimesToAvoidBesideTheNumber(t *testing.T) {
	cases := []struct {
		avoid, want string
	}{
		{"not before 10am", "Asked to be contacted by phone call: 07700 900 982 (avoid not before 10am)"},
		{"", "Asked to be contacted by phone call: 07700 900 982"},
	}
	for _, tc := range cases {
		it := triage.QueueItem{Request: triage.Request{Contact: triage.ContactPhone, ContactDetail: "07700 900 982", ContactAvoid: tc.avoid}}
		got := contactLine(it)
		if !strings.HasSuffix(got, tc.want) {
			t.Errorf("with times to avoid %q the line reads %q, want it to end %q", tc.avoid, got, tc.want)
		}
	}
}
