// Command triagectl is Triage Desk's command-line companion: it classifies requests
// with the triage engine, evaluates the engine on a labelled set, and (as the rest of
// the system lands) syncs caches and runs the benchmarks. Scripts and checks drive the
// system through it.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand: what it is for, and how to run it with its arguments,
// standard input and outputs; it returns the process's exit status.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands is every subcommand. A new one is a file with its run function and one
// entry here.
var commands = map[string]command{
	"classify":    {"suggest a priority, team and signpost for each request line (LABELS.md format)", runClassify},
	"eval":        {"measure the engine on a labelled set: recall, under-triage, accuracy, misses", runEval},
	"train":       {"build the second opinion (the model that may raise a priority) from the labelled sets", runTrain},
	"sync":        {"sync a cache with the practice queue once, or keep following it", runSync},
	"submit":      {"send a patient's request to the practice queue (demos and scripts)", runSubmit},
	"bench":       {"measure sync speed, submission latency and load on a queue it starts on 127.0.0.1", runBench},
	"bench-queue": {"serve the bench's practice queue in a process of its own (bench starts it)", runBenchQueue},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "triagectl: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: triagectl COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'triagectl COMMAND -h' for a command's flags.")
}
