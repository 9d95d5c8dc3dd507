package fhir

import (
	"fmt"
	"strings"
	"time"

	"triagedesk/triage"
)

// Capability is the CapabilityStatement served at /fhir/metadata: what a FHIR client
// may do with this server.
func Capability(rulesVersion string) map[string]any {
	return map[string]any{
		"resourceType": "CapabilityStatement",
		"status":       "active",
		"date":         time.Now().UTC().Format(time.DateOnly),
		"kind":         "instance",
		"fhirVersion":  "4.0.1",
		"format":       []string{"json"},
		"software":     map[string]string{"name": "Triage Desk practice queue", "version": rulesVersion},
		"rest": []map[string]any{{
			"mode":     "server",
			"security": map[string]any{"description": "Bearer tokens: staff tokens reach /fhir, patient tokens the patient API only."},
			"resource": []map[string]any{
				{"type": "Task", "versioning": "versioned-update", "readHistory": false, "updateCreate": false,
					"interaction": []map[string]string{{"code": "read"}, {"code": "update"}, {"code": "search-type"}},
					"searchParam": []map[string]string{{"name": "_count", "type": "number"}, {"name": "_offset", "type": "number"}},
					"operation":   []map[string]string{{"name": "act", "definition": "POST /fhir/Task/{id}/$act with a staff action as JSON and If-Match"}}},
				{"type": "Patient", "interaction": []map[string]string{{"code": "read"}}},
			},
		}},
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
	if fmt.Sprint(t.Input) != fmt.Sprint(stored.Input) {
		return nil, bad("input")
	}
	if t.Code == nil || fmt.Sprint(*t.Code) != fmt.Sprint(*stored.Code) {
		return nil, bad("code")
	}
	if t.Intent != stored.Intent {
		return nil, bad("intent")
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
