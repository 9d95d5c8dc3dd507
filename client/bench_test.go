package client_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/client"
	"triagedesk/demo"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// benchQueue is a 100,000-request practice queue served on 127.0.0.1, made once.
var benchQueue struct {
	once     sync.Once
	dir      string
	queue    *store.Queue
	srv      *server.Server
	http     *httptest.Server
	reviewer string
	practice *demo.Practice
	requests []triage.Request
	patients map[int64]string
}

func bigPractice(b *testing.B) {
	b.Helper()
	benchQueue.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "triagedesk-syncbench-")
		if err != nil {
			b.Fatal(err)
		}
		benchQueue.dir = dir
		q, err := store.OpenQueue(ctx, filepath.Join(dir, "queue.db"))
		if err != nil {
			b.Fatal(err)
		}
		p := demo.NewPractice(1, 30_000, testNow)
		reqs := demo.Requests(p, demo.RequestOptions{Seed: 1, Count: 100_000, Now: testNow, Classify: assets.DefaultEngine().Classify})
		if err := q.Import(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
			b.Fatal(err)
		}
		if benchQueue.patients, err = q.Logins(ctx, p.Accounts); err != nil {
			b.Fatal(err)
		}
		benchQueue.reviewer, _ = q.AddUser(ctx, "bench", store.RoleReviewer, "")
		benchQueue.queue, benchQueue.practice, benchQueue.requests = q, p, reqs
		benchQueue.srv = server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
		benchQueue.srv.SetClock(func() time.Time { return testNow })
		benchQueue.http = httptest.NewServer(benchQueue.srv)
	})
}

// BenchmarkFullSync100k syncs the whole 100,000-request queue into an empty cache,
// and, side by side, writes the same records into an empty cache directly (Upsert)
// and by a bare prepared insert of the same 100,000 requests into a cache that holds
// their patients already (store.BareInsert: the floor any sync is measured against).
// Targets: under 3 s, within 3x of the bare insert in the same run.
func BenchmarkFullSync100k(b *testing.B) {
	bigPractice(b)
	ctx := context.Background()
	fresh := func(name string) *store.Cache {
		b.StopTimer()
		defer b.StartTimer()
		path := filepath.Join(benchQueue.dir, name)
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(path + s)
		}
		c, err := store.OpenCache(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		return c
	}
	b.Run("sync", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			cache := fresh("sync.db")
			c, _ := client.New(benchQueue.http.URL, benchQueue.reviewer)
			if _, err := client.NewSyncer(c, cache).Pull(ctx, false); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if n, _ := cache.Count(ctx); n != 100_000 {
				b.Fatalf("cache holds %d", n)
			}
			cache.Close()
			b.StartTimer()
		}
	})
	b.Run("bare-insert", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			cache := fresh("bare.db")
			b.StopTimer()
			if err := cache.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: benchQueue.practice.Patients}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := cache.BareInsert(ctx, benchQueue.requests); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			cache.Close()
			b.StartTimer()
		}
	})
	b.Run("direct-write", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			cache := fresh("direct.db")
			if err := cache.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: benchQueue.practice.Patients, Requests: benchQueue.requests}); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			cache.Close()
			b.StartTimer()
		}
	})
}

// BenchmarkSubmissionToDesks measures how long a new submission takes to reach the
// cache of a following desk, with 50 desks following. Targets: p50 < 200 ms, p99 < 1 s.
func BenchmarkSubmissionToDesks(b *testing.B) {
	p := newBenchPractice(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const desks = 50
	caches := make([]*store.Cache, desks)
	for i := range caches {
		c, _ := client.New(p.http.URL, p.reviewer)
		cache, err := store.OpenCache(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("desk%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		defer cache.Close()
		s := client.NewSyncer(c, cache)
		if _, _, err := s.Once(ctx); err != nil {
			b.Fatal(err)
		}
		go s.Run(ctx)
		caches[i] = cache
	}
	time.Sleep(200 * time.Millisecond)
	acc := p.practice.Accounts[0]
	pc, _ := client.New(p.http.URL, p.patients[acc.ID])
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		id, err := pc.Submit(ctx, 0, triage.Admin, "blood test results please")
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range caches {
			for {
				if _, err := c.Request(ctx, id); err == nil {
					break
				}
				if time.Since(start) > 10*time.Second {
					b.Fatal("a desk did not see the submission within 10 s")
				}
				time.Sleep(2 * time.Millisecond)
			}
			lat = append(lat, time.Since(start))
		}
		p.queue.Act(ctx, triage.DefaultCalendar(), triage.Action{Kind: triage.ActClose, RequestID: id, BaseVersion: 1, Actor: "bench", Outcome: triage.OutcomeNoAction})
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Milliseconds()), "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Milliseconds()), "p99-ms")
}

// BenchmarkSubmissions50Senders sends patient submissions from 50 goroutines at once
// to the default SQLite queue. Target: at least 1,000 a second, no error.
func BenchmarkSubmissions50Senders(b *testing.B) {
	p := newBenchPractice(b)
	ctx := context.Background()
	p.srv.SetClock(func() time.Time { return testNow })
	var tokens []string
	for _, t := range p.patients {
		tokens = append(tokens, t)
	}
	limits := triage.Limits{MaxLive: 1_000_000, OveruseThreshold: 8} // a load test, not a practice: no patient limit
	if err := p.queue.SetSetting(ctx, "limits", limits, "bench"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	per := (b.N + 49) / 50
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			c, _ := client.New(p.http.URL, tokens[g%len(tokens)])
			for i := 0; i < per; i++ {
				if _, err := c.Submit(ctx, 0, triage.Admin, "fit note please"); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					return
				}
			}
		}(g)
	}
	wg.Wait()
	b.StopTimer()
	if firstErr != nil {
		b.Fatal(firstErr)
	}
	b.ReportMetric(float64(per*50)/b.Elapsed().Seconds(), "submissions/s")
}

func newBenchPractice(b *testing.B) *practice { return newPracticeTB(b, 500) }
