//go:build !ci

package main

import (
	"bytes"
	"fmt"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"
)

// The alarm plays through oto (github.com/ebitengine/oto/v3): Ebitengine's small,
// maintained audio output library for Linux (ALSA), Windows and macOS. One context
// is made the first time the alarm sounds and kept for the life of the desk.
var (
	otoOnce sync.Once
	otoCtx  *oto.Context
	otoErr  error
)

func playAlarm() error {
	otoOnce.Do(func() {
		var ready chan struct{}
		otoCtx, ready, otoErr = oto.NewContext(&oto.NewContextOptions{SampleRate: alarmRate, ChannelCount: 1, Format: oto.FormatSignedInt16LE})
		if otoErr == nil {
			<-ready
		}
	})
	if otoErr != nil {
		return fmt.Errorf("no sound device: %w", otoErr)
	}
	p := otoCtx.NewPlayer(bytes.NewReader(alarmSound))
	defer p.Close()
	p.Play()
	for p.IsPlaying() {
		time.Sleep(20 * time.Millisecond)
	}
	return p.Err()
}
