package triage_test

import (
	"bytes"
	"fmt"
	"testing"

	"triagedesk/triage"
)

// weightSets are four small labelled sets in which look-alikes share an emergency's
// words ("chest pain"), so the 999 head has something to weigh.
func weightSets() [][]triage.Labelled {
	return fourSets("w", []labelledText{
		{"crushing chest pain and sweating now", triage.Emergency},
		{"crushing chest pain down my arm and grey", triage.Emergency},
		{"chest pain last year, all fine now, review please", triage.Soon},
		{"is chest pain after a cough something to book for", triage.Soon},
		{"a fever and not drinking since this morning", triage.SameDay},
		{"sore knee after a run for a week", triage.Soon},
		{"fit note for work please", triage.Routine},
		{"repeat prescription of my inhaler", triage.Routine},
	})
}

// labelledText is one line of a small training set built in a test.
type labelledText struct {
	text string
	p    triage.Priority
}

// fourSets repeats texts as four labelled sets (ids prefix0-0 …), so that training,
// which holds each set out in turn to choose thresholds, has sets to hold out.
func fourSets(prefix string, texts []labelledText) [][]triage.Labelled {
	var sets [][]triage.Labelled
	for s := range 4 {
		var set []triage.Labelled
		for i, x := range texts {
			set = append(set, triage.Labelled{
				Input: triage.Input{ID: fmt.Sprintf("%s%d-%d", prefix, s, i), Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: x.text},
				Want:  triage.Suggestion{Priority: x.p, Team: triage.TeamGP, Signpost: triage.SignpostNone},
			})
		}
		sets = append(sets, set)
	}
	return sets
}

func encoded(t *testing.T, m *triage.SecondOpinion) []byte {
	t.Helper()
	b, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWeight999 (`triagectl train --weight-999`): a weight of 1 (the flag's default) or
// 0 builds the model every recipe built before, byte for byte, so the shipped model
// still rebuilds; a weight above 1 weighs the less urgent more in the 999 head alone:
// a look-alike's 999 score falls, further than an emergency's, and the same-day and
// soon heads are the same.
func TestWeight999(t *testing.T) {
	sets := weightSets()
	opt := triage.TrainOptions{Version: "w", Bits: 12}
	base, _, err := triage.TrainSecondOpinion(sets, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []float64{0, 1} {
		o := opt
		o.Weight999 = w
		m, _, err := triage.TrainSecondOpinion(sets, o)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(encoded(t, m), encoded(t, base)) {
			t.Errorf("Weight999 %g: the model differs from one trained without it", w)
		}
	}
	o := opt
	o.Weight999 = 4
	heavy, _, err := triage.TrainSecondOpinion(sets, o)
	if err != nil {
		t.Fatal(err)
	}
	look, emerg := "chest pain last year, all fine now, review please", "crushing chest pain and sweating now"
	b, h := base.Read(look).Scores, heavy.Read(look).Scores
	if h[0] >= b[0] {
		t.Errorf("look-alike's 999 score %.3f with weight 4, %.3f without: want lower", h[0], b[0])
	}
	if h[1] != b[1] || h[2] != b[2] {
		t.Errorf("look-alike's same-day and soon scores %v with weight 4, %v without: want the same", h, b)
	}
	be, he := base.Read(emerg).Scores, heavy.Read(emerg).Scores
	if he[0] <= h[0] || be[0]-he[0] >= b[0]-h[0] {
		t.Errorf("999 scores: emergency %.3f -> %.3f, look-alike %.3f -> %.3f: want the look-alike to fall further and stay below", be[0], he[0], b[0], h[0])
	}
}

// TestKeepHeads (`triagectl train --keep-heads`): only the 999 head is learned; the kept
// model's features, same-day and soon heads, their thresholds and its examples stay.
// Retrained on the kept model's own sets the 999 head's weights are the kept ones
// (the heads are fitted apart), so what a retrain with Keep changes is the 999 head's
// data or weight, nothing else.
func TestKeepHeads(t *testing.T) {
	sets := weightSets()
	keep, _, err := triage.TrainSecondOpinion(sets[:3], triage.TrainOptions{Version: "k", Bits: 12})
	if err != nil {
		t.Fatal(err)
	}
	same, _, err := triage.TrainSecondOpinion(sets[:3], triage.TrainOptions{Version: "k2", Keep: keep})
	if err != nil {
		t.Fatal(err)
	}
	if same.Version != "k2" || same.Bits != keep.Bits || len(same.Examples) != len(keep.Examples) {
		t.Fatalf("kept model: version %q bits %d examples %d; want k2, %d, %d", same.Version, same.Bits, len(same.Examples), keep.Bits, len(keep.Examples))
	}
	for b := range keep.Cells {
		if same.Cells[b] != keep.Cells[b] {
			t.Fatalf("bucket %d: %+v retrained on the same sets, %+v kept", b, same.Cells[b], keep.Cells[b])
		}
	}
	if same.Bias != keep.Bias || same.Threshold[1] != keep.Threshold[1] || same.Threshold[2] != keep.Threshold[2] || same.ShortThreshold[1] != keep.ShortThreshold[1] || same.ShortThreshold[2] != keep.ShortThreshold[2] {
		t.Errorf("bias %v thresholds %v %v; kept %v %v %v", same.Bias, same.Threshold, same.ShortThreshold, keep.Bias, keep.Threshold, keep.ShortThreshold)
	}
	o := triage.TrainOptions{Version: "k3", Keep: keep, Weight999: 4, Bits: 16, Scoped: true}
	heavy, _, err := triage.TrainSecondOpinion(sets, o)
	if err != nil {
		t.Fatal(err)
	}
	if heavy.Bits != keep.Bits || heavy.Scoped != keep.Scoped {
		t.Fatalf("bits %d scoped %v: the kept model's features are %d, %v", heavy.Bits, heavy.Scoped, keep.Bits, keep.Scoped)
	}
	moved := false
	for b := range keep.Cells {
		k, h := keep.Cells[b], heavy.Cells[b]
		if k.IDF != h.IDF || k.W[1] != h.W[1] || k.W[2] != h.W[2] {
			t.Fatalf("bucket %d: %+v, kept %+v: only the 999 weights may move", b, h, k)
		}
		moved = moved || k.W[0] != h.W[0]
	}
	if !moved {
		t.Error("no 999 weight moved with four sets and a weight of 4: the test proves nothing")
	}
	for _, text := range []string{"chest pain last year, all fine now, review please", "sore knee after a run for a week"} {
		if h, k := heavy.Read(text).Scores, keep.Read(text).Scores; h[1] != k[1] || h[2] != k[2] {
			t.Errorf("%q: same-day and soon scores %v, kept %v", text, h, k)
		}
	}
}
