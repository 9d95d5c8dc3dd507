package main

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"
)

// TestAlarmSound: the alarm is about a second long, loud enough to hear, never
// clipped, and starts and ends in silence so it does not click.
func TestAlarmSound(t *testing.T) {
	n := len(alarmSound) / 2
	if secs := float64(n) / alarmRate; secs < 0.5 || secs > 2 {
		t.Fatalf("the alarm lasts %.2f s", secs)
	}
	peak := 0.0
	for i := 0; i < n; i++ {
		v := float64(int16(binary.LittleEndian.Uint16(alarmSound[2*i:])))
		peak = math.Max(peak, math.Abs(v))
	}
	if peak < 0.3*math.MaxInt16 || peak >= math.MaxInt16 {
		t.Fatalf("peak %.0f of %d", peak, math.MaxInt16)
	}
	first := int16(binary.LittleEndian.Uint16(alarmSound))
	last := int16(binary.LittleEndian.Uint16(alarmSound[len(alarmSound)-2:]))
	if first != 0 || last != 0 {
		t.Fatalf("starts at %d and ends at %d, want silence", first, last)
	}
}

// TestNoNotificationServiceIsAnError: on a machine with no D-Bus the notifier says
// so, which is what makes the banner sound its alarm.
func TestNoNotificationServiceIsAnError(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/triagedesk-test-bus")
	err := notificationsAvailable()
	if err == nil || !strings.Contains(err.Error(), "D-Bus") {
		t.Fatalf("with no session bus: %v", err)
	}
}
