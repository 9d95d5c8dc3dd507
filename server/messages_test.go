package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"triagedesk/triage"
)

// ownRequest is a request as the patient API returns it.
type ownRequest struct {
	ID            int64  `json:"id"`
	Status        string `json:"status"`
	Open          bool   `json:"open"`
	AwaitingReply bool   `json:"awaitingReply"`
	Note          string `json:"note"`
	Messages      []struct {
		ID     int64  `json:"id"`
		From   string `json:"from"`
		Author string `json:"author"`
		Text   string `json:"text"`
	} `json:"messages"`
}

// TestPatientRepliesToThePractice walks one conversation: the practice asks, the
// owner's account replies, a stranger cannot, the desks see the thread in both feed
// forms, and a closed request takes no reply.
func TestPatientRepliesToThePractice(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	ruth, _ := e.account("ruth@example.com", "9990000018", "Ruth", "Okafor", "1988-04-02")
	kwame, _ := e.account("kwame@example.com", "9990000026", "Kwame", "Mensah", "1985-01-15")
	code, m := e.call("POST", "/api/v1/requests", ruth, map[string]any{"kind": "clinical", "text": "A rash on my arm for a week"})
	if code != http.StatusCreated {
		t.Fatalf("submit: %d %v", code, m)
	}
	id := int64(m["id"].(float64))
	before, strangers := e.mail.count("ruth@example.com"), e.mail.count("kwame@example.com")
	if code, m := act(t, e, e.manager, id, 1, map[string]any{"kind": "respond", "channel": "message", "message": "Please send a photo of the rash", "awaitReply": true}); code != 200 {
		t.Fatalf("ask the patient: %d %v", code, m)
	}
	e.srv.WaitForMail()

	// The email says a message is waiting, and nothing of what it says.
	if n := e.mail.count("ruth@example.com"); n != before+1 {
		t.Fatalf("%d new emails to the patient, want 1", n-before)
	}
	mail := e.mail.wait("ruth@example.com", before+1)
	if !strings.Contains(mail.Data, "Subject: You have a new message from the practice") {
		t.Fatalf("the email is not the new-message notice: %s", mail.Data)
	}
	for _, word := range []string{"photo", "rash", "Ruth", "Okafor", fmt.Sprint(id)} {
		if strings.Contains(mail.Body(), word) {
			t.Fatalf("the new-message email holds %q: %s", word, mail.Body())
		}
	}
	if e.mail.count("kwame@example.com") != strangers {
		t.Fatalf("a stranger was told about someone else's message")
	}

	path := fmt.Sprintf("/api/v1/requests/%d/messages", id)
	tests := []struct {
		name    string
		token   string
		text    string
		status  int
		message string
	}{
		{"a stranger's account", kwame, "let me in", http.StatusNotFound, "cannot find"},
		{"no token", "", "hello", http.StatusUnauthorized, "sign in"},
		{"empty", ruth, "   ", http.StatusUnprocessableEntity, "empty"},
		{"too long", ruth, strings.Repeat("a", triage.MaxTextLength+1), http.StatusUnprocessableEntity, "shorten"},
		{"the owner", ruth, "Photo attached; it itches at night", http.StatusCreated, ""},
		{"the owner again", ruth, "It has spread a little", http.StatusCreated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, m := e.call("POST", path, tt.token, map[string]any{"text": tt.text})
			if code != tt.status || !strings.Contains(message(m)+" "+details(m), tt.message) {
				t.Fatalf("%d %q, want %d saying %q", code, details(m), tt.status, tt.message)
			}
		})
	}
	if code, _ := e.call("GET", fmt.Sprintf("/api/v1/requests/%d", id), kwame, nil); code != http.StatusNotFound {
		t.Fatalf("a stranger reads the request: %d, want 404", code)
	}

	// The reply took the request out of awaiting-patient: asked before any team had
	// it, it is back in the triage inbox, one version per reply.
	r, err := e.q.Request(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != triage.StatusNew || !r.AwaitingSince.IsZero() || r.Version != 4 {
		t.Fatalf("after the replies the request is %s since %v at version %d: want new, not waiting, version 4", r.Status, r.AwaitingSince, r.Version)
	}
	wantFrom := []triage.Side{triage.FromPractice, triage.FromPatient, triage.FromPatient}
	for _, compact := range []bool{false, true} {
		got := feedRequest(t, e, e.manager, id, compact)
		if len(got.Messages) != len(wantFrom) {
			t.Fatalf("the feed (compact %v) carries %d messages, want %d", compact, len(got.Messages), len(wantFrom))
		}
		for i, m := range got.Messages {
			if m.From != wantFrom[i] || m.ID != r.Messages[i].ID || m.Body != r.Messages[i].Body || !m.SentAt.Equal(r.Messages[i].SentAt) {
				t.Fatalf("feed (compact %v) message %d is %+v, want %+v", compact, i, m, r.Messages[i])
			}
		}
		if got.Messages[0].Author != "mo" || got.Messages[1].AccountID == 0 {
			t.Fatalf("feed (compact %v): who wrote them is lost: %+v", compact, got.Messages)
		}
	}

	// The owner reads the thread, oldest first.
	var own ownRequest
	if code, _, body := e.do("GET", fmt.Sprintf("/api/v1/requests/%d", id), ruth, nil, nil); code != 200 {
		t.Fatalf("read own request: %d %s", code, body)
	} else if err := jsonUnmarshal(body, &own); err != nil {
		t.Fatal(err)
	}
	if len(own.Messages) != 3 || own.Messages[0].Text != "Please send a photo of the rash" || own.Messages[2].Text != "It has spread a little" {
		t.Fatalf("the patient reads %+v", own.Messages)
	}

	// Idempotency-Key: a reply sent twice with the same key is one message.
	h := http.Header{"Idempotency-Key": {"reply-1"}}
	for i := 0; i < 2; i++ {
		if code, _, body := e.do("POST", path, ruth, map[string]any{"text": "Sent once"}, h); code != http.StatusCreated {
			t.Fatalf("keyed reply %d: %d %s", i, code, body)
		}
	}
	if msgs, err := e.q.Messages(ctx, id); err != nil || len(msgs) != 4 {
		t.Fatalf("after a keyed reply sent twice: %d messages, %v; want 4", len(msgs), err)
	}

	// Closed: the patient is told plainly, and nothing is added.
	r, _ = e.q.Request(ctx, id)
	if code, m := act(t, e, e.manager, id, r.Version, map[string]any{"kind": "close", "outcome": "answered"}); code != 200 {
		t.Fatalf("close: %d %v", code, m)
	}
	code, m = e.call("POST", path, ruth, map[string]any{"text": "One more thing"})
	if code != http.StatusUnprocessableEntity || !strings.Contains(details(m), "send a new request") {
		t.Fatalf("reply on a closed request: %d %q", code, details(m))
	}
	if msgs, _ := e.q.Messages(ctx, id); len(msgs) != 4 {
		t.Fatalf("a reply on a closed request was kept: %d messages", len(msgs))
	}
	if trail := e.auditActions(t); !trail["patient-reply"] {
		t.Fatalf("no patient-reply in the audit trail: %v", trail)
	}
}

// TestUnverifiedAccountSeesNoPracticeMessages: until the practice has checked who an
// account is, it reads its own replies but none of the practice's messages, and may
// still reply.
func TestUnverifiedAccountSeesNoPracticeMessages(t *testing.T) {
	e := newEnv(t)
	e.listed("9990000018", "Ruth", "Okafor", "1988-04-02", triage.Female)
	tok := e.openAccount("ruth@example.com")
	e.claimOK(tok, map[string]any{"nhsNumber": "9990000018", "givenName": "Ruth", "familyName": "Okafor", "birthDate": "1988-04-02", "sex": "female"})
	code, m := e.call("POST", "/api/v1/requests", tok, map[string]any{"kind": "admin", "text": "my blood test results please"})
	if code != http.StatusCreated {
		t.Fatalf("submit: %d %v", code, m)
	}
	id := int64(m["id"].(float64))
	if code, m := act(t, e, e.manager, id, 1, map[string]any{"kind": "respond", "channel": "message", "message": "Your cholesterol is 7.2; can you tell us what you eat?", "awaitReply": true}); code != 200 {
		t.Fatalf("respond: %d %v", code, m)
	}
	e.srv.WaitForMail()
	if code, _, body := e.do("POST", fmt.Sprintf("/api/v1/requests/%d/messages", id), tok, map[string]any{"text": "Mostly bread"}, nil); code != http.StatusCreated {
		t.Fatalf("an unverified account replies on its own request: %d %s", code, body)
	}
	for _, path := range []string{"/api/v1/requests", fmt.Sprintf("/api/v1/requests/%d", id)} {
		code, _, body := e.do("GET", path, tok, nil, nil)
		if code != 200 || strings.Contains(body, "cholesterol") || !strings.Contains(body, "Mostly bread") || !strings.Contains(body, "once the practice has checked who you are") {
			t.Fatalf("%s before the check: %d %s; want the patient's own reply and a note, no practice message", path, code, body)
		}
	}
}
