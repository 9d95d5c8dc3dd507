//go:build linux

package triage_test

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time the calling OS thread has used. On a shared machine a
// benchmark's wall-clock figure counts the time other processes held the core; the
// thread's own CPU time does not, so it says what a request costs.
func threadCPU() (time.Duration, bool) {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
