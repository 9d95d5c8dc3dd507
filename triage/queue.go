package triage

import "time"

// QueueItem is one row of a queue: a request with the patient it is for, so a list
// can show name, age and sex without a second look-up.
type QueueItem struct {
	Request
	Patient Patient `json:"patient"`
	// PhotoCount is how many photos the patient sent with the request. List rows
	// carry it without the photos' details (Request.Photos), which only an opened
	// request reads.
	PhotoCount int `json:"photoCount,omitempty"`
}

// Filter narrows a queue. Empty fields do not filter.
type Filter struct {
	SiteID    string   // one surgery building
	GPTeamID  string   // one GP continuity team
	Priority  Priority // one priority
	Kind      Kind     // clinical or admin
	Team      Team     // a team's queue
	ClaimedBy string   // "mine": requests claimed by this member of staff
	Text      string   // words that must all appear in what the patient wrote
	Limit     int      // at most this many rows; 0 means the store's default
	Offset    int      // skip this many rows, for paging as the user scrolls
}

// SearchHit is one request found by a full-text search, with a snippet of what the
// patient wrote and where the matching words are in it.
type SearchHit struct {
	QueueItem
	Snippet    string  // an extract of the text around the matches
	Highlights []Span  // the matching words, as byte ranges of Snippet
	Score      float64 // higher is a better match
}

// TeamPriorityCount is the number of open requests of one team and priority; Team is
// empty for requests not yet assigned (the triage inbox).
type TeamPriorityCount struct {
	Team     Team
	Priority Priority
	Count    int
}

// DayCount is what happened on one day: requests received and closed, and the median
// time from receipt to the practice's first response for requests received that day.
type DayCount struct {
	Day                 time.Time // midnight, practice time
	Received            int
	Closed              int
	MedianFirstResponse time.Duration // 0 when none was answered
	// Settled is the requests received that day whose promise is settled: answered
	// (a first response or a close) or past their due time unanswered. Those still
	// open and not yet due count for neither side.
	Settled int
	// OnTime is the settled requests answered by their due time, the practice's
	// promise to the patient.
	OnTime int
}

// OnTimeShare is the share of settled requests answered within the promise, from 0
// to 1, and false when none is settled.
func (d DayCount) OnTimeShare() (float64, bool) {
	if d.Settled == 0 {
		return 0, false
	}
	return float64(d.OnTime) / float64(d.Settled), true
}

// PromiseTarget is the share of requests the practice aims to answer within their
// due time; the manager's chart draws it as the target line.
const PromiseTarget = 0.95

// PatientUse is how many requests a patient sent in a period, for the overuse list.
type PatientUse struct {
	Patient Patient
	Sent    int
	Live    int
}

// AuditEntry is one line of the audit trail: who did what to which record, when, and
// from which desk. Detail never holds what the patient wrote.
type AuditEntry struct {
	ID        int64
	At        time.Time
	Actor     string // a member of staff's name, "account 12" for a patient's account
	Action    string // "view", "assign", "sync", …
	RequestID int64  // the request it is about, 0 for none or many
	PatientID int64  // the patient it is about, 0 for none or many
	Desk      string // the desk it came from, as the desk names itself; "" for none
	// Records names every record a read handed out, as "requests 1-5,9; patients 3",
	// so the trail says who saw which patient's data, not just how much.
	Records string
	Detail  string
}
