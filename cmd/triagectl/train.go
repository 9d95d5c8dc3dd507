package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"triagedesk/triage"
)

// unseenDir is where blind sets that nobody has read are kept: they measure the next
// version, so nothing may learn from them.
const unseenDir = "unseen"

func runTrain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: triagectl train [flags] [FILE.jsonl ...]

Builds the second opinion: a model of the labelled requests that may raise the rules'
priority, never lower it. It learns from the labelled sets given (by default every
triage/testdata/*.jsonl; never a set under unseen/), holds each set out in turn to
choose its thresholds, and writes the model asset. With --held-out it writes nothing
and scores the desk's engine on each set with a model trained without that set: the
figures a new set of the same kind would give. With --compare it also scores the
candidate second opinions on the sets given there and prints one table of figures
(never a request's text: those sets stay unread).

Each head's threshold raises at most --false-raise of the held-out requests less urgent
than it; --head-false-raise sets the share of the emergency, same-day and soon heads
apart (e.g. 0.01,0.02,0.02: a 999 raise costs a call, a same-day one a sooner look).`)
		fs.PrintDefaults()
	}
	engine := engineFlag(fs)
	out := fs.String("out", "assets/second-opinion.gob", "where to write the model")
	method := fs.String("method", "logistic", "logistic or naive-bayes")
	bits := fs.Int("bits", 18, "log2 of the number of feature buckets")
	falseRaise := fs.Float64("false-raise", 0.01, "share of held-out requests less urgent than a head that it may raise")
	headFalseRaise := fs.String("head-false-raise", "", "comma-separated false-raise shares of the emergency, same-day and soon heads (e.g. 0.01,0.02,0.02); a share left empty or 0 is --false-raise's")
	shortWords := fs.Int("short-words", 6, "messages with fewer words get their own, stricter thresholds")
	seed := fs.Uint64("seed", 0, "the order of logistic training's shuffled passes (0: the order of every model before 2026.12.8)")
	scoped := fs.Bool("scope", false, "read the words a patient denies or puts in the past as features apart from the same words said")
	scopeMarks := fs.Int("scope-marks", 0, "with 1, the 999 head also reads a feature per red flag the rules read inside a scope (denied, past, asked about, someone else's, a condition, a safety net not reached) beside the words; 2, the same without conditions and safety nets; 0: none, as every model before 2026.12.18")
	marksOnly := fs.Bool("marks-only", false, "with --keep-heads and --scope-marks, learn only the scope marks' weights: the kept 999 head's words, bias and thresholds stay, so a request with no mark reads as with the kept model")
	seeds := fs.Int("seeds", 1, "train this many logistic models from --seed, --seed+1, … and average their weights")
	version := fs.String("version", time.Now().UTC().Format("2006.01.02"), "the model's version, shown in its reasons")
	compare := fs.String("compare", "", "comma-separated labelled sets to compare the candidates on (figures only)")
	knn := fs.Bool("knn", false, "with --compare, also compare nearest neighbours (slow: minutes)")
	sweep := fs.String("sweep", "", "with --compare, also compare the models at these comma-separated false-raise shares")
	heldOut := fs.Bool("held-out", false, "measure only, writing no model: score the desk's engine on each set with a second opinion trained without it (figures per set)")
	heldOutSets := fs.String("held-out-sets", "", "with --held-out, score only these comma-separated sets (all are still trained on); with --rules, the rules of their first sight")
	falseAlarms := fs.Float64("false-alarms-999", 0, "when above 0, the 999 head's threshold is the lowest at which the desk's engine's held-out raises to 999 of non-emergencies the rules had not made stay within this share of every set's non-emergencies; 0: by --false-raise of the model's scores alone (see docs/clinical-safety.md, H13, for why that is the default)")
	points := fs.String("points", "", "with --held-out, also print the figures over all sets at these comma-separated --false-alarms-999 shares (0: by the model's scores alone)")
	weight999 := fs.Float64("weight-999", 1, "in the 999 head's loss, weigh each request less urgent than an emergency this many times an emergency (1: as every model before; see TrainOptions.Weight999)")
	keepHeads := fs.String("keep-heads", "", "a model whose features, same-day and soon heads and examples are kept: only its 999 head is learned from the sets given")
	detail := fs.String("held-out-detail", "", "with --held-out, also write each request's set, id, labelled, rules' and engine's priority as JSON lines to this file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	files := fs.Args()
	if len(files) == 0 {
		var err error
		if files, err = filepath.Glob("triage/testdata/*.jsonl"); err != nil || len(files) == 0 {
			fmt.Fprintln(stderr, "triagectl train: no labelled sets given, and none in triage/testdata/*.jsonl: run it from the project's root or name the sets")
			return 2
		}
	}
	var sets [][]triage.Labelled
	for _, f := range files {
		if isUnseen(f) {
			fmt.Fprintf(stderr, "triagectl train: %s is an unseen set: it measures the next version, so the model must not learn from it\n", f)
			return 2
		}
		set, err := readSetFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "triagectl train: %v\n", err)
			return 2
		}
		sets = append(sets, set)
	}
	opt := triage.TrainOptions{Version: *version, Method: *method, Bits: *bits, FalseRaise: *falseRaise, ShortWords: *shortWords, FalseAlarms999: *falseAlarms,
		Seed: *seed, Seeds: *seeds, Scoped: *scoped, Weight999: *weight999, ScopeMarks: *scopeMarks, MarksOnly: *marksOnly}
	if *weight999 <= 0 {
		fmt.Fprintf(stderr, "triagectl train: --weight-999 %g: a weight is above 0\n", *weight999)
		return 2
	}
	if *keepHeads != "" {
		if *heldOut {
			fmt.Fprintln(stderr, "triagectl train: --keep-heads writes a model; --held-out measures a whole retrain: give one")
			return 2
		}
		raw, err := os.ReadFile(*keepHeads)
		if err == nil {
			opt.Keep, err = triage.LoadSecondOpinion(raw)
		}
		if err != nil {
			fmt.Fprintf(stderr, "triagectl train: --keep-heads: %v\n", err)
			return 2
		}
	}
	hs, err := headShares(*headFalseRaise)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl train: --head-false-raise: %v\n", err)
		return 2
	}
	opt.HeadFalseRaise = hs
	rules, err := engine()
	if err != nil {
		fmt.Fprintf(stderr, "triagectl train: %v\n", err)
		return 2
	}
	opt.Rules = rules // for the engine-level operating points (--false-alarms-999, --points)
	if *heldOut {
		var only []string
		if *heldOutSets != "" {
			only = strings.Split(*heldOutSets, ",")
		}
		shares, err := floats(*points)
		if err == nil {
			err = runHeldOut(stdout, rules, files, sets, opt, *detail, only, shares)
		}
		if err != nil {
			fmt.Fprintf(stderr, "triagectl train: %v\n", err)
			return 2
		}
		return 0
	}
	m, held, err := triage.TrainSecondOpinion(sets, opt)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl train: %v\n", err)
		return 2
	}
	b, err := m.Encode()
	if err != nil {
		fmt.Fprintf(stderr, "triagectl train: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "triagectl train: %v\n", err)
		return 1
	}
	n := 0
	for _, s := range sets {
		n += len(s)
	}
	fmt.Fprintf(stdout, "model %s (%s, 2^%d buckets) from %d requests in %d sets: %s, %.1f MB\n", m.Version, m.Method, m.Bits, n, len(sets), *out, float64(len(b))/1e6)
	fmt.Fprintf(stdout, "thresholds (emergency, same-day, soon): %.3f %.3f %.3f; under %d words %.3f %.3f %.3f\n",
		m.Threshold[0], m.Threshold[1], m.Threshold[2], m.ShortWords, m.ShortThreshold[0], m.ShortThreshold[1], m.ShortThreshold[2])
	printHeld(stdout, held, m)
	if *compare == "" {
		return 0
	}
	var evalNames []string
	evalSets := map[string][]triage.Labelled{}
	for _, f := range strings.Split(*compare, ",") {
		set, err := readSetFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "triagectl train: %v\n", err)
			return 2
		}
		evalNames = append(evalNames, f)
		evalSets[f] = set
	}
	var shares []float64
	for _, f := range strings.Split(*sweep, ",") {
		var v float64
		if _, err := fmt.Sscan(f, &v); err == nil && v > 0 {
			shares = append(shares, v)
		}
	}
	cands := candidates(rules, sets, m, held, opt, *knn, shares)
	printComparison(stdout, rules, cands, evalNames, evalSets)
	return 0
}

// headShares reads --head-false-raise: up to three shares, for the emergency, same-day
// and soon heads in that order; one left out or empty is 0 (--false-raise's share).
func headShares(list string) ([3]float64, error) {
	var out [3]float64
	if strings.TrimSpace(list) == "" {
		return out, nil
	}
	parts := strings.Split(list, ",")
	if len(parts) > len(out) {
		return out, fmt.Errorf("%q gives %d shares: there are three heads (emergency, same-day, soon)", list, len(parts))
	}
	for i, f := range parts {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		v, err := number(f)
		if err != nil {
			return out, err
		}
		if v < 0 || v >= 1 {
			return out, fmt.Errorf("a share is a fraction from 0 to below 1, not %g", v)
		}
		out[i] = v
	}
	return out, nil
}

// floats reads a comma-separated list of numbers; "" is none.
func floats(list string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(list, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		v, err := number(f)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// number reads one number of a comma-separated flag, saying which word was none.
func number(f string) (float64, error) {
	var v float64
	if _, err := fmt.Sscan(f, &v); err != nil {
		return 0, fmt.Errorf("%q is not a number: %w", f, err)
	}
	return v, nil
}

func isUnseen(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return slices.Contains(strings.Split(filepath.ToSlash(abs), "/"), unseenDir)
}

func readSetFile(path string) ([]triage.Labelled, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	set, err := readLabelled(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return set, nil
}

// printHeld reports what the held-out sets say of the chosen thresholds: how many of
// each priority's requests each head raised to, for the model alone.
func printHeld(w io.Writer, held []triage.Held, m *triage.SecondOpinion) {
	var raised, negatives, caught, urgent [3]int
	for _, h := range held {
		th := m.Threshold
		if h.Words < m.ShortWords {
			th = m.ShortThreshold
		}
		p := triage.HeadPriority(h.Scores, th)
		for k, hp := range []triage.Priority{triage.Emergency, triage.SameDay, triage.Soon} {
			if h.Want.Rank() > hp.Rank() {
				negatives[k]++
				if p != "" && p.Rank() <= hp.Rank() {
					raised[k]++
				}
			} else {
				urgent[k]++
				if p != "" && p.Rank() <= hp.Rank() {
					caught[k]++
				}
			}
		}
	}
	fmt.Fprintln(w, "held out, the model alone (each set scored by a model trained on the others):")
	for k, name := range []string{"emergency", "at least same-day", "at least soon"} {
		fmt.Fprintf(w, "  %-18s finds %5.1f%% (%d of %d); raises %4.1f%% of the less urgent (%d of %d)\n", name,
			pct(caught[k], urgent[k]), caught[k], urgent[k], pct(raised[k], negatives[k]), raised[k], negatives[k])
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// candidates are the second opinions compared: the probe of the issue (the most
// urgent of the three nearest with cosine at least 0.25), nearest neighbours with
// held-out thresholds, and the logistic and naive-Bayes models.
func candidates(rules *triage.Engine, sets [][]triage.Labelled, m *triage.SecondOpinion, mheld []triage.Held, opt triage.TrainOptions, knn bool, shares []float64) []triage.Candidate {
	cands := []triage.Candidate{
		{Name: "rules alone", Raise: func(_ triage.Input, s triage.Suggestion) triage.Suggestion { return s }},
	}
	if knn {
		k := triage.NewKNN(m, sets)
		cands = append(cands, triage.Candidate{Name: "probe: 3-NN, cosine >= 0.25", Raise: func(in triage.Input, s triage.Suggestion) triage.Suggestion {
			best := triage.Priority("")
			for _, nb := range k.Nearest(in.Text, 3, -1) {
				if nb.Sim >= 0.25 && (best == "" || nb.Priority.MoreUrgent(best)) {
					best = nb.Priority
				}
			}
			return triage.RaiseTo(s, best, "probe")
		}})
		long, short := triage.Thresholds(k.HeldOut(5, opt.ShortWords), opt.FalseRaise, opt.ShortWords)
		cands = append(cands, triage.Candidate{Name: fmt.Sprintf("5-NN, false raise %g", opt.FalseRaise), Raise: func(in triage.Input, s triage.Suggestion) triage.Suggestion {
			th := long
			if len(strings.Fields(in.Text)) < opt.ShortWords {
				th = short
			}
			return triage.RaiseTo(s, triage.HeadPriority(triage.KNNScores(k.Nearest(in.Text, 5, -1)), th), "5-NN")
		}})
	}
	model := func(mm *triage.SecondOpinion, share float64, written bool) triage.Candidate {
		name := fmt.Sprintf("%s, false raise %g", mm.Method, share)
		if written {
			name += " (written)"
		}
		return triage.Candidate{Name: name, Raise: func(in triage.Input, s triage.Suggestion) triage.Suggestion {
			return triage.RaiseTo(s, mm.Read(in.Text).Priority, name)
		}}
	}
	cands = append(cands, model(m, opt.FalseRaise, true))
	for _, method := range []string{"logistic", "naive-bayes"} {
		o := opt
		o.Method = method
		om, held := m, mheld
		if method != m.Method {
			var err error
			if om, held, err = triage.TrainSecondOpinion(sets, o); err != nil {
				continue
			}
			cands = append(cands, model(om, opt.FalseRaise, false))
		}
		for _, share := range shares {
			cands = append(cands, model(om.WithFalseRaise(held, share), share, false))
		}
	}
	return cands
}

// printComparison prints one row per candidate and set: figures only.
func printComparison(w io.Writer, rules *triage.Engine, cands []triage.Candidate, names []string, sets map[string][]triage.Labelled) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "candidate\tset\tn\temergency recall\tunder-triage\tpriority\tteam\tsignpost\tover-triage to emergency\traised\t")
	for _, c := range cands {
		var all []triage.Labelled
		for _, name := range names {
			all = append(all, sets[name]...)
		}
		for _, name := range append(slices.Clone(names), "all") {
			set := all
			if name != "all" {
				set = sets[name]
			}
			raised := 0
			s := triage.EvaluateWith(func(in triage.Input) triage.Suggestion {
				r := rules.RulesOnly(in)
				got := c.Raise(in, r)
				if got.Priority != r.Priority {
					raised++
				}
				return got
			}, set)
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f%% (%d/%d)\t%.1f%%\t%.1f%%\t%.1f%%\t%.1f%%\t%.1f%% (%d)\t%d\t\n", c.Name, filepath.Base(name), s.N,
				100*s.EmergencyRecall(), s.EmergenciesFound, s.Emergencies, 100*s.UnderTriageRate(), 100*s.PriorityAccuracy(),
				100*s.TeamAccuracy(), 100*s.SignpostAccuracy(), 100*s.OverTriageRate(), s.OverTriagedToEmergency, raised)
		}
	}
	tw.Flush()
}
