package triage

import "strings"

// Priority is how clinically urgent a request is. The zero value is not a priority;
// the four priorities are ordered most urgent first, so a lower Rank is more urgent.
type Priority string

// The clinical priorities, most urgent first.
const (
	Emergency Priority = "emergency" // 999/A&E now; the practice calls the patient at once
	SameDay   Priority = "same-day"  // needs a clinician today
	Soon      Priority = "soon"      // within two working days
	Routine   Priority = "routine"   // within three working days
)

// Priorities lists every priority, most urgent first.
var Priorities = []Priority{Emergency, SameDay, Soon, Routine}

// ParsePriority reads a priority from its clinical word ("same-day") or its FHIR code
// ("asap"), case-insensitively.
func ParsePriority(s string) (Priority, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range Priorities {
		if s == string(p) || s == p.FHIR() {
			return p, nil
		}
	}
	return "", Errorf(EINVALID, "unknown priority %q: use emergency, same-day, soon or routine", s)
}

// PriorityFromRank returns the priority with the given rank (0 is emergency).
func PriorityFromRank(rank int) (Priority, error) {
	if rank < 0 || rank >= len(Priorities) {
		return "", Errorf(EINVALID, "priority rank %d is out of range 0-%d", rank, len(Priorities)-1)
	}
	return Priorities[rank], nil
}

// Rank orders priorities: 0 for emergency up to 3 for routine, 4 for an unknown one so
// that it sorts last rather than being mistaken for an emergency.
func (p Priority) Rank() int {
	for i, q := range Priorities {
		if p == q {
			return i
		}
	}
	return len(Priorities)
}

// Valid reports whether p is one of the four priorities.
func (p Priority) Valid() bool { return p.Rank() < len(Priorities) }

// MoreUrgent reports whether p is more urgent than q.
func (p Priority) MoreUrgent(q Priority) bool { return p.Rank() < q.Rank() }

// FHIR returns the FHIR R4 Task.priority code for p: stat, asap, urgent or routine.
func (p Priority) FHIR() string {
	switch p {
	case Emergency:
		return "stat"
	case SameDay:
		return "asap"
	case Soon:
		return "urgent"
	case Routine:
		return "routine"
	}
	return ""
}

// ParseFHIRPriority reads a FHIR Task.priority code; clinical words are refused so that
// a malformed server answer is caught rather than guessed at.
func ParseFHIRPriority(code string) (Priority, error) {
	for _, p := range Priorities {
		if code == p.FHIR() {
			return p, nil
		}
	}
	return "", Errorf(EINVALID, "unknown FHIR priority code %q: expected stat, asap, urgent or routine", code)
}

// Label is the priority as staff read it on screen.
func (p Priority) Label() string {
	switch p {
	case Emergency:
		return "Emergency"
	case SameDay:
		return "Same day"
	case Soon:
		return "Soon"
	case Routine:
		return "Routine"
	}
	return "Unknown"
}

// Team is the team a request is assigned to.
type Team string

// The practice's teams.
const (
	TeamGP           Team = "gp"
	TeamMedicines    Team = "medicines"
	TeamPhysio       Team = "physio"
	TeamMentalHealth Team = "mental-health"
	TeamAdmin        Team = "admin"
)

// Teams lists every team in the order of the desk's 1–5 shortcuts.
var Teams = []Team{TeamGP, TeamMedicines, TeamPhysio, TeamMentalHealth, TeamAdmin}

// ParseTeam reads a team name, case-insensitively.
func ParseTeam(s string) (Team, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, t := range Teams {
		if s == string(t) {
			return t, nil
		}
	}
	return "", Errorf(EINVALID, "unknown team %q: use gp, medicines, physio, mental-health or admin", s)
}

// Valid reports whether t is one of the practice's teams.
func (t Team) Valid() bool {
	for _, u := range Teams {
		if t == u {
			return true
		}
	}
	return false
}

// Label is the team as staff read it on screen.
func (t Team) Label() string {
	switch t {
	case TeamGP:
		return "GP"
	case TeamMedicines:
		return "Medicines"
	case TeamPhysio:
		return "Physio"
	case TeamMentalHealth:
		return "Mental health"
	case TeamAdmin:
		return "Admin"
	}
	return "Unassigned"
}

// Signpost is a service outside the practice that a request is directed to.
type Signpost string

// The signposts. SignpostNone means the practice deals with the request itself.
const (
	SignpostNone      Signpost = "none"
	SignpostPharmacy  Signpost = "pharmacy"
	SignpostOptician  Signpost = "optician"
	SignpostDentist   Signpost = "dentist"
	SignpostNHSPhysio Signpost = "nhs-physio"
	Signpost111       Signpost = "111"
	Signpost999       Signpost = "999"
)

// Signposts lists every signpost, "none" first.
var Signposts = []Signpost{SignpostNone, SignpostPharmacy, SignpostOptician, SignpostDentist, SignpostNHSPhysio, Signpost111, Signpost999}

// ParseSignpost reads a signpost; the empty string is read as none.
func ParseSignpost(s string) (Signpost, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return SignpostNone, nil
	}
	for _, p := range Signposts {
		if s == string(p) {
			return p, nil
		}
	}
	return "", Errorf(EINVALID, "unknown signpost %q: use none, pharmacy, optician, dentist, nhs-physio, 111 or 999", s)
}

// Valid reports whether s is a known signpost.
func (s Signpost) Valid() bool {
	for _, p := range Signposts {
		if s == p {
			return true
		}
	}
	return false
}

// Label is the signpost as staff and patients read it.
func (s Signpost) Label() string {
	switch s {
	case SignpostPharmacy:
		return "Pharmacy"
	case SignpostOptician:
		return "Optician"
	case SignpostDentist:
		return "Dentist"
	case SignpostNHSPhysio:
		return "NHS physio (self-referral)"
	case Signpost111:
		return "NHS 111"
	case Signpost999:
		return "999 / A&E"
	}
	return "None"
}

// Kind is what the patient ticked when they wrote: a clinical or an admin request.
// Patients tick the wrong one often enough that the engine reads the text as well.
type Kind string

// The kinds of request.
const (
	Clinical Kind = "clinical"
	Admin    Kind = "admin"
)

// ParseKind reads a kind of request in any case and with any surrounding spaces and
// returns it in its canonical form ("clinical", "admin"). Every way in (the patient
// API, imports, triagectl) goes through it, so the engine and the database only ever
// see the canonical form.
func ParseKind(s string) (Kind, error) {
	switch Kind(strings.ToLower(strings.TrimSpace(s))) {
	case Clinical:
		return Clinical, nil
	case Admin:
		return Admin, nil
	}
	return "", Errorf(EINVALID, "unknown kind %q: use clinical or admin", s).
		ForPatient("Please choose what your request is about: your health (clinical), or admin such as a fit note or test results.")
}

// Sex is the patient's sex as recorded, used by the engine's sex-specific rules.
type Sex string

// The recorded sexes.
const (
	Female     Sex = "female"
	Male       Sex = "male"
	SexUnknown Sex = "unknown"
)

// ParseSex reads a sex in any case and with any surrounding spaces, the empty string
// as unknown, and returns its canonical form, which is also the FHIR gender code. The
// engine's sex-specific rules compare canonical forms: a "Female" stored as typed would
// miss them (pre-eclampsia read as same-day instead of an emergency).
func ParseSex(s string) (Sex, error) {
	switch Sex(strings.ToLower(strings.TrimSpace(s))) {
	case Female:
		return Female, nil
	case Male:
		return Male, nil
	case SexUnknown, "":
		return SexUnknown, nil
	}
	return "", Errorf(EINVALID, "unknown sex %q: use female, male or unknown", s).
		ForPatient("Please choose female or male, or leave it blank.")
}
