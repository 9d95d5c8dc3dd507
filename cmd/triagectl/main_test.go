package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	input := strings.Join([]string{
		`{"id":"a","age":60,"sex":"male","kind":"clinical","text":"crushing chest pain down my left arm"}`,
		`not json`,
		`{"id":"b","age":30,"sex":"female","kind":"admin","text":"fit note please"}`,
		`{"id":"c","age":-3,"sex":"female","kind":"admin","text":"x"}`,
		`{"id":"d","age":30,"sex":"female","kind":"complaint","text":"x"}`,
		``,
		`{"id":"e","age":8,"sex":"male","kind":"clinical","text":"earache"}`,
	}, "\n")
	var out, errs bytes.Buffer
	code := run([]string{"classify"}, strings.NewReader(input), &out, &errs)
	if code != 1 {
		t.Errorf("exit status %d, want 1 for bad lines", code)
	}
	for _, want := range []string{"line 2: not a JSON request", "line 4: \"age\"", "line 5: unknown kind", "3 bad line(s)"} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs.String())
		}
	}
	var ids, priorities []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r resultLine
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("output line %q: %v", line, err)
		}
		if len(r.Reasons) == 0 {
			t.Errorf("%s has no reasons", r.ID)
		}
		ids, priorities = append(ids, r.ID), append(priorities, r.Priority+"/"+r.Team+"/"+r.Signpost)
	}
	if strings.Join(ids, ",") != "a,b,e" {
		t.Errorf("output ids %v, want a,b,e in input order", ids)
	}
	if strings.Join(priorities, ",") != "emergency/gp/999,routine/admin/none,routine/gp/pharmacy" {
		t.Errorf("suggestions %v", priorities)
	}
}

func TestEval(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"eval", "../../triage/testdata/dev.jsonl"}, nil, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, want := range []string{"emergency recall", "under-triage", "priority accuracy", "team accuracy", "signpost accuracy", "priority confusion"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("eval output lacks %q", want)
		}
	}
	if code := run([]string{"eval", "missing.jsonl"}, nil, &out, &errs); code == 0 {
		t.Error("eval of a missing file should fail")
	}
	if code := run([]string{"nonsense"}, nil, &out, &errs); code != 2 {
		t.Error("an unknown command should exit 2")
	}
}

// TestMain lets the test binary stand in for triagectl when the bench starts its
// queue process (os.Executable is the test binary here).
func TestMain(m *testing.M) {
	if os.Getenv("TRIAGECTL_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestBenchPrintsOneTable(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 30,000-patient practice")
	}
	var out, errs bytes.Buffer
	code := run([]string{"bench", "--requests", "200", "--desks", "3", "--submissions", "3", "--senders", "4", "--load", "200ms"}, nil, &out, &errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, want := range []string{"measure", "full sync of 200 requests", "submission to 3 desks, p99", "submissions, 4 senders", "errors", "CPU of the queue process", "CPU of the desks and senders"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}
