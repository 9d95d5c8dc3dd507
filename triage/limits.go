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
// may send another. The refusal tells the patient how many are live, so they can
// reply to those instead, and where to go if it is urgent.
func (l Limits) CheckSubmit(live, today int) error {
	if l.MaxLive > 0 && live >= l.MaxLive {
		return Errorf(ELIMIT, "this patient already has %d requests open and the practice allows %d at a time: please reply to an open request or wait for one to be answered. If it is urgent call 111, or 999 in an emergency", live, l.MaxLive)
	}
	if l.MaxPerDay > 0 && today >= l.MaxPerDay {
		return Errorf(ELIMIT, "this patient has sent %d requests today and the practice allows %d a day: please try again tomorrow. If it is urgent call 111, or 999 in an emergency", today, l.MaxPerDay)
	}
	return nil
}

// Overuse reports whether sent requests in OveruseWindow is over the threshold.
func (l Limits) Overuse(sent int) bool {
	return l.OveruseThreshold > 0 && sent > l.OveruseThreshold
}
