package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
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
