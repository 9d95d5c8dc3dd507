package ui

import (
	"testing"

	"triagedesk/triage"
)

func TestReasonLineReadsAsASentence(t *testing.T) {
	for _, c := range []struct {
		r    triage.Reason
		want string
	}{
		{triage.Reason{Says: "Worsening asthma not relieved by the reliever inhaler.", Words: []string{"Asthma", "not helping much"}},
			"Worsening asthma not relieved by the reliever inhaler. They wrote “Asthma”, “not helping much”."},
		{triage.Reason{Says: "A lump in the neck for three weeks", Words: []string{"lump in my neck"}},
			"A lump in the neck for three weeks. They wrote “lump in my neck”."},
		{triage.Reason{Says: "No rule recognised the request."}, "No rule recognised the request."},
	} {
		if got := reasonLine(c.r); got != c.want {
			t.Errorf("reasonLine(%q) = %q, want %q", c.r.Says, got, c.want)
		}
	}
}
