package server

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"time"

	"triagedesk/triage"
)

// Statistics is what GET /api/v1/statistics returns to a practice manager: the work
// open now, what is running late, the flow of the last days and who is over the
// overuse threshold. The desks draw the same figures from their caches; this is for
// managers' own reports and for a practice without a desk to hand.
type Statistics struct {
	At               time.Time      `json:"at"`
	Days             int            `json:"days"`
	Open             []OpenCount    `json:"open"`
	OpenTotal        int            `json:"openTotal"`
	Breaches         int            `json:"breaches"`
	Received         int            `json:"received"`
	Closed           int            `json:"closed"`
	MedianFirstReply float64        `json:"medianFirstResponseHours"` // over the days' medians that had a reply
	PerDay           []DayFigures   `json:"perDay"`
	OveruseThreshold int            `json:"overuseThreshold"`
	Overuse          []OveruseEntry `json:"overuse"`
	Limits           triage.Limits  `json:"limits"`
}

// OpenCount is the live requests of one team at one priority; team "" is the triage
// inbox (not yet assigned).
type OpenCount struct {
	Team     string `json:"team"`
	Priority string `json:"priority"`
	Count    int    `json:"count"`
}

// DayFigures is one day's flow in practice time.
type DayFigures struct {
	Day                      string  `json:"day"` // 2026-11-24
	Received                 int     `json:"received"`
	Closed                   int     `json:"closed"`
	MedianFirstResponseHours float64 `json:"medianFirstResponseHours"` // 0: no reply that day
}

// OveruseEntry is a patient over the overuse threshold in the period.
type OveruseEntry struct {
	PatientID int64  `json:"patientId"`
	Name      string `json:"name"`
	NHSNumber string `json:"nhsNumber"`
	Sent      int    `json:"sent"`
	Live      int    `json:"live"`
}

func (s *Server) statistics(w http.ResponseWriter, r *http.Request) {
	days := 30
	if v := r.URL.Query().Get("days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 366 {
			s.fail(w, r, triage.Errorf(triage.EINVALID, "days must be a whole number from 1 to 366, not %q", v))
			return
		}
		days = n
	}
	ctx := r.Context()
	now := s.now()
	limits, err := s.Limits(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st := Statistics{At: now, Days: days, OveruseThreshold: limits.OveruseThreshold, Limits: limits,
		Open: []OpenCount{}, PerDay: []DayFigures{}, Overuse: []OveruseEntry{}}
	open, err := s.queue.OpenByTeamPriority(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range open {
		st.Open = append(st.Open, OpenCount{Team: string(c.Team), Priority: string(c.Priority), Count: c.Count})
		st.OpenTotal += c.Count
	}
	if st.Breaches, err = s.queue.CountBreaches(ctx, now, triage.Filter{}); err != nil {
		s.fail(w, r, err)
		return
	}
	perDay, err := s.queue.PerDay(ctx, now.AddDate(0, 0, 1-days), now, s.cal.Location)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var medians []float64
	for _, d := range perDay {
		h := d.MedianFirstResponse.Hours()
		st.PerDay = append(st.PerDay, DayFigures{Day: d.Day.Format(time.DateOnly), Received: d.Received, Closed: d.Closed, MedianFirstResponseHours: h})
		st.Received += d.Received
		st.Closed += d.Closed
		if d.MedianFirstResponse > 0 {
			medians = append(medians, h)
		}
	}
	if len(medians) > 0 {
		sort.Float64s(medians)
		st.MedianFirstReply = medians[len(medians)/2]
	}
	over, err := s.queue.Overuse(ctx, now.AddDate(0, 0, -30), limits.OveruseThreshold)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, u := range over {
		st.Overuse = append(st.Overuse, OveruseEntry{PatientID: u.Patient.ID, Name: u.Patient.Name(), NHSNumber: u.Patient.NHSNumber.String(), Sent: u.Sent, Live: u.Live})
	}
	// The overuse list names patients, so reading it is recorded like any other read.
	if !s.audited(w, r, triage.AuditEntry{Action: "statistics", Detail: fmt.Sprintf("%d days; %d patients over the overuse threshold", days, len(st.Overuse))}) {
		return
	}
	writeJSON(w, http.StatusOK, "application/json", st)
}
