package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"triagedesk/assets"
	"triagedesk/triage"
)

// requestLine is one input line of LABELS.md; the labelled sets add the three labels.
type requestLine struct {
	ID   string `json:"id"`
	Age  *int   `json:"age"`
	Sex  string `json:"sex"`
	Kind string `json:"kind"`
	Text string `json:"text"`
	// Answers are the front door's questions, as the patient API takes them; optional.
	Answers  *triage.Answers `json:"answers,omitempty"`
	Priority string          `json:"priority,omitempty"`
	Team     string          `json:"team,omitempty"`
	Signpost string          `json:"signpost,omitempty"`
}

// resultLine is one output line of LABELS.md.
type resultLine struct {
	ID       string   `json:"id"`
	Priority string   `json:"priority"`
	Team     string   `json:"team"`
	Signpost string   `json:"signpost"`
	Reasons  []string `json:"reasons"`
}

// parseLine reads and checks one request line.
func parseLine(b []byte) (requestLine, triage.Input, error) {
	var rl requestLine
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if err := dec.Decode(&rl); err != nil {
		return rl, triage.Input{}, fmt.Errorf("not a JSON request: %v", err)
	}
	if strings.TrimSpace(rl.ID) == "" {
		return rl, triage.Input{}, errors.New(`missing "id"`)
	}
	if rl.Age == nil || *rl.Age < 0 || *rl.Age > 130 {
		return rl, triage.Input{}, errors.New(`"age" must be whole years from 0 to 130`)
	}
	sex, err := triage.ParseSex(rl.Sex)
	if err != nil {
		return rl, triage.Input{}, errors.New(triage.ErrorMessage(err))
	}
	kind, err := triage.ParseKind(rl.Kind)
	if err != nil {
		return rl, triage.Input{}, errors.New(triage.ErrorMessage(err))
	}
	if strings.TrimSpace(rl.Text) == "" {
		return rl, triage.Input{}, errors.New(`"text" is empty`)
	}
	if err := rl.Answers.Validate(); err != nil {
		return rl, triage.Input{}, errors.New(`"answers": ` + triage.ErrorMessage(err))
	}
	return rl, triage.Input{ID: rl.ID, Age: *rl.Age, Sex: sex, Kind: kind, Text: rl.Text, Answers: rl.Answers}, nil
}

// engineFlag adds --rules, --model and --rules-only and returns a function that builds
// the engine they name: the built-in or a practice's rules, with the built-in second
// opinion or a model file (to score a candidate model on a new set before it ships)
// unless --rules-only.
func engineFlag(fs *flag.FlagSet) func() (*triage.Engine, error) {
	path := fs.String("rules", "", "a practice's rules file to use instead of the built-in rules")
	model := fs.String("model", "", "a second opinion's model file (from triagectl train) to use instead of the built-in one")
	alone := fs.Bool("rules-only", false, "the rules alone, without the second opinion that may raise a priority")
	return func() (*triage.Engine, error) {
		e := assets.DefaultEngine()
		if *path != "" {
			b, err := os.ReadFile(*path)
			if err != nil {
				return nil, fmt.Errorf("read rules: %w", err)
			}
			if e, err = triage.NewEngine(b, *path); err != nil {
				return nil, err
			}
			e = e.WithSecondOpinion(assets.DefaultSecondOpinion())
		}
		if *model != "" {
			b, err := os.ReadFile(*model)
			if err != nil {
				return nil, fmt.Errorf("read the model: %w", err)
			}
			m, err := triage.LoadSecondOpinion(b)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", *model, err)
			}
			e = e.WithSecondOpinion(m)
		}
		if *alone {
			e = e.WithSecondOpinion(nil)
		}
		return e, nil
	}
}

// eachLine calls fn for every non-blank line of r with its line number.
func eachLine(r io.Reader, fn func(n int, line []byte)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		fn(n, sc.Bytes())
	}
	return sc.Err()
}

func openInput(args []string, stdin io.Reader) (io.Reader, func(), error) {
	if len(args) == 0 || args[0] == "-" {
		return stdin, func() {}, nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

func runClassify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: triagectl classify [--rules FILE] [FILE]\n\nReads one request a line (LABELS.md input format; standard input when no FILE)\nand writes one suggestion a line, in order. A bad line is reported on standard\nerror with its number and the run goes on; the exit status is 1 if any was bad.")
		fs.PrintDefaults()
	}
	engine := engineFlag(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	e, err := engine()
	if err != nil {
		fmt.Fprintf(stderr, "triagectl classify: %v\n", err)
		return 2
	}
	in, done, err := openInput(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl classify: %v\n", err)
		return 2
	}
	defer done()
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	bad := 0
	err = eachLine(in, func(n int, line []byte) {
		_, input, err := parseLine(line)
		if err != nil {
			bad++
			fmt.Fprintf(stderr, "line %d: %v\n", n, err)
			return
		}
		s := e.Classify(input)
		res := resultLine{ID: input.ID, Priority: string(s.Priority), Team: string(s.Team), Signpost: string(s.Signpost), Reasons: []string{}}
		for _, r := range s.Reasons {
			res.Reasons = append(res.Reasons, r.String())
		}
		enc.Encode(res)
	})
	if err != nil {
		fmt.Fprintf(stderr, "triagectl classify: read input: %v\n", err)
		return 2
	}
	if bad > 0 {
		fmt.Fprintf(stderr, "triagectl classify: %d bad line(s)\n", bad)
		return 1
	}
	return 0
}
