package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"triagedesk/triage"
)

// Journeys in a real browser for the forgotten password and the sign-in link, reading
// the links from the real SMTP server the queue sends through.

// signInWithPassword signs a tab in on the sign-in page and returns the error
// summary's lines (none when it worked).
func signInWithPassword(t *testing.T, s *site, tb *tab, email, password string) []summaryError {
	t.Helper()
	tb.open(s.URL + "/sign-in")
	tb.typeInto("email", email)
	tb.typeInto("password", password)
	tb.submit()
	return tb.errorSummary()
}

// auditActions returns the actions recorded in the queue's audit trail.
func (s *site) auditActions(t *testing.T) []triage.AuditEntry {
	t.Helper()
	entries, err := s.q.AuditLog(context.Background(), 0, 10000)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func hasAction(entries []triage.AuditEntry, action string) bool {
	for _, e := range entries {
		if e.Action == action {
			return true
		}
	}
	return false
}

func TestWebaccJourneyForgottenPasswordEndsEveryOtherSession(t *testing.T) {
	s := startSite(t)
	const email = "ann@example.com"
	first := newTab(t, phone)
	signUpAndIn(t, s, first, email, false)
	// Another browser signed in with the old password, with a request half written.
	other := newTab(t, phone)
	if errs := signInWithPassword(t, s, other, email, patientPassword); len(errs) > 0 {
		t.Fatalf("the second browser could not sign in: %+v", errs)
	}

	forgot := newTab(t, phone)
	forgot.open(s.URL + "/sign-in")
	forgot.follow("Forgot your password?")
	forgot.mustSee("Reset your password", "30 minutes")
	forgot.axeAt("forgot password")
	forgot.typeInto("email", email)
	if status := forgot.submit(); status != http.StatusOK {
		t.Fatalf("asking for a reset link answered %d", status)
	}
	forgot.mustSee("If there is an account for "+email+", we have sent a link", "30 minutes")
	forgot.axeAt("link sent")
	sent := s.mail.Wait(email, 2)
	if body := sent.Body(); strings.Contains(body, "Smith") || strings.Contains(body, "request") && strings.Contains(body, "blood") {
		t.Errorf("the reset email holds patient data: %s", body)
	}
	link := s.mail.Link(email, 2)
	if !strings.HasPrefix(link, s.URL+"/reset-password?token=") {
		t.Fatalf("the reset link %q does not open the reset page", link)
	}
	if status := forgot.open(link); status != http.StatusOK {
		t.Fatalf("the reset link answered %d", status)
	}
	forgot.mustSee("Choose a new password")
	forgot.axeAt("choose a new password")
	forgot.typeInto("password", "short")
	forgot.submit()
	forgot.mustShowError("password", "at least 10 characters")
	const newPassword = "river stone lantern"
	forgot.typeInto("password", newPassword)
	if status := forgot.submit(); status != http.StatusOK {
		t.Fatalf("saving the new password answered %d", status)
	}
	forgot.mustSee("Your password has been changed", "signed out")
	forgot.axeAt("password changed")
	forgot.follow("Go to your requests")
	forgot.mustSee("Your requests")

	// Every other session has ended: both browsers signed in before are asked to sign in.
	for name, tb := range map[string]*tab{"the first browser": first, "the second browser": other} {
		tb.open(s.URL + "/requests")
		if !strings.Contains(tb.location(), "/sign-in") {
			t.Errorf("%s is still signed in after the password was reset (at %s)", name, tb.location())
		}
	}
	if errs := signInWithPassword(t, s, other, email, patientPassword); len(errs) == 0 {
		t.Error("the old password still signs in")
	}
	if errs := signInWithPassword(t, s, other, email, newPassword); len(errs) > 0 {
		t.Errorf("the new password does not sign in: %+v", errs)
	}
	// The link worked once.
	if status := forgot.open(link); status != http.StatusNotFound {
		t.Errorf("the reset link used a second time answered %d, want 404", status)
	}
	forgot.mustSee("This link does not work", "used already")

	audit := s.auditActions(t)
	for _, want := range []string{"reset-password-link", "password-reset"} {
		if !hasAction(audit, want) {
			t.Errorf("the audit trail has no %q entry", want)
		}
	}
}

func TestWebaccJourneyAnAddressWithoutAnAccountGetsTheSameAnswer(t *testing.T) {
	s := startSite(t)
	tb := newTab(t, phone)
	tb.open(s.URL + "/forgot-password")
	tb.typeInto("email", "nobody@example.com")
	if status := tb.submit(); status != http.StatusOK {
		t.Fatalf("asking for a reset link answered %d", status)
	}
	tb.mustSee("If there is an account for nobody@example.com, we have sent a link")
	body := s.mail.Wait("nobody@example.com", 1).Body()
	if strings.Contains(body, "token=") || !strings.Contains(body, "no account") {
		t.Errorf("an address with no account was sent: %s", body)
	}
}

func TestWebaccJourneySignInWithAnEmailedLink(t *testing.T) {
	s := startSite(t)
	const email = "ann@example.com"
	signUpAndIn(t, s, newTab(t, phone), email, false)

	tb := newTab(t, phone)
	tb.open(s.URL + "/sign-in")
	tb.follow("Email me a link to sign in instead")
	tb.mustSee("Sign in with a link by email", "15 minutes")
	tb.axeAt("sign in by email")
	tb.typeInto("email", email)
	if status := tb.submit(); status != http.StatusOK {
		t.Fatalf("asking for a sign-in link answered %d", status)
	}
	tb.mustSee("If there is an account for "+email+", we have sent a link", "15 minutes")
	link := s.mail.Link(email, 2)
	if !strings.HasPrefix(link, s.URL+"/sign-in/link?token=") {
		t.Fatalf("the sign-in link %q does not open the sign-in link page", link)
	}
	// Opening the link does not use it (a mail scanner may open it first): the button does.
	if status := tb.open(link); status != http.StatusOK {
		t.Fatalf("the sign-in link answered %d", status)
	}
	tb.mustSee("Sign in")
	tb.axeAt("sign in with a link")
	if status := tb.submit(); status != http.StatusOK {
		t.Fatalf("signing in with the link answered %d", status)
	}
	tb.mustSee("Your requests")
	if status := tb.open(link); status != http.StatusNotFound {
		t.Errorf("the sign-in link used a second time answered %d, want 404", status)
	}
	tb.mustSee("This link does not work")
	if !hasAction(s.auditActions(t), "sign-in-link") || !hasAction(s.auditActions(t), "sign-in") {
		t.Error("the audit trail does not record the link and the sign-in")
	}
}
