//go:build !unix

package main

import "time"

// processCPU is zero where getrusage is not available: the bench then reports no CPU.
func processCPU() time.Duration { return 0 }
