package server_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"triagedesk/fhir"
	"triagedesk/server"
)

// serveShort runs the queue on a real listener on 127.0.0.1 with timeouts of a second,
// so a test of them takes seconds, not minutes.
func serveShort(t *testing.T, e *env) string {
	t.Helper()
	hs := e.srv.HTTPServer(server.Timeouts{ReadHeader: time.Second, Read: time.Second, Write: time.Second, Idle: time.Second})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return ln.Addr().String()
}

// closedWithin reports whether the server closes the connection read by r within
// limit, doing each meanwhile (a trickled byte) every tick.
func closedWithin(r io.Reader, limit, tick time.Duration, each func() error) bool {
	closed := make(chan struct{})
	go func() {
		io.Copy(io.Discard, r) // returns when the server closes the connection
		close(closed)
	}()
	end := time.After(limit)
	for {
		select {
		case <-closed:
			return true
		case <-end:
			return false
		case <-time.After(tick):
			if each != nil && each() != nil {
				<-closed
				return true
			}
		}
	}
}

// TestSlowAndIdleConnectionsAreCut: a body trickled a byte at a time and an idle
// keep-alive were both still open after 70 s; with a one-second timeout each must be
// cut within a few seconds.
func TestSlowAndIdleConnectionsAreCut(t *testing.T) {
	e := newEnv(t)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	addr := serveShort(t, e)

	t.Run("trickled body", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, "POST /api/v1/requests HTTP/1.1\r\nHost: q\r\nAuthorization: Bearer "+tok+"\r\nContent-Length: 200\r\n\r\n{")
		trickle := func() error { _, err := conn.Write([]byte(" ")); return err }
		if !closedWithin(conn, 10*time.Second, 200*time.Millisecond, trickle) {
			t.Fatal("a body trickled a byte every 200 ms was still being read after 10 s; the read timeout is 1 s")
		}
	})
	t.Run("idle keep-alive", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, "GET /fhir/metadata HTTP/1.1\r\nHost: q\r\n\r\n")
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("metadata: %v %v", resp, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if !closedWithin(br, 10*time.Second, time.Second, nil) {
			t.Fatal("an idle kept-alive connection was still open after 10 s; the idle timeout is 1 s")
		}
	})
}

// TestLongPollOutlivesTheWriteTimeout: the feed's long poll waits longer than the
// server's write timeout and must still answer, not be cut off.
func TestLongPollOutlivesTheWriteTimeout(t *testing.T) {
	e := newEnv(t)
	e.srv.LongPoll = 3 * time.Second // three times the write and read timeouts
	addr := serveShort(t, e)
	get := func(query string) (int, []byte, error) {
		req, _ := http.NewRequest("GET", "http://"+addr+fhir.FeedPath+query, nil)
		req.Header.Set("Authorization", "Bearer "+e.manager)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}
	code, body, err := get("")
	if err != nil || code != 200 {
		t.Fatalf("feed: %d %v", code, err)
	}
	page, err := fhir.ParseFeed(body)
	if err != nil {
		t.Fatal(err)
	}
	code, body, err = get("?wait=1&cursor=" + page.Cursor)
	if err != nil || code != 200 {
		t.Fatalf("a long poll of 3 s with a 1 s write timeout: %d %v %s", code, err, strings.TrimSpace(string(body)))
	}
	if _, err := fhir.ParseFeed(body); err != nil {
		t.Fatalf("the long poll's answer: %v", err)
	}
}

func TestCheckListen(t *testing.T) {
	tests := []struct {
		addr         string
		tls, proxied bool
		ok           bool
	}{
		{"127.0.0.1:8443", false, false, true},
		{"[::1]:8443", false, false, true},
		{"localhost:8443", false, false, true},
		{"0.0.0.0:8443", false, false, false},
		{":8443", false, false, false},
		{"10.0.0.5:8443", false, false, false},
		{"queue.example.nhs.uk:443", false, false, false},
		{"0.0.0.0:8443", true, false, true},
		{"0.0.0.0:8443", false, true, true},
		{"8443", false, false, false},
	}
	for _, tt := range tests {
		if err := server.CheckListen(tt.addr, tt.tls, tt.proxied); (err == nil) != tt.ok {
			t.Errorf("CheckListen(%q, tls %v, behind proxy %v) = %v, want ok %v", tt.addr, tt.tls, tt.proxied, err, tt.ok)
		}
	}
}
