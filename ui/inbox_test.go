package ui

import (
	"testing"
	"time"
)

func TestDueIn(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		due  time.Duration
		want string
	}{
		{10 * time.Second, "due now"},
		{14 * time.Minute, "in 14 min"},
		{3*time.Hour + 5*time.Minute, "in 3 h 05"},
		{-20 * time.Minute, "overdue 20 min"},
		{-50 * time.Hour, "overdue 2 d 2 h"},
		{-200 * time.Hour, "overdue 8 days"},
	}
	for _, tt := range tests {
		if got := DueIn(now.Add(tt.due), now); got != tt.want {
			t.Errorf("DueIn(%v) = %q, want %q", tt.due, got, tt.want)
		}
	}
}
