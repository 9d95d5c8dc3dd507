package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"triagedesk/demo"
	"triagedesk/server"
	"triagedesk/store"
)

func TestUserAddPrintsTheTokenLast(t *testing.T) {
	db := filepath.Join(t.TempDir(), "queue.db")
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"user", "add", "--db", db, "--name", "Dr Lee", "--role", "clinician", "--team", "gp"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if tok := lines[len(lines)-1]; len(tok) != 64 || strings.Trim(tok, "0123456789abcdef") != "" {
		t.Fatalf("last line %q is not a token", tok)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"user", "add", "--db", db, "--name", "Dr Lee", "--role", "clinician", "--team", "gp"}, "already a user"},
		{[]string{"user", "add", "--db", db, "--name", "X", "--role", "clinician"}, "needs a team"},
		{[]string{"user", "add", "--db", db, "--name", "Y", "--role", "boss"}, "unknown role"},
		{[]string{"demo", "--db", db}, "already exists"},
		{[]string{"serve", "--db", db, "--config", filepath.Join(t.TempDir(), "missing.yaml")}, "read config file"},
		{[]string{"frobnicate"}, "unknown command"},
	}
	for _, tt := range tests {
		errs.Reset()
		if code := run(context.Background(), tt.args, &out, &errs); code == 0 || !strings.Contains(errs.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want failure saying %q", tt.args, code, errs.String(), tt.want)
		}
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	db := filepath.Join(t.TempDir(), "queue.db")
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errs bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, pw, &errs)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !strings.Contains(line, "serving the practice queue") {
		t.Fatalf("serve said %q, %v", line, err)
	}
	go io.Copy(io.Discard, pr)
	cancel() // as SIGTERM does
	if code := <-done; code != 0 {
		t.Fatalf("serve exited %d after the signal: %s", code, errs.String())
	}
}

// TestUserRevokeAndNewToken: a revoked token stops working at once, with a message
// saying what to do; a new token works and the old one does not.
func TestUserRevokeAndNewToken(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "queue.db")
	lastLine := func(args ...string) string {
		t.Helper()
		var out, errs bytes.Buffer
		if code := run(ctx, args, &out, &errs); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		return lines[len(lines)-1]
	}
	first := lastLine("user", "add", "--db", db, "--name", "Amy Patel", "--role", "reviewer")
	lastLine("user", "revoke", "--db", db, "--name", "Amy Patel")
	q, err := store.OpenQueue(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.UserByToken(ctx, first); err == nil || !strings.Contains(err.Error(), "queueserver user token") {
		t.Fatalf("a revoked token: %v, want a refusal saying how to get a new one", err)
	}
	q.Close()
	second := lastLine("user", "token", "--db", db, "--name", "Amy Patel")
	if q, err = store.OpenQueue(ctx, db); err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if u, err := q.UserByToken(ctx, second); err != nil || u.Name != "Amy Patel" {
		t.Fatalf("the new token: %+v, %v", u, err)
	}
	if _, err := q.UserByToken(ctx, first); err == nil {
		t.Fatal("the old token works again after a new one was issued")
	}
	var out, errs bytes.Buffer
	if code := run(ctx, []string{"user", "revoke", "--db", db, "--name", "Nobody"}, &out, &errs); code == 0 || !strings.Contains(errs.String(), "no user called") {
		t.Fatalf("revoking an unknown user: exit %d, %q", code, errs.String())
	}
}

// TestDemoHasTheRequestsWithPhotos: `queueserver demo` makes the same practice as the
// desk's own demo, with its few requests sent with photos, and a second start of the
// desk's demo on it (which checks for them) sends none again.
func TestDemoHasTheRequestsWithPhotos(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "queue.db")
	var out, errs bytes.Buffer
	if code := run(ctx, []string{"demo", "--db", db, "--patients", "300", "--requests", "20"}, &out, &errs); code != 0 || errs.Len() > 0 {
		t.Fatalf("demo: exit %d: %s", code, errs.String())
	}
	q, err := store.OpenQueue(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	withPhotos := func() int {
		t.Helper()
		rs, _, err := q.Requests(ctx, 0, 10_000)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range rs {
			if len(r.Photos) > 0 {
				n++
			}
		}
		return n
	}
	if got := withPhotos(); got != demo.PhotoRequestCount {
		t.Fatalf("the demo queue has %d requests with photos, want %d: %s", got, demo.PhotoRequestCount, out.String())
	}
	if err := server.EnsureDemoPhotos(ctx, q, demo.NewPractice(1, 300, time.Now()), time.Now()); err != nil {
		t.Fatal(err)
	}
	if got := withPhotos(); got != demo.PhotoRequestCount {
		t.Fatalf("after the desk's start the demo queue has %d requests with photos, want %d", got, demo.PhotoRequestCount)
	}
}
