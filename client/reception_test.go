package client_test

import (
	"context"
	"strings"
	"testing"

	"triagedesk/client"
	"triagedesk/triage"
)

// TestDeskSeesAStaffEnteredRequest: reception finds a patient and enters their
// request through the client; another desk's next sync brings it into its cache,
// triaged and marked as entered by staff for a caller.
func TestDeskSeesAStaffEnteredRequest(t *testing.T) {
	p := newPractice(t, 50)
	ctx := context.Background()
	reception, err := client.New(p.http.URL, p.reviewer)
	if err != nil {
		t.Fatal(err)
	}
	s, cache := p.desk(p.manager)
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}

	want := p.practice.Patients[0]
	q, err := triage.ParsePatientQuery(want.FamilyName + " " + want.BirthDate.Format("02/01/2006"))
	if err != nil {
		t.Fatal(err)
	}
	found, total, err := reception.FindPatients(ctx, q)
	if err != nil || total < 1 || len(found) < 1 {
		t.Fatalf("find %s: %d of %d, %v", want.Name(), len(found), total, err)
	}
	var pick triage.Patient
	for _, f := range found {
		if f.ID == want.ID {
			pick = f
		}
	}
	if pick.NHSNumber != want.NHSNumber {
		t.Fatalf("the search found %+v, not patient %d", found, want.ID)
	}
	entry := triage.StaffEntry{PatientID: pick.ID, Kind: triage.Clinical,
		Text: "crushing chest pain going down my left arm and sweating", Caller: "daughter, Ann", Contact: triage.ContactPhone, ContactDetail: "07700 900456"}
	key := client.NewKey()
	entered, err := reception.EnterForCaller(ctx, entry, key)
	if err != nil {
		t.Fatal(err)
	}
	// Sent again with its key, as after a lost answer: the same request, not a second.
	again, err := reception.EnterForCaller(ctx, entry, key)
	if err != nil || again.ID != entered.ID {
		t.Fatalf("the entry sent again with its key: %+v, %v; want request %d again", again, err, entered.ID)
	}
	if !entered.Emergency || !strings.Contains(entered.Message, "999") {
		t.Errorf("answer = %+v, want an emergency naming 999", entered)
	}
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	it, err := cache.Request(ctx, entered.ID)
	if err != nil {
		t.Fatal(err)
	}
	if it.EnteredBy != "amy" || it.Caller != "daughter, Ann" || it.Contact != triage.ContactPhone || it.ContactDetail != "07700 900456" ||
		it.Priority != triage.Emergency || it.Status != triage.StatusNew || it.PatientID != want.ID {
		t.Fatalf("cached = %+v, want a new emergency entered by amy for the caller", it.Request)
	}
	if got := it.EnteredFor(); got != "Entered by staff for a caller: amy, for daughter, Ann" {
		t.Errorf("EnteredFor = %q", got)
	}
	inbox, err := cache.Inbox(ctx, triage.Filter{Priority: triage.Emergency})
	inInbox := false
	for _, r := range inbox {
		inInbox = inInbox || r.ID == entered.ID
	}
	if err != nil || !inInbox {
		t.Errorf("the entered emergency is not among the inbox's emergencies: %v", err)
	}
	p.assertMirror(cache)

	// A mistake is caught before it leaves the desk.
	if _, err := reception.EnterForCaller(ctx, triage.StaffEntry{PatientID: pick.ID, Kind: triage.Clinical, Text: "cough", Contact: triage.ContactText}, client.NewKey()); triage.ErrorCode(err) != triage.EINVALID {
		t.Errorf("a text message with no number: %v, want EINVALID", err)
	}
}
