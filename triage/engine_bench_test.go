package triage_test

import (
	"runtime"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// mix is the benchmarks' realistic mix: every request of the labelled sets, as
// patients wrote them (short and long, misspelt, negated, several problems at once),
// about a quarter of them emergencies.
func mix(b *testing.B) []triage.Input {
	var in []triage.Input
	for _, path := range []string{"testdata/dev.jsonl", "testdata/phrasings.jsonl"} {
		for _, l := range readSet(b, path) {
			in = append(in, l.Input)
		}
	}
	return in
}

// BenchmarkClassify classifies the mix on one goroutine. Target: at least 20,000
// requests a second on one core, so re-triaging a 100,000-request cache after a rules
// change takes a few seconds of one core. Run with -cpu 1 to measure one core.
func BenchmarkClassify(b *testing.B) { benchClassify(b, assets.DefaultEngine()) }

// benchClassify classifies the mix on one goroutine locked to its thread, and reports
// requests a second of wall clock and a second of that thread's CPU time. Both
// engines start from a collected heap, so neither pays for the garbage of the
// benchmark before it (BenchmarkClassifyParallel runs between them).
func benchClassify(b *testing.B, e *triage.Engine) {
	inputs := mix(b)
	e.Classify(inputs[0]) // load anything loaded on first use outside the timing
	runtime.GC()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	start, cpuOK := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Classify(inputs[i%len(inputs)])
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "requests/s")
	if end, ok := threadCPU(); cpuOK && ok && end > start {
		b.ReportMetric(float64(b.N)/(end-start).Seconds(), "requests/cpu-s")
	}
}

// BenchmarkClassifyParallel classifies the mix from every core at once, as a queue
// server does for many desks: one shared Engine, no locks.
func BenchmarkClassifyParallel(b *testing.B) {
	inputs := mix(b)
	e := assets.DefaultEngine()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			e.Classify(inputs[i%len(inputs)])
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "requests/s")
}

// BenchmarkLoadRules builds the engine from the built-in rules file, as a desk does
// at start-up and after a practice changes its rules.
func BenchmarkLoadRules(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := triage.NewEngine(assets.Rules, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClassifyRulesOnly is BenchmarkClassify without the second opinion, to show
// what the model costs.
func BenchmarkClassifyRulesOnly(b *testing.B) { benchClassify(b, assets.RulesEngine()) }
