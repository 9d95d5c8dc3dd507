package store

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// testPhotos makes a PNG and a JPEG as the patient pages store them.
func testPhotos(t *testing.T) []Photo {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for x := 0; x < 40; x++ {
		for y := 0; y < 30; y++ {
			img.Set(x, y, color.RGBA{uint8(200 + x), 80, uint8(y * 4), 255})
		}
	}
	var p, j bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	return []Photo{{ContentType: "image/png", Width: 40, Height: 30, Data: p.Bytes()}, {ContentType: "image/jpeg", Width: 40, Height: 30, Data: j.Bytes()}}
}

// TestPhotosReachTheDesksCache: a request sent with photos carries what they are
// (never the pictures) through the queue's feed into a desk's cache, where the opened
// request lists them and its list row counts them; the queue hands a picture out one
// at a time, and a closed request's photos leave the cache with it.
func TestPhotosReachTheDesksCache(t *testing.T) {
	ctx := context.Background()
	q := openQueueTest(t)
	fam := family()
	fam[0].ActedForBy = []int64{1}
	if err := q.Import(ctx, Changes{Sites: []triage.Site{{ID: "riverside", Name: "Riverside"}}, GPTeams: []triage.GPTeam{{ID: "blue", Name: "Blue", SiteID: "riverside"}}, Patients: fam[:1]}); err != nil {
		t.Fatal(err)
	}
	photos := testPhotos(t)
	sugg := triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone}
	with, err := q.Submit(ctx, Submission{AccountID: 1, PatientID: 1, Kind: triage.Clinical, Text: "A rash on my arm", Suggested: sugg, Photos: photos}, triage.DefaultLimits(), triage.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	without, err := q.Submit(ctx, Submission{AccountID: 1, PatientID: 1, Kind: triage.Admin, Text: "fit note", Suggested: sugg}, triage.DefaultLimits(), triage.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	want := []triage.PhotoRef{
		{N: 1, ContentType: "image/png", Size: int64(len(photos[0].Data)), Width: 40, Height: 30},
		{N: 2, ContentType: "image/jpeg", Size: int64(len(photos[1].Data)), Width: 40, Height: 30},
	}
	stored, err := q.Request(ctx, with.ID)
	if err != nil || !reflect.DeepEqual(stored.Photos, want) {
		t.Fatalf("the queue's request lists photos %+v (%v), want %+v", stored.Photos, err, want)
	}
	ch, _, err := q.Feed(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	c := openTest(t)
	if err := c.ApplyChanges(ctx, ch, "1"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		id   int64
		want []triage.PhotoRef
	}{
		{"sent with two photos", with.ID, want},
		{"sent without", without.ID, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, err := c.Request(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(it.Photos, tt.want) || it.PhotoCount != len(tt.want) {
				t.Fatalf("the cached request lists %d photos %+v, want %+v", it.PhotoCount, it.Photos, tt.want)
			}
			rows, err := c.Inbox(ctx, triage.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, row := range rows {
				if row.ID == tt.id {
					found = true
					if row.PhotoCount != len(tt.want) {
						t.Fatalf("the inbox row counts %d photos, want %d", row.PhotoCount, len(tt.want))
					}
				}
			}
			if !found {
				t.Fatalf("request %d is not in the inbox", tt.id)
			}
			// The photo itself, one at a time, from the queue only.
			for _, p := range tt.want {
				got, patient, err := q.Photo(ctx, tt.id, p.N)
				if err != nil || !bytes.Equal(got.Data, photos[p.N-1].Data) || got.ContentType != p.ContentType || patient != 1 {
					t.Fatalf("photo %d: %s %d bytes for patient %d, %v", p.N, got.ContentType, len(got.Data), patient, err)
				}
			}
			if _, _, err := q.Photo(ctx, tt.id, len(tt.want)+1); triage.ErrorCode(err) != triage.ENOTFOUND {
				t.Fatalf("a photo the request does not have: %v, want not found", err)
			}
		})
	}
	// A second sync of the same request (a later version) keeps its photos once.
	if err := c.ApplyChanges(ctx, ch, "2"); err != nil {
		t.Fatal(err)
	}
	if it, _ := c.Request(ctx, with.ID); len(it.Photos) != 2 {
		t.Fatalf("after a second sync the request lists %d photos", len(it.Photos))
	}
	// Closed and past retention: the photos' details leave the cache with the request.
	closed := stored
	closed.Version, closed.Status, closed.Team, closed.Outcome, closed.ClosedAt = stored.Version+1, triage.StatusClosed, triage.TeamGP, triage.OutcomeAnswered, now.Add(-40*24*time.Hour)
	if err := c.Upsert(ctx, Changes{Requests: []triage.Request{closed}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Purge(ctx, DefaultRetention, "test"); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := c.r.GetContext(ctx, &left, `SELECT count(*) FROM request_photos`); err != nil || left != 0 {
		t.Fatalf("%d photo rows left in the cache after the purge (%v)", left, err)
	}
}

// TestAnImportCannotPromisePhotos: photo details without the pictures are refused on
// the queue, which could not then show them.
func TestAnImportCannotPromisePhotos(t *testing.T) {
	q := openQueueTest(t)
	r := req(1, 1, triage.Soon, triage.StatusNew, time.Hour, "rash")
	r.Photos = []triage.PhotoRef{{N: 1, ContentType: "image/jpeg", Size: 10}}
	if err := q.Import(context.Background(), Changes{Patients: family()[:1], Requests: []triage.Request{r}}); err == nil {
		t.Fatal("an import with photo details and no pictures was taken")
	}
}

// TestPhotosStoredBeforeTheirSizeGetOne: a queue whose photos were stored before it
// kept their size gets each photo's size from its picture.
func TestPhotosStoredBeforeTheirSizeGetOne(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "queue.db")
	old, err := openDBTo(ctx, path, queueSchema, 11)
	if err != nil {
		t.Fatal(err)
	}
	r := req(1, 1, triage.Soon, triage.StatusNew, time.Hour, "rash")
	photos := testPhotos(t)
	err = old.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		if err := upsertChanges(ctx, tx, Changes{Patients: family()[:1]}, false, false); err != nil {
			return err
		}
		// The columns schema 11 has: all but those added since (contact_avoid).
		cols := len(requestCols) - 1
		if _, err := tx.ExecContext(ctx, `INSERT INTO requests (`+strings.Join(requestCols[:cols], ", ")+`) VALUES (?`+repeatArgs(cols-1)+`)`, requestArgs(&r)[:cols]...); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO request_photos (request_id, n, content_type, width, height, data) VALUES (1, 1, 'image/png', 40, 30, ?)`, photos[0].Data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	q, err := OpenQueue(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	got, err := q.Request(ctx, 1)
	if err != nil || len(got.Photos) != 1 || got.Photos[0].Size != int64(len(photos[0].Data)) {
		t.Fatalf("the photo stored before sizes were kept: %+v, %v", got.Photos, err)
	}
}

func repeatArgs(n int) string {
	var b bytes.Buffer
	for range n {
		b.WriteString(", ?")
	}
	return b.String()
}

// TestCacheFromBeforePhotosSyncsAgain: a desk's cache made before photos and times to
// avoid reached the desk holds requests the feed would not send again until they
// changed, so they would show none of the photos the patient sent. After the upgrade
// the cache starts the feed again from the beginning.
func TestCacheFromBeforePhotosSyncsAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cache.db")
	old, err := openDBTo(ctx, path, cacheSchema, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.write(ctx, func(tx *sqlx.Tx, _ time.Time) error { return setMeta(ctx, tx, metaCursor, "1234") }); err != nil {
		t.Fatal(err)
	}
	old.Close()
	c, err := OpenCache(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if cur, err := c.Cursor(ctx); err != nil || cur != "" {
		t.Fatalf("after the upgrade the cache resumes the feed at %q (%v), so older requests never get their photos", cur, err)
	}
}
