package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"

	"triagedesk/store"
	"triagedesk/triage"
)

// TestWebfixCapabilityListsThePhotoEndpoint: a FHIR client learns from /fhir/metadata
// how to fetch a request's photos: the Task's $photo operation (its FHIR form), whose
// OperationDefinition the queue serves (an instance operation that changes nothing, so
// GET, with n in and the Binary out), and which answers with the photo itself, audited,
// as GET /api/v1/requests/{id}/photos/{n} does.
func TestWebfixCapabilityListsThePhotoEndpoint(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	ruth, pid := e.account("ruth@example.com", "9990000018", "Ruth", "Okafor", "1988-04-02")
	photos := photoBytes(t)
	acc, err := e.q.AccountByToken(ctx, ruth)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.q.Submit(ctx, store.Submission{AccountID: acc.ID, PatientID: pid, Kind: triage.Clinical, Text: "A rash on my arm",
		Suggested: triage.Suggestion{Priority: triage.Soon, Team: triage.TeamGP, Signpost: triage.SignpostNone}, Photos: photos},
		triage.DefaultLimits(), triage.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	reviewer := e.user("amy", store.RoleReviewer)
	get := func(path, token string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", e.http.URL+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}

	_, body := get("/fhir/metadata", "")
	var cs struct {
		Rest []struct {
			Resource []struct {
				Type          string
				Documentation string
				Operation     []struct{ Name, Definition string }
			}
		}
	}
	if err := json.Unmarshal(body, &cs); err != nil || len(cs.Rest) != 1 {
		t.Fatalf("the CapabilityStatement: %v %s", err, body)
	}
	definition := ""
	for _, res := range cs.Rest[0].Resource {
		for _, op := range res.Operation {
			if res.Type == "Task" && op.Name == "photo" {
				definition = op.Definition
			}
		}
		if res.Type == "Task" && !bytes.Contains([]byte(res.Documentation), []byte("/api/v1/requests/{id}/photos/{n}")) {
			t.Errorf("the Task's documentation does not name the photo address its inputs give: %q", res.Documentation)
		}
	}
	if definition != e.http.URL+"/fhir/OperationDefinition/task-photo" {
		t.Fatalf("the CapabilityStatement lists no photo operation on Task (definition %q): %s", definition, body)
	}
	resp, body := get("/fhir/OperationDefinition/task-photo", "")
	var od struct {
		URL, Code, Kind        string
		Instance, Type, System bool
		AffectsState           *bool
		Resource               []string
		Parameter              []struct{ Name, Use, Type, Max string }
	}
	if err := json.Unmarshal(body, &od); err != nil || resp.StatusCode != 200 {
		t.Fatalf("the photo OperationDefinition: %d %v %s", resp.StatusCode, err, body)
	}
	if od.URL != definition || od.Code != "photo" || od.Kind != "operation" || !od.Instance || od.Type || od.System ||
		od.AffectsState == nil || *od.AffectsState || fmt.Sprint(od.Resource) != "[Task]" {
		t.Errorf("the photo OperationDefinition: %+v", od)
	}
	params := map[string]string{}
	for _, p := range od.Parameter {
		params[p.Use+" "+p.Name] = p.Type
	}
	if params["in n"] != "integer" || params["out return"] != "Binary" {
		t.Errorf("the photo operation's parameters are %v, want n (integer) in and return (Binary) out", params)
	}

	tests := []struct {
		name   string
		path   string
		token  string
		status int
		want   []byte
	}{
		{"photo 1", fmt.Sprintf("/fhir/Task/%d/$photo?n=1", r.ID), reviewer, 200, photos[0].Data},
		{"photo 2", fmt.Sprintf("/fhir/Task/%d/$photo?n=2", r.ID), reviewer, 200, photos[1].Data},
		{"one it does not have", fmt.Sprintf("/fhir/Task/%d/$photo?n=3", r.ID), reviewer, 404, nil},
		{"no n", fmt.Sprintf("/fhir/Task/%d/$photo", r.ID), reviewer, 422, nil},
		{"n not a number", fmt.Sprintf("/fhir/Task/%d/$photo?n=first", r.ID), reviewer, 422, nil},
		{"n out of range", fmt.Sprintf("/fhir/Task/%d/$photo?n=0", r.ID), reviewer, 422, nil},
		{"the patient's token", fmt.Sprintf("/fhir/Task/%d/$photo?n=1", r.ID), ruth, 403, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := auditCount(t, e.q)
			resp, body := get(tt.path, tt.token)
			if resp.StatusCode != tt.status {
				t.Fatalf("%d %s, want %d", resp.StatusCode, body, tt.status)
			}
			views := 0
			for _, a := range auditSince(t, e.q, before) {
				if a.Action == "view-photo" && a.RequestID == r.ID {
					views++
				}
			}
			if tt.want == nil {
				if views != 0 {
					t.Errorf("a refused fetch was recorded as a view")
				}
				return
			}
			if !bytes.Equal(body, tt.want) || views != 1 {
				t.Errorf("the photo's bytes differ (%d bytes) or its view was not recorded once (%d)", len(body), views)
			}
		})
	}
}
