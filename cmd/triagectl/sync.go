package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"triagedesk/client"
	"triagedesk/store"
	"triagedesk/triage"
)

func runSync(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(stderr)
	server := fs.String("server", os.Getenv("TRIAGEDESK_SERVER"), "the practice queue's address, like http://127.0.0.1:8443 (or TRIAGEDESK_SERVER)")
	token := fs.String("token", os.Getenv("TRIAGEDESK_TOKEN"), "a staff bearer token (or TRIAGEDESK_TOKEN)")
	cachePath := fs.String("cache", "", "the cache file to sync into")
	follow := fs.Bool("follow", false, "keep following the queue until interrupted")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cachePath == "" {
		fmt.Fprintln(stderr, "triagectl sync: --cache is needed: the file to sync into")
		return 2
	}
	c, err := client.New(*server, *token)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl sync: %s\n", triage.ErrorMessage(err))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cache, err := store.OpenCache(ctx, *cachePath)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl sync: %v\n", err)
		return 1
	}
	defer cache.Close()
	s := client.NewSyncer(c, cache)
	start := time.Now()
	sent, applied, err := s.Once(ctx)
	fmt.Fprintf(stdout, "pushed %d actions, applied %d changed records in %s\n", sent, applied, time.Since(start).Round(time.Millisecond))
	if err != nil {
		fmt.Fprintf(stderr, "triagectl sync: %v\n", err)
		return 1
	}
	if *follow {
		s.OnStatus = func(st client.Status) {
			n, _ := cache.Count(context.Background())
			state := "online"
			if !st.Online {
				state = "offline: " + st.LastError
			}
			fmt.Fprintf(stdout, "%s  %s, %d pending, %d conflicts, cache holds %d requests\n", time.Now().Format("15:04:05"), state, st.Pending, st.Conflicts, n)
		}
		s.Run(ctx)
	}
	n, err := cache.Count(context.Background())
	if err != nil {
		fmt.Fprintf(stderr, "triagectl sync: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "cache holds %d requests\n", n)
	return 0
}

func runSubmit(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("submit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	server := fs.String("server", os.Getenv("TRIAGEDESK_SERVER"), "the practice queue's address")
	token := fs.String("token", "", "the patient account's token")
	patient := fs.Int64("patient", 0, "the patient the request is for (the account holder when 0)")
	kind := fs.String("kind", "clinical", "clinical or admin")
	text := fs.String("text", "", "what the patient writes")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	c, err := client.New(*server, *token)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl submit: %s\n", triage.ErrorMessage(err))
		return 2
	}
	k, err := triage.ParseKind(*kind)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl submit: %s\n", triage.ErrorMessage(err))
		return 2
	}
	id, err := c.Submit(context.Background(), *patient, k, *text)
	if err != nil {
		fmt.Fprintf(stderr, "triagectl submit: %s\n", triage.ErrorMessage(err))
		return 1
	}
	fmt.Fprintf(stdout, "submitted request %d\n", id)
	return 0
}
