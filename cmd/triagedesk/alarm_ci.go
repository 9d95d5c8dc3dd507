//go:build ci

package main

import "errors"

// playAlarm has no sound device to use in the headless build that tests run (no ALSA
// headers on a CI machine); the alarm falls back to the terminal's bell.
func playAlarm() error { return errors.New("the headless build has no sound") }
