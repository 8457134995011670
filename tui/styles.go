package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles are every style of the interface, in one place. Colours are the
// basic ANSI ones so they read on dark and light backgrounds; the program's
// colour profile downsamples or drops them (NO_COLOR, --no-color), and every
// state also has a word or a symbol so nothing depends on colour alone.
type Styles struct {
	Title    lipgloss.Style
	Heading  lipgloss.Style
	Faint    lipgloss.Style
	Bold     lipgloss.Style
	Selected lipgloss.Style
	Good     lipgloss.Style
	Warn     lipgloss.Style
	Bad      lipgloss.Style
	Paused   lipgloss.Style
	Digits   lipgloss.Style
	BarFull  lipgloss.Style
	BarEmpty lipgloss.Style
	Help     help.Styles
}

// DefaultStyles builds the styles.
func DefaultStyles() Styles {
	var (
		green  = lipgloss.Color("2")
		yellow = lipgloss.Color("3")
		red    = lipgloss.Color("1")
		cyan   = lipgloss.Color("6")
		grey   = lipgloss.Color("8")
	)
	return Styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(cyan),
		Heading:  lipgloss.NewStyle().Bold(true),
		Faint:    lipgloss.NewStyle().Foreground(grey),
		Bold:     lipgloss.NewStyle().Bold(true),
		Selected: lipgloss.NewStyle().Bold(true).Foreground(cyan),
		Good:     lipgloss.NewStyle().Foreground(green),
		Warn:     lipgloss.NewStyle().Foreground(yellow),
		Bad:      lipgloss.NewStyle().Foreground(red).Bold(true),
		Paused:   lipgloss.NewStyle().Bold(true).Foreground(yellow),
		Digits:   lipgloss.NewStyle().Bold(true).Foreground(cyan),
		BarFull:  lipgloss.NewStyle().Foreground(cyan),
		BarEmpty: lipgloss.NewStyle().Foreground(grey),
		Help:     help.DefaultDarkStyles(),
	}
}
