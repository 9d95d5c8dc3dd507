package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	httppprof "net/http/pprof"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"triagedesk/assets"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// benchClock is the queue's clock in the bench: a working Tuesday morning, so the
// bench finds the practice open whatever the hour it runs.
func benchClock() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }

// queueStats are the queue process's counters, as /bench/stats gives them to the
// bench: what it did and the CPU it used doing it.
type queueStats struct {
	Submissions, Replies, Pages int64
	Writes                      store.WriteStats
	CPU                         time.Duration // user and system time of the queue's process
}

// runBenchQueue serves a bench's practice queue in a process of its own, so the
// bench's figures for the queue are the queue's alone: the two hundred desks and
// the senders run in the bench's process, as they would on their own computers. It
// prints its address, then serves until its standard input closes (the bench
// ended). Besides the queue it answers /bench/stats and /debug/pprof/ on loopback.
func runBenchQueue(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench-queue", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "the practice queue file the bench made")
	synchronous := fs.String("queue-synchronous", "full", "SQLite's synchronous setting of the queue: full, as a practice's queue always runs,\n"+
		"or normal, only to measure what full costs (normal can lose acknowledged requests in a power cut)")
	feedInterval := fs.Duration("feed-interval", server.DefaultFeedInterval, "the least time between two announcements of changes to the desks (server.FeedInterval)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *db == "" {
		fmt.Fprintln(stderr, "triagectl bench-queue: --db is needed (triagectl bench starts this itself)")
		return 2
	}
	ctx := context.Background()
	q, err := store.OpenQueueToMeasure(ctx, *db, *synchronous)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl bench-queue: %v\n", err)
		return 1
	}
	defer q.Close()
	srv := server.New(q, assets.DefaultEngine(), triage.DefaultCalendar(), nil)
	srv.SetClock(benchClock)
	srv.FeedInterval = *feedInterval
	mux := http.NewServeMux()
	mux.Handle("/", srv)
	mux.HandleFunc("GET /bench/stats", func(w http.ResponseWriter, r *http.Request) {
		st := srv.FeedStats()
		json.NewEncoder(w).Encode(queueStats{Submissions: st.Submissions, Replies: st.Replies, Pages: st.Pages, Writes: q.WriteStats(), CPU: processCPU()})
	})
	mux.HandleFunc("/debug/pprof/", httppprof.Index)
	mux.HandleFunc("/debug/pprof/profile", httppprof.Profile)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintf(stderr, "triagectl bench-queue: %v\n", err)
		return 1
	}
	hs := &http.Server{Handler: mux}
	go hs.Serve(ln)
	fmt.Fprintf(stdout, "http://%s\n", ln.Addr())
	io.Copy(io.Discard, stdin) // until the bench closes it, or exits
	hs.Close()
	return 0
}

// queueProcess is a bench queue running in its own process.
type queueProcess struct {
	url   string
	cmd   *exec.Cmd
	stdin io.WriteCloser
}

// startQueueProcess starts `triagectl bench-queue` on the queue file at path, with
// SQLite's synchronous setting and the feed's interval as given, and returns once it
// is listening.
func startQueueProcess(path, synchronous string, feedInterval time.Duration, stderr io.Writer) (*queueProcess, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find triagectl to start the queue process: %w", err)
	}
	cmd := exec.Command(exe, "bench-queue", "--db", path, "--queue-synchronous", synchronous, "--feed-interval", feedInterval.String())
	cmd.Env = append(os.Environ(), "TRIAGECTL_RUN_MAIN=1") // a test binary runs main too
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the queue process: %w", err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "http://") {
		stdin.Close()
		cmd.Wait()
		return nil, fmt.Errorf("the queue process did not start (it said %q): %v", line, err)
	}
	return &queueProcess{url: strings.TrimSpace(line), cmd: cmd, stdin: stdin}, nil
}

// stats reads the queue process's counters.
func (p *queueProcess) stats() (queueStats, error) {
	var st queueStats
	resp, err := http.Get(p.url + "/bench/stats")
	if err != nil {
		return st, fmt.Errorf("read the queue process's counters: %w", err)
	}
	defer resp.Body.Close()
	return st, json.NewDecoder(resp.Body).Decode(&st)
}

// profile writes a CPU profile of the queue process over the next d to w.
func (p *queueProcess) profile(d time.Duration, w io.Writer) error {
	secs := max(1, int((d+time.Second-1)/time.Second))
	resp, err := http.Get(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", p.url, secs))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return err
}

// stop ends the queue process and waits for it.
func (p *queueProcess) stop() {
	p.stdin.Close()
	p.cmd.Wait()
}

// syncWriter lets the bench and its queue process write progress and errors to one
// writer without mixing their bytes.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
