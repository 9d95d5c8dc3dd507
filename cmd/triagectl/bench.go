package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"triagedesk/assets"
	"triagedesk/client"
	"triagedesk/demo"
	"triagedesk/fhir"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// runBench measures the sync targets against a practice queue it starts on 127.0.0.1
// with real SQLite files in a temporary folder, and prints one table.
func runBench(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	requests := fs.Int("requests", 100_000, "requests in the practice queue for the full sync")
	desks := fs.Int("desks", 50, "desks following the queue during the latency and load tests")
	submissions := fs.Int("submissions", 50, "submissions timed in the latency test")
	senders := fs.Int("senders", 50, "concurrent patient senders in the load test")
	duration := fs.Duration("load", 3*time.Second, "how long the load test sends for")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file (go tool pprof reads it)")
	cacheDesks := fs.Int("cache-desks", 5, "how many of the following desks keep a real cache as the desk does; the others follow over the wire\n"+
		"with the desk's client and keep what they receive in memory (a desk writes its cache on its own computer:\n"+
		"two hundred caches written on this one measure this machine, not the queue)")
	queueProcess := fs.Bool("queue-process", true, "serve the following desks' practice queue from a process of its own (triagectl bench-queue), so the\n"+
		"CPU per submission is the queue's alone, apart from the desks' and senders' in this process; false runs all in one process")
	synchronous := fs.String("queue-synchronous", "full", "SQLite's synchronous setting of the desks' queue in the latency and load tests: full, as a\n"+
		"practice's queue always runs, or normal, only to measure what full costs (normal can lose acknowledged requests in a power cut)")
	feedInterval := fs.Duration("feed-interval", server.DefaultFeedInterval, "the least time between two announcements of changes to the following desks\n"+
		"(server.FeedInterval): a change after a quiet spell is announced at once, later ones wait for the next announcement together")
	profileDir := fs.String("profile", "", "write CPU, mutex and block profiles of the load test alone to this folder,\n"+
		"samples labelled side=queue, desk or patient (go tool pprof -tagfocus side=queue)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch strings.ToLower(*synchronous) {
	case "full", "normal":
	default:
		fmt.Fprintf(stderr, "triagectl bench: --queue-synchronous %q: use full or normal\n", *synchronous)
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "triagectl bench: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "triagectl bench: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	// Every desk and sender here is a client of the process's default transport, which
	// keeps two idle connections to a host: the others would reconnect for every call,
	// which a desk (its own process, its own connection) never does.
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		t.MaxIdleConnsPerHost = *desks + *senders + 10
	}
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "triagectl-bench-")
	if err != nil {
		fmt.Fprintf(stderr, "triagectl bench: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	// The queue process writes its errors to the same stderr, from exec's goroutine.
	b := &bench{dir: dir, out: &syncWriter{w: stderr}, cacheDesks: *cacheDesks, profileDir: *profileDir, ownProcess: *queueProcess, synchronous: strings.ToUpper(*synchronous), feedInterval: *feedInterval}
	rows, err := b.run(ctx, *requests, *desks, *submissions, *senders, *duration)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl bench: %v\n", err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "measure\tresult\ttarget\tmet")
	for _, r := range rows {
		met := "yes"
		switch {
		case r.target == "":
			met = "" // a figure for reference, with no target of its own
		case !r.met:
			met = "NO"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.name, r.result, r.target, met)
	}
	tw.Flush()
	return 0
}

type benchRow struct {
	name, result, target string
	met                  bool
}

type bench struct {
	dir        string
	out        io.Writer
	cacheDesks int    // desks that keep a real cache; the rest follow over the wire
	profileDir string // where the load test's profiles go, if anywhere
	ownProcess bool   // the desks' queue runs in a process of its own
	// synchronous is the desks' queue's SQLite synchronous setting: "FULL", or
	// "NORMAL" to measure what FULL costs; upper-cased once, as it is shown.
	synchronous  string
	feedInterval time.Duration // the desks' queue's server.FeedInterval
	queue        *store.Queue
	server       *server.Server
	queueProc    *queueProcess // the desks' queue, when in its own process
}

// Labels for the profiles: which side of the bench a sample's goroutine works for.
var (
	queueSide   = pprof.Labels("side", "queue")
	deskSide    = pprof.Labels("side", "desk")
	patientSide = pprof.Labels("side", "patient")
)

// practiceServer makes a demo practice queue in the bench folder and serves it on
// 127.0.0.1; it returns the URL, a staff token, patient tokens, the practice and its
// requests, and a stop function. synchronous is the queue's SQLite setting ("full",
// or "normal" to measure what full costs).
func (b *bench) practiceServer(ctx context.Context, name string, patients, requests int, ownProcess bool, synchronous string) (url, staff string, patientTokens []string, p *demo.Practice, reqs []triage.Request, stop func(), err error) {
	now := time.Now()
	var q *store.Queue
	// Opened under the queue's label, so its group writer's samples carry it.
	pprof.Do(ctx, queueSide, func(ctx context.Context) {
		q, err = store.OpenQueueToMeasure(ctx, filepath.Join(b.dir, name), synchronous)
	})
	if err != nil {
		return
	}
	filled, err := server.FillDemo(ctx, q, 1, patients, requests, now)
	if err != nil {
		return
	}
	p = filled.Practice
	// The same requests FillDemo made, for the direct-write comparison.
	reqs = demo.Requests(p, demo.RequestOptions{Seed: 1, Count: requests, Now: now, Classify: assets.DefaultEngine().Classify})
	for _, a := range p.Accounts[:min(200, len(p.Accounts))] {
		patientTokens = append(patientTokens, filled.PatientTokens[a.ID])
	}
	// A load test, not a practice: no limit on live requests.
	if err = q.SetSetting(ctx, "limits", triage.Limits{MaxLive: 1_000_000, OveruseThreshold: 8}, "bench"); err != nil {
		return
	}
	reviewer, _ := filled.User("demo-reviewer")
	staff = reviewer.Token
	if ownProcess {
		if err = q.Close(); err != nil {
			return
		}
		var qp *queueProcess
		if qp, err = startQueueProcess(filepath.Join(b.dir, name), synchronous, b.feedInterval, b.out); err != nil {
			return
		}
		b.queueProc = qp
		return qp.url, staff, patientTokens, p, reqs, qp.stop, nil
	}
	srv := server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	// Open whatever the hour, so the bench runs at night too.
	srv.SetClock(benchClock)
	srv.FeedInterval = b.feedInterval
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return
	}
	hs := &http.Server{Handler: srv}
	go pprof.Do(ctx, queueSide, func(context.Context) { hs.Serve(ln) }) // its connections inherit the label
	b.queue, b.server = q, srv
	return "http://" + ln.Addr().String(), staff, patientTokens, p, reqs, func() { hs.Close(); q.Close() }, nil
}

func (b *bench) run(ctx context.Context, requests, desks, submissions, senders int, load time.Duration) ([]benchRow, error) {
	fmt.Fprintf(b.out, "making a practice of 30,000 patients and %d requests…\n", requests)
	url, staff, _, p, reqs, stop, err := b.practiceServer(ctx, "big.db", 30_000, requests, false, "full")
	if err != nil {
		return nil, err
	}
	defer stop()

	var rows []benchRow
	// 1. Full sync, beside a direct write of the same records.
	fmt.Fprintln(b.out, "full sync…")
	// Three runs of each, each into a new cache, and the median reported: one run on a
	// shared machine says more about its neighbours than about the sync.
	var syncs, directs, bares []time.Duration
	for i := range 3 {
		runtime.GC()
		cache, err := store.OpenCache(ctx, filepath.Join(b.dir, fmt.Sprintf("sync-%d.db", i)))
		if err != nil {
			return nil, err
		}
		c, _ := client.New(url, staff)
		start := time.Now()
		if _, err := client.NewSyncer(c, cache).Pull(ctx, false); err != nil {
			return nil, err
		}
		syncs = append(syncs, time.Since(start))
		cache.Close()
		runtime.GC()
		direct, err := store.OpenCache(ctx, filepath.Join(b.dir, fmt.Sprintf("direct-%d.db", i)))
		if err != nil {
			return nil, err
		}
		start = time.Now()
		if err := direct.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
			return nil, err
		}
		directs = append(directs, time.Since(start))
		direct.Close()
		// The floor: a bare prepared insert of the same requests into a cache that holds
		// their patients already (not timed).
		runtime.GC()
		bare, err := store.OpenCache(ctx, filepath.Join(b.dir, fmt.Sprintf("bare-%d.db", i)))
		if err != nil {
			return nil, err
		}
		if err := bare.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients}); err != nil {
			return nil, err
		}
		start = time.Now()
		if err := bare.BareInsert(ctx, reqs); err != nil {
			return nil, err
		}
		bares = append(bares, time.Since(start))
		bare.Close()
	}
	slices.Sort(syncs)
	slices.Sort(directs)
	slices.Sort(bares)
	syncTime, directTime, bareTime := syncs[1], directs[1], bares[1]
	ms := func(d time.Duration) string { return d.Round(10 * time.Millisecond).String() }
	rows = append(rows,
		benchRow{fmt.Sprintf("full sync of %d requests (median of 3)", requests), fmt.Sprintf("%s (%s–%s)", ms(syncTime), ms(syncs[0]), ms(syncs[2])), "< 3s", syncTime < 3*time.Second},
		benchRow{"  against a bare prepared insert of the same requests", fmt.Sprintf("%.2fx (%s)", float64(syncTime)/float64(bareTime), ms(bareTime)), "< 3x", syncTime < 3*bareTime},
		benchRow{"  against the cache's own write of the same records", fmt.Sprintf("%.2fx (%s)", float64(syncTime)/float64(directTime), ms(directTime)), "", true})

	// 2 and 3 on a practice small enough for fifty desks to copy.
	url, staff, patients, _, _, stop2, err := b.practiceServer(ctx, "small.db", 1000, 500, b.ownProcess, b.synchronous)
	if err != nil {
		return nil, err
	}
	defer stop2()
	where := "in this process"
	if b.queueProc != nil {
		where = "in a process of its own"
	}
	fmt.Fprintf(b.out, "%d desks following a queue %s, synchronous=%s, announcing changes at most every %s (%d with a real cache as the desk keeps it, %d over the wire reading every byte\n"+
		"of every page but decoding only ids and cursors; a cache is looked at when its syncer reports a sync and every %s, so a cache desk's time is late by up to %s, never early)…\n",
		desks, where, b.synchronous, b.feedInterval, min(b.cacheDesks, desks), desks-min(b.cacheDesks, desks), probeEvery, probeEvery)
	followCtx, stopFollowing := context.WithCancel(ctx)
	defer stopFollowing()
	following, err := b.follow(followCtx, url, staff, desks)
	if err != nil {
		return nil, err
	}
	pc, _ := client.New(url, patients[0])
	lat, err := b.latency(ctx, following, pc, submissions, time.Time{})
	if err != nil {
		return nil, err
	}
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	rows = append(rows,
		benchRow{fmt.Sprintf("submission to %d desks, p50", desks), p50.Round(time.Millisecond).String(), "< 200ms", p50 < 200*time.Millisecond},
		benchRow{fmt.Sprintf("submission to %d desks, p99", desks), p99.Round(time.Millisecond).String(), "< 1s", p99 < time.Second})

	// The load: senders as fast as they can while the desks go on following, each
	// feed reply an audited read, and a probe timing how soon each desk sees a request.
	fmt.Fprintf(b.out, "%d senders for %s with %d desks following…\n", senders, load, desks)
	stopProfiles, err := b.startProfiles(load)
	if err != nil {
		return nil, err
	}
	var sent, failed atomic.Int64
	var wg sync.WaitGroup
	before, err := b.counts()
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(load)
	began := time.Now()
	for g := 0; g < senders; g++ {
		wg.Add(1)
		go pprof.Do(ctx, patientSide, func(ctx context.Context) {
			defer wg.Done()
			pc, _ := client.New(url, patients[(g+1)%len(patients)])
			for time.Now().Before(deadline) {
				if _, err := pc.Submit(ctx, 0, triage.Admin, "fit note please"); err != nil {
					failed.Add(1)
				} else {
					sent.Add(1)
				}
			}
		})
	}
	var underLoad []time.Duration
	var probeErr error
	pprof.Do(ctx, patientSide, func(ctx context.Context) { underLoad, probeErr = b.latency(ctx, following, pc, 0, deadline) })
	wg.Wait()
	elapsed := time.Since(began)
	after, err := b.counts()
	if err != nil {
		return nil, err
	}
	used := after.minus(before)
	if err := stopProfiles(); err != nil {
		return nil, err
	}
	rate := float64(sent.Load()) / elapsed.Seconds()
	rows = append(rows,
		benchRow{fmt.Sprintf("submissions, %d senders, %d desks following, synchronous=%s", senders, desks, b.synchronous), fmt.Sprintf("%.0f/s", rate), ">= 1000/s", rate >= 1000},
		benchRow{"  errors", fmt.Sprint(failed.Load()), "0", failed.Load() == 0})
	if probeErr != nil {
		return nil, probeErr
	}
	if len(underLoad) > 0 {
		p50, p99 := underLoad[len(underLoad)/2], underLoad[len(underLoad)*99/100]
		rows = append(rows,
			benchRow{fmt.Sprintf("  submission to %d desks under that load, p50", desks), p50.Round(time.Millisecond).String(), "", true},
			benchRow{fmt.Sprintf("  submission to %d desks under that load, p99", desks), p99.Round(time.Millisecond).String(), "< 1s", p99 < time.Second})
	}
	// Where the work went: not targets, but what to divide the CPU profile by.
	subs := max(used.submissions, 1)
	replies := max(used.feedReplies, 1)
	rows = append(rows,
		benchRow{"  feed replies to the desks", fmt.Sprintf("%d (%.0f/s), %d pages read and encoded", used.feedReplies, float64(used.feedReplies)/elapsed.Seconds(), used.feedPages), "", true},
		benchRow{"  queue write transactions", fmt.Sprintf("%d for %d jobs (%.1f jobs a transaction): %.3f per submission+reply", used.writes.Transactions, used.writes.Jobs,
			float64(used.writes.Jobs)/float64(max(used.writes.Transactions, 1)), float64(used.writes.Transactions)/float64(subs+replies)), "", true},
		benchRow{"  the single writer busy", fmt.Sprintf("%.0f%% of the time; a transaction %s, its commit %s", 100*used.writes.Busy.Seconds()/elapsed.Seconds(),
			(used.writes.Busy / time.Duration(max(used.writes.Transactions, 1))).Round(time.Microsecond),
			(used.writes.Commit / time.Duration(max(used.writes.Transactions, 1))).Round(time.Microsecond)), "", true},
	)
	perSub := func(d time.Duration) string {
		return fmt.Sprintf("%s: %.2f ms per submission", d.Round(time.Millisecond), float64(d.Microseconds())/1000/float64(subs))
	}
	if b.queueProc != nil {
		rows = append(rows,
			benchRow{"  CPU of the queue process", perSub(used.cpu), "", true},
			benchRow{"  CPU of the desks and senders (this process)", perSub(used.benchCPU), "", true})
	} else {
		rows = append(rows, benchRow{"  CPU of this process (queue, desks and senders)", perSub(used.cpu), "", true})
	}
	return rows, nil
}

// benchCounts are the queue's and the process's counters at a moment of the load test.
type benchCounts struct {
	submissions            int64
	feedReplies, feedPages int64
	writes                 store.WriteStats
	cpu                    time.Duration // user and system time of the queue's process
	benchCPU               time.Duration // of this process, when the queue has its own
}

func (b *bench) counts() (benchCounts, error) {
	if b.queueProc != nil {
		st, err := b.queueProc.stats()
		return benchCounts{submissions: st.Submissions, feedReplies: st.Replies, feedPages: st.Pages, writes: st.Writes, cpu: st.CPU, benchCPU: processCPU()}, err
	}
	st := b.server.FeedStats()
	return benchCounts{submissions: st.Submissions, feedReplies: st.Replies, feedPages: st.Pages, writes: b.queue.WriteStats(), cpu: processCPU()}, nil
}

func (c benchCounts) minus(o benchCounts) benchCounts {
	return benchCounts{submissions: c.submissions - o.submissions, feedReplies: c.feedReplies - o.feedReplies, feedPages: c.feedPages - o.feedPages,
		writes: store.WriteStats{Transactions: c.writes.Transactions - o.writes.Transactions, Jobs: c.writes.Jobs - o.writes.Jobs,
			Busy: c.writes.Busy - o.writes.Busy, Commit: c.writes.Commit - o.writes.Commit}, cpu: c.cpu - o.cpu, benchCPU: c.benchCPU - o.benchCPU}
}

// startProfiles starts the load test's CPU, mutex and block profiles, when asked for,
// and returns what writes them out. A queue in its own process is profiled over the
// load's length into load-queue-cpu.pprof.
func (b *bench) startProfiles(load time.Duration) (stop func() error, err error) {
	if b.profileDir == "" {
		return func() error { return nil }, nil
	}
	if err := os.MkdirAll(b.profileDir, 0o755); err != nil {
		return nil, err
	}
	queueDone := make(chan error, 1)
	if b.queueProc == nil {
		queueDone <- nil
	} else {
		qf, err := os.Create(filepath.Join(b.profileDir, "load-queue-cpu.pprof"))
		if err != nil {
			return nil, err
		}
		go func() { queueDone <- errors.Join(b.queueProc.profile(load, qf), qf.Close()) }()
	}
	f, err := os.Create(filepath.Join(b.profileDir, "load-cpu.pprof"))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("profile the load test (is --cpuprofile also set?): %w", err)
	}
	runtime.SetMutexProfileFraction(5)
	runtime.SetBlockProfileRate(int(100 * time.Microsecond))
	return func() error {
		pprof.StopCPUProfile()
		runtime.SetMutexProfileFraction(0)
		runtime.SetBlockProfileRate(0)
		errs := []error{f.Close(), <-queueDone}
		for _, name := range []string{"mutex", "block"} {
			out, err := os.Create(filepath.Join(b.profileDir, "load-"+name+".pprof"))
			if err != nil {
				return err
			}
			errs = append(errs, pprof.Lookup(name).WriteTo(out, 0), out.Close())
		}
		fmt.Fprintf(b.out, "profiles of the load test in %s\n", b.profileDir)
		return errors.Join(errs...)
	}, nil
}

// benchDesk is a following desk as the latency probe sees it: when it had a request.
type benchDesk interface {
	// has reports whether the desk has request id, and since when if it knows.
	has(ctx context.Context, id int64) (bool, time.Time)
	// wait returns when it is worth looking again (probeEvery at the most).
	wait(ctx context.Context)
}

// probeEvery is the longest the latency probe waits before it looks again for a
// request a desk has not shown yet. A desk with a cache is looked at as soon as its
// syncer reports a sync (the moment the desk's screens refresh) and at least this
// often, and timed when it is seen: its figure is late by up to this much, never early.
// The wire desks note the moment each request arrives, so looking at them less often
// changes nothing. Looking every millisecond was a read of a cache each time, a tenth
// of this process's CPU under load.
const probeEvery = 10 * time.Millisecond

// cacheDesk is a desk as it runs: a syncer following the queue into its own cache.
type cacheDesk struct {
	cache  *store.Cache
	synced chan struct{} // a sync was reported since the probe last looked
}

func (d cacheDesk) has(ctx context.Context, id int64) (bool, time.Time) {
	_, err := d.cache.Request(ctx, id)
	return err == nil, time.Time{}
}

func (d cacheDesk) wait(ctx context.Context) {
	select {
	case <-d.synced:
	case <-time.After(probeEvery):
	case <-ctx.Done():
	}
}

// wireDesk follows the queue as a desk does, with the desk's client, long polls and
// compact pages, but only notes when each request arrived, in memory: it reads every
// byte of every page and decodes the records' ids and the cursor only
// (fhir.DeskPageIDs), not whole requests, and writes no cache. It stands for the load
// a desk puts on the queue; what a desk costs its own computer is not the queue's
// figure (the cache desks do exactly what the desk does).
type wireDesk struct {
	mu      sync.Mutex
	arrived map[int64]time.Time
}

func (d *wireDesk) has(_ context.Context, id int64) (bool, time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	at, ok := d.arrived[id]
	return ok, at
}

func (d *wireDesk) wait(ctx context.Context) {
	select {
	case <-time.After(probeEvery):
	case <-ctx.Done():
	}
}

// pull reads pages until the desk is up to date (wait makes the first a long poll)
// and returns the cursor that follows them.
func (d *wireDesk) pull(ctx context.Context, c *client.Client, cursor string, wait bool) (string, error) {
	for {
		body, compact, err := c.FeedBody(ctx, cursor, client.PageSize, wait)
		if err != nil {
			return cursor, err
		}
		if !compact {
			return cursor, errors.New("the queue sent a FHIR Bundle, not the compact feed the desks ask for")
		}
		ids, _, next, more, err := fhir.DeskPageIDs(body)
		if err != nil {
			return cursor, err
		}
		now := time.Now()
		d.mu.Lock()
		for _, id := range ids {
			if _, ok := d.arrived[id]; !ok {
				d.arrived[id] = now
			}
		}
		d.mu.Unlock()
		cursor, wait = next, false
		if !more {
			return cursor, nil
		}
	}
}

// follow starts desks that sync once and then follow the queue until ctx ends: the
// first b.cacheDesks of them each with its own cache file, the others over the wire.
func (b *bench) follow(ctx context.Context, url, staff string, desks int) ([]benchDesk, error) {
	following := make([]benchDesk, desks)
	for i := range following {
		c, _ := client.New(url, staff)
		c.Desk = fmt.Sprintf("bench desk %d", i+1)
		if i >= b.cacheDesks {
			d := &wireDesk{arrived: map[int64]time.Time{}}
			cursor, err := d.pull(ctx, c, "", false)
			if err != nil {
				return nil, err
			}
			go pprof.Do(ctx, deskSide, func(ctx context.Context) {
				for ctx.Err() == nil {
					next, err := d.pull(ctx, c, cursor, true)
					cursor = next
					if err != nil && ctx.Err() == nil {
						time.Sleep(100 * time.Millisecond)
					}
				}
			})
			following[i] = d
			continue
		}
		cache, err := store.OpenCache(ctx, filepath.Join(b.dir, fmt.Sprintf("desk-%d.db", i)))
		if err != nil {
			return nil, err
		}
		context.AfterFunc(ctx, func() { cache.Close() })
		s := client.NewSyncer(c, cache)
		d := cacheDesk{cache: cache, synced: make(chan struct{}, 1)}
		s.OnStatus = func(client.Status) {
			select {
			case d.synced <- struct{}{}:
			default:
			}
		}
		if _, _, err := s.Once(ctx); err != nil {
			return nil, err
		}
		go pprof.Do(ctx, deskSide, func(ctx context.Context) { s.Run(ctx) })
		following[i] = d
	}
	time.Sleep(300 * time.Millisecond) // let the long polls start
	return following, nil
}

// latency submits one request at a time (n of them, or until the deadline) and times
// until every following desk has it; it returns the times sorted.
func (b *bench) latency(ctx context.Context, desks []benchDesk, pc *client.Client, n int, until time.Time) ([]time.Duration, error) {
	var lat []time.Duration
	for i := 0; (n > 0 && i < n) || (n == 0 && time.Now().Before(until)); i++ {
		start := time.Now()
		id, err := pc.Submit(ctx, 0, triage.Admin, "blood test results please")
		if err != nil {
			return nil, err
		}
		for _, d := range desks {
			for {
				ok, at := d.has(ctx, id)
				if ok {
					if at.IsZero() {
						at = time.Now()
					}
					lat = append(lat, max(at.Sub(start), 0))
					break
				}
				if time.Since(start) > 10*time.Second {
					return nil, fmt.Errorf("a desk did not see request %d within 10 s", id)
				}
				d.wait(ctx)
			}
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat, nil
}
