package routines

import _ "embed"

//go:embed template.yaml
var templateFile []byte

// Template is a commented routine file that validates as it is, the
// starting point `corecoach routine new` hands to a therapist.
func Template() []byte {
	return append([]byte(nil), templateFile...)
}
