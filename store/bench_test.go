package store

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"triagedesk/demo"
	"triagedesk/triage"
)

// benchSize is the cache the targets are set for: a federation-sized 100,000 requests.
const benchSize = 100_000

var bench struct {
	once     sync.Once
	practice *demo.Practice
	requests []triage.Request
	dir      string
	cache    *Cache
	err      error
}

// benchData makes the demo practice's 30,000 patients and 100,000 requests once.
func benchData(b *testing.B) (*demo.Practice, []triage.Request) {
	b.Helper()
	bench.once.Do(func() {
		bench.practice = demo.NewPractice(1, 30_000, now)
		bench.requests = demo.Requests(bench.practice, demo.RequestOptions{Seed: 1, Count: benchSize, Now: now})
		bench.dir, bench.err = os.MkdirTemp("", "triagedesk-bench-")
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.practice, bench.requests
}

// benchCache returns a 100,000-request cache shared by the read benchmarks.
func benchCache(b *testing.B) *Cache {
	b.Helper()
	p, reqs := benchData(b)
	if bench.cache == nil {
		c, err := OpenCache(context.Background(), filepath.Join(bench.dir, "read.db"))
		if err != nil {
			b.Fatal(err)
		}
		c.Now = func() time.Time { return now }
		if err := c.Upsert(context.Background(), Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
			b.Fatal(err)
		}
		bench.cache = c
	}
	return bench.cache
}

func TestMain(m *testing.M) {
	if path := os.Getenv(killChildEnv); path != "" {
		os.Exit(killChild(path))
	}
	code := m.Run()
	if bench.cache != nil {
		bench.cache.Close()
	}
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// freshCache opens an empty cache holding the practice's patients, outside the timer.
func freshCache(b *testing.B, name string, p *demo.Practice) *Cache {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	path := filepath.Join(bench.dir, name)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	c, err := OpenCache(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	if err := c.Upsert(context.Background(), Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients}); err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkUpsert100k compares the cache's batch upsert of 100,000 requests with a
// bare prepared INSERT of the same rows in one transaction, into the same schema, with
// the same rows added to the full-text index. Target: upsert within 1.5× of bare.
func BenchmarkUpsert100k(b *testing.B) {
	p, reqs := benchData(b)
	ctx := context.Background()
	b.Run("upsert", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c := freshCache(b, "upsert.db", p)
			if err := c.Upsert(ctx, Changes{Requests: reqs}); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			c.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(len(reqs))*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("bare-insert", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c := freshCache(b, "bare.db", p)
			if err := c.BareInsert(ctx, reqs); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			c.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(len(reqs))*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// BenchmarkInboxTop200 reads the first screenful of the triage inbox. Target: < 1 ms.
func BenchmarkInboxTop200(b *testing.B) {
	c := benchCache(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		items, err := c.Inbox(ctx, triage.Filter{Limit: 200})
		if err != nil || len(items) == 0 {
			b.Fatal(len(items), err)
		}
	}
}

// BenchmarkTeamQueue reads the first 200 of the GP team's live requests.
func BenchmarkTeamQueue(b *testing.B) {
	c := benchCache(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		items, err := c.TeamQueue(ctx, triage.Filter{Team: triage.TeamGP, Limit: 200})
		if err != nil || len(items) == 0 {
			b.Fatal(len(items), err)
		}
	}
}

// BenchmarkSearchTwoWords runs ranked searches of two words over all 100,000 requests,
// and the same words narrowing the inbox. Target: < 20 ms.
func BenchmarkSearchTwoWords(b *testing.B) {
	c := benchCache(b)
	ctx := context.Background()
	for _, q := range []string{"back pain", "chest pain", "blood test"} {
		b.Run("ranked/"+q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				hits, err := c.Search(ctx, q, triage.Filter{Limit: 50})
				if err != nil || len(hits) == 0 {
					b.Fatal(len(hits), err)
				}
			}
		})
		b.Run("inbox/"+q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := c.Inbox(ctx, triage.Filter{Text: q, Limit: 200}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCountInbox counts the inbox, as the navigation does after every change.
func BenchmarkCountInbox(b *testing.B) {
	c := benchCache(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.CountInbox(ctx, triage.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}
