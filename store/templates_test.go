package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"triagedesk/triage"
)

// TestNewQueueHasTheDefaultTemplates: a new queue starts with the practice's
// defaults, each one a template the desk can fill and send.
func TestNewQueueHasTheDefaultTemplates(t *testing.T) {
	ctx := context.Background()
	q, err := OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ts, err := q.Templates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]triage.Template{}
	for _, tp := range ts {
		if err := tp.Validate(); err != nil {
			t.Errorf("default template %q does not pass its own checks: %v", tp.Name, err)
		}
		if !strings.Contains(tp.Body, triage.PlaceFirstName) || !strings.Contains(tp.Body, triage.PlacePractice) {
			t.Errorf("default template %q does not greet the patient by name and sign off as the practice: %q", tp.Name, tp.Body)
		}
		if tp.Version != 1 || tp.UpdatedAt.IsZero() {
			t.Errorf("default template %q: version %d, updated %v", tp.Name, tp.Version, tp.UpdatedAt)
		}
		byName[tp.Name] = tp
	}
	tests := []struct {
		name     string
		suits    triage.TemplateUse
		signpost triage.Signpost
		says     []string
	}{
		{"Pharmacy First", triage.UseSignpost, triage.SignpostPharmacy, []string{"sinusitis", "sore throat", "earache", "insect bites", "impetigo", "shingles", "urine infections"}},
		{"Optician", triage.UseSignpost, triage.SignpostOptician, []string{"optician"}},
		{"Dentist", triage.UseSignpost, triage.SignpostDentist, []string{"111", "urgent dental"}},
		{"NHS Talking Therapies", triage.UseRespond, "", []string{"refer yourself"}},
		{"Please send a photo", triage.UseRespond, "", []string{"photo", triage.PlacePracticePhone}},
		{"Please book with this link", triage.UseRespond, "", []string{triage.PlaceBookingLink}},
		{"Call 999 now", triage.UseCall999, "", []string{"call 999"}},
	}
	for _, tt := range tests {
		tp, ok := byName[tt.name]
		if !ok {
			t.Errorf("no default template %q among %d", tt.name, len(ts))
			continue
		}
		if tp.Suits != tt.suits || tp.Signpost != tt.signpost {
			t.Errorf("%q suits %s %q, want %s %q", tt.name, tp.Suits, tp.Signpost, tt.suits, tt.signpost)
		}
		for _, s := range tt.says {
			if !strings.Contains(strings.ToLower(tp.Body), strings.ToLower(s)) {
				t.Errorf("%q does not say %q: %q", tt.name, s, tp.Body)
			}
		}
	}
	if len(ts) != len(tests) {
		t.Errorf("a new queue has %d templates, want the %d defaults", len(ts), len(tests))
	}
}

// TestTemplateEditsAreVersionedAndAudited: an edit made on an old version is refused
// and changes nothing; every change is in the audit trail with who made it.
func TestTemplateEditsAreVersionedAndAudited(t *testing.T) {
	ctx := context.Background()
	q, err := OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ts, _ := q.Templates(ctx)
	photo := ts[0]
	for _, tp := range ts {
		if tp.Name == "Please send a photo" {
			photo = tp
		}
	}
	mine := photo
	mine.Body = "Hello {first name}, please send us a photo of it. {practice}"
	saved, err := q.SaveTemplate(ctx, mine, "mo")
	if err != nil {
		t.Fatal(err)
	}
	if saved.Version != photo.Version+1 || saved.UpdatedBy != "mo" || saved.Body != mine.Body {
		t.Fatalf("saved %+v", saved)
	}
	theirs := photo // a second manager's edit, made on the version before mine
	theirs.Body = "Send a photo, {first name}."
	_, err = q.SaveTemplate(ctx, theirs, "sam")
	if triage.ErrorCode(err) != triage.ECONFLICT || !strings.Contains(err.Error(), "mo") {
		t.Fatalf("a stale edit: %v, want a conflict naming who changed it", err)
	}
	if err := q.DeleteTemplate(ctx, photo.ID, photo.Version, "sam"); triage.ErrorCode(err) != triage.ECONFLICT {
		t.Fatalf("a stale delete: %v, want a conflict", err)
	}
	bad := saved
	bad.Body = "Hello {firstname}, from {practice} on {practice phone}. {surgery}"
	if _, err := q.SaveTemplate(ctx, bad, "mo"); triage.ErrorCode(err) != triage.EINVALID || !strings.Contains(err.Error(), "{firstname}, {surgery}") {
		t.Fatalf("unknown placeholders: %v, want them named", err)
	}
	dup := triage.Template{Name: "please send a PHOTO", Body: "x", Suits: triage.UseRespond}
	if _, err := q.AddTemplate(ctx, dup, "mo"); triage.ErrorCode(err) != triage.EINVALID {
		t.Fatalf("a second template with the same name: %v", err)
	}
	added, err := q.AddTemplate(ctx, triage.Template{Name: "Fit note", Body: "Hello {first name}, your fit note is ready.", Suits: triage.UseRespond}, "mo")
	if err != nil || added.Version != 1 || added.ID == 0 {
		t.Fatalf("add: %+v %v", added, err)
	}
	if err := q.DeleteTemplate(ctx, added.ID, added.Version, "mo"); err != nil {
		t.Fatal(err)
	}
	now, _ := q.Templates(ctx)
	for _, tp := range now {
		if tp.ID == photo.ID && tp.Body != mine.Body {
			t.Errorf("the refused edit changed the template: %q", tp.Body)
		}
		if tp.ID == added.ID {
			t.Error("the deleted template is still there")
		}
	}
	log, err := q.AuditLog(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, e := range log {
		if e.Action == "template" {
			said = append(said, e.Sentence())
		}
	}
	want := []string{`mo changed the reply template "Please send a photo"`, `mo added the reply template "Fit note"`, `mo deleted the reply template "Fit note"`}
	if strings.Join(said, "|") != strings.Join(want, "|") {
		t.Fatalf("audit trail says %q, want %q", said, want)
	}
}

// TestCacheKeepsTheTemplatesItWasGiven: a desk's cache replaces its set whole, with
// the practice's details and the tag it was read at.
func TestCacheKeepsTheTemplatesItWasGiven(t *testing.T) {
	ctx := context.Background()
	c, err := OpenCache(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if set, err := c.Templates(ctx); err != nil || len(set.Templates) != 0 {
		t.Fatalf("a new cache: %+v %v", set, err)
	}
	set := triage.TemplateSet{Practice: triage.Practice{Name: "Riverside", Phone: "01632 960 123"},
		Templates: []triage.Template{{ID: 4, Name: "Photo", Body: "Hi {first name}", Suits: triage.UseRespond, Version: 3, UpdatedBy: "mo"}}}
	for _, tag := range []string{`"a"`, `"b"`} {
		if err := c.ReplaceTemplates(ctx, set, tag); err != nil {
			t.Fatal(err)
		}
	}
	got, err := c.Templates(ctx)
	if err != nil || len(got.Templates) != 1 || got.Templates[0].Version != 3 || got.Practice != set.Practice {
		t.Fatalf("cached %+v %v", got, err)
	}
	if tag, _ := c.TemplatesTag(ctx); tag != `"b"` {
		t.Fatalf("tag %q", tag)
	}
}
