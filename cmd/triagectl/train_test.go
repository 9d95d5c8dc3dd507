package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"triagedesk/triage"
)

func TestTrainCommand(t *testing.T) {
	a := strings.Join([]string{
		`{"id":"a1","age":60,"sex":"male","kind":"clinical","text":"crushing chest pain down my left arm and sweating","priority":"emergency","team":"gp","signpost":"999"}`,
		`{"id":"a2","age":30,"sex":"female","kind":"admin","text":"fit note please for work","priority":"routine","team":"admin","signpost":"none"}`,
		`{"id":"a3","age":40,"sex":"female","kind":"clinical","text":"sore knee after running for a week","priority":"soon","team":"physio","signpost":"none"}`,
	}, "\n")
	b := strings.Join([]string{
		`{"id":"b1","age":70,"sex":"female","kind":"clinical","text":"my face has dropped on one side and my arm is weak","priority":"emergency","team":"gp","signpost":"999"}`,
		`{"id":"b2","age":50,"sex":"male","kind":"admin","text":"repeat prescription of my ramipril please","priority":"routine","team":"medicines","signpost":"none"}`,
		`{"id":"b3","age":9,"sex":"male","kind":"clinical","text":"temperature and not drinking, very sleepy","priority":"same-day","team":"gp","signpost":"none"}`,
	}, "\n")
	dir := t.TempDir()
	pa, pb := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(pa, []byte(a), 0o644)
	os.WriteFile(pb, []byte(b), 0o644)
	os.MkdirAll(filepath.Join(dir, "unseen"), 0o755)
	unseen := filepath.Join(dir, "unseen", "c.jsonl")
	os.WriteFile(unseen, []byte(a), 0o644)
	out := filepath.Join(dir, "model.gob")

	t.Run("writes a model that loads", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"train", "--bits", "12", "--version", "t.1", "--out", out, pa, pb}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		m, err := triage.LoadSecondOpinion(raw)
		if err != nil || m.Version != "t.1" || len(m.Examples) != 4 {
			t.Fatalf("model %+v, %v; want version t.1 with the 4 requests that are not routine", m, err)
		}
		if !strings.Contains(stdout.String(), "from 6 requests in 2 sets") {
			t.Errorf("report: %s", stdout.String())
		}
	})
	t.Run("a scoped model of averaged seeds loads, and eval reads with it", func(t *testing.T) {
		scoped := filepath.Join(dir, "scoped.gob")
		var stdout, stderr bytes.Buffer
		if code := run([]string{"train", "--bits", "12", "--scope", "--seeds", "2", "--version", "t.2", "--out", scoped, pa, pb}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		raw, err := os.ReadFile(scoped)
		if err != nil {
			t.Fatal(err)
		}
		if m, err := triage.LoadSecondOpinion(raw); err != nil || !m.Scoped {
			t.Fatalf("model %v; want a scoped model", err)
		}
		for _, c := range []struct {
			model string
			code  int
		}{{scoped, 0}, {filepath.Join(dir, "missing.gob"), 2}, {pa, 2}} {
			stdout.Reset()
			stderr.Reset()
			if code := run([]string{"eval", "--summary", "--model", c.model, pa}, nil, &stdout, &stderr); code != c.code {
				t.Errorf("eval --model %s: exit %d, want %d; %s", filepath.Base(c.model), code, c.code, stderr.String())
			}
		}
	})
	t.Run("a false-raise share per head", func(t *testing.T) {
		for _, c := range []struct {
			list string
			want [3]float64
			ok   bool
		}{{"", [3]float64{}, true}, {"0.01,0.02,0.03", [3]float64{0.01, 0.02, 0.03}, true}, {",0.02", [3]float64{0, 0.02, 0}, true},
			{"0.01,0.02,0.03,0.04", [3]float64{}, false}, {"x", [3]float64{}, false}, {"1.5", [3]float64{}, false}} {
			got, err := headShares(c.list)
			if (err == nil) != c.ok || (c.ok && got != c.want) {
				t.Errorf("headShares(%q) = %v, %v; want %v (ok %v)", c.list, got, err, c.want, c.ok)
			}
		}
		heads := filepath.Join(dir, "heads.gob")
		var stdout, stderr bytes.Buffer
		if code := run([]string{"train", "--bits", "12", "--head-false-raise", "0.01,0.2,0.2", "--version", "t.3", "--out", heads, pa, pb}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if code := run([]string{"train", "--head-false-raise", "0.1,0.1,0.1,0.1", "--out", heads, pa, pb}, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "three heads") {
			t.Errorf("four shares: exit %d, stderr %q; want 2 naming the three heads", code, stderr.String())
		}
	})
	t.Run("a class weight and a kept model's heads", func(t *testing.T) {
		base := filepath.Join(dir, "base.gob")
		var stdout, stderr bytes.Buffer
		if code := run([]string{"train", "--bits", "12", "--version", "t.4", "--out", base, pa, pb}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		one := filepath.Join(dir, "one.gob")
		if code := run([]string{"train", "--bits", "12", "--version", "t.4", "--weight-999", "1", "--out", one, pa, pb}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if a, b := mustRead(t, base), mustRead(t, one); !bytes.Equal(a, b) {
			t.Error("--weight-999 1 wrote another model than no flag: the shipped model would not rebuild")
		}
		kept := filepath.Join(dir, "kept.gob")
		if code := run([]string{"train", "--keep-heads", base, "--weight-999", "3", "--version", "t.5", "--out", kept, pa, pb}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		bm, err1 := triage.LoadSecondOpinion(mustRead(t, base))
		km, err2 := triage.LoadSecondOpinion(mustRead(t, kept))
		if err1 != nil || err2 != nil || km.Version != "t.5" || km.Bits != 12 || km.Threshold[1] != bm.Threshold[1] || len(km.Examples) != len(bm.Examples) {
			t.Fatalf("kept model %v %v: version %q bits %d; want t.5 over the base's 12 bits, its same-day threshold and examples", err1, err2, km.Version, km.Bits)
		}
		marked := filepath.Join(dir, "marked.gob")
		if code := run([]string{"train", "--keep-heads", base, "--scope-marks", "1", "--version", "t.6", "--out", marked, pa, pb}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("--scope-marks 1: exit %d: %s", code, stderr.String())
		}
		mm, err := triage.LoadSecondOpinion(mustRead(t, marked))
		if err != nil {
			t.Fatalf("--scope-marks 1: %v", err)
		}
		if mm.ScopeMarks != 1 || mm.Threshold[1] != bm.Threshold[1] {
			t.Errorf("--scope-marks 1: scope marks %d, same-day threshold %.3f; want 1 over the kept heads (%.3f)", mm.ScopeMarks, mm.Threshold[1], bm.Threshold[1])
		}
		only := filepath.Join(dir, "only.gob")
		if code := run([]string{"train", "--keep-heads", base, "--scope-marks", "1", "--marks-only", "--version", "t.7", "--out", only, pa, pb}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("--marks-only: exit %d: %s", code, stderr.String())
		}
		om, err := triage.LoadSecondOpinion(mustRead(t, only))
		if err != nil {
			t.Fatalf("--marks-only: %v", err)
		}
		if om.ScopeMarks != 1 || om.Bias != bm.Bias || om.Threshold != bm.Threshold || om.Cells[0] != bm.Cells[0] {
			t.Errorf("--marks-only: scope marks %d, bias %v, thresholds %v; want 1 over the kept model's 999 head (%v, %v)", om.ScopeMarks, om.Bias, om.Threshold, bm.Bias, bm.Threshold)
		}
		if km.ScopeMarks != 0 {
			t.Errorf("without --scope-marks: scope marks %d, want 0", km.ScopeMarks)
		}
		for _, c := range []struct {
			args []string
			says string
		}{
			{[]string{"--scope-marks", "1", "--method", "naive-bayes"}, "logistic"},
			{[]string{"--scope-marks", "3"}, "version 3"},
			{[]string{"--keep-heads", base, "--marks-only"}, "needs scope marks"},
			{[]string{"--weight-999", "0"}, "above 0"},
			{[]string{"--keep-heads", filepath.Join(dir, "missing.gob")}, "--keep-heads"},
			{[]string{"--keep-heads", base, "--held-out"}, "--held-out"},
		} {
			stderr.Reset()
			args := append(append([]string{"train", "--bits", "12", "--out", filepath.Join(dir, "no.gob")}, c.args...), pa, pb)
			if code := run(args, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), c.says) {
				t.Errorf("%v: exit %d, stderr %q; want 2 saying %q", c.args, code, stderr.String(), c.says)
			}
		}
	})
	t.Run("refuses to learn from an unseen set", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"train", "--out", out, pa, unseen}, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "unseen set") {
			t.Fatalf("exit %d, stderr %q; want 2 saying it is an unseen set", code, stderr.String())
		}
	})
	t.Run("held out: figures per set, no model written", func(t *testing.T) {
		pc := filepath.Join(dir, "c.jsonl")
		os.WriteFile(pc, []byte(strings.ReplaceAll(b, `"id":"b`, `"id":"c`)), 0o644)
		fresh := filepath.Join(dir, "none.gob")
		detail := filepath.Join(dir, "detail.jsonl")
		var stdout, stderr bytes.Buffer
		if code := run([]string{"train", "--held-out", "--bits", "12", "--out", fresh, "--held-out-detail", detail, pa, pb, pc}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if _, err := os.Stat(fresh); err == nil {
			t.Error("--held-out wrote a model; it only measures")
		}
		for _, want := range []string{"a.jsonl", "b.jsonl", "c.jsonl", "all", "rules alone", "under-triage", "999 the model added"} {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("report lacks %q:\n%s", want, stdout.String())
			}
		}
		raw, err := os.ReadFile(detail)
		if err != nil || strings.Count(string(raw), "\n") != 9 || !strings.Contains(string(raw), `"id":"c3"`) || strings.Contains(string(raw), "temperature") {
			t.Errorf("detail: %v\n%s; want one line per request, ids and priorities only", err, raw)
		}
		stdout.Reset()
		if code := run([]string{"train", "--held-out", "--bits", "12", "--held-out-sets", "b", pa, pb, pc}, nil, &stdout, &stderr); code != 0 || strings.Contains(stdout.String(), "a.jsonl") || !strings.Contains(stdout.String(), "b.jsonl") {
			t.Errorf("--held-out-sets b: exit %d\n%s", code, stdout.String())
		}
		stdout.Reset()
		if code := run([]string{"train", "--held-out", "--bits", "12", "--points", "0,0.05", pa, pb, pc}, nil, &stdout, &stderr); code != 0 ||
			!strings.Contains(stdout.String(), "999 operating point") || !strings.Contains(stdout.String(), "by the model's scores alone") || !strings.Contains(stdout.String(), "at most 0.05 of each set") {
			t.Errorf("--points 0,0.05: exit %d\n%s", code, stdout.String())
		}
	})
	t.Run("needs two sets to hold out", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"train", "--out", out, pa}, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "at least two") {
			t.Fatalf("exit %d, stderr %q", code, stderr.String())
		}
	})
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
