package triage

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// TestReadsLikeIndexAgreesWithEveryExample holds the inverted index ReadsLike walks
// to the plain reading of its doc comment: each example's cosine with the text, over
// every example at least as urgent, most alike first. The index is a speed-up only;
// a difference would change which labelled requests a raise quotes.
func TestReadsLikeIndexAgreesWithEveryExample(t *testing.T) {
	b, err := os.ReadFile("../assets/second-opinion.gob")
	if err != nil {
		t.Fatal(err)
	}
	m, err := LoadSecondOpinion(b)
	if err != nil {
		t.Fatal(err)
	}
	// A model trained only to be measured (CrossValidate's) names no examples and is
	// never prepared: it quotes nothing, and must not fail for want of an index.
	bare := *m
	bare.Examples, bare.like = nil, postings{}
	if got := bare.ReadsLike("chest pain", Emergency, 2); got != nil {
		t.Errorf("a model without examples reads like %v, want nothing", got)
	}
	vecs := make([]sparse, len(m.Examples))
	for i, ex := range m.Examples {
		vecs[i] = m.vector(ex.Text, nil)
	}
	plain := func(text string, p Priority, n int) []Example {
		q := m.vector(text, nil)
		var hits []hit
		for i, ex := range m.Examples {
			if ex.Priority.Rank() > p.Rank() {
				continue
			}
			var sim float32
			for k, b := range vecs[i].idx {
				if j, ok := slices.BinarySearch(q.idx, b); ok {
					sim += q.val[j] * vecs[i].val[k]
				}
			}
			if sim > 0 {
				hits = append(hits, hit{i, sim})
			}
		}
		return m.mostAlike(hits, n) // the order of equals is mostAlike's, not under test
	}
	f, err := os.Open("testdata/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := []string{"", "!!!", "chest pain", m.Examples[0].Text}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, l.Text)
	}
	for i, text := range texts {
		if i%4 != 0 && i >= 4 {
			continue // a quarter of dev.jsonl is plenty, and keeps the race build quick
		}
		for _, p := range []Priority{Emergency, SameDay, Soon} {
			got, want := m.ReadsLike(text, p, 3), plain(text, p, 3)
			if !slices.Equal(got, want) {
				t.Fatalf("ReadsLike(%q, %s) = %v, want %v", text, p, got, want)
			}
		}
	}
}
