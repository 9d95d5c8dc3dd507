package fhir

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"triagedesk/triage"
)

// ActOperationID is the id of the $act OperationDefinition, served at
// /fhir/OperationDefinition/task-act.
const ActOperationID = "task-act"

// ActOperationURL is the canonical URL of the $act OperationDefinition on the queue at
// base (like https://queue.example.nhs.uk): it is also where the queue serves it.
func ActOperationURL(base string) string {
	return strings.TrimRight(base, "/") + "/fhir/OperationDefinition/" + ActOperationID
}

// PhotoOperationID is the id of the $photo OperationDefinition, served at
// /fhir/OperationDefinition/task-photo.
const PhotoOperationID = "task-photo"

// PhotoOperationURL is the canonical URL of the $photo OperationDefinition on the queue
// at base, and where the queue serves it.
func PhotoOperationURL(base string) string {
	return strings.TrimRight(base, "/") + "/fhir/OperationDefinition/" + PhotoOperationID
}

// Capability is the CapabilityStatement served at /fhir/metadata: what a FHIR client
// may do with the queue at base. It is valid against the R4 schema and invariants:
// kind "instance" has implementation (cpb-15), and each operation's definition is the
// canonical URL of an OperationDefinition the queue serves.
func Capability(rulesVersion, base string) map[string]any {
	base = strings.TrimRight(base, "/")
	return map[string]any{
		"resourceType":   "CapabilityStatement",
		"status":         "active",
		"date":           time.Now().UTC().Format(time.DateOnly),
		"kind":           "instance",
		"fhirVersion":    "4.0.1",
		"format":         []string{"json"},
		"software":       map[string]string{"name": "Triage Desk practice queue", "version": rulesVersion},
		"implementation": map[string]string{"description": "The practice queue of a GP practice's online requests", "url": base + "/fhir"},
		"rest": []map[string]any{{
			"mode":     "server",
			"security": map[string]any{"description": "Bearer tokens: staff tokens reach /fhir, patient tokens the patient API only."},
			"resource": []map[string]any{
				{"type": "Task", "versioning": "versioned-update", "readHistory": false, "updateCreate": false,
					"documentation": "A request. Each photo the patient sent is a Task.input valueAttachment (type, size, " +
						"dimensions) whose url is GET " + base + "/api/v1/requests/{id}/photos/{n}: the JPEG or PNG itself, " +
						"for a staff token, each fetch audited. The same photo is the Task's $photo operation " +
						"(GET /fhir/Task/{id}/$photo?n={n}).",
					"interaction": []map[string]string{{"code": "read"}, {"code": "update"}, {"code": "search-type"}},
					"searchParam": []map[string]string{{"name": "_count", "type": "number"}, {"name": "_offset", "type": "number"}},
					"operation": []map[string]string{{"name": "act", "definition": ActOperationURL(base)},
						{"name": "photo", "definition": PhotoOperationURL(base)}}},
				{"type": "Patient", "interaction": []map[string]string{{"code": "read"}}},
				{"type": "OperationDefinition", "interaction": []map[string]string{{"code": "read"}}},
			},
		}},
	}
}

// ActOperation is the OperationDefinition of $act on the queue at base: one staff
// action on one Task, made on the version named by If-Match. Its body is the action as
// a JSON object (these parameters are its fields), not a Parameters resource; the
// answer is the Task as the action left it.
func ActOperation(base string) map[string]any {
	param := func(name, use string, min int, typ, doc string) map[string]any {
		return map[string]any{"name": name, "use": use, "min": min, "max": "1", "type": typ, "documentation": doc}
	}
	return map[string]any{
		"resourceType": "OperationDefinition",
		"id":           ActOperationID,
		"url":          ActOperationURL(base),
		"name":         "TaskAct",
		"title":        "One staff action on a request",
		"status":       "active",
		"kind":         "operation",
		"code":         "act",
		"resource":     []string{"Task"},
		"system":       false,
		"type":         false,
		"instance":     true,
		"description": "POST /fhir/Task/{id}/$act with If-Match: W/\"version\" and a JSON object holding one staff action " +
			"(the parameters below are its fields). A stale version is refused with 412; the answer is the updated Task.",
		"parameter": []map[string]any{
			param("kind", "in", 1, "code", "set-priority, assign, claim, respond, signpost, close or note"),
			param("priority", "in", 0, "code", "set-priority: emergency, same-day, soon or routine"),
			param("team", "in", 0, "code", "assign: gp, medicines, physio, mental-health or admin"),
			param("signpost", "in", 0, "code", "signpost: pharmacy, optician, dentist, nhs-physio, 111 or 999"),
			param("channel", "in", 0, "code", "respond: message, phone, video or face-to-face"),
			param("message", "in", 0, "string", "respond and signpost: what the patient is told; note: the note"),
			param("outcome", "in", 0, "code", "close: how the request ended"),
			param("awaitReply", "in", 0, "boolean", "respond: wait for the patient's reply"),
			param("closeOnSend", "in", 0, "boolean", "respond: close as answered at once"),
			param("return", "out", 1, "Task", "the request as the action left it"),
		},
	}
}

// PhotoOperation is the OperationDefinition of $photo on the queue at base: photo n of
// a request, as the patient pages stored it. It changes nothing, so it is called with
// GET; its one output is a Binary, which the queue returns as the image itself
// (Content-Type image/jpeg or image/png), as FHIR returns a Binary to a client that
// does not ask for a FHIR format.
func PhotoOperation(base string) map[string]any {
	return map[string]any{
		"resourceType": "OperationDefinition",
		"id":           PhotoOperationID,
		"url":          PhotoOperationURL(base),
		"name":         "TaskPhoto",
		"title":        "A photo the patient sent with a request",
		"status":       "active",
		"kind":         "operation",
		"code":         "photo",
		"affectsState": false,
		"resource":     []string{"Task"},
		"system":       false,
		"type":         false,
		"instance":     true,
		"description": "GET /fhir/Task/{id}/$photo?n={n} with a staff token: photo n (1 to 3) of the request, the JPEG or PNG " +
			"itself, with Cache-Control: no-store; the same as the url of the Task.input valueAttachment that names it " +
			"(GET /api/v1/requests/{id}/photos/{n}). Each fetch is in the audit trail; a photo the request lacks is 404.",
		"parameter": []map[string]any{
			{"name": "n", "use": "in", "min": 1, "max": "1", "type": "integer", "documentation": "which photo, 1 to 3"},
			{"name": "return", "use": "out", "min": 1, "max": "1", "type": "Binary", "documentation": "the photo, returned as the image itself"},
		},
	}
}

// ActionsFromUpdate turns a FHIR update of a Task into staff actions. Only the
// workflow fields may change: priority, owner, status and businessStatus, and note;
// a change to anything else is refused, naming the field.
func ActionsFromUpdate(current *triage.Request, t *Task, actor string) ([]triage.Action, error) {
	stored := TaskFrom(current)
	bad := func(field string) error {
		return triage.Errorf(triage.EINVALID, "%s cannot be changed: only priority, owner, status, businessStatus and note may change", field)
	}
	if t.ResourceType != "Task" {
		return nil, triage.Errorf(triage.EINVALID, "the body is a %q, not a Task", t.ResourceType)
	}
	if t.AuthoredOn != stored.AuthoredOn {
		return nil, bad("authoredOn")
	}
	if t.For == nil || t.For.Reference != stored.For.Reference {
		return nil, bad("for")
	}
	// Compared by value: the answers' and photos' values are pointers, whose printed
	// addresses would differ between any two Tasks.
	if !reflect.DeepEqual(relativeInputs(t.Input), relativeInputs(stored.Input)) {
		return nil, bad("input")
	}
	if t.Code == nil || fmt.Sprint(*t.Code) != fmt.Sprint(*stored.Code) {
		return nil, bad("code")
	}
	if t.Intent != stored.Intent {
		return nil, bad("intent")
	}
	if t.Description != stored.Description {
		return nil, bad("description")
	}
	if !sameExtensions(t.Extension, stored.Extension) {
		return nil, bad("extension")
	}
	if !sameOutputs(t.Output, stored.Output) {
		return nil, bad("output (the response to the patient; respond with the $act operation)")
	}
	base := triage.Action{RequestID: current.ID, BaseVersion: current.Version, Actor: actor}
	var out []triage.Action
	if t.Priority != stored.Priority {
		p, err := triage.ParseFHIRPriority(t.Priority)
		if err != nil {
			return nil, err
		}
		a := base
		a.Kind, a.Priority = triage.ActSetPriority, p
		for _, e := range t.Extension { // lowering needs a reason, sent beside the new priority
			if e.URL == ExtPriorityReason && e.ValueString != nil {
				a.Reason = *e.ValueString
			}
		}
		out = append(out, a)
	}
	team := triage.Team("")
	if t.Owner != nil && t.Owner.Identifier != nil {
		var err error
		if team, err = triage.ParseTeam(t.Owner.Identifier.Value); err != nil {
			return nil, err
		}
	}
	if team != current.Team {
		if team == "" {
			return nil, triage.Errorf(triage.EINVALID, "owner cannot be removed: assign the request to another team instead")
		}
		a := base
		a.Kind, a.Team = triage.ActAssign, team
		out = append(out, a)
	}
	if t.BusinessStatus == nil || len(t.BusinessStatus.Coding) == 0 {
		return nil, triage.Errorf(triage.EINVALID, "businessStatus is missing")
	}
	status, err := triage.ParseStatus(t.BusinessStatus.Coding[0].Code)
	if err != nil {
		return nil, err
	}
	if t.Status != taskStatus(status) {
		return nil, triage.Errorf(triage.EINVALID, "status %q does not match businessStatus %s (which is status %q): change businessStatus, and status with it", t.Status, status, taskStatus(status))
	}
	if status != current.Status && !(status == triage.StatusAssigned && team != current.Team) {
		a := base
		switch status {
		case triage.StatusInProgress:
			a.Kind = triage.ActClaim
		case triage.StatusClosed:
			a.Kind = triage.ActClose
			for _, o := range t.Output {
				if o.Type.Text == "outcome" {
					a.Outcome = triage.Outcome(o.ValueString)
				}
			}
		default:
			return nil, triage.Errorf(triage.EINVALID, "status cannot be set to %s by update: use the $act operation", status)
		}
		out = append(out, a)
	}
	if len(t.Note) > 0 && strings.TrimSpace(t.Note[len(t.Note)-1].Text) != strings.TrimSpace(current.Note) {
		a := base
		a.Kind, a.Message = triage.ActNote, strings.TrimSpace(strings.TrimPrefix(t.Note[len(t.Note)-1].Text, current.Note))
		out = append(out, a)
	}
	return out, nil
}

// sameExtensions reports whether two lists of extensions hold the same values in any
// order. The values are pointers, so they are compared by their JSON.
func sameExtensions(a, b []Extension) bool {
	if len(a) != len(b) {
		return false
	}
	enc := func(es []Extension) []string {
		out := make([]string, len(es))
		for i, e := range es {
			j, _ := json.Marshal(e)
			out[i] = string(j)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(enc(a), enc(b))
}

// sameOutputs reports whether a Task's outputs are the stored ones, leaving out the
// outcome, which an update that closes the request sets.
func sameOutputs(sent, stored []TaskOutput) bool {
	keep := func(os []TaskOutput) []string {
		var out []string
		for _, o := range os {
			if o.Type.Text != "outcome" {
				out = append(out, o.Type.Text+"\x00"+o.ValueString)
			}
		}
		return out
	}
	return slices.Equal(keep(sent), keep(stored))
}
