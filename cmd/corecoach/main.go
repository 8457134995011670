// Command corecoach is a terminal home-exercise coach for core work and back
// care: guided timed routines, pain checks, history, streaks and reports.
package main

import (
	"os"
	_ "time/tzdata" // zones resolve the same on every machine, for session days
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
