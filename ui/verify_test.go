package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/client"
	"triagedesk/store"
	"triagedesk/triage"
)

// TestVerifyQueue drives the identity checks screen headless against a real practice
// queue on 127.0.0.1: two claims wait; one is verified as its best match, the other
// rejected; a team member's desk has no such screen.
func TestVerifyQueue(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	q, practice, h := startQueue(t, 40, 0)

	var adult triage.Patient
	for _, p := range practice.Practice.Patients {
		if p.AgeAt(testNow) >= 16 {
			adult = p
			break
		}
	}
	claim := func(email string, c triage.Claim) triage.Claim {
		acc, _, err := q.SignUp(ctx, email, "")
		if err != nil {
			t.Fatal(err)
		}
		c.Kind = triage.ClaimSelf
		if c, err = triage.ValidateClaimed(c, testNow); err != nil {
			t.Fatal(err)
		}
		if c, err = q.SubmitClaim(ctx, acc, c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	real := claim("real@example.com", triage.Claim{NHSNumber: adult.NHSNumber, GivenName: adult.GivenName, FamilyName: adult.FamilyName, BirthDate: adult.BirthDate, Sex: adult.Sex})
	stranger := claim("stranger@example.com", triage.Claim{NHSNumber: "9990000034", GivenName: "Zed", FamilyName: "Nobody", BirthDate: time.Date(1961, 2, 3, 0, 0, 0, 0, time.UTC)})

	desk := func(as string, role Role) *Desk {
		u, _ := practice.User(as)
		c, err := client.New(h.URL, u.Token)
		if err != nil {
			t.Fatal(err)
		}
		cache, err := store.OpenCache(ctx, filepath.Join(t.TempDir(), as+".db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cache.Close() })
		w := test.NewTempWindow(t, nil)
		w.Resize(fyne.NewSize(1280, 720))
		d := NewDesk(cache, cacheActor{cache}, &fakeSync{}, Options{User: as, Role: role, Identity: c,
			Now: func() time.Time { return testNow }, Problems: func(err error) { t.Errorf("desk showed an error: %v", err) }}, w)
		d.Install(w)
		background.Wait()
		return d
	}
	if d := desk("demo-gp", RoleTeam); d.Verify != nil {
		t.Fatal("a team member's desk has the identity checks")
	}
	d := desk("demo-reviewer", RoleReviewer)
	v := d.Verify
	user(func() { d.Tabs.SelectIndex(len(d.Tabs.Items) - 1) }) // opening the screen loads it
	user(func() {
		if len(v.claims) != 2 || v.claims[0].ID != real.ID {
			t.Fatalf("the screen shows %d claims, want the two waiting, oldest first", len(v.claims))
		}
		v.Claims.Select(0)
	})
	user(func() {
		if !strings.Contains(v.Claimed.Text, adult.GivenName) || !strings.Contains(v.Claimed.Text, "real@example.com") {
			t.Fatalf("the claim shows %q", v.Claimed.Text)
		}
		if len(v.Matches.Options) == 0 || !strings.Contains(v.Matches.Selected, "same NHS number, date of birth, family name, given name") {
			t.Fatalf("best match %q of %v: want the patient whose details all agree", v.Matches.Selected, v.Matches.Options)
		}
		test.Type(v.Note, "details match the list")
		test.Tap(v.VerifyBtn)
	})
	got, err := q.Claim(ctx, real.ID)
	if err != nil || got.Status != triage.ClaimVerified || got.PatientID != adult.ID || got.DecidedBy != "demo-reviewer" {
		t.Fatalf("after Verify the claim is %+v, %v", got, err)
	}
	user(func() {
		if len(v.claims) != 1 || v.claims[0].ID != stranger.ID {
			t.Fatalf("after a decision the screen shows %d claims, want the other one", len(v.claims))
		}
		v.Claims.Select(0)
	})
	user(func() {
		if !v.VerifyBtn.Disabled() || !strings.Contains(v.Message.Text, "No one on the practice list") {
			t.Fatalf("a claim with no match: verify enabled %v, message %q", !v.VerifyBtn.Disabled(), v.Message.Text)
		}
		test.Tap(v.RejectBtn)
	})
	if got, _ := q.Claim(ctx, stranger.ID); got.Status != triage.ClaimRejected {
		t.Fatalf("after Reject the claim is %s", got.Status)
	}
	user(func() {
		if !strings.Contains(v.Message.Text, "rejected") || len(v.claims) != 0 {
			t.Fatalf("after the last decision: %q, %d claims", v.Message.Text, len(v.claims))
		}
	})
}
