package triage_test

import (
	"testing"
	"time"

	"triagedesk/assets"
	"triagedesk/demo"
	"triagedesk/triage"
)

// BenchmarkClassify classifies a realistic mix of demo requests on one goroutine.
// Target: at least 20,000 requests a second on one core, so re-triaging a 100,000
// request cache after a rules change takes well under five seconds of one core.
func BenchmarkClassify(b *testing.B) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	p := demo.NewPractice(5, 2000, now)
	reqs := demo.Requests(p, demo.RequestOptions{Seed: 5, Count: 1000, Now: now})
	inputs := make([]triage.Input, len(reqs))
	for i, r := range reqs {
		pt := p.Patients[r.PatientID-1]
		inputs[i] = triage.Input{Age: pt.AgeAt(now), Sex: pt.Sex, Kind: r.Kind, Text: r.Text}
	}
	e := assets.DefaultEngine()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Classify(inputs[i%len(inputs)])
	}
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
