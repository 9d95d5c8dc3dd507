package server

import (
	"fmt"
	"net/http"
	"strconv"

	"triagedesk/fhir"
	"triagedesk/store"
	"triagedesk/triage"
)

// photo serves photo n of a request to staff: GET /api/v1/requests/{id}/photos/{n}, or
// its FHIR form, the Task's $photo operation (GET /fhir/Task/{id}/$photo?n={n}).
// A photo is part of the clinical record, so its read is audited as a view of that
// request's photo (who, from which desk) before any byte is sent, it is never kept
// in a cache between the queue and the desk, and the browser is told not to guess its
// type: only the JPEG or PNG the patient pages re-encoded is ever stored.
func (s *Server) photo(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	which := r.PathValue("n")
	if which == "" {
		which = r.URL.Query().Get("n") // the $photo operation's parameter
	}
	n, err := strconv.Atoi(which)
	if err != nil || n < 1 || n > triage.MaxPhotos {
		// In the path it names a resource that does not exist; as the $photo
		// operation's parameter it is invalid input (422 with its OperationOutcome).
		code := triage.ENOTFOUND
		if r.PathValue("n") == "" {
			code = triage.EINVALID
		}
		s.fail(w, r, triage.Errorf(code, "%q is not a photo: a request has photos 1 to %d", which, triage.MaxPhotos))
		return
	}
	p, patientID, err := s.queue.Photo(r.Context(), id, n)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.audited(w, r, triage.AuditEntry{Action: "view-photo", RequestID: id, PatientID: patientID,
		Records: store.RecordList([]int64{id}, nil), Detail: fmt.Sprintf("photo %d", n)}) {
		return
	}
	h := w.Header()
	h.Set("Content-Type", p.ContentType)
	h.Set("Content-Length", strconv.Itoa(len(p.Data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", fmt.Sprintf(`inline; filename="request-%d-photo-%d%s"`, id, n, photoExt(p.ContentType)))
	w.WriteHeader(http.StatusOK)
	w.Write(p.Data)
}

func photoExt(contentType string) string {
	if contentType == "image/png" {
		return ".png"
	}
	return ".jpg"
}

// task is a request as a FHIR Task for this client, its photos' addresses absolute on
// the address the client used.
func (s *Server) task(r *http.Request, req *triage.Request) fhir.Task {
	return fhir.TaskFrom(req).WithAbsolute(s.baseURL(r))
}
