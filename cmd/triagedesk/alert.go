package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/godbus/dbus/v5"
)

// notifier raises desktop notifications through the app, first checking that the
// system can show them: Fyne sends them over D-Bus on Linux and BSD, and when no
// notification service is on the session bus it logs the failure and nothing is
// seen. Saying so lets the banner flash and the alarm sound instead.
func notifier(a fyne.App) func(title, body string) error {
	return func(title, body string) error {
		if err := notificationsAvailable(); err != nil {
			return err
		}
		a.SendNotification(fyne.NewNotification(title, body))
		return nil
	}
}

// notificationsAvailable reports why desktop notifications cannot be shown, or nil.
func notificationsAvailable() error {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return nil // shown by the system without D-Bus
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return fmt.Errorf("no D-Bus session bus for desktop notifications: %w", err)
	}
	var has bool
	if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.freedesktop.Notifications").Store(&has); err != nil {
		return fmt.Errorf("the D-Bus session bus cannot be asked for a notification service: %w", err)
	}
	if !has {
		return errors.New("no desktop notification service is running")
	}
	return nil
}

// alarmMu keeps two emergencies arriving together from playing over each other.
var alarmMu sync.Mutex

// alarm sounds the emergency alarm, falling back to the terminal's bell when the
// machine has no sound device.
func alarm() {
	alarmMu.Lock()
	defer alarmMu.Unlock()
	if err := playAlarm(); err != nil {
		fmt.Fprint(os.Stderr, "\a")
		fmt.Fprintln(os.Stderr, "triagedesk: the emergency alarm could not play:", err)
	}
}

// alarmRate is the sample rate of the alarm sound.
const alarmRate = 44100

// alarmSound is the alarm: two falling tones, twice, as 16-bit little-endian mono
// samples made once here rather than read from a file, so it always ships with the
// binary. Each tone fades in and out so it does not click.
var alarmSound = func() []byte {
	var out []byte
	tone := func(hz float64, secs float64) {
		n := int(secs * alarmRate)
		fade := alarmRate / 100
		for i := 0; i < n; i++ {
			amp := 0.5
			if i < fade {
				amp *= float64(i) / float64(fade)
			} else if n-i < fade {
				amp *= float64(n-i) / float64(fade)
			}
			v := int16(amp * math.MaxInt16 * math.Sin(2*math.Pi*hz*float64(i)/alarmRate))
			out = append(out, byte(v), byte(v>>8))
		}
	}
	for range 2 {
		tone(988, 0.18)
		tone(784, 0.18)
		tone(0, 0.12)
	}
	return out
}()
