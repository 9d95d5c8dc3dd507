package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"triagedesk/fhir"
	"triagedesk/triage"
)

// Entered is the queue's answer to a request reception entered for a caller.
type Entered struct {
	ID        int64           `json:"id"`
	Received  time.Time       `json:"received"`
	Priority  triage.Priority `json:"priority"`
	Emergency bool            `json:"emergency"` // tell the caller to call 999 now
	Message   string          `json:"message"`   // what to tell the caller
}

// EnterForCaller sends a request a member of staff entered for a patient who phoned
// or came in. It is checked here first, so a mistake is reported without a round trip.
// key is the entry's idempotency key (NewKey): when an answer is lost it is sent again
// with the same key, here and when the receptionist presses send again, and the queue
// answers with the request it already has rather than storing the caller's twice.
func (c *Client) EnterForCaller(ctx context.Context, e triage.StaffEntry, key string) (Entered, error) {
	if err := e.Validate(); err != nil {
		return Entered{}, err
	}
	data, err := c.postOnce(ctx, "/api/v1/reception/requests", e, key)
	if err != nil {
		return Entered{}, err
	}
	var a Entered
	if err := json.Unmarshal(data, &a); err != nil || a.ID <= 0 {
		return Entered{}, fmt.Errorf("the practice queue's answer to the entry has no request number: check the triage inbox before entering it again")
	}
	return a, nil
}

// FindPatients searches the practice list; it returns the patients found (at most a
// screenful) and how many match in all.
func (c *Client) FindPatients(ctx context.Context, q triage.PatientQuery) ([]triage.Patient, int, error) {
	if err := q.Validate(); err != nil {
		return nil, 0, err
	}
	v := url.Values{}
	if len(q.Name) > 0 {
		v.Set("name", strings.Join(q.Name, " "))
	}
	if !q.BirthDate.IsZero() {
		v.Set("birthdate", q.BirthDate.Format(time.DateOnly))
	}
	if q.NHSNumber != "" {
		v.Set("identifier", fhir.SystemNHSNumber+"|"+string(q.NHSNumber))
	}
	data, _, err := c.do(ctx, http.MethodGet, "/fhir/Patient?"+v.Encode(), nil, nil)
	if err != nil {
		return nil, 0, err
	}
	var b fhir.Bundle
	if err := json.Unmarshal(data, &b); err != nil || b.ResourceType != "Bundle" {
		return nil, 0, fmt.Errorf("the practice queue sent a patient search this desk cannot read")
	}
	out := make([]triage.Patient, 0, len(b.Entry))
	for i, en := range b.Entry {
		var fp fhir.Patient
		if err := json.Unmarshal(en.Resource, &fp); err != nil {
			return nil, 0, fmt.Errorf("patient search entry %d cannot be read: %w", i, err)
		}
		p, err := fp.ToPatient()
		if err != nil {
			return nil, 0, fmt.Errorf("patient search entry %d: %w", i, err)
		}
		out = append(out, p)
	}
	total := len(out)
	if b.Total != nil && *b.Total > total {
		total = *b.Total
	}
	return out, total, nil
}

// StaffMember is a colleague a request can be given to.
type StaffMember struct {
	Name string      `json:"name"`
	Role string      `json:"role"`
	Team triage.Team `json:"team"`
}

// Staff lists the clinicians of a team, the people a request of that team can be
// given to.
func (c *Client) Staff(ctx context.Context, team triage.Team) ([]StaffMember, error) {
	data, _, err := c.do(ctx, http.MethodGet, "/api/v1/staff?team="+url.QueryEscape(string(team)), nil, nil)
	if err != nil {
		return nil, err
	}
	var out []StaffMember
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("the practice queue sent a staff list this desk cannot read: %w", err)
	}
	return out, nil
}
