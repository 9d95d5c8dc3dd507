package server_test

import (
	"strings"
	"testing"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// alwaysOpen is a schedule open every hour of every day.
func alwaysOpen() triage.Schedule {
	s := triage.Schedule{}
	for _, d := range triage.Days {
		s[d] = []triage.Period{{From: "00:00", To: "24:00"}}
	}
	return s
}

// TestSubmissionsObeyTheSchedule runs on the real clock: the schedule, not a moved
// clock, decides whether the service is open, so it passes at any hour.
func TestSubmissionsObeyTheSchedule(t *testing.T) {
	e := newEnv(t)
	e.srv.SetClock(time.Now)
	tok, _ := e.account("ruth@example.com", "999 000 0018", "Ruth", "Okafor", "1988-04-02")
	admin := map[string]any{"kind": "admin", "text": "fit note please"}
	tests := []struct {
		name    string
		avail   map[string]any
		status  int
		message string
	}{
		{"open every hour, bank holidays too", map[string]any{"schedule": alwaysOpen(), "openOnBankHolidays": true}, 201, ""},
		{"closed every day", map[string]any{"schedule": map[string]any{}}, 503, "when the practice opens again"},
		{"a weekday left out is closed", map[string]any{"schedule": map[string]any{"xmas": []any{}}}, 422, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, m := e.call("PUT", "/api/v1/settings/availability", e.manager, tt.avail)
			if tt.status == 422 {
				if code != 422 {
					t.Fatalf("a bad schedule was stored: %d %v", code, m)
				}
				return
			}
			if code != 200 {
				t.Fatalf("set availability: %d %v", code, m)
			}
			code, m = e.call("POST", "/api/v1/requests", tok, admin)
			if code != tt.status || !strings.Contains(message(m), tt.message) {
				t.Fatalf("%d %q, want %d saying %q", code, message(m), tt.status, tt.message)
			}
		})
	}
}

func TestScheduleSettingIsCheckedAndKept(t *testing.T) {
	e := newEnv(t)
	reviewer := e.user("amy", store.RoleReviewer)
	lunch := map[string]any{"mon": []map[string]string{{"from": "08:00", "to": "12:30"}, {"from": "13:30", "to": "18:30"}}, "tue": []map[string]string{{"from": "08:00", "to": "24:00"}}}
	tests := []struct {
		name    string
		token   string
		body    any
		status  int
		message string
	}{
		{"a lunchtime closure and a late Tuesday", e.manager, map[string]any{"schedule": lunch}, 200, ""},
		{"an unknown day", e.manager, map[string]any{"schedule": map[string]any{"funday": []any{}}}, 422, `"funday" is not a day`},
		{"a time past midnight", e.manager, map[string]any{"schedule": map[string]any{"wed": []map[string]string{{"from": "08:00", "to": "24:01"}}}}, 422, "Wednesday, period 1"},
		{"ends before it starts", e.manager, map[string]any{"schedule": map[string]any{"thu": []map[string]string{{"from": "18:30", "to": "08:00"}}}}, 422, "must end after it starts"},
		{"overlapping periods", e.manager, map[string]any{"schedule": map[string]any{"fri": []map[string]string{{"from": "08:00", "to": "13:00"}, {"from": "12:00", "to": "18:30"}}}}, 422, "overlaps"},
		{"seven periods", e.manager, map[string]any{"schedule": map[string]any{"sat": []map[string]string{{"from": "01:00", "to": "02:00"}, {"from": "03:00", "to": "04:00"}, {"from": "05:00", "to": "06:00"}, {"from": "07:00", "to": "08:00"}, {"from": "09:00", "to": "10:00"}, {"from": "11:00", "to": "12:00"}, {"from": "13:00", "to": "14:00"}}}}, 422, "at most 6"},
		{"a period with a typo", e.manager, `{"schedule": {"mon": [{"from": "08:00", "till": "18:30"}]}}`, 422, "till"},
		{"a reviewer may not", reviewer, map[string]any{"schedule": lunch}, 403, "only a practice manager"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, m := e.call("PUT", "/api/v1/settings/availability", tt.token, tt.body)
			if code != tt.status || !strings.Contains(message(m), tt.message) {
				t.Fatalf("%d %q, want %d saying %q", code, message(m), tt.status, tt.message)
			}
		})
	}
	// Only the good schedule was kept, and it reads back as it was sent.
	code, m := e.call("GET", "/api/v1/settings", reviewer, nil)
	if code != 200 {
		t.Fatalf("read settings: %d %v", code, m)
	}
	sched := m["availability"].(map[string]any)["schedule"].(map[string]any)
	mon := sched["mon"].([]any)
	if len(sched) != 2 || len(mon) != 2 || mon[1].(map[string]any)["from"] != "13:30" || sched["tue"].([]any)[0].(map[string]any)["to"] != "24:00" {
		t.Fatalf("schedule read back as %v", sched)
	}
}

func TestDefaultScheduleIsCoreHours(t *testing.T) {
	e := newEnv(t)
	code, m := e.call("GET", "/api/v1/settings", e.manager, nil)
	if code != 200 {
		t.Fatalf("read settings: %d %v", code, m)
	}
	sched, _ := m["availability"].(map[string]any)["schedule"].(map[string]any)
	if len(sched) != 5 || sched["sat"] != nil {
		t.Fatalf("a practice that never set a schedule has %v, want Monday to Friday", sched)
	}
	mon := sched["mon"].([]any)[0].(map[string]any)
	if mon["from"] != "08:00" || mon["to"] != "18:30" {
		t.Fatalf("Monday is %v, want 08:00–18:30", mon)
	}
}
