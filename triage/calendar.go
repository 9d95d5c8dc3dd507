package triage

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	_ "time/tzdata" // a fresh machine or a Windows desk may have no zoneinfo; the practice's clock must not depend on it
)

// EnglandBankHolidays are the bank holidays in England and Wales that the built-in
// calendar skips, one ISO date a line. A practice updates them through its settings
// (Calendar.SetHolidays) when the government announces new ones.
const EnglandBankHolidays = `
2025-01-01
2025-04-18
2025-04-21
2025-05-05
2025-05-26
2025-08-25
2025-12-25
2025-12-26
2026-01-01
2026-04-03
2026-04-06
2026-05-04
2026-05-25
2026-08-31
2026-12-25
2026-12-28
2027-01-01
2027-03-26
2027-03-29
2027-05-03
2027-05-31
2027-08-30
2027-12-27
2027-12-28
`

// Calendar knows the practice's working hours and days off, and counts due times in
// working time from them. A Calendar is not changed after it is set up, so one can be
// shared between goroutines.
type Calendar struct {
	Location      *time.Location  // the practice's clock: Europe/London
	Open, Close   time.Duration   // working hours as offsets from midnight, 08:00–18:30 by default
	SameDayCutoff time.Duration   // same-day requests received after this are due the next working day
	Weekdays      [7]bool         // indexed by time.Weekday; Monday to Friday by default
	holidays      map[string]bool // ISO dates the practice is closed on
	holidayList   []string        // the same, in order, for display
}

// DefaultCalendar is core hours in England: Monday to Friday 08:00–18:30, Europe/London,
// skipping the built-in bank holidays.
func DefaultCalendar() *Calendar {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(fmt.Sprintf("load Europe/London from the embedded tzdata: %v", err))
	}
	c := &Calendar{
		Location:      loc,
		Open:          8 * time.Hour,
		Close:         18*time.Hour + 30*time.Minute,
		SameDayCutoff: 16 * time.Hour,
	}
	for d := time.Monday; d <= time.Friday; d++ {
		c.Weekdays[d] = true
	}
	if err := c.SetHolidays(strings.NewReader(EnglandBankHolidays)); err != nil {
		panic(fmt.Sprintf("built-in bank holidays: %v", err))
	}
	return c
}

// SetHolidays replaces the days off with the ISO dates read from r, one a line; blank
// lines and lines starting with # are skipped. A bad line is refused with its number
// and the calendar is left as it was.
func (c *Calendar) SetHolidays(r io.Reader) error {
	days := map[string]bool{}
	var list []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if _, err := time.Parse(time.DateOnly, line); err != nil {
			return Errorf(EINVALID, "holidays line %d: %q is not a date like 2026-12-25", n, line)
		}
		if !days[line] {
			list = append(list, line)
		}
		days[line] = true
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read holidays: %w", err)
	}
	c.holidays, c.holidayList = days, list
	return nil
}

// Holidays returns the days off, as ISO dates, in the order they were given.
func (c *Calendar) Holidays() []string { return append([]string(nil), c.holidayList...) }

// IsHoliday reports whether t falls on a day off in the practice's time zone.
func (c *Calendar) IsHoliday(t time.Time) bool {
	return c.holidays[t.In(c.Location).Format(time.DateOnly)]
}

// IsWorkingDay reports whether the practice works on the day that holds t.
func (c *Calendar) IsWorkingDay(t time.Time) bool {
	t = t.In(c.Location)
	return c.Weekdays[t.Weekday()] && !c.IsHoliday(t)
}

// InHours reports whether t is inside working hours on a working day.
func (c *Calendar) InHours(t time.Time) bool {
	if !c.IsWorkingDay(t) {
		return false
	}
	open, close := c.bounds(t)
	return !t.Before(open) && t.Before(close)
}

// bounds returns opening and closing time on the day that holds t. They are built from
// the wall clock, so a day when the clocks change still opens at 08:00.
func (c *Calendar) bounds(t time.Time) (open, close time.Time) {
	t = t.In(c.Location)
	y, m, d := t.Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, c.Location)
	return wallClock(midnight, c.Open), wallClock(midnight, c.Close)
}

// wallClock returns the time at the given wall-clock offset on midnight's day.
func wallClock(midnight time.Time, off time.Duration) time.Time {
	h, m, s := int(off/time.Hour), int(off%time.Hour/time.Minute), int(off%time.Minute/time.Second)
	y, mo, d := midnight.Date()
	return time.Date(y, mo, d, h, m, s, 0, midnight.Location())
}

// nextDay returns midnight of the day after the one that holds t.
func (c *Calendar) nextDay(t time.Time) time.Time {
	t = t.In(c.Location)
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, c.Location)
}

// NextOpening returns t itself when it is in working hours, otherwise when the
// practice next opens.
func (c *Calendar) NextOpening(t time.Time) time.Time {
	for i := 0; i < 3660; i++ { // ten years of days off would be a broken calendar
		if c.IsWorkingDay(t) {
			open, close := c.bounds(t)
			if t.Before(open) {
				return open
			}
			if t.Before(close) {
				return t
			}
		}
		t = c.nextDay(t)
	}
	panic("calendar has no working day in ten years")
}

// EndOfWorkingDay returns the close of the working day that holds t, or of the next
// working day when t is on a day off or after closing.
func (c *Calendar) EndOfWorkingDay(t time.Time) time.Time {
	_, close := c.bounds(c.NextOpening(t))
	return close
}

// DayLength is the length of one working day.
func (c *Calendar) DayLength() time.Duration { return c.Close - c.Open }

// AddWorkingTime returns the time when d of working time has passed after t.
func (c *Calendar) AddWorkingTime(t time.Time, d time.Duration) time.Time {
	t = c.NextOpening(t)
	for {
		_, close := c.bounds(t)
		if left := close.Sub(t); d <= left {
			return t.Add(d)
		} else {
			d -= left
		}
		t = c.NextOpening(close)
	}
}

// Due returns when a request of priority p received at t must be answered by.
// An emergency is due 15 minutes after it arrives whatever the hour: it must never wait
// for the practice to open. A same-day request is due at the end of the working day it
// arrives in, or of the next one when it arrives after the cut-off (16:00) or out of
// hours. Soon and routine are due two and three working days later.
func (c *Calendar) Due(t time.Time, p Priority) time.Time {
	switch p {
	case Emergency:
		return t.Add(15 * time.Minute)
	case SameDay:
		local := t.In(c.Location)
		y, m, d := local.Date()
		cutoff := wallClock(time.Date(y, m, d, 0, 0, 0, 0, c.Location), c.SameDayCutoff)
		if c.IsWorkingDay(t) && !t.After(cutoff) {
			_, close := c.bounds(t)
			return close
		}
		return c.EndOfWorkingDay(c.nextDay(t))
	case Soon:
		return c.AddWorkingTime(t, 2*c.DayLength())
	default:
		return c.AddWorkingTime(t, 3*c.DayLength())
	}
}
