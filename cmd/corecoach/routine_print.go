package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"corecoach/routines"

	"github.com/spf13/cobra"
)

func newRoutinePrintCmd(a *app) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "print ROUTINE",
		Short: "Print a handout of a routine for a client",
		Long: "Print a handout of a routine: the days, the therapist's notes, each exercise with its\n" +
			"dosage and cues, the total time, and the warning signs that mean stop and seek care.\n" +
			"ROUTINE is a built-in id, the id of an added routine, or a routine file.\n" +
			"Markdown by default; with -o FILE.html and no --format, HTML.",
		Example: "  corecoach routine print lower-back.yaml --format html -o handout.html",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("format") && out != "" {
				if ext := strings.ToLower(filepath.Ext(out)); ext == ".html" || ext == ".htm" {
					format = "html"
				}
			}
			if !slices.Contains(routines.HandoutFormats, format) {
				return usageErrorf("unknown format %q for --format; use md or html", format)
			}
			r, err := a.resolveRoutine(args[0])
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := routines.WriteHandout(&buf, r, format); err != nil {
				return err
			}
			if out == "" {
				_, err := a.stdout.Write(buf.Bytes())
				return err
			}
			return writeFileAtomic(out, buf.Bytes(), true)
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "handout format: md or html")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the handout to `FILE` instead of standard output")
	return cmd
}

// writeFileAtomic writes data to path so that the file is either complete
// or not there at all: a temporary file in the same folder, synced, then
// moved into place. Without overwrite an existing file is left alone and
// reported.
func writeFileAtomic(path string, data []byte, overwrite bool) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if overwrite {
		err = os.Rename(tmp.Name(), path)
	} else {
		err = placeNew(tmp.Name(), path)
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; choose another name or remove it first", path)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// placeNew moves tmp to path unless path exists. A hard link refuses an
// existing name atomically; where links are not supported, it checks first.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, serr := os.Lstat(path); serr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmp, path)
}

// unwrapPath drops the operation and temporary file name from a
// *fs.PathError, since the message already names the file the user chose.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
