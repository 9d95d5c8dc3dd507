package triage_test

import (
	"slices"
	"strings"
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestScopeMarksReadTheRulesScopes (`triagectl train --scope-marks 1`): a red flag the
// rules read inside a scope (asked about in advance, denied, a safety net not reached,
// put in the past, someone else's) is marked; the same red flag told as now is not.
func TestScopeMarksReadTheRulesScopes(t *testing.T) {
	e := assets.DefaultEngine()
	marks := func(text string) []string {
		return e.ScopeMarks(triage.Input{ID: "m", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: text})
	}
	for _, c := range []struct{ text, mark string }{
		{"what should I do if I get crushing chest pain down my arm?", "chest_pain"},
		{"no chest pain, just a cough for a week", "chest_pain"},
		{"They said ring 999 if her lips went blue. She is fine now, pink and playing", "blue_lips"},
		{"I had sepsis in 2020 and want to know the signs", "sepsis_word"},
		{"my friend took an overdose last week, how do I support her", "overdose"},
	} {
		if got := marks(c.text); !slices.Contains(got, c.mark) {
			t.Errorf("%q: marks %v, want %s among them", c.text, got, c.mark)
		}
	}
	for _, text := range []string{
		"crushing chest pain down my arm and sweating now",
		"her lips have gone blue and she is struggling to breathe",
		"I think I have sepsis, shivering and confused, mottled skin",
		"I have taken an overdose of 30 paracetamol an hour ago",
		"my baby is floppy and won't wake",
	} {
		if got := marks(text); len(got) > 0 {
			t.Errorf("%q, told as now: marks %v, want none", text, got)
		}
	}
}

// scopeMarkSets are four small sets in which the look-alikes are an emergency's own
// words asked about in advance or denied, so only the rules' scopes tell them apart.
func scopeMarkSets() [][]triage.Labelled {
	return fourSets("s", []labelledText{
		{"crushing chest pain and sweating now", triage.Emergency},
		{"crushing chest pain down my arm and grey", triage.Emergency},
		{"sudden crushing chest pain going into my jaw", triage.Emergency},
		{"what should I do if I get crushing chest pain?", triage.Soon},
		{"what do I do if the chest pain comes on, is it 999?", triage.Soon},
		{"no chest pain, just a cough for a week", triage.Soon},
		{"a fever and not drinking since this morning", triage.SameDay},
		{"sore knee after a run for a week", triage.Soon},
		{"fit note for work please", triage.Routine},
		{"repeat prescription of my inhaler", triage.Routine},
	})
}

// TestScopeMarksTrainTheHead: trained with scope marks, the 999 head weighs a red flag
// told in a scope apart from its words: a look-alike asked in advance scores lower on
// the 999 head than without the marks, the emergencies stay above it, the same-day and
// soon heads are a kept model's, and the marks survive the model file. Without marks
// (0, the default) the model is the one every recipe built before, byte for byte.
func TestScopeMarksTrainTheHead(t *testing.T) {
	sets := scopeMarkSets()
	e := assets.DefaultEngine()
	keep, _, err := triage.TrainSecondOpinion(sets, triage.TrainOptions{Version: "s", Bits: 12})
	if err != nil {
		t.Fatal(err)
	}
	plain, _, err := triage.TrainSecondOpinion(sets, triage.TrainOptions{Version: "p", Keep: keep})
	if err != nil {
		t.Fatal(err)
	}
	zero, _, err := triage.TrainSecondOpinion(sets, triage.TrainOptions{Version: "p", Keep: keep, Rules: e})
	if err != nil {
		t.Fatal(err)
	}
	if !bytesEqual(encoded(t, zero), encoded(t, plain)) {
		t.Error("ScopeMarks 0 with the rules given: the model differs from one trained without them")
	}
	marked, _, err := triage.TrainSecondOpinion(sets, triage.TrainOptions{Version: "m", Keep: keep, Rules: e, ScopeMarks: 1})
	if err != nil {
		t.Fatal(err)
	}
	if marked.ScopeMarks != 1 || len(marked.MarkNames) == 0 || !slices.Contains(marked.MarkNames, "chest_pain") {
		t.Fatalf("marked model: ScopeMarks %d, marks %v; want 1 and chest_pain among them", marked.ScopeMarks, marked.MarkNames)
	}
	back, err := triage.LoadSecondOpinion(encoded(t, marked))
	if err != nil {
		t.Fatal(err)
	}
	in := func(text string) triage.Input {
		return triage.Input{ID: "m", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: text}
	}
	look := "what should I do if I get crushing chest pain?"
	lm := e.ScopeMarks(in(look))
	ps, ms, bs := plain.Read(look).Scores, marked.ReadMarked(look, lm).Scores, back.ReadMarked(look, lm).Scores
	if ms[0] >= ps[0] {
		t.Errorf("%q: 999 score %.3f with scope marks %v, %.3f without: want lower", look, ms[0], lm, ps[0])
	}
	if bs != ms {
		t.Errorf("%q: scores %v after Encode and Load, %v before", look, bs, ms)
	}
	if ms[1] != ps[1] || ms[2] != ps[2] {
		t.Errorf("%q: same-day and soon scores %v with marks, %v kept", look, ms, ps)
	}
	if got := marked.Read(look).Scores[0]; got == ms[0] {
		t.Errorf("%q: the marks move nothing (999 score %.3f read without them)", look, got)
	}
	for _, text := range []string{"crushing chest pain and sweating now", "sudden crushing chest pain going into my jaw"} {
		if s := marked.ReadMarked(text, e.ScopeMarks(in(text))).Scores[0]; s <= ms[0] {
			t.Errorf("%q: 999 score %.3f, not above the look-alike's %.3f", text, s, ms[0])
		}
	}
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// unmarked is the shipped model without scope marks, as 2026.12.7 and every model
// trained without --scope-marks is, whichever model ships.
func unmarked(t *testing.T) *triage.SecondOpinion {
	t.Helper()
	c := *assets.DefaultSecondOpinion()
	c.ScopeMarks, c.MarkNames, c.MarkW = 0, nil, nil
	m, err := triage.LoadSecondOpinion(encoded(t, &c))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestScopeMarksOffClassifiesAsBefore: a model without scope marks (the shipped
// 2026.12.7, and any model trained without --scope-marks) reads a text with marks as
// without them, so the desk classifies byte for byte as before the marks existed.
func TestScopeMarksOffClassifiesAsBefore(t *testing.T) {
	m := unmarked(t)
	for _, text := range []string{"what should I do if I get crushing chest pain?", "no chest pain, just a cough for a week"} {
		if a, b := m.Read(text), m.ReadMarked(text, []string{"chest_pain", "cardiac_feature"}); a != b {
			t.Errorf("%q: %+v read with marks, %+v without", text, b, a)
		}
	}
}

// TestScopeMarksRefused: scope marks need the rules that read them and logistic
// training, and a model of scope marks this code does not know is refused on load.
func TestScopeMarksRefused(t *testing.T) {
	sets := scopeMarkSets()
	e := assets.DefaultEngine()
	for _, c := range []struct {
		name string
		opt  triage.TrainOptions
		want string
	}{
		{"no rules", triage.TrainOptions{Bits: 12, ScopeMarks: 1}, "needs the rules"},
		{"naive Bayes", triage.TrainOptions{Bits: 12, ScopeMarks: 1, Rules: e, Method: "naive-bayes"}, "logistic"},
		{"version 3", triage.TrainOptions{Bits: 12, ScopeMarks: 3, Rules: e}, "version 3"},
	} {
		if _, _, err := triage.TrainSecondOpinion(sets, c.opt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
		if _, err := triage.CrossValidate(sets, c.opt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s, cross-validated: error %v, want one saying %q", c.name, err, c.want)
		}
	}
	m, _, err := triage.TrainSecondOpinion(sets, triage.TrainOptions{Bits: 12, ScopeMarks: 1, Rules: e})
	if err != nil {
		t.Fatal(err)
	}
	newer := *m
	newer.ScopeMarks = triage.ScopeMarksVersion + 1
	if _, err := triage.LoadSecondOpinion(encoded(t, &newer)); err == nil || !strings.Contains(err.Error(), "scope marks") {
		t.Errorf("a model of scope marks %d: error %v, want one naming scope marks", newer.ScopeMarks, err)
	}
	short := *m
	short.MarkW = short.MarkW[:len(short.MarkW)-1]
	if _, err := triage.LoadSecondOpinion(encoded(t, &short)); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("a model with %d marks and %d weights: error %v, want damaged", len(short.MarkNames), len(short.MarkW), err)
	}
}

// TestClassifyReadsScopeMarks: the desk gives a model trained with scope marks the
// marks of its own reading of the request, and none to a model without them: a mark
// weighed up to 999 raises a request the same model leaves below it without marks, and
// a request with no mark reads as it did.
func TestClassifyReadsScopeMarks(t *testing.T) {
	base := unmarked(t)
	with := func(mark int, w float32) *triage.SecondOpinion {
		c := *base
		c.ScopeMarks, c.MarkNames, c.MarkW = mark, []string{"chest_pain"}, []float32{w}
		m, err := triage.LoadSecondOpinion(encoded(t, &c))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	e := assets.DefaultEngine()
	in := triage.Input{ID: "m", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: "no chest pain, just a cough for a week"}
	if got := e.WithSecondOpinion(base).Classify(in).Priority; got == triage.Emergency {
		t.Fatalf("%q is 999 with the shipped model: the test needs a request below it", in.Text)
	}
	if got := e.WithSecondOpinion(with(1, 100)).Classify(in).Priority; got != triage.Emergency {
		t.Errorf("%q with its chest_pain mark weighed +100: %s, want 999 (the desk gave the model no marks)", in.Text, got)
	}
	if got, want := e.WithSecondOpinion(with(0, 100)).Classify(in), e.WithSecondOpinion(base).Classify(in); got.Priority != want.Priority {
		t.Errorf("%q, a model with scope marks off: %s, want %s as the shipped model", in.Text, got.Priority, want.Priority)
	}
	now := triage.Input{ID: "m", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: "feel awful, grey and clammy and my arm aches"}
	if a, b := e.WithSecondOpinion(base).Classify(now), e.WithSecondOpinion(with(1, -100)).Classify(now); a.Priority != b.Priority {
		t.Errorf("%q (no mark): %s with a marked model, %s without: a mark not read moves nothing", now.Text, b.Priority, a.Priority)
	}
}

// TestMarksOnlyKeepsTheWords (`triagectl train --marks-only`): only the scope marks are
// learned beside a kept model's 999 head, so a request with no mark scores as with the
// kept model, byte for byte, a look-alike asked in advance scores lower on the 999
// head, and no mark weighs above 0 (a scope never raises). Learned from zero beside the
// words, the marks had taken the 999 head's bias with them, and every request without a
// mark read as more urgent.
func TestMarksOnlyKeepsTheWords(t *testing.T) {
	sets := scopeMarkSets()
	e := assets.DefaultEngine()
	keep, _, err := triage.TrainSecondOpinion(sets, triage.TrainOptions{Version: "s", Bits: 12})
	if err != nil {
		t.Fatal(err)
	}
	only, _, err := triage.TrainSecondOpinion(sets, triage.TrainOptions{Version: "o", Keep: keep, Rules: e, ScopeMarks: 1, MarksOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for b := range keep.Cells {
		if only.Cells[b] != keep.Cells[b] {
			t.Fatalf("bucket %d: %+v with marks only, %+v kept: no word weight may move", b, only.Cells[b], keep.Cells[b])
		}
	}
	for i, w := range only.MarkW {
		if w > 0 {
			t.Errorf("mark %s weighs %.3f: with marks only a scope may weigh a red flag down, never up", only.MarkNames[i], w)
		}
	}
	if only.Bias != keep.Bias || only.Threshold != keep.Threshold || only.ShortThreshold != keep.ShortThreshold {
		t.Errorf("bias %v thresholds %v %v; kept %v %v %v", only.Bias, only.Threshold, only.ShortThreshold, keep.Bias, keep.Threshold, keep.ShortThreshold)
	}
	in := func(text string) triage.Input {
		return triage.Input{ID: "m", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: text}
	}
	for _, text := range []string{"crushing chest pain and sweating now", "sore knee after a run for a week", "fit note for work please"} {
		marks := e.ScopeMarks(in(text))
		if len(marks) > 0 {
			t.Fatalf("%q: marks %v; the test needs a text without", text, marks)
		}
		if got, want := only.ReadMarked(text, marks), keep.Read(text); got != want {
			t.Errorf("%q, no mark: %+v with marks only, %+v kept", text, got, want)
		}
	}
	look := "what should I do if I get crushing chest pain?"
	lm := e.ScopeMarks(in(look))
	if o, k := only.ReadMarked(look, lm).Scores[0], keep.Read(look).Scores[0]; o >= k {
		t.Errorf("%q: 999 score %.3f with marks %v learned alone, %.3f kept: want lower", look, o, lm, k)
	}
	for _, c := range []struct {
		name string
		opt  triage.TrainOptions
		want string
	}{
		{"no kept model", triage.TrainOptions{Bits: 12, ScopeMarks: 1, MarksOnly: true, Rules: e}, "kept model"},
		{"no marks", triage.TrainOptions{Keep: keep, MarksOnly: true, Rules: e}, "needs scope marks"},
	} {
		if _, _, err := triage.TrainSecondOpinion(sets, c.opt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

// TestScopeMarksVersion2LeaveConditionsOut (`--scope-marks 2`): version 2 marks no red
// flag inside a condition or a safety net, which the rules read as not come true where
// it often has (model5's m5 lost three nets come true at the gate to their marks); a red
// flag denied, put in the past or said of someone else is marked as in version 1.
func TestScopeMarksVersion2LeaveConditionsOut(t *testing.T) {
	e := assets.DefaultEngine()
	marks := func(text string, v int) []string {
		return e.ScopeMarksOf(triage.Input{ID: "m", Age: 40, Sex: triage.Female, Kind: triage.Clinical, Text: text}, v)
	}
	for _, text := range []string{
		"her ketone plan says over 3 with vomiting is A&E. it's 3.8 and she's been sick twice",
		"On warfarin, the nurse said if I hit my head I must go to A&E. I fell against the door frame this afternoon and hit it.",
		"After the stent they said ring 999 if I had the crushing feeling again. Yes. Right now. Sweating.",
		"They told me if the nosebleed on my blood thinner didn't stop in 20 minutes of pinching, go to A&E. It's been an hour and it's still pouring.",
		"what should I do if I get crushing chest pain down my arm?",
	} {
		if v1, v2 := marks(text, 1), marks(text, 2); len(v1) == 0 || len(v2) > 0 {
			t.Errorf("%q: marks %v in version 1, %v in version 2; want some, then none", text, v1, v2)
		}
	}
	for _, c := range []struct{ text, mark string }{
		{"no chest pain, just a cough for a week", "chest_pain"},
		{"my friend took an overdose last week, how do I support her", "overdose"},
	} {
		if got := marks(c.text, 2); !slices.Contains(got, c.mark) {
			t.Errorf("%q: version 2 marks %v, want %s among them", c.text, got, c.mark)
		}
	}
}
