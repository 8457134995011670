// Package tui is the terminal interface, built on Bubble Tea v2: one root
// model routes between small screen models (safety, home, pain check,
// session, note, summary, progress) that share styles, keys and the store.
package tui
