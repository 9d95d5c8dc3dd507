package triage

import (
	"strings"
	"testing"
	"time"
)

func TestScheduleValidate(t *testing.T) {
	tests := []struct {
		name    string
		s       Schedule
		wantErr string // "" for valid
	}{
		{"core hours", CoreHours(), ""},
		{"closed every day", Schedule{}, ""},
		{"open to the end of the day", Schedule{"fri": {{"18:00", "24:00"}}}, ""},
		{"lunchtime closure in any order", Schedule{"mon": {{"13:00", "18:30"}, {"08:00", "12:00"}}}, ""},
		{"six periods", Schedule{"tue": {{"01:00", "02:00"}, {"03:00", "04:00"}, {"05:00", "06:00"}, {"07:00", "08:00"}, {"09:00", "10:00"}, {"11:00", "12:00"}}}, ""},
		{"seven periods", Schedule{"tue": {{"01:00", "02:00"}, {"03:00", "04:00"}, {"05:00", "06:00"}, {"07:00", "08:00"}, {"09:00", "10:00"}, {"11:00", "12:00"}, {"13:00", "14:00"}}}, "Tuesday has 7 opening periods; at most 6"},
		{"unknown day", Schedule{"monday": {{"08:00", "18:30"}}}, `"monday" is not a day`},
		{"hour past 24", Schedule{"mon": {{"08:00", "25:00"}}}, `Monday, period 1: "25:00" is not a time of day`},
		{"24:30", Schedule{"mon": {{"08:00", "24:30"}}}, `"24:30" is not a time of day`},
		{"minutes past 59", Schedule{"wed": {{"08:60", "18:00"}}}, `"08:60" is not a time of day`},
		{"one-digit hour", Schedule{"thu": {{"8:00", "18:30"}}}, `"8:00" is not a time like 08:00`},
		{"words", Schedule{"thu": {{"morning", "18:30"}}}, `"morning" is not a time like 08:00`},
		{"empty", Schedule{"thu": {{"", "18:30"}}}, `"" is not a time like 08:00`},
		{"ends before it starts", Schedule{"sat": {{"12:00", "09:00"}}}, "Saturday, period 1 (12:00–09:00) must end after it starts"},
		{"empty period", Schedule{"sat": {{"09:00", "09:00"}}}, "must end after it starts"},
		{"starts at 24:00", Schedule{"sun": {{"24:00", "24:00"}}}, "starts at 24:00"},
		{"overlap", Schedule{"mon": {{"08:00", "13:00"}, {"12:00", "18:30"}}}, "on Monday, 12:00–18:30 overlaps 08:00–13:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Availability{Schedule: tt.s}.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("refused a good schedule: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
			}
			if ErrorCode(err) != EINVALID {
				t.Fatalf("code %s, want %s (a 422 for the manager)", ErrorCode(err), EINVALID)
			}
		})
	}
}

func TestModeFollowsTheSchedule(t *testing.T) {
	cal := DefaultCalendar()
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, cal.Location)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	always := Schedule{}
	for _, d := range Days {
		always[d] = []Period{{"00:00", "24:00"}}
	}
	lunch := Schedule{"mon": {{"13:00", "18:30"}, {"08:00", "12:00"}}, "tue": {{"08:00", "18:30"}}}
	late := Schedule{"fri": {{"18:00", "24:00"}}, "sat": {{"00:00", "12:00"}}}
	tests := []struct {
		name        string
		a           Availability
		t           string
		want        Mode
		wantWhy     string
		wantReopens string // "" for none
	}{
		{"core hours on a Tuesday", Availability{}, "2026-11-24 10:00", ModeOpen, "", ""},
		{"core hours open at 08:00 sharp", Availability{}, "2026-11-24 08:00", ModeOpen, "", ""},
		{"core hours closed at 18:30", Availability{}, "2026-11-24 18:30", ModeClosed, "opening hours", "2026-11-25 08:00"},
		{"core hours closed on Saturday", Availability{}, "2026-11-28 10:00", ModeClosed, "opening hours", "2026-11-30 08:00"},
		{"Christmas and the next bank holiday", Availability{}, "2026-12-25 10:00", ModeClosed, "bank holiday", "2026-12-29 08:00"},
		{"a Saturday clinic", Availability{Schedule: Schedule{"sat": {{"09:00", "12:00"}}}}, "2026-11-28 10:00", ModeOpen, "", ""},
		{"a schedule without Tuesday", Availability{Schedule: Schedule{"mon": {{"08:00", "18:30"}}}}, "2026-11-24 10:00", ModeClosed, "opening hours", "2026-11-30 08:00"},
		{"lunchtime closure", Availability{Schedule: lunch}, "2026-11-23 12:30", ModeClosed, "opening hours", "2026-11-23 13:00"},
		{"after lunch", Availability{Schedule: lunch}, "2026-11-23 13:00", ModeOpen, "", ""},
		{"open to midnight", Availability{Schedule: late}, "2026-11-27 23:59", ModeOpen, "", ""},
		{"past midnight into Saturday", Availability{Schedule: late}, "2026-11-28 00:00", ModeOpen, "", ""},
		{"bank holiday closed by default", Availability{Schedule: always}, "2026-12-25 10:00", ModeClosed, "bank holiday", "2026-12-26 00:00"}, // Boxing Day falls on a Saturday; Monday 28th is the holiday,
		{"open on bank holidays", Availability{Schedule: always, OpenOnBankHolidays: true}, "2026-12-25 10:00", ModeOpen, "", ""},
		{"closed every day never reopens", Availability{Schedule: Schedule{}}, "2026-11-24 10:00", ModeClosed, "opening hours", ""},
		{"a closure reopens at the next opening", Availability{Closures: []Closure{{From: at("2026-11-24 13:00"), To: at("2026-11-24 18:30"), Reason: "staff training"}}}, "2026-11-24 14:00", ModeClosed, "staff training", "2026-11-25 08:00"},
		{"the schedule skips a closure", Availability{Closures: []Closure{{From: at("2026-11-25 00:00"), To: at("2026-11-25 12:00"), Reason: "fire alarm test"}}}, "2026-11-24 19:00", ModeClosed, "opening hours", "2026-11-25 12:00"},
		{"clocks go forward: still 08:00", Availability{}, "2026-03-27 20:00", ModeClosed, "opening hours", "2026-03-30 08:00"},
		{"a pause lasts to the period's end", Availability{Switch: ModeClinicalPaused, SwitchMessage: "Safe capacity reached"}, "2026-11-24 10:00", ModeClinicalPaused, "Safe capacity reached", "2026-11-25 08:00"},
		{"a pause ends at lunchtime", Availability{Schedule: lunch, Switch: ModeClosed}, "2026-11-23 10:00", ModeClinicalPaused, "", "2026-11-23 13:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.a.Validate(); err != nil {
				t.Fatalf("the test's availability is refused: %v", err)
			}
			mode, why, reopens := tt.a.ModeAt(at(tt.t), cal)
			if mode != tt.want || !strings.Contains(why, tt.wantWhy) {
				t.Errorf("ModeAt(%s) = %s (%q), want %s (%q)", tt.t, mode, why, tt.want, tt.wantWhy)
			}
			got := ""
			if !reopens.IsZero() {
				got = reopens.In(cal.Location).Format("2006-01-02 15:04")
			}
			if got != tt.wantReopens {
				t.Errorf("reopens %q, want %q", got, tt.wantReopens)
			}
		})
	}
}

func TestClosedForeverStillSaysWhatToDo(t *testing.T) {
	cal := DefaultCalendar()
	err := Availability{Schedule: Schedule{}}.CheckSubmit(time.Date(2026, 11, 24, 10, 0, 0, 0, cal.Location), cal, Admin, TeamAdmin)
	if ErrorCode(err) != EUNAVAILABLE || !strings.Contains(err.Error(), "when the practice opens again") || !strings.Contains(err.Error(), "111") {
		t.Fatalf("got %v, want a refusal pointing to 111 without a made-up date", err)
	}
}

func TestCoreHoursGap(t *testing.T) {
	tests := []struct {
		name string
		s    Schedule
		want string
	}{
		{"core hours", CoreHours(), ""},
		{"longer than core hours", Schedule{"mon": {{"07:00", "20:00"}}, "tue": {{"07:00", "20:00"}}, "wed": {{"07:00", "20:00"}}, "thu": {{"07:00", "20:00"}}, "fri": {{"00:00", "24:00"}}}, ""},
		{"split but covering", Schedule{"mon": {{"08:00", "12:00"}, {"12:00", "18:30"}}, "tue": {{"08:00", "18:30"}}, "wed": {{"08:00", "18:30"}}, "thu": {{"08:00", "18:30"}}, "fri": {{"08:00", "18:30"}}}, ""},
		{"lunchtime closure", Schedule{"mon": {{"13:00", "18:30"}, {"08:00", "12:00"}}}, "Monday 12:00–13:00"},
		{"late start", Schedule{"mon": {{"09:00", "18:30"}}}, "Monday 08:00–09:00"},
		{"early finish", Schedule{"mon": {{"08:00", "18:00"}}}, "Monday 18:00–18:30"},
		{"no Friday", Schedule{"mon": {{"08:00", "18:30"}}, "tue": {{"08:00", "18:30"}}, "wed": {{"08:00", "18:30"}}, "thu": {{"08:00", "18:30"}}}, "Friday 08:00–18:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.CoreHoursGap(); got != tt.want {
				t.Errorf("CoreHoursGap() = %q, want %q", got, tt.want)
			}
		})
	}
}
