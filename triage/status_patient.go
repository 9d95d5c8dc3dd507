package triage

// PatientLabel is the status as the patient reads it on their own pages and app,
// which never show the desk's own words ("Assigned", "In progress"): a request is with
// the practice until the practice waits for the patient or closes it. answered says
// whether the practice answered it (a reply, a message or a signpost), so a closed
// request reads "Answered" and one closed without an answer (withdrawn, a duplicate)
// "Closed".
func (s Status) PatientLabel(answered bool) string {
	switch s {
	case StatusAwaitingPatient:
		return "Waiting for your reply"
	case StatusClosed:
		if answered {
			return "Answered"
		}
		return "Closed"
	}
	return "With the practice"
}
