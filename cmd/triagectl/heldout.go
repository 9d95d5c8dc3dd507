package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"triagedesk/triage"
)

// heldOutLine is one request of a held-out run, for comparing two versions of the
// engine request by request (--held-out-detail): labels and suggestions, no text.
type heldOutLine struct {
	Set   string          `json:"set"`
	ID    string          `json:"id"`
	Want  triage.Priority `json:"want"`
	Rules triage.Priority `json:"rules"`
	Got   triage.Priority `json:"got"`
}

// runHeldOut scores the desk's engine (rules and second opinion together, with every
// gate the engine applies) on each labelled set with a second opinion trained without
// that set, and prints one row of figures per set. Every read set is in the shipped
// model's training data, so its in-sample figures say nothing about new wording; these
// do, as far as the read sets can.
//
// only, when not empty, names the sets to score (by file name, with or without
// .jsonl); every set is still trained on and held out in turn. It lets a set be scored
// with the rules of its first sight (--rules), the closest the read sets come to new
// wording: the rules of today have been fixed on every read set.
func runHeldOut(w io.Writer, rules *triage.Engine, files []string, sets [][]triage.Labelled, opt triage.TrainOptions, detail string, only []string) error {
	score := func(f string) bool {
		base := filepath.Base(f)
		return len(only) == 0 || slices.Contains(only, base) || slices.Contains(only, strings.TrimSuffix(base, ".jsonl"))
	}
	n := 0
	for _, f := range files {
		if score(f) {
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("--held-out-sets names none of the sets given")
	}
	models, err := triage.CrossValidate(sets, opt)
	if err != nil {
		return err
	}
	var file *os.File
	enc := json.NewEncoder(io.Discard)
	if detail != "" {
		if file, err = os.Create(detail); err != nil {
			return fmt.Errorf("held-out detail: %w", err)
		}
		defer file.Close() // on an early return; the normal path closes it and checks
		enc = json.NewEncoder(file)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "rules %s; second opinion trained on %d sets, each scored set held out (%s, 2^%d buckets, false raise %g)\n",
		rules.Version(), len(sets), opt.Method, opt.Bits, opt.FalseRaise)
	fmt.Fprintln(tw, "set\tn\temergency recall\tunder-triage\tpriority\tover-triage to 999\traised\t999 the model added: false\ttrue\trules alone: recall\tunder-triage\tpriority\tover-triage to 999\t")
	var tot, totRules triage.Scores
	var totRaised, totFalse, totTrue int
	over2 := 0
	alone := rules.WithSecondOpinion(nil)
	for si, set := range sets {
		if !score(files[si]) {
			continue
		}
		e := rules.WithSecondOpinion(models[si])
		// Each request is classified once by each engine; the scores read the answers.
		rulesSay := make(map[string]triage.Suggestion, len(set))
		engineSays := make(map[string]triage.Suggestion, len(set))
		// raised counts every raise; to999 the raises to 999 the rules had not made,
		// false (not an emergency: alarm fatigue) and true (an emergency only the
		// model caught): the trade-off the 999 head's threshold sets.
		raised := 0
		var to999 [2]int
		for _, l := range set {
			if _, twice := rulesSay[l.ID]; twice {
				return fmt.Errorf("%s: id %q is used twice: give each request its own id", files[si], l.ID)
			}
			r, got := alone.Classify(l.Input), e.Classify(l.Input)
			rulesSay[l.ID], engineSays[l.ID] = r, got
			if got.Priority != r.Priority {
				raised++
				if got.Priority == triage.Emergency {
					to999[boolIndex(l.Want.Priority == triage.Emergency)]++
				}
			}
			line := heldOutLine{Set: filepath.Base(files[si]), ID: l.ID, Want: l.Want.Priority, Rules: r.Priority, Got: got.Priority}
			if err := enc.Encode(line); err != nil {
				return fmt.Errorf("held-out detail: %w", err)
			}
		}
		s := triage.EvaluateWith(func(in triage.Input) triage.Suggestion { return engineSays[in.ID] }, set)
		r := triage.EvaluateWith(func(in triage.Input) triage.Suggestion { return rulesSay[in.ID] }, set)
		if s.UnderTriageRate() > 0.02 {
			over2++
		}
		printHeldOutRow(tw, filepath.Base(files[si]), s, r, raised, to999)
		tot = addScores(tot, s)
		totRules = addScores(totRules, r)
		totRaised += raised
		totFalse += to999[0]
		totTrue += to999[1]
	}
	printHeldOutRow(tw, "all", tot, totRules, totRaised, [2]int{totFalse, totTrue})
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "sets with under-triage over 2%%: %d of %d\n", over2, n)
	if file != nil {
		if err := file.Close(); err != nil {
			return fmt.Errorf("held-out detail %s: %w", detail, err)
		}
	}
	return nil
}

// printHeldOutRow prints one set's figures; to999 are the raises to 999 the model
// made that the rules had not: false alarms (with their share of the set's
// non-emergencies) and emergencies only the model caught.
func printHeldOutRow(w io.Writer, name string, s, r triage.Scores, raised int, to999 [2]int) {
	fmt.Fprintf(w, "%s\t%d\t%.1f%% (%d/%d)\t%.1f%% (%d)\t%.1f%%\t%.1f%% (%d)\t%d\t%.1f%% (%d)\t%d\t%.1f%%\t%.1f%% (%d)\t%.1f%%\t%.1f%% (%d)\t\n", name, s.N,
		100*s.EmergencyRecall(), s.EmergenciesFound, s.Emergencies, 100*s.UnderTriageRate(), s.UnderTriaged,
		100*s.PriorityAccuracy(), 100*s.OverTriageRate(), s.OverTriagedToEmergency, raised,
		pct(to999[0], s.N-s.Emergencies), to999[0], to999[1],
		100*r.EmergencyRecall(), 100*r.UnderTriageRate(), r.UnderTriaged, 100*r.PriorityAccuracy(),
		100*r.OverTriageRate(), r.OverTriagedToEmergency)
}

// boolIndex is 1 for true and 0 for false.
func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// addScores sums the counts of two sets' scores (not their misses).
func addScores(a, b triage.Scores) triage.Scores {
	a.N += b.N
	a.Emergencies += b.Emergencies
	a.EmergenciesFound += b.EmergenciesFound
	a.UnderTriaged += b.UnderTriaged
	a.PriorityRight += b.PriorityRight
	a.TeamRight += b.TeamRight
	a.SignpostRight += b.SignpostRight
	a.OverTriagedToEmergency += b.OverTriagedToEmergency
	for i := range a.Confusion {
		for j := range a.Confusion[i] {
			a.Confusion[i][j] += b.Confusion[i][j]
		}
	}
	return a
}
