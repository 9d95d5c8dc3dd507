package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"triagedesk/client"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// TestTemplatesAPI: every member of staff reads the templates; only a manager
// changes them; a bad placeholder is refused by name; a stale edit is a conflict.
func TestTemplatesAPI(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	reviewer := e.user("amy", store.RoleReviewer)
	asReviewer, _ := client.New(e.http.URL, reviewer)
	asManager, _ := client.New(e.http.URL, e.manager)

	set, tag, changed, err := asReviewer.Templates(ctx, "")
	if err != nil || !changed || tag == "" || len(set.Templates) != 7 {
		t.Fatalf("a reviewer reads %d templates, tag %q, changed %v: %v", len(set.Templates), tag, changed, err)
	}
	if _, again, changed, err := asReviewer.Templates(ctx, tag); err != nil || changed || again != tag {
		t.Fatalf("asking again with the tag: changed %v, tag %q, %v; want 304", changed, again, err)
	}
	photo := set.Templates[0]
	for _, tp := range set.Templates {
		if tp.Name == "Please send a photo" {
			photo = tp
		}
	}
	edit := photo
	edit.Body = "Hello {first name}, a photo please. {practice}"
	bad := photo
	bad.Body = "Hello {first_name}, a photo please."

	tests := []struct {
		name    string
		do      func() error
		code    string
		message string
	}{
		{"a reviewer may not edit", func() error { _, err := asReviewer.SaveTemplate(ctx, edit); return err }, triage.EFORBIDDEN, "only a practice manager"},
		{"a reviewer may not add", func() error {
			_, err := asReviewer.AddTemplate(ctx, triage.Template{Name: "x", Body: "y", Suits: triage.UseRespond})
			return err
		}, triage.EFORBIDDEN, "only a practice manager"},
		{"a reviewer may not delete", func() error { return asReviewer.DeleteTemplate(ctx, photo.ID, photo.Version) }, triage.EFORBIDDEN, "only a practice manager"},
		{"a reviewer may not set the practice's details", func() error { return asReviewer.SetPractice(ctx, triage.Practice{Name: "x"}) }, triage.EFORBIDDEN, "only a practice manager"},
		{"a bad placeholder is named", func() error { _, err := asManager.SaveTemplate(ctx, bad); return err }, triage.EINVALID, "unknown placeholder {first_name}"},
		{"a manager edits", func() error { _, err := asManager.SaveTemplate(ctx, edit); return err }, "", ""},
		{"the same edit again is stale", func() error { _, err := asManager.SaveTemplate(ctx, edit); return err }, triage.ECONFLICT, "was changed by mo"},
		{"a stale delete", func() error { return asManager.DeleteTemplate(ctx, photo.ID, photo.Version) }, triage.ECONFLICT, "since you read it"},
		{"a booking link must be a link", func() error { return asManager.SetPractice(ctx, triage.Practice{BookingLink: "book.example"}) }, triage.EINVALID, "https://"},
		{"a manager sets the practice's details", func() error {
			return asManager.SetPractice(ctx, triage.Practice{Name: "Main Surgery", Phone: "01632 960 000", BookingLink: "https://book.example/main"})
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if triage.ErrorCode(err) != tt.code || (err != nil && !strings.Contains(err.Error(), tt.message)) {
				t.Fatalf("got %v (%s), want %q saying %q", err, triage.ErrorCode(err), tt.code, tt.message)
			}
		})
	}
	now, newTag, changed, err := asReviewer.Templates(ctx, tag)
	if err != nil || !changed || newTag == tag || now.Practice.Phone != "01632 960 000" {
		t.Fatalf("after the edits: changed %v, tag %q (was %q), practice %+v: %v", changed, newTag, tag, now.Practice, err)
	}
	for _, tp := range now.Templates {
		if tp.ID == photo.ID && (tp.Body != edit.Body || tp.Version != photo.Version+1 || tp.UpdatedBy != "mo") {
			t.Fatalf("the photo template is %+v", tp)
		}
	}
	code, m := e.call(http.MethodDelete, "/api/v1/templates/"+itoa(photo.ID), e.manager, nil)
	if code != http.StatusUnprocessableEntity || !strings.Contains(message(m), "If-Match") {
		t.Fatalf("a delete without a version: %d %q", code, message(m))
	}
}

// TestEnsureDemoDetails: a demo queue from before templates gets the demo's details;
// details already set are kept.
func TestEnsureDemoDetails(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	var p triage.Practice
	for i, want := range []triage.Practice{server.DemoDetails, {Name: "Kept"}} {
		if i == 1 {
			if err := e.q.SetSetting(ctx, "practice", want, "mo"); err != nil {
				t.Fatal(err)
			}
		}
		if err := server.EnsureDemoDetails(ctx, e.q); err != nil {
			t.Fatal(err)
		}
		if _, err := e.q.Setting(ctx, "practice", &p); err != nil || p != want {
			t.Fatalf("round %d: the practice's details are %+v (%v), want %+v", i, p, err, want)
		}
	}
}
