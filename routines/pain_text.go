package routines

// PainWord names a score's band: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe.
func PainWord(n int) string {
	switch {
	case n <= 0:
		return "none"
	case n <= 3:
		return "mild"
	case n <= 6:
		return "moderate"
	}
	return "severe"
}

// PainZone is how a score stands in the pain-monitoring model: safe (up to
// SafePain), acceptable (up to the routine's limit), or over the limit
// (PainOver).
type PainZone int

const (
	ZoneSafe PainZone = iota
	ZoneAcceptable
	ZoneOver
)

// ZoneOf is the zone of score when following a routine with this limit.
func ZoneOf(score, limit int) PainZone {
	switch {
	case PainOver(score, limit):
		return ZoneOver
	case score > SafePain:
		return ZoneAcceptable
	}
	return ZoneSafe
}
