package fhir

import (
	"reflect"
	"strings"
	"testing"
)

// TestAbsoluteLeavesTheCallersTaskAlone: making a Task's photo addresses absolute for
// one client gives a copy, and the Task it came from (which a Bundle, a cached page or
// another client's reply may share) keeps its server paths; so does a Task in a Bundle,
// held by value or by pointer.
func TestAbsoluteLeavesTheCallersTaskAlone(t *testing.T) {
	const base = "https://queue.example"
	r := withPhotos()
	relative := func(task Task) []string {
		var urls []string
		for _, in := range task.Input {
			if in.ValueAttachment != nil {
				urls = append(urls, in.ValueAttachment.URL)
			}
		}
		return urls
	}
	want := []string{"/api/v1/requests/12/photos/1", "/api/v1/requests/12/photos/2"}

	tests := []struct {
		name string
		use  func(task *Task) Task // makes the addresses absolute and returns what the client gets
	}{
		{"a Task", func(task *Task) Task { return task.WithAbsolute(base) }},
		{"a Task in a Bundle", func(task *Task) Task {
			b := OutBundle{Entry: []OutEntry{{FullURL: "Task/12", Resource: *task}}}
			b.Absolute(base)
			return b.Entry[0].Resource.(Task)
		}},
		{"a *Task in a Bundle", func(task *Task) Task {
			b := OutBundle{Entry: []OutEntry{{FullURL: "Task/12", Resource: task}}}
			b.Absolute(base)
			return *b.Entry[0].Resource.(*Task)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			task := TaskFrom(&r)
			before := TaskFrom(&r)
			got := tc.use(&task)
			if urls := relative(task); !reflect.DeepEqual(urls, want) {
				t.Errorf("the caller's Task was changed: its photo addresses are %q, want %q", urls, want)
			}
			if !reflect.DeepEqual(task, before) {
				t.Errorf("the caller's Task was changed:\n%+v\nwant\n%+v", task, before)
			}
			for i, u := range relative(got) {
				if !strings.HasPrefix(u, base+"/") || u != base+want[i] {
					t.Errorf("the client's photo %d address is %q, want %q", i+1, u, base+want[i])
				}
			}
		})
	}
}
