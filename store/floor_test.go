package store

import (
	"context"
	"path/filepath"
	"testing"

	"triagedesk/demo"
	"triagedesk/triage"
)

// TestBareInsertWritesWhatTheSyncWrites checks the benchmarks' floor: the requests a
// bare insert writes read back as the cache's own write of them does, found by the
// inbox and by search, so a sync measured against it is measured against the same work.
func TestBareInsertWritesWhatTheSyncWrites(t *testing.T) {
	ctx := context.Background()
	p := demo.NewPractice(2, 50, now)
	reqs := demo.Requests(p, demo.RequestOptions{Seed: 2, Count: 300, Now: now})
	open := func(name string) *Cache {
		c, err := OpenCache(ctx, filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		if err := c.Upsert(ctx, Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients}); err != nil {
			t.Fatal(err)
		}
		return c
	}
	bare, upserted := open("bare.db"), open("upsert.db")
	if err := bare.BareInsert(ctx, reqs); err != nil {
		t.Fatal(err)
	}
	if err := upserted.Upsert(ctx, Changes{Requests: reqs}); err != nil {
		t.Fatal(err)
	}
	a, errA := bare.Count(ctx)
	b, errB := upserted.Count(ctx)
	if errA != nil || errB != nil || a != b || a != len(reqs) {
		t.Errorf("the bare insert's cache holds %d (%v), the upsert's %d (%v), of %d requests", a, errA, b, errB, len(reqs))
	}
	for _, word := range []string{"pain", "repeat", "cough"} {
		a, errA := bare.Search(ctx, word, triage.Filter{})
		b, errB := upserted.Search(ctx, word, triage.Filter{})
		if errA != nil || errB != nil || len(a) != len(b) || len(a) == 0 {
			t.Errorf("search %q: the bare insert's cache finds %d (%v), the upsert's %d (%v)", word, len(a), errA, len(b), errB)
		}
	}
	for _, r := range reqs[:20] {
		got, err := bare.Request(ctx, r.ID)
		if err != nil || got.Text != r.Text || got.Priority != r.Priority || got.Version != r.Version {
			t.Fatalf("request %d after a bare insert: %+v (%v)", r.ID, got.Request, err)
		}
	}
	if err := bare.BareInsert(ctx, reqs[:1]); err == nil {
		t.Error("a bare insert of a request the cache holds succeeded: it must refuse, not upsert")
	}
}
