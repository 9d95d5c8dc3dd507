package client_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
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
