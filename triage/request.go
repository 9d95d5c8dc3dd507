package triage

import (
	"slices"
	"strings"
	"time"
)

// MaxTextLength is the most a patient may write in one request, in characters. It
// keeps one request readable on one screen and bounds what the server stores.
const MaxTextLength = 5000

// Request is one online request from a patient, for themself or a dependant, and
// everything the practice has done with it. Version goes up with every change; staff
// actions carry the version they were based on so a stale change is refused.
type Request struct {
	ID          int64  `json:"id"`
	Version     int    `json:"version"`
	PatientID   int64  `json:"patientId"`
	SubmittedBy int64  `json:"submittedBy"` // the account that sent it
	SiteID      string `json:"siteId"`
	GPTeamID    string `json:"gpTeamId"`
	Kind        Kind   `json:"kind"`
	Text        string `json:"text"`
	// Answers are the patient's answers to the front door's questions; nil on a
	// request sent before it asked them.
	Answers    *Answers  `json:"answers,omitempty"`
	ReceivedAt time.Time `json:"receivedAt"`
	DueAt      time.Time `json:"dueAt"`

	Status   Status   `json:"status"`
	Priority Priority `json:"priority"`
	Team     Team     `json:"team,omitempty"` // empty until assigned
	Signpost Signpost `json:"signpost"`

	// Suggested is what the engine suggested on arrival, kept so the reviewer can see
	// why, and so a changed decision can be compared with it.
	Suggested Suggestion `json:"suggested"`

	ClaimedBy       string    `json:"claimedBy,omitempty"`
	Channel         Channel   `json:"channel,omitempty"`  // how the practice answered
	Response        string    `json:"response,omitempty"` // what the practice told the patient
	FirstResponseAt time.Time `json:"firstResponseAt,omitzero"`
	Outcome         Outcome   `json:"outcome,omitempty"`
	ClosedAt        time.Time `json:"closedAt,omitzero"`
	Note            string    `json:"note,omitempty"` // staff-only working note
	// PriorityReason is why the priority was last lowered, in the words of the
	// member of staff who lowered it; shown on the request and in the audit trail.
	PriorityReason string `json:"priorityReason,omitempty"`
	// Call is the outcome of the last call to the patient about an emergency, with
	// who made it and when; an emergency cannot close until a call has sent the
	// patient to 999 or A&E.
	Call     CallOutcome `json:"call,omitempty"`
	CalledAt time.Time   `json:"calledAt,omitzero"`
	CalledBy string      `json:"calledBy,omitempty"`
	// AwaitingSince is when the practice last asked the patient and began waiting for
	// their reply; zero unless the status is awaiting-patient.
	AwaitingSince time.Time `json:"awaitingSince,omitzero"`
	UpdatedAt     time.Time `json:"updatedAt"`
	UpdatedBy     string    `json:"updatedBy,omitempty"`

	// EnteredBy is the member of staff who entered the request for a patient who
	// phoned or came in; empty when the patient sent it online. Caller is who called
	// when it was not the patient. Contact and ContactDetail are how the patient asked
	// to be contacted, and the number or address to use. ContactAvoid is when not to
	// call, in the patient's words ("not before 10am"); empty when they gave none.
	EnteredBy     string  `json:"enteredBy,omitempty"`
	Caller        string  `json:"caller,omitempty"`
	Contact       Contact `json:"contact,omitempty"`
	ContactDetail string  `json:"contactDetail,omitempty"`
	ContactAvoid  string  `json:"contactAvoid,omitempty"`

	// Author is who wrote the request when it was not the patient: a parent writing
	// for a child from their account, or someone who phoned for the patient. Empty
	// when the patient wrote it.
	Author Author `json:"author,omitzero"`

	// Messages is the conversation with the patient, oldest first: what the practice
	// sent and what the patient replied. Response stays the last practice message, for
	// the clients that read only that.
	Messages []Message `json:"messages,omitempty"`

	// Photos are the photos the patient sent with the request, in the order sent:
	// what they are, never the pictures, which staff fetch on demand.
	Photos []PhotoRef `json:"photos,omitempty"`
}

// FirstLine returns the first line of what the patient wrote, cut to max runes, for
// lists where a whole request will not fit.
func (r *Request) FirstLine(max int) string {
	line, _, _ := strings.Cut(strings.TrimSpace(r.Text), "\n")
	line = strings.TrimSpace(line)
	if rs := []rune(line); len(rs) > max {
		return string(rs[:max-1]) + "…"
	}
	return line
}

// Live reports whether the request is not yet closed.
func (r *Request) Live() bool { return r.Status.Live() }

// Breached reports whether the request is past its due time and not closed.
func (r *Request) Breached(now time.Time) bool {
	return r.Live() && now.After(r.DueAt)
}

// ValidateSubmission checks what a patient sends before it is accepted: the kind and
// the text. Whitespace-only text is refused because there is nothing to triage. It
// checks the kind only: callers store ParseKind's canonical form, not the kind as typed.
func ValidateSubmission(kind Kind, text string) error {
	if _, err := ParseKind(string(kind)); err != nil {
		return err
	}
	t := strings.TrimSpace(text)
	if t == "" {
		return Errorf(EINVALID, "please tell us what the request is about: the text is empty").
			ForPatient("Please tell us what your request is about: the text is empty.")
	}
	if n := len([]rune(t)); n > MaxTextLength {
		return Errorf(EINVALID, "the request is %d characters long; the most is %d — please shorten it, or call the surgery", n, MaxTextLength).
			ForPatient("Your request is %d characters long and the most is %d. Please shorten it, or call the surgery.", n, MaxTextLength)
	}
	return nil
}

// Channel is how the practice answered a request.
type Channel string

// The ways of answering.
const (
	ChannelMessage    Channel = "message"
	ChannelPhone      Channel = "phone"
	ChannelVideo      Channel = "video"
	ChannelFaceToFace Channel = "face-to-face"
)

// Channels lists the ways of answering, in the order the desk offers them.
var Channels = []Channel{ChannelMessage, ChannelPhone, ChannelVideo, ChannelFaceToFace}

// Label is the channel as staff read it.
func (c Channel) Label() string {
	switch c {
	case ChannelMessage:
		return "Message"
	case ChannelPhone:
		return "Phone call"
	case ChannelVideo:
		return "Video call"
	case ChannelFaceToFace:
		return "Face-to-face appointment"
	}
	return "None"
}

// Outcome is how a request ended.
type Outcome string

// The outcomes of a closed request.
const (
	OutcomeAnswered    Outcome = "answered"     // the practice answered the patient
	OutcomeAppointment Outcome = "appointment"  // an appointment was booked
	OutcomePrescribed  Outcome = "prescribed"   // a prescription was issued
	OutcomeSignposted  Outcome = "signposted"   // sent to a service outside the practice
	OutcomeNoAction    Outcome = "no-action"    // nothing was needed
	OutcomeWithdrawn   Outcome = "withdrawn"    // the patient withdrew it
	OutcomeUnreachable Outcome = "unreachable"  // the patient could not be reached
	OutcomeDuplicate   Outcome = "duplicate"    // the same problem is in another request
	OutcomeEmergency   Outcome = "sent-999-a&e" // told to call 999 or go to A&E
)

// Outcomes lists the outcomes staff can choose from when closing.
var Outcomes = []Outcome{OutcomeAnswered, OutcomeAppointment, OutcomePrescribed, OutcomeSignposted, OutcomeNoAction, OutcomeWithdrawn, OutcomeUnreachable, OutcomeDuplicate, OutcomeEmergency}

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool {
	for _, q := range Outcomes {
		if o == q {
			return true
		}
	}
	return false
}

// Label is the outcome in the words staff use.
func (o Outcome) Label() string {
	switch o {
	case OutcomeAnswered:
		return "Answered"
	case OutcomeAppointment:
		return "Appointment booked"
	case OutcomePrescribed:
		return "Prescription issued"
	case OutcomeSignposted:
		return "Signposted"
	case OutcomeNoAction:
		return "No action needed"
	case OutcomeWithdrawn:
		return "Withdrawn by the patient"
	case OutcomeUnreachable:
		return "Patient unreachable"
	case OutcomeDuplicate:
		return "Duplicate"
	case OutcomeEmergency:
		return "Sent to 999 / A&E"
	}
	return string(o)
}

// ActionKind names a staff action on a request.
type ActionKind string

// The staff actions. Each is applied by Request.Apply, on the server for real and in
// the desk's cache at once so the screen does not wait for the network.
const (
	ActSetPriority ActionKind = "set-priority" // change the priority (and so the due time)
	ActAssign      ActionKind = "assign"       // give to a team (new or assigned → assigned)
	ActClaim       ActionKind = "claim"        // a team member takes it (→ in-progress)
	ActRespond     ActionKind = "respond"      // answer the patient; optionally wait for their reply
	ActSignpost    ActionKind = "signpost"     // send to a service outside the practice and close
	ActClose       ActionKind = "close"        // close with an outcome
	ActNote        ActionKind = "note"         // add a staff-only note
	ActCallOutcome ActionKind = "call-outcome" // record what happened when the patient was phoned
	// ActAssignMember gives a team's request to a named member of that team, who then
	// holds it as if they had claimed it (assigned → in-progress).
	ActAssignMember ActionKind = "assign-member"
	// ActUnclaim hands a held request back to its team's queue (in-progress → assigned).
	ActUnclaim ActionKind = "unclaim"
	// ActUnassign takes back a triage decision: an assigned request no one has taken
	// yet returns to the triage inbox (assigned → new), with its priority as it was
	// when Priority is given. It is what the desk's Undo of an assignment sends.
	ActUnassign ActionKind = "unassign"
)

// Action is one staff change to one request, made against the version the member of
// staff saw.
type Action struct {
	Kind        ActionKind `json:"kind"`
	RequestID   int64      `json:"requestId"`
	BaseVersion int        `json:"baseVersion"`
	Actor       string     `json:"actor"`

	Priority    Priority    `json:"priority,omitempty"`
	Team        Team        `json:"team,omitempty"`
	Signpost    Signpost    `json:"signpost,omitempty"`
	Channel     Channel     `json:"channel,omitempty"`
	Message     string      `json:"message,omitempty"` // to the patient (respond, signpost) or the note
	Outcome     Outcome     `json:"outcome,omitempty"`
	AwaitReply  bool        `json:"awaitReply,omitempty"`  // respond: wait for the patient's reply
	CloseOnSend bool        `json:"closeOnSend,omitempty"` // respond: close at once as answered
	Call        CallOutcome `json:"call,omitempty"`        // call-outcome: what happened
	Reason      string      `json:"reason,omitempty"`      // set-priority, assign: why the priority is lowered
	Member      string      `json:"member,omitempty"`      // assign-member: the member of staff who is to hold it
}

// Describe says what the action does as the rest of a sentence that starts with the
// name of who did it ("assigned it to Physio"), for the audit trail and the conflict
// dialog. It holds no patient text; a reason for lowering a priority is staff's own.
func (a Action) Describe() string {
	because := ""
	if r := strings.TrimSpace(a.Reason); r != "" {
		because = ", because: " + r
	}
	switch a.Kind {
	case ActSetPriority:
		return "changed the priority to " + a.Priority.Label() + because
	case ActAssign:
		s := "assigned it to " + a.Team.Label()
		if a.Priority != "" {
			s += " as " + a.Priority.Label()
		}
		return s + because
	case ActClaim:
		return "claimed it"
	case ActRespond:
		s := "answered the patient by " + strings.ToLower(a.Channel.Label())
		switch {
		case a.CloseOnSend:
			s += " and closed it"
		case a.AwaitReply:
			s += " and is waiting for their reply"
		}
		return s
	case ActSignpost:
		return "signposted the patient to " + a.Signpost.Label() + " and closed it"
	case ActClose:
		return "closed it: " + strings.ToLower(a.Outcome.Label())
	case ActNote:
		return "added a note"
	case ActCallOutcome:
		switch a.Call {
		case CallSent999:
			return "phoned the patient and sent them to 999 or A&E"
		case CallNoAnswer:
			return "phoned the patient: no answer, to try again"
		}
		return "phoned the patient"
	case ActAssignMember:
		return "gave it to " + a.Member
	case ActUnclaim:
		return "handed it back to the team's queue"
	case ActUnassign:
		return "took back the assignment: returned to the triage inbox"
	}
	return string(a.Kind)
}

// Apply makes the action's change to r, with cal giving the new due time when the
// priority changes. It checks the version, the action's fields and the status
// transition, and changes nothing when it returns an error. It bumps Version.
func (r *Request) Apply(a Action, cal *Calendar, now time.Time) error {
	if a.BaseVersion != r.Version {
		return Errorf(ECONFLICT, "request %d is at version %d, the change was made on version %d: someone else changed it first", r.ID, r.Version, a.BaseVersion)
	}
	if strings.TrimSpace(a.Actor) == "" {
		return Errorf(EINVALID, "an action needs the member of staff who made it")
	}
	next := *r
	switch a.Kind {
	case ActSetPriority:
		if !a.Priority.Valid() {
			return Errorf(EINVALID, "unknown priority %q", a.Priority)
		}
		if !r.Live() {
			return Errorf(EINVALID, "request %d is closed: its priority cannot change", r.ID)
		}
		reason, err := r.lowering(a.Priority, a.Reason)
		if err != nil {
			return err
		}
		if reason != "" {
			next.PriorityReason = reason
		}
		next.Priority = a.Priority
		next.DueAt = cal.Due(r.ReceivedAt, a.Priority)
	case ActAssign:
		if !a.Team.Valid() {
			return Errorf(EINVALID, "unknown team %q", a.Team)
		}
		if err := r.Status.CheckTransition(StatusAssigned); err != nil {
			return err
		}
		next.Status, next.Team, next.ClaimedBy = StatusAssigned, a.Team, ""
		if a.Priority != "" {
			if !a.Priority.Valid() {
				return Errorf(EINVALID, "unknown priority %q", a.Priority)
			}
			reason, err := r.lowering(a.Priority, a.Reason)
			if err != nil {
				return err
			}
			if reason != "" {
				next.PriorityReason = reason
			}
			next.Priority, next.DueAt = a.Priority, cal.Due(r.ReceivedAt, a.Priority)
		}
	case ActClaim:
		if err := r.Status.CheckTransition(StatusInProgress); err != nil {
			return err
		}
		next.Status, next.ClaimedBy = StatusInProgress, a.Actor
	case ActRespond:
		if !validChannel(a.Channel) {
			return Errorf(EINVALID, "unknown way of responding %q: use message, phone, video or face-to-face", a.Channel)
		}
		if strings.TrimSpace(a.Message) == "" {
			return Errorf(EINVALID, "a response needs a message to the patient")
		}
		to := StatusInProgress
		switch {
		case a.CloseOnSend:
			to = StatusClosed
			if err := r.checkEmergencyClose(); err != nil {
				return err
			}
		case a.AwaitReply || r.Status == StatusNew:
			// A message on a request nobody has yet asks the patient something (more
			// detail, a photo) before it is assigned: it waits for their reply.
			to = StatusAwaitingPatient
		}
		if r.Status != to {
			if err := r.Status.CheckTransition(to); err != nil {
				return err
			}
		}
		if next.ClaimedBy == "" {
			next.ClaimedBy = a.Actor
		}
		next.Status, next.Channel, next.Response = to, a.Channel, a.Message
		if next.FirstResponseAt.IsZero() {
			next.FirstResponseAt = now
		}
		next.AwaitingSince = time.Time{}
		if to == StatusAwaitingPatient {
			next.AwaitingSince = now
		}
		if to == StatusClosed {
			next.Outcome, next.ClosedAt = OutcomeAnswered, now
			if a.Channel == ChannelFaceToFace {
				next.Outcome = OutcomeAppointment
			}
		}
	case ActSignpost:
		if !a.Signpost.Valid() || a.Signpost == SignpostNone {
			return Errorf(EINVALID, "signpost to where? use pharmacy, optician, dentist, nhs-physio, 111 or 999")
		}
		if strings.TrimSpace(a.Message) == "" {
			return Errorf(EINVALID, "signposting needs a message that tells the patient where to go")
		}
		if err := r.Status.CheckTransition(StatusClosed); err != nil {
			return err
		}
		if err := r.checkEmergencyClose(); err != nil {
			return err
		}
		next.Status, next.Signpost, next.Outcome, next.ClosedAt = StatusClosed, a.Signpost, OutcomeSignposted, now
		next.Channel, next.Response = ChannelMessage, a.Message
		if next.Team == "" {
			next.Team = TeamGP // the GP team's reviewer closes what is signposted
		}
		if next.FirstResponseAt.IsZero() {
			next.FirstResponseAt = now
		}
	case ActClose:
		if !a.Outcome.Valid() {
			return Errorf(EINVALID, "closing needs an outcome: one of %s", joinOutcomes())
		}
		if err := r.Status.CheckTransition(StatusClosed); err != nil {
			return err
		}
		if err := r.checkEmergencyClose(); err != nil {
			return err
		}
		next.Status, next.Outcome, next.ClosedAt = StatusClosed, a.Outcome, now
		if a.Message != "" {
			next.Response = a.Message
			if next.FirstResponseAt.IsZero() {
				next.FirstResponseAt = now
			}
		}
	case ActCallOutcome:
		if !a.Call.Valid() {
			return Errorf(EINVALID, "unknown call outcome %q: use sent-999-ae or no-answer", a.Call)
		}
		if !r.Live() {
			return Errorf(EINVALID, "request %d is closed: a call cannot be recorded on it", r.ID)
		}
		next.Call, next.CalledAt, next.CalledBy = a.Call, now, a.Actor
	case ActNote:
		if strings.TrimSpace(a.Message) == "" {
			return Errorf(EINVALID, "the note is empty")
		}
		next.Note = strings.TrimSpace(strings.TrimSpace(r.Note) + "\n" + now.Format("02 Jan 15:04") + " " + a.Actor + ": " + a.Message)
	case ActAssignMember:
		member := strings.TrimSpace(a.Member)
		if member == "" {
			return Errorf(EINVALID, "give it to whom? name the member of the team who is to hold it")
		}
		if r.Team == "" || r.Status == StatusNew {
			return Errorf(EINVALID, "request %d is not with a team yet: assign it to a team first, then to one of its members", r.ID)
		}
		switch r.Status {
		case StatusAssigned:
			next.Status = StatusInProgress
		case StatusInProgress, StatusAwaitingPatient:
			// already held: it changes hands and keeps its place in the journey
		default:
			return Errorf(EINVALID, "request %d is %s: it cannot be given to anyone", r.ID, strings.ToLower(r.Status.Label()))
		}
		next.ClaimedBy = member
	case ActUnclaim:
		if r.ClaimedBy == "" {
			return Errorf(EINVALID, "request %d is not held by anyone: there is nothing to unclaim", r.ID)
		}
		if r.Status != StatusInProgress {
			return Errorf(EINVALID, "request %d is %s: only a request being worked on can go back to the team's queue", r.ID, strings.ToLower(r.Status.Label()))
		}
		next.Status, next.ClaimedBy = StatusAssigned, ""
	case ActUnassign:
		if r.Status != StatusAssigned || r.ClaimedBy != "" {
			return Errorf(EINVALID, "request %d is %s: only an assigned request no one has taken can go back to the triage inbox", r.ID, strings.ToLower(r.Status.Label()))
		}
		next.Status, next.Team = StatusNew, ""
		if a.Priority != "" {
			if !a.Priority.Valid() {
				return Errorf(EINVALID, "unknown priority %q", a.Priority)
			}
			next.Priority, next.DueAt = a.Priority, cal.Due(r.ReceivedAt, a.Priority)
		}
	default:
		return Errorf(EINVALID, "unknown action %q", a.Kind)
	}
	next.Version = r.Version + 1
	next.UpdatedAt, next.UpdatedBy = now, a.Actor
	*r = next
	return nil
}

func validChannel(c Channel) bool {
	for _, k := range Channels {
		if c == k {
			return true
		}
	}
	return false
}

func joinOutcomes() string {
	s := make([]string, len(Outcomes))
	for i, o := range Outcomes {
		s[i] = string(o)
	}
	return strings.Join(s, ", ")
}

// Validate checks a request read from outside this process (a sync page, an import):
// every code known, every number and time present, and the suggestion's reasons
// pointing inside the text, so a damaged record is refused before it reaches a cache.
func (r *Request) Validate() error {
	bad := func(format string, args ...any) error {
		return Errorf(EINVALID, "request %d: "+format, append([]any{r.ID}, args...)...)
	}
	switch {
	case r.ID <= 0:
		return Errorf(EINVALID, "a request needs a positive id, not %d", r.ID)
	case r.Version <= 0:
		return bad("version %d is not a version", r.Version)
	case r.PatientID <= 0:
		return bad("patient %d is not a patient", r.PatientID)
	case r.Kind != Clinical && r.Kind != Admin:
		return bad("unknown kind %q", r.Kind)
	case strings.TrimSpace(r.Text) == "":
		return bad("what the patient wrote is missing")
	case r.ReceivedAt.IsZero() || r.DueAt.IsZero() || r.UpdatedAt.IsZero():
		return bad("a time is missing")
	case !r.Status.Valid():
		return bad("unknown status %q", r.Status)
	case !r.Priority.Valid():
		return bad("unknown priority %q", r.Priority)
	case r.Team != "" && !r.Team.Valid():
		return bad("unknown team %q", r.Team)
	case !r.Signpost.Valid():
		return bad("unknown signpost %q", r.Signpost)
	case r.Channel != "" && !slices.Contains(Channels, r.Channel):
		return bad("unknown channel %q", r.Channel)
	case r.Outcome != "" && !r.Outcome.Valid():
		return bad("unknown outcome %q", r.Outcome)
	case r.Call != "" && !r.Call.Valid():
		return bad("unknown call outcome %q", r.Call)
	case r.Contact != "" && !r.Contact.Valid():
		return bad("unknown way of contact %q", r.Contact)
	case r.Answers.Validate() != nil:
		return bad("the patient's answers: %s", ErrorMessage(r.Answers.Validate()))
	case !r.Suggested.Priority.Valid() || (r.Suggested.Team != "" && !r.Suggested.Team.Valid()) || !r.Suggested.Signpost.Valid():
		return bad("the suggestion has an unknown priority, team or signpost")
	}
	for i := range r.Messages {
		if err := r.Messages[i].Validate(); err != nil {
			return bad("%s", ErrorMessage(err))
		}
	}
	if len(r.Photos) > MaxPhotos {
		return bad("%d photos; a request carries at most %d", len(r.Photos), MaxPhotos)
	}
	for i, p := range r.Photos {
		if err := p.Validate(); err != nil {
			return bad("%s", ErrorMessage(err))
		}
		if p.N != i+1 {
			return bad("photo %d is listed as number %d: photos are numbered 1, 2, 3 in order", i+1, p.N)
		}
	}
	for _, rs := range r.Suggested.Reasons {
		for _, sp := range rs.Spans {
			if sp.Start < 0 || sp.End < sp.Start || sp.End > len(r.Text) {
				return bad("reason %q points outside the text", rs.Rule)
			}
		}
	}
	return nil
}

// MaxContactAvoidLength is the most characters a patient may give for the times not to
// call them ("not before 10am, not Tuesday afternoons").
const MaxContactAvoidLength = 200
