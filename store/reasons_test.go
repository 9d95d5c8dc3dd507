package store

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
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
