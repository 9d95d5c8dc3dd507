//go:build !linux

package triage_test

import "time"

// threadCPU is not measured off Linux; the benchmarks report wall-clock figures only.
func threadCPU() (time.Duration, bool) { return 0, false }
