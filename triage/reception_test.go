package triage

import (
	"strings"
	"testing"
	"time"
)

func TestParsePatientQuery(t *testing.T) {
	dob := time.Date(1980, 4, 21, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in      string
		want    PatientQuery
		wantErr string
	}{
		{in: "999 000 0018", want: PatientQuery{NHSNumber: "9990000018"}},
		{in: "9990000018", want: PatientQuery{NHSNumber: "9990000018"}},
		{in: "smith", want: PatientQuery{Name: []string{"smith"}}},
		{in: "Jo Smith 21/04/1980", want: PatientQuery{Name: []string{"Jo", "Smith"}, BirthDate: dob}},
		{in: "21.4.1980", want: PatientQuery{BirthDate: dob}},
		{in: "1980-04-21 patel", want: PatientQuery{Name: []string{"patel"}, BirthDate: dob}},
		{in: "smith 9990000018", want: PatientQuery{Name: []string{"smith"}, NHSNumber: "9990000018"}},
		{in: "", wantErr: "type a name"},
		{in: "s", wantErr: "at least 2 letters"},
		{in: "999 000 0019", wantErr: "check digit"},
		{in: "smith 12345", wantErr: "neither an NHS number"},
		{in: "31/02/1980", wantErr: "not a date of birth"},
		{in: "21/04/1980 22/04/1980", wantErr: "two dates"},
	}
	for _, tt := range tests {
		got, err := ParsePatientQuery(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || ErrorCode(err) != EINVALID {
				t.Errorf("ParsePatientQuery(%q) error = %v, want EINVALID containing %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || strings.Join(got.Name, " ") != strings.Join(tt.want.Name, " ") || !got.BirthDate.Equal(tt.want.BirthDate) || got.NHSNumber != tt.want.NHSNumber {
			t.Errorf("ParsePatientQuery(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestStaffEntryValidate(t *testing.T) {
	ok := StaffEntry{PatientID: 1, Kind: Clinical, Text: "cough for a week", Contact: ContactPhone, ContactDetail: "07700 900123"}
	tests := []struct {
		name    string
		change  func(*StaffEntry)
		wantErr string
	}{
		{"complete", func(*StaffEntry) {}, ""},
		{"online needs no detail", func(e *StaffEntry) { e.Contact, e.ContactDetail = ContactOnline, "" }, ""},
		{"email", func(e *StaffEntry) { e.Contact, e.ContactDetail = ContactEmail, "jo@example.com" }, ""},
		{"international number", func(e *StaffEntry) { e.ContactDetail = "+44 7700 900123" }, ""},
		{"no patient", func(e *StaffEntry) { e.PatientID = 0 }, "find the patient"},
		{"no text", func(e *StaffEntry) { e.Text = "  " }, "text is empty"},
		{"no contact", func(e *StaffEntry) { e.Contact = "" }, "how the patient wants to be contacted"},
		{"phone without number", func(e *StaffEntry) { e.ContactDetail = "" }, "not a phone number"},
		{"text to letters", func(e *StaffEntry) { e.Contact, e.ContactDetail = ContactText, "mobile" }, "not a phone number"},
		{"bad email", func(e *StaffEntry) { e.Contact, e.ContactDetail = ContactEmail, "jo at home" }, "not an email"},
		{"long caller", func(e *StaffEntry) { e.Caller = strings.Repeat("a", MaxCallerLength+1) }, "at most"},
		{"red flags answered", func(e *StaffEntry) { e.Answers = &Answers{RedFlags: []FlagAnswer{{Question: "stroke", Yes: true}}} }, ""},
		{"an unknown red flag", func(e *StaffEntry) { e.Answers = &Answers{RedFlags: []FlagAnswer{{Question: "eyes", Yes: true}}} }, "no red-flag question"},
	}
	for _, tt := range tests {
		e := ok
		tt.change(&e)
		err := e.Validate()
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) || ErrorCode(err) != EINVALID {
			t.Errorf("%s: error = %v, want EINVALID containing %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestApplyAssignMemberAndUnclaim(t *testing.T) {
	cal := DefaultCalendar()
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	base := Request{ID: 7, Version: 3, Status: StatusAssigned, Team: TeamPhysio, Priority: Soon, ReceivedAt: now}
	tests := []struct {
		name       string
		status     Status
		team       Team
		claimedBy  string
		action     Action
		wantStatus Status
		wantHolder string
		wantErr    string
	}{
		{"give an assigned request to a member", StatusAssigned, TeamPhysio, "", Action{Kind: ActAssignMember, Member: "Amy Patel"}, StatusInProgress, "Amy Patel", ""},
		{"hand a held request to another member", StatusInProgress, TeamPhysio, "Ben Ode", Action{Kind: ActAssignMember, Member: "Amy Patel"}, StatusInProgress, "Amy Patel", ""},
		{"awaiting patient keeps waiting", StatusAwaitingPatient, TeamPhysio, "Ben Ode", Action{Kind: ActAssignMember, Member: "Amy Patel"}, StatusAwaitingPatient, "Amy Patel", ""},
		{"no member named", StatusAssigned, TeamPhysio, "", Action{Kind: ActAssignMember, Member: " "}, "", "", "give it to whom"},
		{"new has no team", StatusNew, "", "", Action{Kind: ActAssignMember, Member: "Amy Patel"}, "", "", "assign it to a team first"},
		{"closed cannot be given", StatusClosed, TeamPhysio, "", Action{Kind: ActAssignMember, Member: "Amy Patel"}, "", "", "closed"},
		{"unclaim goes back to the team", StatusInProgress, TeamPhysio, "Ben Ode", Action{Kind: ActUnclaim}, StatusAssigned, "", ""},
		{"unclaim of an unheld request", StatusAssigned, TeamPhysio, "", Action{Kind: ActUnclaim}, "", "", "not held by anyone"},
		{"unclaim while awaiting the patient", StatusAwaitingPatient, TeamPhysio, "Ben Ode", Action{Kind: ActUnclaim}, "", "", "awaiting patient"},
		{"unassign returns to the inbox", StatusAssigned, TeamPhysio, "", Action{Kind: ActUnassign}, StatusNew, "", ""},
		{"unassign of a taken request", StatusInProgress, TeamPhysio, "Ben Ode", Action{Kind: ActUnassign}, "", "", "no one has taken"},
		{"unassign of a new request", StatusNew, "", "", Action{Kind: ActUnassign}, "", "", "only an assigned request"},
	}
	for _, tt := range tests {
		r := base
		r.Status, r.Team, r.ClaimedBy = tt.status, tt.team, tt.claimedBy
		a := tt.action
		a.RequestID, a.BaseVersion, a.Actor = r.ID, r.Version, "Mo Manager"
		err := r.Apply(a, cal, now)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error = %v, want one containing %q", tt.name, err, tt.wantErr)
			}
			if r.Version != base.Version || r.ClaimedBy != tt.claimedBy {
				t.Errorf("%s: a refused action changed the request", tt.name)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tt.wantStatus == StatusNew && r.Team != "" {
			t.Errorf("%s: back in the inbox but still with the %s team", tt.name, r.Team)
		}
		if r.Status != tt.wantStatus || r.ClaimedBy != tt.wantHolder || r.Version != base.Version+1 || r.UpdatedBy != "Mo Manager" {
			t.Errorf("%s: status %s held by %q version %d; want %s held by %q version %d", tt.name, r.Status, r.ClaimedBy, r.Version, tt.wantStatus, tt.wantHolder, base.Version+1)
		}
	}
}
