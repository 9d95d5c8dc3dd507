package server_test

import (
	"fmt"
	"net/http"
	"testing"

	"triagedesk/server"
)

// Per-address limits behind a TLS proxy: every connection comes from the proxy, so
// the queue must key its limits on the client address the proxy added to
// X-Forwarded-For (the right-most), and never on what a client wrote there itself;
// without --behind-proxy the header is anyone's and is ignored.
func TestRateLimitProxyClientAddress(t *testing.T) {
	xff := func(vs ...string) http.Header { return http.Header{"X-Forwarded-For": vs} }
	tests := []struct {
		name        string
		behindProxy bool
		attempt     func(i int) http.Header // the headers of the i-th sign-up from one client
		other       http.Header             // another client, who must still get in; nil for none
	}{
		{"without a proxy a made-up header is ignored", false,
			func(i int) http.Header { return xff(fmt.Sprintf("198.51.100.%d", i+1)) }, nil},
		{"behind the proxy each client has its own limit", true,
			func(int) http.Header { return xff("203.0.113.7") }, xff("203.0.113.8")},
		{"behind the proxy a client's own entries are not believed", true,
			func(i int) http.Header { return xff(fmt.Sprintf("198.51.100.%d, 203.0.113.7", i+1)) }, xff("198.51.100.1, 203.0.113.8")},
		{"behind the proxy the last header is the proxy's", true,
			func(i int) http.Header { return xff(fmt.Sprintf("198.51.100.%d", i+1), "203.0.113.7") }, xff("203.0.113.7", "203.0.113.9")},
		{"behind the proxy an address with a port", true,
			func(int) http.Header { return xff("203.0.113.7:52114") }, xff("203.0.113.8:52114")},
		{"behind the proxy an IPv6 client is limited by its /64", true,
			func(i int) http.Header { return xff(fmt.Sprintf("[2001:db8:1:2::%x]:443", i+1)) }, xff("2001:db8:1:3::1")},
		{"behind the proxy a header that is not an address leaves the proxy's", true,
			func(i int) http.Header { return xff(fmt.Sprintf("client-%d", i)) }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			e.srv.SetNetwork(server.Network{BehindProxy: tt.behindProxy})
			signUp := func(n int, h http.Header) int {
				code, _, body := e.do("POST", "/api/v1/accounts", "", map[string]any{"email": fmt.Sprintf("person%d@example.com", n), "password": "correct horse battery"}, h)
				if code != http.StatusTooManyRequests && code >= 400 {
					t.Fatalf("sign-up %d: %d %s", n, code, body)
				}
				return code
			}
			refusedAt := -1
			for i := 0; i < 15 && refusedAt < 0; i++ {
				if signUp(i, tt.attempt(i)) == http.StatusTooManyRequests {
					refusedAt = i
				}
			}
			if refusedAt < 0 {
				t.Fatal("15 sign-ups from one client and none was refused: the client chose its own address")
			}
			if tt.other != nil {
				if code := signUp(100, tt.other); code == http.StatusTooManyRequests {
					t.Fatalf("another client was refused after the first used up its sign-ups (after %d): every client behind the proxy shares one limit", refusedAt)
				}
			}
		})
	}
}
