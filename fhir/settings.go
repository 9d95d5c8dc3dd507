package fhir

import (
	"time"

	"triagedesk/triage"
)

// Settings is the practice's manager settings as GET /api/v1/settings returns them and
// every PUT under /api/v1/settings/ answers: the limits, the availability with the
// schedule in force, and what the service is doing now. The queue writes it and the
// desk reads it, so the one type keeps both ends in step.
type Settings struct {
	Limits       triage.Limits       `json:"limits"`
	Availability triage.Availability `json:"availability"`
	Mode         triage.Mode         `json:"mode"`
	Why          string              `json:"why,omitempty"`
	Reopens      time.Time           `json:"reopens,omitzero"`
	RulesVersion string              `json:"rulesVersion"`
}
