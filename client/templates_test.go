package client_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"triagedesk/client"
)

// TestTemplateEditReachesAnotherDesk: a manager's edit on one desk reaches a second
// desk's cache with its next sync, and a following desk hears of it at once: the
// edit ends the feed's long poll rather than waiting it out.
func TestTemplateEditReachesAnotherDesk(t *testing.T) {
	p := newPractice(t, 20)
	p.srv.LongPoll = time.Minute // longer than the test waits: only the edit can end it
	ctx := context.Background()
	desk, cache := p.desk(p.reviewer)
	if _, _, err := desk.Once(ctx); err != nil {
		t.Fatal(err)
	}
	before, err := cache.Templates(ctx)
	if err != nil || len(before.Templates) != 7 {
		t.Fatalf("after the first sync the desk holds %d templates: %v", len(before.Templates), err)
	}
	heard := make(chan struct{}, 4)
	desk.OnTemplates = func() { heard <- struct{}{} }
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	go desk.Run(runCtx)

	manager, err := client.New(p.http.URL, p.manager)
	if err != nil {
		t.Fatal(err)
	}
	// The desk's long poll begins at some moment after Run starts: an edit made
	// before it began is read only when the poll ends, a minute on, so the manager
	// edits again until the desk hears (the first edit almost always does it).
	edit := before.Templates[0]
	bodies := map[string]bool{}
	heardIt := false
	for try := 1; try <= 5 && !heardIt; try++ {
		edit.Body = fmt.Sprintf("Hello {first name}, the practice's own wording, take %d. {practice}", try)
		saved, err := manager.SaveTemplate(ctx, edit)
		if err != nil {
			t.Fatal(err)
		}
		edit.Version = saved.Version
		bodies[edit.Body] = true
		select {
		case <-heard:
			heardIt = true
		case <-time.After(3 * time.Second):
		}
	}
	if !heardIt {
		t.Fatal("the second desk did not hear of five edits while its long poll was waiting")
	}
	after, err := cache.Templates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tp := range after.Templates {
		if tp.ID == edit.ID {
			found = bodies[tp.Body] && tp.Version > before.Templates[0].Version && tp.UpdatedBy == "mo"
		}
	}
	if !found {
		t.Fatalf("the second desk's cache holds %+v, want the edit", after.Templates)
	}

	// A sync with nothing new keeps the cache as it is (the queue answers 304).
	if err := desk.PullTemplates(ctx); err != nil {
		t.Fatal(err)
	}
	if again, _ := cache.Templates(ctx); len(again.Templates) != 7 {
		t.Fatalf("an unchanged sync left %d templates", len(again.Templates))
	}
}
