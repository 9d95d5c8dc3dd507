package client_test

import (
	"net"
	"strings"
	"testing"

	"triagedesk/client"
	"triagedesk/triage"
)

// TestPlainHTTPOnlyToThisComputer: a staff token and patients' details must never
// cross a network unencrypted.
func TestPlainHTTPOnlyToThisComputer(t *testing.T) {
	tests := []struct {
		url  string
		says string // "" when the address is accepted
	}{
		{"https://queue.example.nhs.uk", ""},
		{"https://10.0.0.5:8443/", ""},
		{"http://127.0.0.1:8443", ""},
		{"http://127.8.9.1:8443", ""},
		{"http://localhost:8443", ""},
		{"http://[::1]:8443", ""},
		{"http://queue.example.nhs.uk", "unencrypted"},
		{"http://10.0.0.5:8443", "unencrypted"},
		{"http://0.0.0.0:8443", "unencrypted"},
		{"http://localhost.example.com", "unencrypted"},
		{"ftp://queue.example.nhs.uk", "not a URL"},
		{"queue.example.nhs.uk", "not a URL"},
	}
	for _, tt := range tests {
		_, err := client.New(tt.url, "token")
		switch {
		case tt.says == "" && err != nil:
			t.Errorf("New(%q): %v, want it accepted", tt.url, err)
		case tt.says != "" && (err == nil || !strings.Contains(err.Error(), tt.says) || triage.ErrorCode(err) != triage.EINVALID):
			t.Errorf("New(%q): %v, want a refusal saying %q", tt.url, err, tt.says)
		}
	}
	if _, err := client.New("http://queue.example.nhs.uk", "t"); err == nil || !strings.Contains(err.Error(), "https://queue.example.nhs.uk") {
		t.Errorf("the refusal should name the https address to use instead: %v", err)
	}
}

// FuzzParseServerURL: an address accepted with plain http is always this computer.
func FuzzParseServerURL(f *testing.F) {
	for _, s := range []string{"https://queue.example.nhs.uk", "http://127.0.0.1:8443", "http://localhost", "http://[::1]:1", "http://10.0.0.1", "http://127.0.0.1.nip.io"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := client.ParseServerURL(raw)
		if err != nil {
			return
		}
		if u.Scheme != "https" {
			h := u.Hostname()
			if ip := net.ParseIP(h); !strings.EqualFold(h, "localhost") && (ip == nil || !ip.IsLoopback()) {
				t.Fatalf("%q accepted with %s to %q, which is not this computer", raw, u.Scheme, h)
			}
		}
	})
}
