package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"strings"
	"testing"

	"triagedesk/store"
	"triagedesk/triage"
)

// photoBytes makes a small PNG and JPEG as the patient pages store them.
func photoBytes(t *testing.T) []store.Photo {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for x := 0; x < 24; x++ {
		img.Set(x, x%16, color.RGBA{200, 40, 40, 255})
	}
	var p, j bytes.Buffer
	png.Encode(&p, img)
	jpeg.Encode(&j, img, nil)
	return []store.Photo{{ContentType: "image/png", Width: 24, Height: 16, Data: p.Bytes()}, {ContentType: "image/jpeg", Width: 24, Height: 16, Data: j.Bytes()}}
}

// TestStaffFetchAPhoto: a member of staff fetches a request's photo, not cached on the
// way and typed so no browser guesses, and the read is in the audit trail as a view of
// that request's photo by whom and from which desk; a patient's token, no token, a
// photo the request lacks and a request that does not exist get nothing. The Task
// names each photo at an absolute address the client can fetch.
func TestStaffFetchAPhoto(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	ruth, pid := e.account("ruth@example.com", "9990000018", "Ruth", "Okafor", "1988-04-02")
	photos := photoBytes(t)
	acc, err := e.q.AccountByToken(ctx, ruth)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.q.Submit(ctx, store.Submission{AccountID: acc.ID, PatientID: pid, Kind: triage.Clinical, Text: "A rash on my arm",
		Suggested: triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone}, Photos: photos},
		triage.DefaultLimits(), triage.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	reviewer := e.user("amy", store.RoleReviewer)
	get := func(path, token string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", e.http.URL+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		req.Header.Set("X-Triage-Desk", "desk-7 (front office)")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	photo := func(id int64, n any) string { return fmt.Sprintf("/api/v1/requests/%d/photos/%v", id, n) }
	tests := []struct {
		name   string
		path   string
		token  string
		status int
		want   *store.Photo
	}{
		{"the first, a PNG", photo(r.ID, 1), reviewer, http.StatusOK, &photos[0]},
		{"the second, a JPEG", photo(r.ID, 2), e.manager, http.StatusOK, &photos[1]},
		{"one it does not have", photo(r.ID, 3), reviewer, http.StatusNotFound, nil},
		{"not a number", photo(r.ID, "x"), reviewer, http.StatusNotFound, nil},
		{"photo 0", photo(r.ID, 0), reviewer, http.StatusNotFound, nil},
		{"a request that does not exist", photo(r.ID+100, 1), reviewer, http.StatusNotFound, nil},
		{"the patient's own token", photo(r.ID, 1), ruth, http.StatusForbidden, nil},
		{"no token", photo(r.ID, 1), "", http.StatusUnauthorized, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := auditCount(t, e.q)
			resp, body := get(tt.path, tt.token)
			if resp.StatusCode != tt.status {
				t.Fatalf("%d %s, want %d", resp.StatusCode, body, tt.status)
			}
			entries := auditSince(t, e.q, before)
			if tt.want == nil {
				if bytes.Contains(body, photos[0].Data[:16]) {
					t.Fatalf("a refused fetch carried a picture")
				}
				for _, a := range entries {
					if a.Action == "view-photo" {
						t.Fatalf("a refused fetch was recorded as a view: %+v", a)
					}
				}
				return
			}
			h := resp.Header
			if h.Get("Content-Type") != tt.want.ContentType || h.Get("Cache-Control") != "no-store" || h.Get("X-Content-Type-Options") != "nosniff" {
				t.Fatalf("headers: %v", h)
			}
			if !bytes.Equal(body, tt.want.Data) {
				t.Fatalf("the photo's bytes differ from the stored ones")
			}
			if len(entries) != 1 || entries[0].Action != "view-photo" || entries[0].RequestID != r.ID || entries[0].PatientID != pid ||
				entries[0].Desk != "desk-7 (front office)" || (entries[0].Actor != "amy" && entries[0].Actor != "mo") || !strings.Contains(entries[0].Detail, "photo") {
				t.Fatalf("the audit trail has %+v, want one view of this request's photo by its reader from desk-7", entries)
			}
		})
	}
	// The Task read by a FHIR client names the photos, absolute, never their bytes.
	resp, body := get(fmt.Sprintf("/fhir/Task/%d", r.ID), reviewer)
	if resp.StatusCode != 200 {
		t.Fatalf("read the Task: %d %s", resp.StatusCode, body)
	}
	var task struct {
		Input []struct {
			ValueAttachment *struct {
				ContentType, URL, Title string
				Size                    int64
			} `json:"valueAttachment"`
		} `json:"input"`
	}
	if err := json.Unmarshal(body, &task); err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, in := range task.Input {
		if a := in.ValueAttachment; a != nil {
			urls = append(urls, a.URL)
			if a.Size <= 0 || a.ContentType == "" {
				t.Fatalf("a photo without its size or type: %+v", a)
			}
		}
	}
	if want := []string{e.http.URL + photo(r.ID, 1), e.http.URL + photo(r.ID, 2)}; fmt.Sprint(urls) != fmt.Sprint(want) {
		t.Fatalf("the Task names photos at %v, want %v", urls, want)
	}
	if bytes.Contains(body, []byte(`"data"`)) {
		t.Fatalf("the Task carries a picture")
	}
	// And the absolute address is the one a staff client fetches.
	if resp, _ := get(strings.TrimPrefix(urls[0], e.http.URL), reviewer); resp.StatusCode != 200 {
		t.Fatalf("fetching the Task's photo address: %d", resp.StatusCode)
	}
}
