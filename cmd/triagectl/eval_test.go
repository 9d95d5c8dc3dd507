package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestEvalCommand(t *testing.T) {
	labelled := strings.Join([]string{
		`{"id":"e1","age":60,"sex":"male","kind":"clinical","text":"crushing chest pain down my left arm","priority":"emergency","team":"gp","signpost":"999"}`,
		`{"id":"r1","age":30,"sex":"female","kind":"admin","text":"fit note please","priority":"routine","team":"admin","signpost":"none"}`,
		// Labelled emergency on purpose, to be missed: the report must show it under-triaged.
		`{"id":"m1","age":30,"sex":"female","kind":"clinical","text":"fit note please","priority":"emergency","team":"gp","signpost":"999"}`,
	}, "\n")
	tests := []struct {
		name string
		file string
		args []string
		code int
		out  []string
		errs []string
	}{
		{"figures, matrix and misses", labelled, nil, 0, []string{
			"3 requests", "emergency recall     50.0%  (1 of 2)", "under-triage         33.3%  (1)", "priority accuracy    66.7%",
			"team accuracy        66.7%", "signpost accuracy    66.7%", "priority confusion", "emergency            1         0         0         1",
			"1 misses:", `m1 (30 female, clinical)  UNDER-TRIAGED: "fit note please"`, "because fit-note: A fit note."}, nil},
		{"figures only", labelled, []string{"--summary"}, 0, []string{"emergency recall"}, nil},
		{"a line without labels is refused with its number", labelled + "\n" + `{"id":"x","age":3,"sex":"male","kind":"clinical","text":"cough"}`, nil, 2, nil,
			[]string{"line 4: a labelled line needs a valid priority, team and signpost"}},
		{"an unreadable line is refused with its number", "{{\n" + labelled, nil, 2, nil, []string{"line 1: not a JSON request"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "set.jsonl", tt.file)
			var out, errs bytes.Buffer
			code := run(append(append([]string{"eval"}, tt.args...), path), nil, &out, &errs)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, errs.String())
			}
			for _, want := range tt.out {
				if !strings.Contains(out.String(), want) {
					t.Errorf("output lacks %q:\n%s", want, out.String())
				}
			}
			if len(tt.args) > 0 && strings.Contains(out.String(), "misses:") {
				t.Errorf("--summary printed the misses")
			}
			for _, want := range tt.errs {
				if !strings.Contains(errs.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs.String())
				}
			}
		})
	}
}

func TestEvalNeedsOneReadableFile(t *testing.T) {
	for _, args := range [][]string{{"eval"}, {"eval", "missing.jsonl"}, {"eval", "a", "b"}} {
		var out, errs bytes.Buffer
		if code := run(args, nil, &out, &errs); code == 0 {
			t.Errorf("%v: exit 0, want an error", args)
		}
	}
}
