package fhir

import "triagedesk/triage"

// Templates is the practice's reply templates and the details that fill them, as GET
// /api/v1/templates returns them (with an ETag, so a desk re-reads them only when they
// changed). The queue writes it and the desk reads it, so the one type keeps both ends
// in step.
type Templates = triage.TemplateSet
