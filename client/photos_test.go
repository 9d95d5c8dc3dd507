package client_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"triagedesk/client"
	"triagedesk/store"
	"triagedesk/triage"
)

// TestPhotosReachTheDeskAndAreFetchedOnDemand: a request the patient sent with
// photos reaches a desk's real cache, through the Syncer, knowing how many photos it
// has and what they are, without their bytes; the desk then fetches each picture
// from its own queue with its staff token, and a patient's token cannot.
func TestPhotosReachTheDeskAndAreFetchedOnDemand(t *testing.T) {
	p := newPractice(t, 50)
	ctx := context.Background()
	img := image.NewRGBA(image.Rect(0, 0, 32, 20))
	for x := range 32 {
		img.Set(x, x%20, color.RGBA{180, 30, 30, 255})
	}
	var pb, jb bytes.Buffer
	png.Encode(&pb, img)
	jpeg.Encode(&jb, img, nil)
	photos := []store.Photo{{ContentType: "image/jpeg", Width: 32, Height: 20, Data: jb.Bytes()}, {ContentType: "image/png", Width: 32, Height: 20, Data: pb.Bytes()}}
	acc := p.practice.Accounts[3]
	r, err := p.queue.Submit(ctx, store.Submission{AccountID: acc.ID, PatientID: acc.PatientID, Kind: triage.Clinical, Text: "A rash on my arm, photos attached",
		Suggested: triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone}, Photos: photos},
		triage.DefaultLimits(), triage.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	s, cache := p.desk(p.reviewer)
	if _, _, err := s.Once(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := cache.Request(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []triage.PhotoRef{{N: 1, ContentType: "image/jpeg", Size: int64(jb.Len()), Width: 32, Height: 20}, {N: 2, ContentType: "image/png", Size: int64(pb.Len()), Width: 32, Height: 20}}
	if got.PhotoCount != 2 || len(got.Photos) != 2 || got.Photos[0] != want[0] || got.Photos[1] != want[1] {
		t.Fatalf("the desk's cache has %d photos %+v, want %+v", got.PhotoCount, got.Photos, want)
	}
	staff, err := client.New(p.http.URL, p.reviewer)
	if err != nil {
		t.Fatal(err)
	}
	staff.Desk = "desk-3"
	for i, ph := range photos {
		data, ct, err := staff.Photo(ctx, r.ID, i+1)
		if err != nil || ct != ph.ContentType || !bytes.Equal(data, ph.Data) {
			t.Fatalf("photo %d: %s, %d bytes, %v", i+1, ct, len(data), err)
		}
	}
	if _, _, err := staff.Photo(ctx, r.ID, 3); triage.ErrorCode(err) != triage.ENOTFOUND {
		t.Fatalf("a photo the request does not have: %v, want not found", err)
	}
	patient, _ := client.New(p.http.URL, p.patients[acc.ID])
	if _, _, err := patient.Photo(ctx, r.ID, 1); triage.ErrorCode(err) != triage.EFORBIDDEN {
		t.Fatalf("the patient's own token on the staff photo address: %v, want forbidden", err)
	}
}
