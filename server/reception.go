package server

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"triagedesk/fhir"
	"triagedesk/store"
	"triagedesk/triage"
)

// EntryAnswer is what reception is told when a request entered for a caller is
// accepted: its number, the engine's first suggestion, and what to tell the caller.
type EntryAnswer struct {
	ID        int64           `json:"id"`
	Received  time.Time       `json:"received"`
	Priority  triage.Priority `json:"priority"`
	Emergency bool            `json:"emergency"`
	Message   string          `json:"message"`
}

// enterForCaller is reception's "create request": a member of staff enters the
// request of a patient who phoned or came in. It takes the same path as a patient's
// own submission (engine, opening hours, live-request limits, audit), marked with who
// entered it.
func (s *Server) enterForCaller(w http.ResponseWriter, r *http.Request) {
	var e triage.StaffEntry
	if err := decode(r, &e); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := e.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.queue.Patient(r.Context(), e.PatientID)
	if err != nil {
		s.fail(w, r, triage.Errorf(triage.ENOTFOUND, "patient %d is not on the practice list: search for them again", e.PatientID))
		return
	}
	once, err := onceOf(r, e)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	req, err := s.accept(r.Context(), p, store.Submission{PatientID: p.ID, Kind: e.Kind, Text: e.Text,
		EnteredBy: userOf(r).Name, Caller: e.Caller, CallerRelationship: e.CallerRelationship, CallerPhone: e.CallerPhone,
		Contact: e.Contact, ContactDetail: e.ContactDetail, Answers: e.Answers}, once)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a := EntryAnswer{ID: req.ID, Received: req.ReceivedAt, Priority: req.Priority,
		Message: fmt.Sprintf("Request %d is in the triage inbox. Tell the caller the practice will contact the patient by %s within one working day, and that if the patient gets worse they should call 111, or 999 in an emergency.",
			req.ID, strings.ToLower(e.Contact.Label()))}
	if req.Priority == triage.Emergency {
		a.Emergency = true
		about := callerSubject(e, p)
		a.Message = fmt.Sprintf("Request %d reads as an EMERGENCY. %s Then tell the duty clinician at once.", req.ID, triage.TellCaller999(about))
		if yes := e.Answers.YesTo(); len(yes) > 0 {
			a.Message = fmt.Sprintf("Request %d is an EMERGENCY: the caller said yes to %s. %s Then tell the duty clinician at once.", req.ID, yes[0].Flag, yes[0].TellCaller(about))
		}
	}
	writeJSON(w, http.StatusCreated, "application/json", a)
}

// callerSubject is whom the caller spoke about: the patient calling for themself, or
// the patient by name when someone else called, as the desk's Reception screen asks.
func callerSubject(e triage.StaffEntry, p triage.Patient) triage.Subject {
	if strings.TrimSpace(e.Caller) == "" {
		return triage.Subject{For: triage.ForSelf, Birth: p.BirthDate}
	}
	return triage.Subject{For: triage.ForAdult, Name: p.GivenName, Birth: p.BirthDate}
}

// findPatients is FHIR Patient search for reception: name, birthdate and identifier
// (the NHS number, with or without its system), all that are given must match. The
// search is audited without its terms, which identify a patient.
func (s *Server) findPatients(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	var pq triage.PatientQuery
	pq.Name = strings.Fields(v.Get("name"))
	if d := v.Get("birthdate"); d != "" {
		b, err := time.Parse(time.DateOnly, d)
		if err != nil {
			s.fail(w, r, triage.Errorf(triage.EINVALID, "birthdate %q is not a date like 1980-04-21", d))
			return
		}
		pq.BirthDate = b
	}
	if id := v.Get("identifier"); id != "" {
		if sys, val, ok := strings.Cut(id, "|"); ok {
			if sys != fhir.SystemNHSNumber {
				s.fail(w, r, triage.Errorf(triage.EINVALID, "patients are found by NHS number (%s), not by %s", fhir.SystemNHSNumber, sys))
				return
			}
			id = val
		}
		n, err := triage.ParseNHSNumber(id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		pq.NHSNumber = n
	}
	found, total, err := s.queue.FindPatients(r.Context(), pq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.audited(w, r, triage.AuditEntry{Action: "search-patients", Detail: fmt.Sprintf("searched the practice list by %s: %d found", queryParts(pq), len(found))}) {
		return
	}
	// The search does not page: total says how many match, and a desk that got fewer
	// asks the person to narrow the search.
	b := fhir.OutBundle{ResourceType: "Bundle", Type: "searchset", Total: &total}
	for i := range found {
		b.Entry = append(b.Entry, fhir.OutEntry{FullURL: "Patient/" + strconv.FormatInt(found[i].ID, 10), Resource: fhir.PatientFrom(&found[i])})
	}
	writeJSON(w, http.StatusOK, fhir.ContentType, b)
}

// queryParts names what a search used, without the values.
func queryParts(pq triage.PatientQuery) string {
	var parts []string
	if len(pq.Name) > 0 {
		parts = append(parts, "name")
	}
	if !pq.BirthDate.IsZero() {
		parts = append(parts, "date of birth")
	}
	if pq.NHSNumber != "" {
		parts = append(parts, "NHS number")
	}
	return strings.Join(parts, " and ")
}

// listStaff lists the members of staff, or with ?team= the clinicians of one team, so
// a desk can offer the people a request can be given to.
func (s *Server) listStaff(w http.ResponseWriter, r *http.Request) {
	var team triage.Team
	if t := r.URL.Query().Get("team"); t != "" {
		var err error
		if team, err = triage.ParseTeam(t); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	staff, err := s.queue.Staff(r.Context(), team)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", staff)
}

// checkMember refuses to give a request to someone who is not a clinician of the team
// it is with: a name typed wrong would leave it held by no one who can see it.
func (s *Server) checkMember(ctx context.Context, a triage.Action, team triage.Team) error {
	if a.Kind != triage.ActAssignMember || team == "" {
		return nil // a request with no team is refused by the domain, in its words
	}
	m, err := s.queue.StaffByName(ctx, a.Member)
	if err != nil {
		return triage.Errorf(triage.EINVALID, "there is no member of staff called %q: pick one from the team's list", a.Member)
	}
	if m.Role != store.RoleClinician || m.Team != team {
		return triage.Errorf(triage.EINVALID, "%s is not a member of the %s team: give it to one of that team, or assign it to their team first", m.Name, team.Label())
	}
	return nil
}
