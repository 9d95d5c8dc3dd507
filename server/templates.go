package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	"triagedesk/fhir"
	"triagedesk/triage"
)

// keyPractice is the setting that holds the practice's details for templates.
const keyPractice = "practice"

func (s *Server) templateRoutes() {
	s.mux.HandleFunc("GET /api/v1/templates", s.staff(s.getTemplates))
	s.mux.HandleFunc("POST /api/v1/templates", s.manager(s.addTemplate))
	s.mux.HandleFunc("PUT /api/v1/templates/{id}", s.manager(s.saveTemplate))
	s.mux.HandleFunc("DELETE /api/v1/templates/{id}", s.manager(s.deleteTemplate))
	s.mux.HandleFunc("PUT /api/v1/settings/practice", s.manager(s.putPractice))
}

// templateSet reads the templates with the practice's details, and the tag that
// changes whenever either does.
func (s *Server) templateSet(r *http.Request) (fhir.Templates, string, error) {
	var set fhir.Templates
	if _, err := s.queue.Setting(r.Context(), keyPractice, &set.Practice); err != nil {
		return set, "", err
	}
	ts, err := s.queue.Templates(r.Context())
	if err != nil {
		return set, "", err
	}
	set.Templates = ts
	b, err := json.Marshal(set)
	if err != nil {
		return set, "", err
	}
	sum := sha256.Sum256(b)
	return set, `"` + hex.EncodeToString(sum[:12]) + `"`, nil
}

// getTemplates answers the practice's templates to any member of staff. A desk that
// sends the ETag it holds as If-None-Match gets 304 when nothing changed, so asking
// after every sync costs next to nothing.
func (s *Server) getTemplates(w http.ResponseWriter, r *http.Request) {
	set, tag, err := s.templateSet(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", tag)
	if strings.TrimSpace(r.Header.Get("If-None-Match")) == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", set)
}

func (s *Server) addTemplate(w http.ResponseWriter, r *http.Request) {
	var t triage.Template
	if err := decode(r, &t); err != nil {
		s.fail(w, r, err)
		return
	}
	got, err := s.queue.AddTemplate(r.Context(), t, userOf(r).Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.notifyTemplates() // desks waiting on the feed wake and read the templates again
	w.Header().Set("ETag", etag(got.Version))
	writeJSON(w, http.StatusCreated, "application/json", got)
}

// saveTemplate stores an edit made on the version named by If-Match, or by the
// body's version when there is no If-Match; a stale one is a conflict (412).
func (s *Server) saveTemplate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var t triage.Template
	if err := decode(r, &t); err != nil {
		s.fail(w, r, err)
		return
	}
	if h := r.Header.Get("If-Match"); h != "" {
		v, ok := parseETag(h)
		if !ok {
			s.fail(w, r, triage.Errorf(triage.EINVALID, "If-Match %q is not a version: send the one the edit was made on, like If-Match: W/\"3\"", h))
			return
		}
		t.Version = v
	}
	if t.Version < 1 {
		s.fail(w, r, triage.Errorf(triage.EINVALID, "an edit of a template needs the version it was made on (If-Match, or \"version\" in the body)"))
		return
	}
	t.ID = id
	got, err := s.queue.SaveTemplate(r.Context(), t, userOf(r).Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.notifyTemplates()
	w.Header().Set("ETag", etag(got.Version))
	writeJSON(w, http.StatusOK, "application/json", got)
}

// deleteTemplate deletes the version of a template named by If-Match.
func (s *Server) deleteTemplate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, ok := parseETag(r.Header.Get("If-Match"))
	if !ok {
		s.fail(w, r, triage.Errorf(triage.EINVALID, "deleting a template needs If-Match with the version you saw, like If-Match: W/\"3\""))
		return
	}
	if err := s.queue.DeleteTemplate(r.Context(), id, v, userOf(r).Name); err != nil {
		s.fail(w, r, err)
		return
	}
	s.notifyTemplates()
	w.WriteHeader(http.StatusNoContent)
}

// putPractice stores the practice's details that fill the templates, and answers
// the template set as it now is.
func (s *Server) putPractice(w http.ResponseWriter, r *http.Request) {
	var p triage.Practice
	if err := decode(r, &p); err != nil {
		s.fail(w, r, err)
		return
	}
	p.Name, p.Phone, p.BookingLink = strings.TrimSpace(p.Name), strings.TrimSpace(p.Phone), strings.TrimSpace(p.BookingLink)
	if err := p.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.queue.SetSetting(r.Context(), keyPractice, p, userOf(r).Name); err != nil {
		s.fail(w, r, err)
		return
	}
	s.notifyTemplates()
	s.getTemplates(w, r)
}

func (s *Server) templatesChanged() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tplChanged
}

// notifyTemplates ends every waiting feed request, so each desk's syncer reads the
// templates again now rather than after its long poll.
func (s *Server) notifyTemplates() {
	s.mu.Lock()
	close(s.tplChanged)
	s.tplChanged = make(chan struct{})
	s.mu.Unlock()
}
