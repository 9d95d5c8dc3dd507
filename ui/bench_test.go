package ui

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"triagedesk/demo"
	"triagedesk/store"
)

// bigCache is a 100,000-request cache made once for every benchmark.
var bigCache struct {
	once sync.Once
	path string
	err  error
}

func bigCachePath(b *testing.B) string {
	bigCache.once.Do(func() {
		dir, err := os.MkdirTemp("", "triagedesk-bench")
		if err != nil {
			bigCache.err = err
			return
		}
		bigCache.path = filepath.Join(dir, "cache.db")
		ctx := context.Background()
		c, err := store.OpenCache(ctx, bigCache.path)
		if err != nil {
			bigCache.err = err
			return
		}
		defer c.Close()
		p := demo.NewPractice(9, 30_000, testNow)
		reqs := demo.Requests(p, demo.RequestOptions{Seed: 9, Count: 100_000, Now: testNow})
		bigCache.err = c.Upsert(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs})
	})
	if bigCache.err != nil {
		b.Fatal(bigCache.err)
	}
	return bigCache.path
}

// benchDesk opens the desk on the 100,000-request cache in a 1280x720 window.
func benchDesk(b *testing.B) *Desk {
	path := bigCachePath(b)
	test.NewTempApp(b)
	c, err := store.OpenCache(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { Idle(); c.Close() })
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 720))
	d := NewDesk(c, cacheActor{c}, nil, Options{User: "bench", Sites: demo.Sites, GPTeams: demo.GPTeams, Now: func() time.Time { return testNow }}, w)
	d.Install(w)
	<-d.Refresh()
	Idle()
	return d
}

// BenchmarkOpenDesk is start-up from a 100,000-request cache: the desk built and its
// first rows, counts and emergencies on screen.
func BenchmarkOpenDesk(b *testing.B) {
	bigCachePath(b)
	for b.Loop() {
		benchDesk(b)
	}
}

// BenchmarkFilter changes the priority filter, as a person would, until the new rows
// and count are on screen.
func BenchmarkFilter(b *testing.B) {
	d := benchDesk(b)
	labels := []string{"Soon", "Routine", "Same day", "Any"}
	i := 0
	for b.Loop() {
		user(func() { d.Inbox.Priority.SetSelected(labels[i%len(labels)]) })
		i++
	}
}

// BenchmarkSearch types a word in the search box until the matching rows are on screen.
func BenchmarkSearch(b *testing.B) {
	d := benchDesk(b)
	words := []string{"cough", "headache", "rash", "letter", "anxiety"}
	i := 0
	for b.Loop() {
		user(func() { d.Inbox.Search.SetText(words[i%len(words)]) })
		i++
	}
}

// BenchmarkMove moves the selection down one row and back.
func BenchmarkMove(b *testing.B) {
	d := benchDesk(b)
	i := 0
	for b.Loop() {
		user(func() {
			if i%2 == 0 {
				d.TypedRune('j')
			} else {
				d.TypedRune('k')
			}
		})
		i++
	}
}

// TestMain removes the benchmarks' 100,000-request cache when the run ends.
func TestMain(m *testing.M) {
	code := m.Run()
	if bigCache.path != "" {
		os.RemoveAll(filepath.Dir(bigCache.path))
	}
	os.Exit(code)
}
