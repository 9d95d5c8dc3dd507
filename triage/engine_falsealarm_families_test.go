package triage_test

import (
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// openFalseAlarms are near misses of testdata/probes/falsealarm-families.jsonl that
// the desk's engine still sends to 999: open false alarms, listed so that the probes
// guard every other line now. The probes were written (rules 2026.12.42) before any
// change they measure, in ten families of the general reasons the rules call a
// non-emergency an emergency: a red flag past and resolved, denied, asked about, a
// safety net not reached, about someone else, chronic and unchanged, a normal reading,
// a mild word, panic read as breathlessness, and look-alikes. Remove an id when its
// family is fixed; the test then holds it.
var openFalseAlarms = map[string]bool{
	"e16-nm-past-00": true, "e16-nm-past-01": true, "e16-nm-past-02": true, "e16-nm-past-03": true,
	"e16-nm-past-05": true, "e16-nm-past-06": true, "e16-nm-den-13": true, "e16-nm-den-15": true,
	"e16-nm-ask-21": true, "e16-nm-ask-23": true, "e16-nm-ask-24": true, "e16-nm-adv-28": true,
	"e16-nm-adv-30": true, "e16-nm-adv-32": true, "e16-nm-adv-33": true, "e16-nm-oth-39": true,
	"e16-nm-oth-41": true, "e16-nm-chr-43": true, "e16-nm-chr-44": true, "e16-nm-nrm-54": true,
	"e16-nm-pan-69": true, "e16-nm-pan-71": true, "e16-nm-look-72": true, "e16-nm-look-74": true,
	"e16-nm-look-75": true, "e16-nm-look-78": true,
}

// rulesAloneMisses are emergencies of the same probes that the rules alone already
// left to the second opinion when they were written: open hazards of the rules.
var rulesAloneMisses = map[string]bool{
	"e16-em-past-04": true, "e16-em-chr-44": true, "e16-em-mild-62": true, "e16-em-look-78": true,
}

// TestFalseAlarmFamiliesBesideTheirEmergencies holds each family's near misses off 999
// with the desk's engine, and its real emergencies, told in the same words as near as
// can be, at 999 with the desk and with the rules alone, so a narrowing cannot lean on
// the model to keep recall. Under-triage is the failure to avoid: a family is fixed
// only where every emergency beside it stays.
func TestFalseAlarmFamiliesBesideTheirEmergencies(t *testing.T) {
	desk, rules := assets.DefaultEngine(), assets.RulesEngine()
	for _, l := range readSet(t, "testdata/probes/falsealarm-families.jsonl") {
		got := desk.Classify(l.Input)
		if !strings.HasPrefix(l.ID, "e16-em-") {
			switch {
			case openFalseAlarms[l.ID] && got.Priority != triage.Emergency:
				t.Logf("%s is no longer a false alarm: remove it from openFalseAlarms", l.ID)
			case !openFalseAlarms[l.ID] && got.Priority == triage.Emergency:
				t.Errorf("%s: %q suggested emergency, want %s; because %v", l.ID, l.Text, l.Want.Priority, got.Reasons)
			}
			continue
		}
		if got.Priority != triage.Emergency {
			t.Errorf("%s: %q suggested %s by the desk, want emergency; because %v", l.ID, l.Text, got.Priority, got.Reasons)
		}
		if r := rules.Classify(l.Input); r.Priority != triage.Emergency && !rulesAloneMisses[l.ID] {
			t.Errorf("%s: %q suggested %s by the rules alone, want emergency; because %v", l.ID, l.Text, r.Priority, r.Reasons)
		}
	}
}
