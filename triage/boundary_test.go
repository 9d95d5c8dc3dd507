package triage_test

import (
	"strings"
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestParseKindAndSexAreCanonical: whatever case and spacing a patient's app sends,
// the parsers give the one form the rules and the database use.
func TestParseKindAndSexAreCanonical(t *testing.T) {
	kinds := []struct {
		in   string
		want triage.Kind
	}{{"clinical", triage.Clinical}, {"Clinical", triage.Clinical}, {" admin", triage.Admin}, {"ADMIN\t", triage.Admin}}
	for _, tt := range kinds {
		if got, err := triage.ParseKind(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	sexes := []struct {
		in   string
		want triage.Sex
	}{{"Female", triage.Female}, {" MALE ", triage.Male}, {"", triage.SexUnknown}, {"Unknown", triage.SexUnknown}}
	for _, tt := range sexes {
		if got, err := triage.ParseSex(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseSex(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestEngineReadsSexInAnyCase: the same pre-eclampsia text is an emergency whether the
// record says "female" or "Female" (a record stored before the parsers made it
// canonical must not lose the rules for women).
func TestEngineReadsSexInAnyCase(t *testing.T) {
	e := assets.DefaultEngine()
	text := "I'm 34 weeks pregnant and have a bad headache with flashing lights and my face and hands are puffy"
	for _, sex := range []triage.Sex{"female", "Female", " FEMALE"} {
		for _, kind := range []triage.Kind{"clinical", "Clinical"} {
			if got := e.Classify(triage.Input{Age: 30, Sex: sex, Kind: kind, Text: text}).Priority; got != triage.Emergency {
				t.Errorf("sex %q kind %q: %s, want emergency", sex, kind, got)
			}
		}
	}
}

func TestNHSNumberNeverIssued(t *testing.T) {
	for _, n := range []string{"0000000000", "000 000 0000", "1111111111", "9999999999"} {
		_, err := triage.ParseNHSNumber(n)
		if err == nil {
			t.Errorf("ParseNHSNumber(%q) accepted a number that is never issued", n)
			continue
		}
		if p := triage.PatientMessage(err); !strings.Contains(p, "letters from your GP") || strings.Contains(p, "record") {
			t.Errorf("ParseNHSNumber(%q): a patient reads %q, want where to find their number", n, p)
		}
	}
}

func TestParseNameAndBirthDate(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	names := []struct {
		in, want string
		ok       bool
	}{
		{" Okafor ", "Okafor", true},
		{strings.Repeat("é", triage.MaxNameLength), strings.Repeat("é", triage.MaxNameLength), true},
		{strings.Repeat("a", triage.MaxNameLength+1), "", false},
		{"", "", false},
		{"Ok\nafor", "", false},
	}
	for _, tt := range names {
		got, err := triage.ParseName("family name", tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseName(%.20q) = %q, %v; want %q ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	dates := []struct {
		in string
		ok bool
	}{
		{"2026-11-24", true},  // born today
		{"2026-11-25", false}, // tomorrow
		{"2030-01-01", false},
		{"1906-11-24", true},  // 120 today
		{"1906-11-23", false}, // over 120
		{"1882-04-21", false},
		{"21/04/1980", false},
	}
	for _, tt := range dates {
		_, err := triage.ParseBirthDate(tt.in, now)
		if (err == nil) != tt.ok {
			t.Errorf("ParseBirthDate(%q) err = %v, want ok=%v", tt.in, err, tt.ok)
		}
		if err != nil && triage.ErrorCode(err) != triage.EINVALID {
			t.Errorf("ParseBirthDate(%q): code %q, want invalid", tt.in, triage.ErrorCode(err))
		}
	}
}

// TestPatientMessages: what a patient reads names only what a patient can do.
func TestPatientMessages(t *testing.T) {
	l := triage.Limits{MaxLive: 2, MaxPerDay: 3, OveruseThreshold: 8}
	for _, err := range []error{l.CheckSubmit(2, 0), l.CheckSubmit(0, 3)} {
		p := triage.PatientMessage(err)
		if strings.Contains(p, "reply to") || strings.Contains(p, "this patient") || !strings.Contains(p, "111") {
			t.Errorf("a patient reads %q: it must not ask them to reply to a request or call them 'this patient', and must name 111", p)
		}
	}
	if p := triage.PatientMessage(errFake{}); strings.Contains(p, "fake") || !strings.Contains(p, "not sent") {
		t.Errorf("an internal error reads %q to a patient: want a plain apology without detail", p)
	}
}

type errFake struct{}

func (errFake) Error() string { return "fake internal detail" }
