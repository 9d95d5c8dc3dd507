package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"triagedesk/demo"
	"triagedesk/triage"
)

// benchQueue opens a queue holding a small practice, with synchronous set as given.
func benchQueue(b *testing.B, synchronous string) (*Queue, *demo.Practice) {
	b.Helper()
	ctx := context.Background()
	s := queueSchema
	s.synchronous = synchronous
	q, err := openQueue(ctx, filepath.Join(b.TempDir(), "queue.db"), s)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { q.Close() })
	p := demo.NewPractice(1, 1000, now)
	if err := q.Import(ctx, Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients}); err != nil {
		b.Fatal(err)
	}
	return q, p
}

// BenchmarkGroupedWrites measures the queue's single writer as the server drives it:
// 50 senders submitting at once, and the audit entries of 200 desks' feed replies,
// with the queue's synchronous=FULL beside NORMAL (the issue asks what FULL costs).
// ns/op is the writer's wall time per write; tx/op how many commits each took.
func BenchmarkGroupedWrites(b *testing.B) {
	limits := triage.Limits{MaxLive: 1_000_000, OveruseThreshold: 8}
	cal := triage.DefaultCalendar()
	for _, sync := range []string{"FULL", "NORMAL"} {
		b.Run("submit-50-senders-"+sync, func(b *testing.B) {
			q, p := benchQueue(b, sync)
			grouped(b, q, 50, func(ctx context.Context, g, i int) error {
				_, err := q.Submit(ctx, Submission{EnteredBy: "bench", PatientID: p.Patients[(g*97+i)%len(p.Patients)].ID,
					Kind: triage.Admin, Text: "a fit note please", Suggested: triage.Suggestion{Priority: triage.Routine, Team: triage.TeamAdmin, Signpost: triage.SignpostNone}}, limits, cal)
				return err
			})
		})
		b.Run("audit-200-desks-"+sync, func(b *testing.B) {
			q, _ := benchQueue(b, sync)
			grouped(b, q, 200, func(ctx context.Context, g, i int) error {
				return q.Audit(ctx, triage.AuditEntry{Actor: "demo-reviewer", Desk: fmt.Sprintf("desk %d", g), Action: "sync",
					Records: RecordList([]int64{int64(i), int64(i + 1)}, nil), Detail: "sent 2 requests and 0 patients"})
			})
		})
	}
}

// grouped runs b.N writes from n goroutines at once and reports commits per write.
func grouped(b *testing.B, q *Queue, n int, write func(ctx context.Context, g, i int) error) {
	ctx := context.Background()
	before := q.WriteStats()
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	b.ResetTimer()
	for g := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1))
				if i > b.N {
					return
				}
				if err := write(ctx, g, i); err != nil {
					failed.Store(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
	after := q.WriteStats()
	b.ReportMetric(float64(after.Transactions-before.Transactions)/float64(b.N), "tx/op")
	b.ReportMetric(float64(after.Commit-before.Commit)/float64(b.N), "commit-ns/op")
}
