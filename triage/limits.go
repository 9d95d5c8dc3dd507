package triage

import "time"

// OveruseWindow is the period over which requests are counted for overuse.
const OveruseWindow = 30 * 24 * time.Hour

// Limits are the practice's settings that protect its capacity: how many live
// requests one patient may have, how many one patient may send in a day, and how many
// in OveruseWindow make a manager look at the patient's use of the service.
type Limits struct {
	MaxLive          int `json:"maxLive"`          // live (not closed) requests per patient; dependants count separately
	MaxPerDay        int `json:"maxPerDay"`        // submissions per patient per calendar day; 0 means no daily limit
	OveruseThreshold int `json:"overuseThreshold"` // more than this many in 30 days is overuse
}

// DefaultLimits are the settings a new practice starts with.
func DefaultLimits() Limits {
	return Limits{MaxLive: 3, MaxPerDay: 0, OveruseThreshold: 8}
}

// Validate checks a manager's change to the limits.
func (l Limits) Validate() error {
	if l.MaxLive < 1 || l.MaxLive > 50 {
		return Errorf(EINVALID, "the live-request limit must be between 1 and 50, not %d", l.MaxLive)
	}
	if l.MaxPerDay < 0 || l.MaxPerDay > 50 {
		return Errorf(EINVALID, "the daily limit must be between 0 (no limit) and 50, not %d", l.MaxPerDay)
	}
	if l.OveruseThreshold < 1 {
		return Errorf(EINVALID, "the overuse threshold must be at least 1, not %d", l.OveruseThreshold)
	}
	return nil
}

// CheckSubmit decides whether a patient with live requests open and today sent today
// may send another. The refusal tells the patient how many are live and where to go
// if it is urgent; it names nothing a patient cannot do (they cannot add to or reply
// to an open request online).
func (l Limits) CheckSubmit(live, today int) error {
	if l.MaxLive > 0 && live >= l.MaxLive {
		return Errorf(ELIMIT, "this patient already has %d requests open and the practice allows %d at a time: the next can be sent once one is answered and closed. If it is urgent call 111, or 999 in an emergency", live, l.MaxLive).
			ForPatient("You already have %d requests open with the practice, which is the most it takes at a time. You can send another once the practice has answered one. If it is urgent call NHS 111, or 999 in an emergency.", live)
	}
	if l.MaxPerDay > 0 && today >= l.MaxPerDay {
		return Errorf(ELIMIT, "this patient has sent %d requests today and the practice allows %d a day: the next can be sent tomorrow. If it is urgent call 111, or 999 in an emergency", today, l.MaxPerDay).
			ForPatient("You have sent %d requests today, which is the most the practice takes in a day. Please send this one tomorrow. If it is urgent call NHS 111, or 999 in an emergency.", today)
	}
	return nil
}

// Overuse reports whether sent requests in OveruseWindow is over the threshold.
func (l Limits) Overuse(sent int) bool {
	return l.OveruseThreshold > 0 && sent > l.OveruseThreshold
}
