package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"triagedesk/triage"
)

// readLabelled reads a labelled set; a line without valid labels is an error naming it.
func readLabelled(r io.Reader) ([]triage.Labelled, error) {
	var set []triage.Labelled
	var problems []string
	err := eachLine(r, func(n int, line []byte) {
		rl, in, err := parseLine(line)
		if err != nil {
			problems = append(problems, fmt.Sprintf("line %d: %v", n, err))
			return
		}
		p, err1 := triage.ParsePriority(rl.Priority)
		t, err2 := triage.ParseTeam(rl.Team)
		s, err3 := triage.ParseSignpost(rl.Signpost)
		if err1 != nil || err2 != nil || err3 != nil || rl.Signpost == "" {
			problems = append(problems, fmt.Sprintf("line %d: a labelled line needs a valid priority, team and signpost", n))
			return
		}
		set = append(set, triage.Labelled{Input: in, Want: triage.Suggestion{Priority: p, Team: t, Signpost: s}})
	})
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return set, fmt.Errorf("%d bad line(s):\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	return set, nil
}

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: triagectl eval [--rules FILE] FILE\n\nRuns a labelled set (LABELS.md format with priority, team and signpost) through\nthe engine and prints emergency recall, under-triage, accuracies, the priority\nconfusion matrix and every miss with its reasons.")
		fs.PrintDefaults()
	}
	engine := engineFlag(fs)
	quiet := fs.Bool("summary", false, "print the figures only, not every miss")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	e, err := engine()
	if err != nil {
		fmt.Fprintf(stderr, "triagectl eval: %v\n", err)
		return 2
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "triagectl eval: %v\n", err)
		return 2
	}
	defer f.Close()
	set, err := readLabelled(f)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl eval: %s: %v\n", fs.Arg(0), err)
		return 2
	}
	s := triage.Evaluate(e, set)
	printScores(stdout, fs.Arg(0), e, s, !*quiet)
	return 0
}

func printScores(w io.Writer, name string, e *triage.Engine, s triage.Scores, misses bool) {
	pct := func(v float64) string { return fmt.Sprintf("%5.1f%%", 100*v) }
	model := "off"
	if m := e.SecondOpinion(); m != nil {
		model = m.Version
	}
	fmt.Fprintf(w, "%s: %d requests, rules %s, second opinion %s\n\n", name, s.N, e.Version(), model)
	fmt.Fprintf(w, "emergency recall    %s  (%d of %d)   target 100%%\n", pct(s.EmergencyRecall()), s.EmergenciesFound, s.Emergencies)
	fmt.Fprintf(w, "under-triage        %s  (%d)          target at most 3%%\n", pct(s.UnderTriageRate()), s.UnderTriaged)
	fmt.Fprintf(w, "priority accuracy   %s  (%d)          target at least 85%%\n", pct(s.PriorityAccuracy()), s.PriorityRight)
	fmt.Fprintf(w, "team accuracy       %s  (%d)          target at least 90%%\n", pct(s.TeamAccuracy()), s.TeamRight)
	fmt.Fprintf(w, "signpost accuracy   %s  (%d)          target at least 90%%\n", pct(s.SignpostAccuracy()), s.SignpostRight)
	fmt.Fprintf(w, "over-triage to 999  %s  (%d)          of the requests not labelled emergency\n\n", pct(s.OverTriageRate()), s.OverTriagedToEmergency)
	fmt.Fprintln(w, "priority confusion (rows: labelled, columns: suggested)")
	fmt.Fprintf(w, "%-12s", "")
	for _, p := range triage.Priorities {
		fmt.Fprintf(w, "%10s", p)
	}
	fmt.Fprintln(w)
	for i, p := range triage.Priorities {
		fmt.Fprintf(w, "%-12s", p)
		for j := range triage.Priorities {
			fmt.Fprintf(w, "%10d", s.Confusion[i][j])
		}
		fmt.Fprintln(w)
	}
	if !misses || len(s.Misses) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%d misses:\n", len(s.Misses))
	for _, m := range s.Misses {
		mark := ""
		if m.Got.Priority.Rank() > m.Want.Priority.Rank() {
			mark = "  UNDER-TRIAGED"
		}
		fmt.Fprintf(w, "\n%s (%d %s, %s)%s: %q\n", m.ID, m.Age, m.Sex, m.Kind, mark, m.Text)
		fmt.Fprintf(w, "  labelled  %s / %s / %s\n  suggested %s / %s / %s\n", m.Want.Priority, m.Want.Team, m.Want.Signpost, m.Got.Priority, m.Got.Team, m.Got.Signpost)
		for _, r := range m.Got.Reasons {
			fmt.Fprintf(w, "    because %s\n", r)
		}
	}
}
