// Package docs carries the files of the documentation that corecoach also
// ships inside its binary, so that they work wherever it is installed.
package docs

import (
	"bytes"
	_ "embed"
)

//go:embed routine.schema.json
var routineSchema []byte

// RoutineSchema is the JSON Schema of routine files (routine.schema.json
// beside this file), which `corecoach routine schema` prints for editors.
func RoutineSchema() []byte { return bytes.Clone(routineSchema) }
