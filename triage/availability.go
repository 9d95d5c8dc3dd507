package triage

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Mode is whether the online service takes requests.
type Mode string

// The modes of the online service.
const (
	ModeOpen           Mode = "open"            // every request accepted
	ModeClinicalPaused Mode = "clinical-paused" // admin and medication requests only: safe clinical capacity is full
	ModeClosed         Mode = "closed"          // nothing accepted; patients are pointed to 111 and 999
)

// Closure is a dated time the service is closed: a training afternoon, a closure for
// an emergency in the building.
type Closure struct {
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
	Reason string    `json:"reason"`
}

// Availability is the manager's control of the online service: the weekly opening
// schedule, whether it opens on bank holidays, a switch that overrides the schedule
// until a time, and dated closures.
type Availability struct {
	// Schedule is when the service is open each week; nil is core hours (Monday to
	// Friday 08:00–18:30), an empty schedule is closed every day.
	Schedule           Schedule  `json:"schedule"`
	OpenOnBankHolidays bool      `json:"openOnBankHolidays,omitempty"`
	Switch             Mode      `json:"switch,omitempty"` // "" follows the schedule
	SwitchMessage      string    `json:"switchMessage,omitempty"`
	SwitchUntil        time.Time `json:"switchUntil,omitzero"` // zero: until switched back
	Closures           []Closure `json:"closures,omitempty"`
}

// Validate checks a manager's change and says what is wrong in words a manager can
// act on.
func (a Availability) Validate() error {
	switch a.Switch {
	case "", ModeOpen, ModeClinicalPaused, ModeClosed:
	default:
		return Errorf(EINVALID, "unknown mode %q: use open, clinical-paused or closed", a.Switch)
	}
	if a.Schedule != nil {
		if err := a.Schedule.Validate(); err != nil {
			return err
		}
	}
	for i, c := range a.Closures {
		if c.From.IsZero() || c.To.IsZero() {
			return Errorf(EINVALID, "closure %d (%q) needs both a start and an end", i+1, c.Reason)
		}
		if !c.To.After(c.From) {
			return Errorf(EINVALID, "closure %d (%q) ends before it starts", i+1, c.Reason)
		}
	}
	return nil
}

// Weekly returns the schedule in force: the manager's, or core hours when none is set.
func (a Availability) Weekly() Schedule {
	if a.Schedule == nil {
		return CoreHours()
	}
	return a.Schedule
}

// dayOpen reports whether the service opens at all on the day that holds t: the
// weekday has periods, and it is not a bank holiday unless the practice opens on them.
func (a Availability) dayOpen(t time.Time, cal *Calendar) bool {
	if cal.IsHoliday(t) && !a.OpenOnBankHolidays {
		return false
	}
	return len(a.Weekly()[DayKey(t.In(cal.Location).Weekday())]) > 0
}

// scheduled returns the opening period of the schedule that holds t, if any, ignoring
// closures and the switch.
func (a Availability) scheduled(t time.Time, cal *Calendar) (from, to time.Time, ok bool) {
	if !a.dayOpen(t, cal) {
		return time.Time{}, time.Time{}, false
	}
	local := t.In(cal.Location)
	y, m, d := local.Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, cal.Location)
	for _, p := range a.Weekly()[DayKey(local.Weekday())] {
		from, to := p.bounds(midnight)
		if !t.Before(from) && t.Before(to) {
			return from, to, true
		}
	}
	return time.Time{}, time.Time{}, false
}

// closureAt returns the dated closure that holds t, if any.
func (a Availability) closureAt(t time.Time) (Closure, bool) {
	for _, c := range a.Closures {
		if !t.Before(c.From) && t.Before(c.To) {
			return c, true
		}
	}
	return Closure{}, false
}

// NextOpening returns t itself when the schedule has the service open at t and no
// closure holds it, otherwise when it next opens. It is zero when the schedule opens
// on no day in the next year (a manager closed every day).
func (a Availability) NextOpening(t time.Time, cal *Calendar) time.Time {
	for i := 0; i < 1000; i++ { // each step passes a closure or a day
		if c, ok := a.closureAt(t); ok {
			t = c.To
			continue
		}
		next, ok := a.openingFrom(t, cal)
		if !ok {
			return time.Time{}
		}
		if c, closed := a.closureAt(next); closed {
			t = c.To
			continue
		}
		return next
	}
	return time.Time{}
}

// openingFrom returns the first moment at or after t inside a scheduled period,
// looking a year ahead, ignoring closures.
func (a Availability) openingFrom(t time.Time, cal *Calendar) (time.Time, bool) {
	week := a.Weekly()
	for day := 0; day < 370; day++ {
		local := t.In(cal.Location)
		y, m, d := local.Date()
		midnight := time.Date(y, m, d+day, 0, 0, 0, 0, cal.Location)
		if !a.dayOpen(midnight, cal) {
			continue
		}
		for _, p := range week.day(DayKey(midnight.Weekday())) {
			from, to := p.bounds(midnight)
			if t.Before(to) {
				if t.After(from) {
					return t, true
				}
				return from, true
			}
		}
	}
	return time.Time{}, false
}

// ModeAt returns the mode at t and, when not open, why and when the service next
// opens (zero when the schedule never opens). Outside the schedule and on bank
// holidays (unless the practice opens on them) the service is closed; since October
// 2025 a practice may pause clinical requests in core hours but not admin and
// medication ones, so a manager's "closed" in opening hours is honoured as a pause
// unless it is a dated closure.
func (a Availability) ModeAt(t time.Time, cal *Calendar) (mode Mode, why string, reopens time.Time) {
	if c, ok := a.closureAt(t); ok {
		return ModeClosed, c.Reason, a.NextOpening(c.To, cal)
	}
	_, periodEnd, open := a.scheduled(t, cal)
	if !open {
		why := "outside the practice's opening hours"
		if cal.IsHoliday(t) && !a.OpenOnBankHolidays {
			why = "a bank holiday"
		}
		return ModeClosed, why, a.NextOpening(t, cal)
	}
	if a.Switch != "" && a.Switch != ModeOpen && (a.SwitchUntil.IsZero() || t.Before(a.SwitchUntil)) {
		until := a.SwitchUntil
		if until.IsZero() {
			until = a.NextOpening(periodEnd, cal)
		}
		return ModeClinicalPaused, a.SwitchMessage, until
	}
	return ModeOpen, "", time.Time{}
}

// CheckSubmit decides whether a request of the given kind, suggested for team, may be
// sent at t. A refusal points the patient to 111, and 999 in an emergency, and says
// when the service reopens.
func (a Availability) CheckSubmit(t time.Time, cal *Calendar, kind Kind, team Team) error {
	mode, why, reopens := a.ModeAt(t, cal)
	when := "when the practice opens again"
	if !reopens.IsZero() {
		when = reopens.In(cal.Location).Format("Monday 2 January at 15:04")
	}
	switch mode {
	case ModeClosed:
		return Errorf(EUNAVAILABLE, "Online requests are closed (%s). They reopen %s. If you need help now call NHS 111, or 999 in an emergency.", why, when).RetryFrom(reopens)
	case ModeClinicalPaused:
		if kind == Admin || team == TeamMedicines || team == TeamAdmin {
			return nil
		}
		msg := "The practice has no more safe capacity for new clinical requests today"
		if why != "" {
			msg = why
		}
		return Errorf(EUNAVAILABLE, "%s. Admin and medication requests are still open. Clinical requests reopen %s. If you need help now call NHS 111, or 999 in an emergency.", msg, when).RetryFrom(reopens)
	}
	return nil
}

// String describes the mode for a manager's screen.
func (m Mode) String() string {
	switch m {
	case ModeOpen:
		return "Open"
	case ModeClinicalPaused:
		return "Clinical requests paused"
	case ModeClosed:
		return "Closed"
	}
	return fmt.Sprintf("Unknown (%s)", string(m))
}

// MaxPeriods is the most opening periods a day may have: a morning, a lunchtime
// closure, an afternoon, an extended-hours evening and room to spare.
const MaxPeriods = 6

// Days are the schedule's day keys, Monday first as a practice's week is read.
var Days = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// dayNames are the days written out, for messages and screens.
var dayNames = map[string]string{"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
	"fri": "Friday", "sat": "Saturday", "sun": "Sunday"}

// DayKey returns the schedule's key for a weekday ("mon" for time.Monday).
func DayKey(d time.Weekday) string { return Days[(int(d)+6)%7] }

// DayName returns a schedule day key written out ("Monday" for "mon").
func DayName(key string) string { return dayNames[key] }

// Period is one opening period of a day on the wall clock, from "08:00" up to (not
// including) "18:30"; "24:00" is the end of the day.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// String writes the period as a person reads it: 08:00–18:30.
func (p Period) String() string { return p.From + "–" + p.To }

// minutes returns the period as minutes after midnight.
func (p Period) minutes() (from, to int, err error) {
	if from, err = clockMinutes(p.From); err != nil {
		return 0, 0, err
	}
	if to, err = clockMinutes(p.To); err != nil {
		return 0, 0, err
	}
	return from, to, nil
}

// bounds returns the period on midnight's day. It is built from the wall clock, so on
// the days the clocks change the service still opens at 08:00.
func (p Period) bounds(midnight time.Time) (from, to time.Time) {
	f, t, err := p.minutes()
	if err != nil { // stored schedules are validated; a broken one opens never
		return midnight, midnight
	}
	y, m, d := midnight.Date()
	return time.Date(y, m, d, 0, f, 0, 0, midnight.Location()), time.Date(y, m, d, 0, t, 0, 0, midnight.Location())
}

// clockMinutes reads "HH:MM" (00:00 to 24:00) as minutes after midnight.
func clockMinutes(s string) (int, error) {
	digit := func(i int) int { return int(s[i] - '0') }
	if len(s) != 5 || s[2] != ':' || strings.Trim(s[:2]+s[3:], "0123456789") != "" {
		return 0, fmt.Errorf("%q is not a time like 08:00", s)
	}
	h, m := digit(0)*10+digit(1), digit(3)*10+digit(4)
	if m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, fmt.Errorf("%q is not a time of day from 00:00 to 24:00", s)
	}
	return h*60 + m, nil
}

// Schedule is the weekly opening of the online service: for each day key ("mon" to
// "sun") its opening periods. A day left out, or with no periods, is closed.
type Schedule map[string][]Period

// CoreHours is the default schedule: Monday to Friday 08:00–18:30, the hours the GP
// contract requires the service to be open.
func CoreHours() Schedule {
	s := Schedule{}
	for _, d := range Days[:5] {
		s[d] = []Period{{From: "08:00", To: "18:30"}}
	}
	return s
}

// Validate checks every day and period, naming the day and the period that is wrong.
func (s Schedule) Validate() error {
	for key, periods := range s {
		name, ok := dayNames[key]
		if !ok {
			return Errorf(EINVALID, "schedule: %q is not a day: use mon, tue, wed, thu, fri, sat and sun", key)
		}
		if len(periods) > MaxPeriods {
			return Errorf(EINVALID, "schedule: %s has %d opening periods; at most %d are allowed", name, len(periods), MaxPeriods)
		}
		for i, p := range periods {
			from, to, err := p.minutes()
			if err != nil {
				return Errorf(EINVALID, "schedule: %s, period %d: %v", name, i+1, err)
			}
			if from == 24*60 {
				return Errorf(EINVALID, "schedule: %s, period %d starts at 24:00, the end of the day: start it at 00:00 on the next day", name, i+1)
			}
			if to <= from {
				return Errorf(EINVALID, "schedule: %s, period %d (%s) must end after it starts", name, i+1, p)
			}
		}
		sorted := s.day(key)
		for i := 1; i < len(sorted); i++ {
			_, prevTo, _ := sorted[i-1].minutes()
			from, _, _ := sorted[i].minutes()
			if from < prevTo {
				return Errorf(EINVALID, "schedule: on %s, %s overlaps %s: make them one period or move one", name, sorted[i], sorted[i-1])
			}
		}
	}
	return nil
}

// day returns a day's periods in order of time, as a copy.
func (s Schedule) day(key string) []Period {
	ps := append([]Period(nil), s[key]...)
	sort.Slice(ps, func(i, j int) bool {
		a, _, _ := ps[i].minutes()
		b, _, _ := ps[j].minutes()
		return a < b
	})
	return ps
}

// Describe writes one day's opening for a screen: "08:00–13:00, 14:00–18:30" or
// "Closed".
func (s Schedule) Describe(key string) string {
	ps := s.day(key)
	if len(ps) == 0 {
		return "Closed"
	}
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.String()
	}
	return strings.Join(parts, ", ")
}

// CoreHoursGap names the first part of core hours (Monday to Friday 08:00–18:30) the
// schedule leaves closed, like "Wednesday 12:00–13:00", or "" when it covers them all.
// Since October 2025 the GP contract requires admin and medication requests to be
// taken throughout core hours, so the manager's screen warns of a gap.
func (s Schedule) CoreHoursGap() string {
	const open, close = 8 * 60, 18*60 + 30
	for _, key := range Days[:5] {
		at := open
		for _, p := range s.day(key) {
			from, to, err := p.minutes()
			if err != nil || to <= at {
				continue
			}
			if from > at {
				break
			}
			at = to
		}
		if at < close {
			end := close
			for _, p := range s.day(key) {
				if from, _, err := p.minutes(); err == nil && from > at && from < end {
					end = from
				}
			}
			return fmt.Sprintf("%s %02d:%02d–%02d:%02d", dayNames[key], at/60, at%60, end/60, end%60)
		}
	}
	return ""
}
