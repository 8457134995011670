package main

import (
	"corecoach/docs"

	"github.com/spf13/cobra"
)

func newRoutineSchemaCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of routine files, for editors",
		Long: "Print the JSON Schema of routine files. Editors that use the YAML language server " +
			"(Visual Studio Code with the Red Hat YAML extension, and others) check a routine as you " +
			"type, complete keys and exercise ids, and explain each key, when the routine's first " +
			"line names the schema:\n\n" +
			"# yaml-language-server: $schema=routine.schema.json\n\n" +
			"The template from corecoach routine new starts with that line. Save the schema once " +
			"in the folder where you keep your routines, as the example shows.",
		Example: "  corecoach routine schema > routine.schema.json",
		Args:    noArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			_, err := a.stdout.Write(docs.RoutineSchema())
			return err
		},
	}
}
