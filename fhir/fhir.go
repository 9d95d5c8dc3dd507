// Package fhir is the wire format between the practice queue and its clients: the few
// FHIR R4 resources Triage Desk uses (Task, Patient, Bundle, OperationOutcome,
// CapabilityStatement), their mapping to and from the domain, and the one table that
// maps the domain's error codes to HTTP statuses and back. Both ends use this package,
// so they cannot disagree about the wire.
package fhir

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"triagedesk/triage"
)

// ContentType is the FHIR JSON media type.
const ContentType = "application/fhir+json"

// System URIs that qualify codes and identifiers, and our extensions' URLs. They are
// URNs rather than web addresses: every Task carries a dozen of them, and on a first
// sync of 100,000 requests their length alone was a fifth of the bytes.
const (
	SystemNHSNumber  = "https://fhir.nhs.uk/Id/nhs-number"
	SystemTeam       = "urn:triagedesk:team"
	SystemStatus     = "urn:triagedesk:status"
	SystemOutcome    = "urn:triagedesk:outcome"
	SystemKind       = "urn:triagedesk:kind"
	SystemAnswer     = "urn:triagedesk:answer"   // Task.input: a fact the patient answered
	SystemRedFlag    = "urn:triagedesk:red-flag" // Task.input: a red-flag question's answer
	ExtDue           = "urn:triagedesk:ext:due"
	ExtSite          = "urn:triagedesk:ext:site"
	ExtGPTeam        = "urn:triagedesk:ext:gp-team"
	ExtClaimedBy     = "urn:triagedesk:ext:claimed-by"
	ExtChannel       = "urn:triagedesk:ext:channel"
	ExtFirstResponse = "urn:triagedesk:ext:first-response"
	ExtClosed        = "urn:triagedesk:ext:closed"
	ExtSubmittedBy   = "urn:triagedesk:ext:submitted-by"
	ExtDependant     = "urn:triagedesk:ext:dependant"
	// ExtUnverified marks a provisional patient record: details an account claimed that
	// the practice has not yet checked (issue 12).
	ExtUnverified     = "urn:triagedesk:ext:identity-unverified"
	ExtActedForBy     = "urn:triagedesk:ext:acted-for-by"
	ExtUpdatedBy      = "urn:triagedesk:ext:updated-by"
	ExtSuggestionJSON = "urn:triagedesk:ext:suggestion-json"
	ExtPriorityReason = "urn:triagedesk:ext:priority-reason" // why the priority was lowered
	ExtCall           = "urn:triagedesk:ext:call"            // the last call outcome of an emergency
	ExtCalledAt       = "urn:triagedesk:ext:called-at"
	ExtCalledBy       = "urn:triagedesk:ext:called-by"
	ExtAwaitingSince  = "urn:triagedesk:ext:awaiting-since" // when the practice began waiting for the patient
	// Reception's entries for a caller: who entered it, who called, and how the
	// patient asked to be contacted.
	ExtEnteredBy     = "urn:triagedesk:ext:entered-by"
	ExtCaller        = "urn:triagedesk:ext:caller"
	ExtContact       = "urn:triagedesk:ext:contact"
	ExtContactDetail = "urn:triagedesk:ext:contact-detail"
	// ExtContactAvoid is when the patient asked not to be called, in their words.
	ExtContactAvoid = "urn:triagedesk:ext:contact-avoid"
	// The conversation with the patient: each message a contained Communication whose
	// category says which side wrote it and whose medium is the channel.
	SystemSide     = "urn:triagedesk:side"
	SystemChannel  = "urn:triagedesk:channel"
	ExtFromAccount = "urn:triagedesk:ext:from-account" // the account that sent a patient's reply
	// Who wrote a request when it was not the patient, their relationship and number.
	ExtAuthorName         = "urn:triagedesk:ext:author-name"
	ExtAuthorRelationship = "urn:triagedesk:ext:author-relationship"
	ExtAuthorPhone        = "urn:triagedesk:ext:author-phone"
)

// ContactPoint is a FHIR ContactPoint: a patient's phone number or email address.
type ContactPoint struct {
	System string `json:"system"` // phone | email
	Value  string `json:"value"`
}

// Coding is a FHIR Coding.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

// CodeableConcept is a FHIR CodeableConcept.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Reference is a FHIR Reference.
type Reference struct {
	Reference  string      `json:"reference,omitempty"`
	Identifier *Identifier `json:"identifier,omitempty"`
	Display    string      `json:"display,omitempty"`
}

// Identifier is a FHIR Identifier.
type Identifier struct {
	System string `json:"system"`
	Value  string `json:"value"`
}

// Extension is a FHIR Extension with the value types we use.
type Extension struct {
	URL           string  `json:"url"`
	ValueString   *string `json:"valueString,omitempty"`
	ValueDateTime *string `json:"valueDateTime,omitempty"`
	ValueBoolean  *bool   `json:"valueBoolean,omitempty"`
	ValueInteger  *int64  `json:"valueInteger,omitempty"`
}

// Annotation is a FHIR Annotation (a note).
type Annotation struct {
	Text string `json:"text"`
}

// Meta is a FHIR resource's meta: its version and when it last changed.
type Meta struct {
	VersionID   string `json:"versionId,omitempty"`
	LastUpdated string `json:"lastUpdated,omitempty"`
}

// TaskInput is a FHIR Task.input: the patient's text (a string), one of their
// answers to the front door's questions (a string, a whole number, a decimal or a
// yes/no), or a photo they sent (an attachment that refers to it). Exactly one value
// is set.
type TaskInput struct {
	Type            CodeableConcept `json:"type"`
	ValueString     string          `json:"valueString,omitempty"`
	ValueBoolean    *bool           `json:"valueBoolean,omitempty"`
	ValueInteger    *int            `json:"valueInteger,omitempty"`
	ValueDecimal    *float64        `json:"valueDecimal,omitempty"`
	ValueAttachment *Attachment     `json:"valueAttachment,omitempty"`
}

// TaskOutput is a FHIR Task.output with a string value.
type TaskOutput struct {
	Type        CodeableConcept `json:"type"`
	ValueString string          `json:"valueString"`
}

// Task is a request as FHIR R4 carries it.
type Task struct {
	ResourceType   string           `json:"resourceType"`
	ID             string           `json:"id,omitempty"`
	Meta           *Meta            `json:"meta,omitempty"`
	Status         string           `json:"status"`
	BusinessStatus *CodeableConcept `json:"businessStatus,omitempty"`
	Intent         string           `json:"intent"`
	Priority       string           `json:"priority,omitempty"`
	Code           *CodeableConcept `json:"code,omitempty"`
	Description    string           `json:"description,omitempty"`
	For            *Reference       `json:"for,omitempty"`
	AuthoredOn     string           `json:"authoredOn,omitempty"`
	LastModified   string           `json:"lastModified,omitempty"`
	Owner          *Reference       `json:"owner,omitempty"`
	Note           []Annotation     `json:"note,omitempty"`
	Input          []TaskInput      `json:"input,omitempty"`
	Output         []TaskOutput     `json:"output,omitempty"`
	Extension      []Extension      `json:"extension,omitempty"`
	// Contained holds the conversation with the patient, oldest first.
	Contained []Communication `json:"contained,omitempty"`
}

// Communication is one message of a request's conversation as FHIR R4 carries it,
// contained in its Task: the thread belongs to one request and changes its version,
// so it travels with it and a desk never holds a thread from another version.
type Communication struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Status       string            `json:"status"`
	Category     []CodeableConcept `json:"category"`
	Medium       []CodeableConcept `json:"medium,omitempty"`
	Sent         string            `json:"sent"`
	Sender       *Reference        `json:"sender,omitempty"`
	Payload      []CommPayload     `json:"payload"`
	Extension    []Extension       `json:"extension,omitempty"`
}

// CommPayload is a Communication's text.
type CommPayload struct {
	ContentString string `json:"contentString"`
}

// communicationFrom maps a message of request r to a contained Communication.
func communicationFrom(r *triage.Request, m *triage.Message) Communication {
	c := Communication{ResourceType: "Communication", ID: "m" + strconv.FormatInt(m.ID, 10), Status: "completed",
		Category: []CodeableConcept{{Coding: []Coding{{System: SystemSide, Code: string(m.From)}}}},
		Sent:     m.SentAt.UTC().Format(time.RFC3339),
		Payload:  []CommPayload{{ContentString: m.Body}}}
	if m.Channel != "" {
		c.Medium = []CodeableConcept{{Coding: []Coding{{System: SystemChannel, Code: string(m.Channel)}}}}
	}
	if m.From == triage.FromPatient {
		c.Sender = &Reference{Reference: "Patient/" + strconv.FormatInt(r.PatientID, 10)}
		if m.AccountID != 0 {
			c.Extension = []Extension{{URL: ExtFromAccount, ValueInteger: &m.AccountID}}
		}
	} else if m.Author != "" {
		c.Sender = &Reference{Display: m.Author}
	}
	return c
}

// toMessage maps a contained Communication of request id back, strictly.
func (c *Communication) toMessage(id int64) (triage.Message, error) {
	m := triage.Message{RequestID: id}
	if c.ResourceType != "Communication" {
		return m, fmt.Errorf("a contained %q, not a Communication", c.ResourceType)
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(c.ID, "m"), 10, 64)
	if err != nil || n <= 0 || !strings.HasPrefix(c.ID, "m") {
		return m, fmt.Errorf("Communication id %q is not a message number", c.ID)
	}
	m.ID = n
	for _, cat := range c.Category {
		for _, cd := range cat.Coding {
			if cd.System == SystemSide {
				m.From = triage.Side(cd.Code)
			}
		}
	}
	for _, md := range c.Medium {
		for _, cd := range md.Coding {
			if cd.System == SystemChannel {
				m.Channel = triage.Channel(cd.Code)
			}
		}
	}
	if m.SentAt, err = time.Parse(time.RFC3339, c.Sent); err != nil {
		return m, fmt.Errorf("Communication %s: sent: %w", c.ID, err)
	}
	if len(c.Payload) > 0 {
		m.Body = c.Payload[0].ContentString
	}
	if m.From == triage.FromPractice && c.Sender != nil {
		m.Author = c.Sender.Display
	}
	for _, e := range c.Extension {
		if e.URL == ExtFromAccount && e.ValueInteger != nil {
			m.AccountID = *e.ValueInteger
		}
	}
	if err := m.Validate(); err != nil {
		return m, err
	}
	return m, nil
}

// HumanName is a FHIR HumanName.
type HumanName struct {
	Family string   `json:"family"`
	Given  []string `json:"given"`
}

// Patient is a patient as FHIR R4 carries it.
type Patient struct {
	ResourceType         string         `json:"resourceType"`
	ID                   string         `json:"id"`
	Meta                 *Meta          `json:"meta,omitempty"`
	Identifier           []Identifier   `json:"identifier"`
	Name                 []HumanName    `json:"name"`
	Gender               string         `json:"gender"`
	BirthDate            string         `json:"birthDate"`
	ManagingOrganization *Reference     `json:"managingOrganization,omitempty"`
	Telecom              []ContactPoint `json:"telecom,omitempty"`
	Extension            []Extension    `json:"extension,omitempty"`
}

func str(s string) *string { return &s }

func ext(url, v string) Extension { return Extension{URL: url, ValueString: str(v)} }

func extTime(url string, t time.Time) Extension {
	return Extension{URL: url, ValueDateTime: str(t.UTC().Format(time.RFC3339))}
}

// taskStatus maps our statuses to FHIR's Task.status; businessStatus carries ours
// exactly, so nothing is lost on the way.
func taskStatus(s triage.Status) string {
	switch s {
	case triage.StatusNew:
		return "requested"
	case triage.StatusAssigned:
		return "accepted"
	case triage.StatusInProgress:
		return "in-progress"
	case triage.StatusAwaitingPatient:
		return "on-hold"
	case triage.StatusClosed:
		return "completed"
	}
	return "requested"
}

// TaskFrom maps a request to a FHIR Task. The patient's words travel in input; the
// engine's suggestion in an extension (as JSON, so its reasons keep their spans).
func TaskFrom(r *triage.Request) Task {
	t := Task{
		ResourceType:   "Task",
		ID:             strconv.FormatInt(r.ID, 10),
		Meta:           &Meta{VersionID: strconv.Itoa(r.Version), LastUpdated: r.UpdatedAt.UTC().Format(time.RFC3339)},
		Status:         taskStatus(r.Status),
		BusinessStatus: &CodeableConcept{Coding: []Coding{{System: SystemStatus, Code: string(r.Status), Display: r.Status.Label()}}},
		Intent:         "order",
		Priority:       r.Priority.FHIR(),
		Code:           &CodeableConcept{Coding: []Coding{{System: SystemKind, Code: string(r.Kind)}}},
		Description:    r.FirstLine(120),
		For:            &Reference{Reference: "Patient/" + strconv.FormatInt(r.PatientID, 10)},
		AuthoredOn:     r.ReceivedAt.UTC().Format(time.RFC3339),
		LastModified:   r.UpdatedAt.UTC().Format(time.RFC3339),
		Input:          append(append([]TaskInput{{Type: CodeableConcept{Text: "patient-text"}, ValueString: r.Text}}, answerInputs(r.Answers)...), photoInputs(r)...),
	}
	if r.Team != "" {
		t.Owner = &Reference{Identifier: &Identifier{System: SystemTeam, Value: string(r.Team)}, Display: r.Team.Label()}
	}
	if r.Note != "" {
		t.Note = []Annotation{{Text: r.Note}}
	}
	if r.Response != "" {
		t.Output = append(t.Output, TaskOutput{Type: CodeableConcept{Text: "response"}, ValueString: r.Response})
	}
	if r.Outcome != "" {
		t.Output = append(t.Output, TaskOutput{Type: CodeableConcept{Coding: []Coding{{System: SystemOutcome, Code: "outcome"}}, Text: "outcome"}, ValueString: string(r.Outcome)})
	}
	sugg, _ := json.Marshal(r.Suggested)
	t.Extension = []Extension{
		extTime(ExtDue, r.DueAt),
		ext(ExtSite, r.SiteID),
		ext(ExtGPTeam, r.GPTeamID),
		ext(ExtSignpostURL, string(r.Signpost)),
		ext(ExtSuggestionJSON, string(sugg)),
		{URL: ExtSubmittedBy, ValueInteger: &r.SubmittedBy},
	}
	if r.ClaimedBy != "" {
		t.Extension = append(t.Extension, ext(ExtClaimedBy, r.ClaimedBy))
	}
	if r.Channel != "" {
		t.Extension = append(t.Extension, ext(ExtChannel, string(r.Channel)))
	}
	if r.UpdatedBy != "" {
		t.Extension = append(t.Extension, ext(ExtUpdatedBy, r.UpdatedBy))
	}
	if !r.FirstResponseAt.IsZero() {
		t.Extension = append(t.Extension, extTime(ExtFirstResponse, r.FirstResponseAt))
	}
	if !r.ClosedAt.IsZero() {
		t.Extension = append(t.Extension, extTime(ExtClosed, r.ClosedAt))
	}
	if r.PriorityReason != "" {
		t.Extension = append(t.Extension, ext(ExtPriorityReason, r.PriorityReason))
	}
	if r.Call != "" {
		t.Extension = append(t.Extension, ext(ExtCall, string(r.Call)), ext(ExtCalledBy, r.CalledBy))
	}
	if !r.CalledAt.IsZero() {
		t.Extension = append(t.Extension, extTime(ExtCalledAt, r.CalledAt))
	}
	if !r.AwaitingSince.IsZero() {
		t.Extension = append(t.Extension, extTime(ExtAwaitingSince, r.AwaitingSince))
	}
	for _, e := range []struct{ url, v string }{{ExtEnteredBy, r.EnteredBy}, {ExtCaller, r.Caller}, {ExtContact, string(r.Contact)}, {ExtContactDetail, r.ContactDetail}, {ExtContactAvoid, r.ContactAvoid},
		{ExtAuthorName, r.Author.Name}, {ExtAuthorRelationship, r.Author.Relationship}, {ExtAuthorPhone, r.Author.Phone}} {
		if e.v != "" {
			t.Extension = append(t.Extension, ext(e.url, e.v))
		}
	}
	for i := range r.Messages {
		t.Contained = append(t.Contained, communicationFrom(r, &r.Messages[i]))
	}
	return t
}

// The codes of the facts a patient answered, in Task.input with SystemAnswer.
const (
	answerFor         = "for"
	answerAgeMonths   = "age-months"
	answerTemperature = "temperature-celsius"
	answerPregnant    = "pregnant"
)

// answerInputs maps the patient's answers to Task.input entries: each fact under
// SystemAnswer, each red-flag question under SystemRedFlag with its yes or no.
func answerInputs(a *triage.Answers) []TaskInput {
	if a.Empty() {
		return nil
	}
	var in []TaskInput
	fact := func(code string) CodeableConcept {
		return CodeableConcept{Coding: []Coding{{System: SystemAnswer, Code: code}}, Text: "answer"}
	}
	if a.For != "" {
		in = append(in, TaskInput{Type: fact(answerFor), ValueString: string(a.For)})
	}
	if a.AgeMonths != nil {
		m := *a.AgeMonths
		in = append(in, TaskInput{Type: fact(answerAgeMonths), ValueInteger: &m})
	}
	if a.TemperatureC != 0 {
		t := a.TemperatureC
		in = append(in, TaskInput{Type: fact(answerTemperature), ValueDecimal: &t})
	}
	if a.Pregnant != "" {
		in = append(in, TaskInput{Type: fact(answerPregnant), ValueString: string(a.Pregnant)})
	}
	for _, f := range a.RedFlags {
		yes := f.Yes
		q, _ := triage.RedFlagQuestionByID(f.Question)
		in = append(in, TaskInput{Type: CodeableConcept{Coding: []Coding{{System: SystemRedFlag, Code: f.Question, Display: q.Flag}}, Text: "red-flag"},
			ValueBoolean: &yes})
	}
	return in
}

// answersFrom reads the patient's answers back from Task.input, strictly: a fact or
// question it does not know, or a value of the wrong type, is an error naming it.
func answersFrom(inputs []TaskInput) (*triage.Answers, error) {
	var a triage.Answers
	for _, in := range inputs {
		if len(in.Type.Coding) == 0 {
			continue
		}
		c := in.Type.Coding[0]
		switch c.System {
		case SystemAnswer:
			switch c.Code {
			case answerFor:
				a.For = triage.Whom(in.ValueString)
			case answerAgeMonths:
				if in.ValueInteger == nil {
					return nil, fmt.Errorf("the answer %s needs a valueInteger", c.Code)
				}
				m := *in.ValueInteger
				a.AgeMonths = &m
			case answerTemperature:
				if in.ValueDecimal == nil {
					return nil, fmt.Errorf("the answer %s needs a valueDecimal", c.Code)
				}
				a.TemperatureC = *in.ValueDecimal
			case answerPregnant:
				a.Pregnant = triage.YesNo(in.ValueString)
			default:
				return nil, fmt.Errorf("unknown answer %q", c.Code)
			}
		case SystemRedFlag:
			if in.ValueBoolean == nil {
				return nil, fmt.Errorf("the red-flag answer %s needs a valueBoolean", c.Code)
			}
			a.RedFlags = append(a.RedFlags, triage.FlagAnswer{Question: c.Code, Yes: *in.ValueBoolean})
		}
	}
	if a.Empty() {
		return nil, nil
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return &a, nil
}

// ExtSignpostURL carries where the practice signposted the patient.
const ExtSignpostURL = "urn:triagedesk:ext:signpost"

// ToRequest maps a FHIR Task back to a request, strictly: an unknown priority,
// status, team or signpost, a missing id or version, or a bad time is an error that
// says which field, so a malformed answer never reaches the cache.
func (t *Task) ToRequest() (triage.Request, error) {
	var r triage.Request
	fail := func(field string, err error) (triage.Request, error) {
		return triage.Request{}, fmt.Errorf("Task %s: %s: %w", t.ID, field, err)
	}
	if t.ResourceType != "Task" {
		return fail("resourceType", fmt.Errorf("is %q, not Task", t.ResourceType))
	}
	var err error
	if r.ID, err = strconv.ParseInt(t.ID, 10, 64); err != nil || r.ID <= 0 {
		return fail("id", fmt.Errorf("%q is not a request number", t.ID))
	}
	if t.Meta == nil {
		return fail("meta.versionId", fmt.Errorf("missing"))
	}
	if r.Version, err = strconv.Atoi(t.Meta.VersionID); err != nil || r.Version <= 0 {
		return fail("meta.versionId", fmt.Errorf("%q is not a version", t.Meta.VersionID))
	}
	if r.Priority, err = triage.ParseFHIRPriority(t.Priority); err != nil {
		return fail("priority", err)
	}
	if t.BusinessStatus == nil || len(t.BusinessStatus.Coding) == 0 {
		return fail("businessStatus", fmt.Errorf("missing"))
	}
	if r.Status, err = triage.ParseStatus(t.BusinessStatus.Coding[0].Code); err != nil {
		return fail("businessStatus", err)
	}
	if t.Code != nil && len(t.Code.Coding) > 0 {
		if r.Kind, err = triage.ParseKind(t.Code.Coding[0].Code); err != nil {
			return fail("code", err)
		}
	} else {
		return fail("code", fmt.Errorf("missing kind"))
	}
	if t.For == nil || !strings.HasPrefix(t.For.Reference, "Patient/") {
		return fail("for", fmt.Errorf("missing Patient reference"))
	}
	if r.PatientID, err = strconv.ParseInt(strings.TrimPrefix(t.For.Reference, "Patient/"), 10, 64); err != nil {
		return fail("for", fmt.Errorf("%q is not a patient reference", t.For.Reference))
	}
	if r.ReceivedAt, err = time.Parse(time.RFC3339, t.AuthoredOn); err != nil {
		return fail("authoredOn", err)
	}
	if r.UpdatedAt, err = time.Parse(time.RFC3339, t.LastModified); err != nil {
		return fail("lastModified", err)
	}
	if t.Owner != nil && t.Owner.Identifier != nil {
		if r.Team, err = triage.ParseTeam(t.Owner.Identifier.Value); err != nil {
			return fail("owner", err)
		}
	}
	for _, in := range t.Input {
		if in.Type.Text == "patient-text" {
			r.Text = in.ValueString
		}
	}
	if r.Answers, err = answersFrom(t.Input); err != nil {
		return fail("input", err)
	}
	if r.Photos, err = photosFrom(r.ID, t.Input); err != nil {
		return fail("input", err)
	}
	if strings.TrimSpace(r.Text) == "" {
		return fail("input", fmt.Errorf("the patient's text is missing"))
	}
	for _, o := range t.Output {
		switch o.Type.Text {
		case "response":
			r.Response = o.ValueString
		case "outcome":
			r.Outcome = triage.Outcome(o.ValueString)
		}
	}
	if len(t.Note) > 0 {
		r.Note = t.Note[0].Text
	}
	r.Signpost = triage.SignpostNone
	for _, e := range t.Extension {
		v := ""
		if e.ValueString != nil {
			v = *e.ValueString
		}
		switch e.URL {
		case ExtDue, ExtFirstResponse, ExtClosed, ExtCalledAt, ExtAwaitingSince:
			if e.ValueDateTime == nil {
				return fail("extension "+e.URL, fmt.Errorf("missing date"))
			}
			tm, err := time.Parse(time.RFC3339, *e.ValueDateTime)
			if err != nil {
				return fail("extension "+e.URL, err)
			}
			switch e.URL {
			case ExtDue:
				r.DueAt = tm
			case ExtFirstResponse:
				r.FirstResponseAt = tm
			case ExtCalledAt:
				r.CalledAt = tm
			case ExtAwaitingSince:
				r.AwaitingSince = tm
			default:
				r.ClosedAt = tm
			}
		case ExtSite:
			r.SiteID = v
		case ExtGPTeam:
			r.GPTeamID = v
		case ExtSignpostURL:
			if r.Signpost, err = triage.ParseSignpost(v); err != nil {
				return fail("signpost", err)
			}
		case ExtClaimedBy:
			r.ClaimedBy = v
		case ExtPriorityReason:
			r.PriorityReason = v
		case ExtCall:
			if r.Call = triage.CallOutcome(v); !r.Call.Valid() {
				return fail("call", fmt.Errorf("unknown call outcome %q", v))
			}
		case ExtCalledBy:
			r.CalledBy = v
		case ExtChannel:
			r.Channel = triage.Channel(v)
		case ExtUpdatedBy:
			r.UpdatedBy = v
		case ExtEnteredBy:
			r.EnteredBy = v
		case ExtCaller:
			r.Caller = v
		case ExtContact:
			if r.Contact = triage.Contact(v); !r.Contact.Valid() {
				return fail("contact", fmt.Errorf("unknown way of contact %q", v))
			}
		case ExtContactDetail:
			r.ContactDetail = v
		case ExtContactAvoid:
			r.ContactAvoid = v
		case ExtAuthorName:
			r.Author.Name = v
		case ExtAuthorRelationship:
			r.Author.Relationship = v
		case ExtAuthorPhone:
			r.Author.Phone = v
		case ExtSubmittedBy:
			if e.ValueInteger != nil {
				r.SubmittedBy = *e.ValueInteger
			}
		case ExtSuggestionJSON:
			if err := json.Unmarshal([]byte(v), &r.Suggested); err != nil {
				return fail("suggestion", err)
			}
			if !r.Suggested.Priority.Valid() {
				return fail("suggestion", fmt.Errorf("unknown priority %q", r.Suggested.Priority))
			}
		}
	}
	if r.DueAt.IsZero() {
		return fail("due", fmt.Errorf("missing"))
	}
	for i := range t.Contained {
		m, err := t.Contained[i].toMessage(r.ID)
		if err != nil {
			return fail("contained", err)
		}
		r.Messages = append(r.Messages, m)
	}
	return r, nil
}

// PatientFrom maps a patient to a FHIR Patient.
func PatientFrom(p *triage.Patient) Patient {
	fp := Patient{
		ResourceType: "Patient",
		ID:           strconv.FormatInt(p.ID, 10),
		Meta:         &Meta{VersionID: strconv.Itoa(p.Version)},
		Identifier:   []Identifier{{System: SystemNHSNumber, Value: string(p.NHSNumber)}},
		Name:         []HumanName{{Family: p.FamilyName, Given: []string{p.GivenName}}},
		Gender:       string(p.Sex),
		BirthDate:    p.BirthDate.Format(time.DateOnly),
		Extension:    []Extension{ext(ExtSite, p.SiteID), ext(ExtGPTeam, p.GPTeamID), {URL: ExtDependant, ValueBoolean: &p.Dependant}},
	}
	if p.Unverified {
		t := true
		fp.Extension = append(fp.Extension, Extension{URL: ExtUnverified, ValueBoolean: &t})
	}
	if p.Phone != "" {
		fp.Telecom = append(fp.Telecom, ContactPoint{System: "phone", Value: p.Phone})
	}
	if p.Email != "" {
		fp.Telecom = append(fp.Telecom, ContactPoint{System: "email", Value: p.Email})
	}
	for _, a := range p.ActedForBy {
		a := a
		fp.Extension = append(fp.Extension, Extension{URL: ExtActedForBy, ValueInteger: &a})
	}
	return fp
}

// ToPatient maps a FHIR Patient back, checking the NHS number.
func (fp *Patient) ToPatient() (triage.Patient, error) {
	var p triage.Patient
	fail := func(field string, err error) (triage.Patient, error) {
		return triage.Patient{}, fmt.Errorf("Patient %s: %s: %w", fp.ID, field, err)
	}
	if fp.ResourceType != "Patient" {
		return fail("resourceType", fmt.Errorf("is %q, not Patient", fp.ResourceType))
	}
	var err error
	if p.ID, err = strconv.ParseInt(fp.ID, 10, 64); err != nil || p.ID <= 0 {
		return fail("id", fmt.Errorf("%q is not a patient number", fp.ID))
	}
	if fp.Meta != nil {
		p.Version, _ = strconv.Atoi(fp.Meta.VersionID)
	}
	for _, id := range fp.Identifier {
		if id.System == SystemNHSNumber {
			if p.NHSNumber, err = triage.ParseNHSNumber(id.Value); err != nil {
				return fail("identifier", err)
			}
		}
	}
	if p.NHSNumber == "" {
		return fail("identifier", fmt.Errorf("no NHS number"))
	}
	if len(fp.Name) == 0 || len(fp.Name[0].Given) == 0 {
		return fail("name", fmt.Errorf("missing"))
	}
	p.FamilyName, p.GivenName = fp.Name[0].Family, strings.Join(fp.Name[0].Given, " ")
	if p.Sex, err = triage.ParseSex(fp.Gender); err != nil {
		return fail("gender", err)
	}
	if p.BirthDate, err = time.Parse(time.DateOnly, fp.BirthDate); err != nil {
		return fail("birthDate", err)
	}
	for _, c := range fp.Telecom {
		switch c.System {
		case "phone":
			p.Phone = c.Value
		case "email":
			p.Email = c.Value
		}
	}
	for _, e := range fp.Extension {
		switch {
		case e.URL == ExtSite && e.ValueString != nil:
			p.SiteID = *e.ValueString
		case e.URL == ExtGPTeam && e.ValueString != nil:
			p.GPTeamID = *e.ValueString
		case e.URL == ExtDependant && e.ValueBoolean != nil:
			p.Dependant = *e.ValueBoolean
		case e.URL == ExtUnverified && e.ValueBoolean != nil:
			p.Unverified = *e.ValueBoolean
		case e.URL == ExtActedForBy && e.ValueInteger != nil:
			p.ActedForBy = append(p.ActedForBy, *e.ValueInteger)
		}
	}
	return p, nil
}

// BundleLink is a link of a Bundle: self, next.
type BundleLink struct {
	Relation string `json:"relation"`
	URL      string `json:"url"`
}

// BundleEntry is one resource of a Bundle as it is read: kept raw so each is decoded
// by its type.
type BundleEntry struct {
	FullURL  string          `json:"fullUrl,omitempty"`
	Resource json.RawMessage `json:"resource"`
}

// OutEntry is one resource of a Bundle as it is written. The resource is encoded in
// place: going through json.RawMessage would compact and re-check every byte again.
type OutEntry struct {
	FullURL  string `json:"fullUrl,omitempty"`
	Resource any    `json:"resource"`
}

// OutBundle is a Bundle as it is written.
type OutBundle struct {
	ResourceType string       `json:"resourceType"`
	Type         string       `json:"type"`
	Total        *int         `json:"total,omitempty"`
	Link         []BundleLink `json:"link,omitempty"`
	Entry        []OutEntry   `json:"entry,omitempty"`
}

// Absolute makes the Bundle's links and entries' fullUrls absolute on base (like
// https://queue.example.nhs.uk): FHIR wants both absolute, and a client resolving
// "/fhir/Task?_offset=20" against its own base URL "…/fhir" would ask for
// "/fhir/fhir/Task". Links are server paths ("/fhir/…", "/api/v1/…"); fullUrls are
// resource references ("Task/12") under /fhir.
func (b *OutBundle) Absolute(base string) {
	base = strings.TrimRight(base, "/")
	for i, l := range b.Link {
		if strings.HasPrefix(l.URL, "/") {
			b.Link[i].URL = base + l.URL
		}
	}
	for i, e := range b.Entry {
		if e.FullURL != "" && !strings.Contains(e.FullURL, "://") {
			b.Entry[i].FullURL = base + "/fhir/" + e.FullURL
		}
		// Each Task is replaced by an absolute copy: the Bundle's caller may share it.
		switch t := e.Resource.(type) {
		case Task:
			b.Entry[i].Resource = t.WithAbsolute(base)
		case *Task:
			c := t.WithAbsolute(base)
			b.Entry[i].Resource = &c
		}
	}
}

// Bundle is a FHIR searchset or history Bundle: a page of resources with links.
type Bundle struct {
	ResourceType string        `json:"resourceType"`
	Type         string        `json:"type"`
	Total        *int          `json:"total,omitempty"`
	Link         []BundleLink  `json:"link,omitempty"`
	Entry        []BundleEntry `json:"entry,omitempty"`
	Meta         *Meta         `json:"meta,omitempty"`
}

// Next returns the Bundle's next link, "" on the last page.
func (b *Bundle) Next() string {
	for _, l := range b.Link {
		if l.Relation == "next" {
			return l.URL
		}
	}
	return ""
}

// OperationOutcomeIssue is one issue of an OperationOutcome. Diagnostics is the
// technical message for staff and developers; Details.Text, when present, is the same
// failure written for the person in front of the app (on the patient API, a patient).
type OperationOutcomeIssue struct {
	Severity    string           `json:"severity"`
	Code        string           `json:"code"`
	Details     *CodeableConcept `json:"details,omitempty"`
	Diagnostics string           `json:"diagnostics"`
}

// OperationOutcome is how FHIR reports an error.
type OperationOutcome struct {
	ResourceType string                  `json:"resourceType"`
	Issue        []OperationOutcomeIssue `json:"issue"`
}

// errorTable maps each domain error code to its HTTP status and FHIR issue type.
// It is the one place both ends read, so a 412 always means a conflict.
var errorTable = []struct {
	code   string
	status int
	issue  string
}{
	{triage.EINVALID, http.StatusUnprocessableEntity, "invalid"},
	{triage.ENOTFOUND, http.StatusNotFound, "not-found"},
	{triage.ECONFLICT, http.StatusPreconditionFailed, "conflict"},
	{triage.EUNAUTHORIZED, http.StatusUnauthorized, "login"},
	{triage.EFORBIDDEN, http.StatusForbidden, "forbidden"},
	{triage.ELIMIT, http.StatusTooManyRequests, "throttled"},
	{triage.EUNAVAILABLE, http.StatusServiceUnavailable, "transient"},
	{triage.EINTERNAL, http.StatusInternalServerError, "exception"},
}

// Status returns the HTTP status for a domain error.
func Status(err error) int {
	code := triage.ErrorCode(err)
	for _, e := range errorTable {
		if e.code == code {
			return e.status
		}
	}
	return http.StatusInternalServerError
}

// Outcome returns the OperationOutcome for a domain error; internal errors say only
// that something went wrong, so no detail (or patient data) leaks.
func Outcome(err error) OperationOutcome {
	code := triage.ErrorCode(err)
	issue := "exception"
	for _, e := range errorTable {
		if e.code == code {
			issue = e.issue
		}
	}
	return OperationOutcome{ResourceType: "OperationOutcome", Issue: []OperationOutcomeIssue{{Severity: "error", Code: issue, Diagnostics: triage.ErrorMessage(err)}}}
}

// PatientOutcome is Outcome for the patient API: details.text carries the message
// written for a patient (triage.PatientMessage), which a patient's app shows;
// diagnostics keeps the technical message for the app's developer.
func PatientOutcome(err error) OperationOutcome {
	oo := Outcome(err)
	oo.Issue[0].Details = &CodeableConcept{Text: triage.PatientMessage(err)}
	return oo
}

// ErrorFrom turns an error answer back into a domain error with its code, so a client
// can tell a conflict from a refusal.
func ErrorFrom(status int, oo *OperationOutcome) error {
	code := triage.EINTERNAL
	for _, e := range errorTable {
		if e.status == status {
			code = e.code
		}
	}
	if status == http.StatusBadRequest {
		code = triage.EINVALID
	}
	msg := http.StatusText(status)
	if oo != nil && len(oo.Issue) > 0 && oo.Issue[0].Diagnostics != "" {
		msg = oo.Issue[0].Diagnostics
	}
	return triage.Errorf(code, "%s", msg)
}
