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
//
// points, when not empty, are further operating points of the 999 head (shares of
// engine-level false alarms, 0 for the model's scores alone): for each, one more row of
// figures over the sets scored, so thresholds are compared on recall at a fixed
// over-triage.
func runHeldOut(w io.Writer, rules *triage.Engine, files []string, sets [][]triage.Labelled, opt triage.TrainOptions, detail string, only []string, points []float64) error {
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
	share := opt.FalseAlarms999
	if opt.Rules == nil {
		share = 0 // the engine-level choice needs the rules
	}
	all, err := triage.CrossValidatePoints(sets, opt, append([]float64{share}, points...))
	if err != nil {
		return err
	}
	models := all[0]
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
	fmt.Fprintf(w, "rules %s; second opinion trained on %d sets, each scored set held out (%s, 2^%d buckets, false raise %g, 999 %s)\n",
		rules.Version(), len(sets), opt.Method, opt.Bits, opt.FalseRaise, pointName(share))
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
	if len(points) > 0 {
		if err := printPoints(w, rules, files, sets, score, append([]float64{share}, points...), all); err != nil {
			return err
		}
	}
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

// pointName says how the 999 head's threshold was chosen.
func pointName(share float64) string {
	if share == 0 {
		return "by the model's scores alone"
	}
	return fmt.Sprintf("at most %g of each set's non-emergencies raised by the engine beyond the rules", share)
}

// printPoints prints, for each operating point of the 999 head, the desk's engine's
// figures over the sets scored: recall, under-triage and over-triage to 999, the raises
// to 999 the model added (false, with the worst set's share, and true).
func printPoints(w io.Writer, rules *triage.Engine, files []string, sets [][]triage.Labelled, score func(string) bool, shares []float64, points [][]*triage.SecondOpinion) error {
	alone := rules.WithSecondOpinion(nil)
	rulesSay := map[int][]triage.Suggestion{}
	for si, set := range sets {
		if score(files[si]) {
			for _, l := range set {
				rulesSay[si] = append(rulesSay[si], alone.Classify(l.Input))
			}
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "999 operating point\temergency recall\tunder-triage\tpriority\tover-triage to 999\t999 the model added: false\tworst set\ttrue\t")
	for k, share := range shares {
		var tot triage.Scores
		var added, caught int
		worst, worstSet := 0.0, ""
		for si, set := range sets {
			if !score(files[si]) {
				continue
			}
			e := rules.WithSecondOpinion(points[k][si])
			got := make(map[string]triage.Suggestion, len(set))
			falseHere := 0
			for i, l := range set {
				g := e.Classify(l.Input)
				got[l.ID] = g
				if g.Priority == triage.Emergency && rulesSay[si][i].Priority != triage.Emergency {
					if l.Want.Priority == triage.Emergency {
						caught++
					} else {
						falseHere++
					}
				}
			}
			s := triage.EvaluateWith(func(in triage.Input) triage.Suggestion { return got[in.ID] }, set)
			tot = addScores(tot, s)
			added += falseHere
			if r := pct(falseHere, s.N-s.Emergencies); r > worst {
				worst, worstSet = r, filepath.Base(files[si])
			}
		}
		fmt.Fprintf(tw, "%s\t%.1f%% (%d/%d)\t%.1f%% (%d)\t%.1f%%\t%.1f%% (%d)\t%.2f%% (%d)\t%.1f%% %s\t%d\t\n", pointName(share),
			100*tot.EmergencyRecall(), tot.EmergenciesFound, tot.Emergencies, 100*tot.UnderTriageRate(), tot.UnderTriaged,
			100*tot.PriorityAccuracy(), 100*tot.OverTriageRate(), tot.OverTriagedToEmergency,
			pct(added, tot.N-tot.Emergencies), added, worst, worstSet, caught)
	}
	return tw.Flush()
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
