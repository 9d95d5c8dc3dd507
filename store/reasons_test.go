package store

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestReasonsJSONIsJSONMarshal: the hand-written encoding gives exactly what
// json.Marshal gives, for every request of the labelled sets and for strings that
// need escaping.
func TestReasonsJSONIsJSONMarshal(t *testing.T) {
	e := assets.DefaultEngine()
	var all [][]triage.Reason
	files, _ := filepath.Glob("../triage/testdata/*.jsonl")
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			var in struct {
				Age  int         `json:"age"`
				Sex  triage.Sex  `json:"sex"`
				Kind triage.Kind `json:"kind"`
				Text string      `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &in) == nil {
				all = append(all, e.Classify(triage.Input{Age: in.Age, Sex: in.Sex, Kind: in.Kind, Text: in.Text}).Reasons)
			}
		}
		fh.Close()
	}
	if len(all) < 1000 {
		t.Fatalf("only %d suggestions to compare", len(all))
	}
	all = append(all, nil, []triage.Reason{},
		[]triage.Reason{{Rule: "r", Says: `a "quoted" \\ word`, Words: []string{"<b>", "tab\\there"}}},
		[]triage.Reason{{Rule: "r", Says: "caf\u00e9 \u2028", Words: nil, Spans: []triage.Span{{Start: 1, End: 2}}}},
		[]triage.Reason{{Rule: "r", Says: "bad \xff byte", Words: []string{"x & y"}}},
		[]triage.Reason{{Rule: "a", Says: "b"}, {Rule: "c", Says: "d", Words: []string{}, Spans: []triage.Span{{Start: 0, End: 3}, {Start: 4, End: 9}}}})
	for i, rs := range all {
		want, _ := json.Marshal(rs)
		if len(rs) == 0 {
			want = []byte("[]")
		}
		if got := reasonsJSON(rs); string(got) != string(want) {
			t.Fatalf("suggestion %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

// FuzzParseReasons: whatever the stored text, parseReasons gives what json.Unmarshal
// gives, so the hand-written fast path can never change a reason.
func FuzzParseReasons(f *testing.F) {
	for _, s := range []string{"[]", "null", `[{"rule":"a","says":"b","words":null}]`,
		`[{"rule":"a","says":"b","words":["x","y"],"spans":[{"start":0,"end":3}]},{"rule":"c","says":"d","words":[]}]`,
		`[{"rule":"a","says":"b\"","words":null}]`, `[{"Rule":"a","says":"b","words":null}]`, `[{"rule":"a","says":"b","words":null,"spans":[{"start":-1,"end":01}]}]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []triage.Reason
		wantErr := json.Unmarshal([]byte(s), &want)
		got, err := parseReasons(s)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("%q: error %v, encoding/json says %v", s, err, wantErr)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %#v\nwant %#v", s, got, want)
		}
	})
}

// TestReasonsRoundTrip: what reasonsJSON writes, parseReasons reads back, for every
// suggestion of the labelled sets.
func TestReasonsRoundTrip(t *testing.T) {
	e := assets.DefaultEngine()
	n := 0
	for _, text := range []string{"crushing chest pain down my left arm and sweating", "fit note please", "no chest pain, just heartburn",
		"my baby is 5 weeks old and has a temp of 38.2", "I've run out of my insulin and need a fit note"} {
		rs := e.Classify(triage.Input{Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: text}).Reasons
		got, err := parseReasons(string(reasonsJSON(rs)))
		if err != nil || !reflect.DeepEqual(got, rs) {
			t.Fatalf("%q: wrote %s, read %#v (%v)", text, reasonsJSON(rs), got, err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("nothing compared")
	}
}
