package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile writes a file in the test's temporary directory and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const practiceRules = `version: "practice-1"
fallback:
  clinical: {priority: soon, team: gp, says: nothing matched}
  admin: {priority: routine, team: admin, says: nothing matched}
concepts:
  knee: ["knee"]
rules:
  - {id: knees-to-physio, says: "a knee problem", priority: soon, team: physio, all: [knee]}
`

func TestClassifyCommand(t *testing.T) {
	good := `{"id":"a","age":60,"sex":"male","kind":"clinical","text":"crushing chest pain down my left arm"}`
	knee := `{"id":"k","age":40,"sex":"female","kind":"clinical","text":"sore knee"}`
	tests := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		out        []string // each in order on standard output
		errs       []string // each somewhere on standard error
		outputRows int
	}{
		{"one good line", nil, good, 0, []string{`{"id":"a","priority":"emergency","team":"gp","signpost":"999","reasons":["cardiac-chest-pain: `}, nil, 1},
		{"bad lines are named and skipped, the rest in order", nil,
			good + "\nnot json\n" + `{"id":"b","age":30,"sex":"female","kind":"admin","text":"fit note please"}` + "\n" + `{"age":3,"sex":"female","kind":"admin","text":"x"}` + "\n\n" + knee,
			1, []string{`"id":"a"`, `"id":"b"`, `"id":"k"`}, []string{"line 2: not a JSON request", `line 4: missing "id"`, "2 bad line(s)"}, 3},
		{"bad sex, kind, age and text", nil,
			`{"id":"s","age":3,"sex":"x","kind":"admin","text":"x"}` + "\n" + `{"id":"t","age":3,"sex":"male","kind":"x","text":"x"}` + "\n" + `{"id":"u","sex":"male","kind":"admin","text":"x"}` + "\n" + `{"id":"v","age":3,"sex":"male","kind":"admin","text":" "}`,
			1, nil, []string{"line 1: unknown sex", "line 2: unknown kind", `line 3: "age" must be`, `line 4: "text" is empty`}, 0},
		{"a practice's rules", []string{"--rules", "RULES"}, knee, 0, []string{`"team":"physio"`, "knees-to-physio: A knee problem."}, nil, 1},
		{"a broken rules file stops the run with its line", []string{"--rules", "BROKEN"}, knee, 2, nil, []string{"broken.yaml line 8", `unknown team "surgery"`}, 0},
		{"a missing input file", []string{"nowhere.jsonl"}, "", 2, nil, []string{"nowhere.jsonl"}, 0},
		{"an unknown flag", []string{"--colour"}, "", 2, nil, []string{"flag provided but not defined"}, 0},
	}
	rules := writeFile(t, "rules.yaml", practiceRules)
	broken := writeFile(t, "broken.yaml", strings.Replace(practiceRules, "team: physio", "team: surgery", 1))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"classify"}
			for _, a := range tt.args {
				a = strings.NewReplacer("RULES", rules, "BROKEN", broken).Replace(a)
				args = append(args, a)
			}
			var out, errs bytes.Buffer
			code := run(args, strings.NewReader(tt.stdin), &out, &errs)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, errs.String())
			}
			rest := out.String()
			for _, want := range tt.out {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Errorf("standard output lacks %q (in this order):\n%s", want, out.String())
					break
				}
				rest = rest[i+len(want):]
			}
			for _, want := range tt.errs {
				if !strings.Contains(errs.String(), want) {
					t.Errorf("standard error lacks %q:\n%s", want, errs.String())
				}
			}
			if n := strings.Count(out.String(), "\n"); n != tt.outputRows {
				t.Errorf("%d output lines, want %d:\n%s", n, tt.outputRows, out.String())
			}
		})
	}
}

func TestClassifyReadsAFile(t *testing.T) {
	in := writeFile(t, "in.jsonl", `{"id":"x","age":30,"sex":"female","kind":"clinical","text":"toothache"}`+"\n")
	var out, errs bytes.Buffer
	if code := run([]string{"classify", in}, nil, &out, &errs); code != 0 || !strings.Contains(out.String(), `"signpost":"dentist"`) {
		t.Fatalf("exit %d, out %s, err %s", code, out.String(), errs.String())
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	for _, args := range [][]string{nil, {"help"}, {"-h"}} {
		var out, errs bytes.Buffer
		if code := run(args, nil, &out, &errs); code != 0 {
			t.Errorf("%v: exit %d", args, code)
		}
		for name := range commands {
			if !strings.Contains(out.String(), "  "+name+" ") {
				t.Errorf("%v: help lacks %q:\n%s", args, name, out.String())
			}
		}
	}
}
