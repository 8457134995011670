package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// footerHelp is the help footer fitted to w columns. The short line keeps
// `?` and the ways out (esc, q) and drops the other bindings, enter last,
// until it fits; the full help, when its columns are wider than the window,
// becomes lines of bindings, so that none is cut off.
func footerHelp(hm help.Model, km help.KeyMap, w int) string {
	hm.SetWidth(0) // measured here, not truncated
	if hm.ShowAll {
		if v := hm.FullHelpView(km.FullHelp()); lipgloss.Width(v) <= w {
			return v
		}
		var all []key.Binding
		for _, g := range km.FullHelp() {
			all = append(all, g...)
		}
		return wrapBindings(hm, all, w)
	}
	bs := slices.DeleteFunc(slices.Clone(km.ShortHelp()), func(b key.Binding) bool { return !b.Enabled() })
	for lipgloss.Width(hm.ShortHelpView(bs)) > w {
		i := lastDroppable(bs)
		if i < 0 {
			break
		}
		bs = slices.Delete(bs, i, i+1)
	}
	if lipgloss.Width(hm.ShortHelpView(bs)) > w {
		bs = firstWords(bs)
	}
	hm.SetWidth(w)
	return hm.ShortHelpView(bs)
}

// Ranks of bindings in the short footer: help and the ways out (esc, q)
// are never dropped, enter (what the screen is for) only after the rest.
const (
	rankOther = iota
	rankEnter
	rankKept
)

func rank(b key.Binding) int {
	switch {
	case slices.ContainsFunc(b.Keys(), func(k string) bool { return k == "?" || k == "esc" || k == "q" }):
		return rankKept
	case slices.Contains(b.Keys(), "enter"):
		return rankEnter
	}
	return rankOther
}

// lastDroppable is the binding the short footer drops next: the last of
// the lowest rank, or -1 when only help and the ways out are left.
func lastDroppable(bs []key.Binding) int {
	for r := range rankKept {
		for i, b := range slices.Backward(bs) {
			if rank(b) == r {
				return i
			}
		}
	}
	return -1
}

// firstWords shortens each binding's description to its first word, the
// last resort in a narrow window: "esc change score" becomes "esc change".
func firstWords(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		h := b.Help()
		word, _, _ := strings.Cut(h.Desc, " ")
		out[i] = with(b, h.Key, strings.TrimRight(word, ",.:"))
	}
	return out
}

// wrapBindings lays the enabled bindings out as short-help lines of at most
// w columns.
func wrapBindings(hm help.Model, bs []key.Binding, w int) string {
	var lines []string
	var line []key.Binding
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		if len(line) > 0 && lipgloss.Width(hm.ShortHelpView(append(slices.Clone(line), b))) > w {
			lines = append(lines, hm.ShortHelpView(line))
			line = nil
		}
		line = append(line, b)
	}
	if len(line) > 0 {
		lines = append(lines, hm.ShortHelpView(line))
	}
	return strings.Join(lines, "\n")
}
