package client_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"triagedesk/client"
	"triagedesk/fhir"
)

// TestFeedAnswerOfDeclaredLength: a feed page that says its length is read whole; one
// cut short of it is a network error, and one declaring more than any answer of the
// queue is refused before a byte of it is read.
func TestFeedAnswerOfDeclaredLength(t *testing.T) {
	var page bytes.Buffer
	if err := fhir.EncodeDeskPage(&page, fhir.Records{}, "7", false); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		length int
		body   []byte
		want   string // in the error; empty for a page read
	}{
		{"the whole page", page.Len(), page.Bytes(), ""},
		{"cut short", page.Len() + 100, page.Bytes(), "cut off"},
		{"larger than any answer", client.MaxAnswer + 1, page.Bytes(), "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", fhir.DeskContentType)
				w.Header().Set("Content-Length", strconv.Itoa(tt.length))
				w.Write(tt.body)
			}))
			defer srv.Close()
			c, _ := client.New(srv.URL, "token")
			got, err := c.Feed(context.Background(), "0", 10, false)
			if tt.want == "" {
				if err != nil || got.Cursor != "7" {
					t.Fatalf("read %+v, %v; want the page after 7", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one saying %q", err, tt.want)
			}
			if tt.want == "cut off" && !client.IsNetwork(err) {
				t.Errorf("a page cut short is not reported as a network error: %v", err)
			}
		})
	}
}

// TestAnswerDeclaredLengthNotTrustedUpFront: an answer's Content-Length is a claim, not
// bytes. A proxy that declares the largest answer allowed and then sends a few bytes must
// not make the desk set aside the whole declared size before anything arrives, and an
// answer that really is long (a photo of several MB) is still read whole.
func TestAnswerDeclaredLengthNotTrustedUpFront(t *testing.T) {
	photo := bytes.Repeat([]byte{0xff, 0xd8, 0x42}, 1<<20) // 3 MB, more than the first buffer
	tests := []struct {
		name     string
		declared int
		body     []byte
		want     string // in the error; empty for a photo read whole
	}{
		{"declares the most allowed, sends a little", client.MaxAnswer, []byte("\xff\xd8 short"), "cut off"},
		{"a long photo that says its length", len(photo), photo, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "image/jpeg")
				w.Header().Set("Content-Length", strconv.Itoa(tt.declared))
				w.Write(tt.body)
			}))
			defer srv.Close()
			c, _ := client.New(srv.URL, "token")
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			got, _, err := c.Photo(context.Background(), 1, 0)
			runtime.ReadMemStats(&after)
			if tt.want == "" {
				if err != nil || !bytes.Equal(got, tt.body) {
					t.Fatalf("read %d bytes, %v; want the whole %d-byte photo", len(got), err, len(tt.body))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one saying %q", err, tt.want)
			}
			// The whole test process, server included, allocates far less than the
			// declared 64 MB unless the client believed the header.
			if grew := after.TotalAlloc - before.TotalAlloc; grew > client.MaxAnswer/4 {
				t.Errorf("reading %d bytes of an answer declaring %d MB allocated %d MB: the declared length was trusted before the bytes came", len(tt.body), tt.declared>>20, grew>>20)
			}
		})
	}
}
