package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"corecoach/routines"
	"corecoach/routines/text"
	"corecoach/storage"
	"corecoach/tui"
)

// exitInterrupted is the exit code after ctrl+c (128 + SIGINT), as shells use.
const exitInterrupted = 130

// cueFPS is how often Bubble Tea's renderer wakes to flush a frame: the
// only moment anything, the first frame included, reaches the terminal. Each
// wake re-reads the whole view even when nothing changed, so it trades
// processor time against latency. Measured on the built binary: at 60 a
// running hold costs 1.2% of one core and the first frame shows in 46 ms; at
// 10, 0.4% and 130 ms; at 20, about 0.6% and 85 ms, with key presses and
// bells out within 50 ms. The engine ends each step at its deadline either way.
const cueFPS = 20

// homeRunE opens the home screen: the root command's action.
func homeRunE(a *app) func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error { return a.runUI("", false, false) }
}

func newRunCmd(a *app) *cobra.Command {
	var quiet bool
	cmd := &cobra.Command{
		Use:   "run [ROUTINE]",
		Short: "Start a session at once",
		Long: "Start a session at once: a pain check, then the routine, step by step. " +
			"ROUTINE is a built-in id, the id of an added routine, or a routine file. " +
			"Without it, the routine used last, else " + routines.DefaultRoutine + ".",
		Args: maxArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			arg := ""
			if len(args) == 1 {
				arg = args[0]
			}
			return a.runUI(arg, true, quiet)
		},
	}
	cmd.Flags().BoolVar(&quiet, "quiet", false, "start with the sound cues muted")
	return cmd
}

// runUI does every step that can fail first (the database, the routines),
// so errors print cleanly, then runs the terminal interface.
func (a *app) runUI(arg string, start, quiet bool) error {
	out, err := a.terminal()
	if err != nil {
		return err
	}
	var says []string
	st, err := a.openStoreTelling(func(msg string) { says = append(says, "The "+msg+".") })
	if err != nil {
		return err
	}
	if msg := importRecovered(st); msg != "" {
		says = append(says, msg)
	}
	notice := strings.Join(says, "\n")
	// One opening of the file for all the first frame needs. It runs the
	// page check too: a file can open and still be damaged in pages only
	// some reads touch, and a session on it would run to its end and then
	// be lost (9 ms at 10,000 sessions, storage.BenchmarkReadStart10k).
	// Damage elsewhere (a record that does not read back) is found by the
	// interface as it starts, beside its first frame: see tui.Model.Init.
	begin, err := st.ReadStart()
	if err != nil {
		return err
	}
	opts := tui.Options{Store: st, Catalog: begin.Catalog, Quiet: quiet, Zone: storage.LocalZone(),
		Notice: notice, SafetyConfirmed: begin.SafetyConfirmed}
	if start {
		if opts.Start, err = begin.Catalog.Start(arg, begin.Last.Routine.ID); err != nil {
			return err
		}
	}

	model := tui.New(opts)
	p := tea.NewProgram(model, tea.WithOutput(out), tea.WithoutSignalHandler(), tea.WithFPS(cueFPS))
	stop := forwardSignals(p)
	restore := quietPanics()
	final, runErr := p.Run()
	restore()
	stop()
	m, ok := final.(tui.Model)
	if !ok {
		// A panic in Update returns no model. The first one shares the
		// session's record, as far as it got, with every later one.
		m = model
	}
	return uiResult(m, runErr, a.stderr, recoveryWriter(st.Path(), a.now))
}

// uiResult saves what the interface left unsaved, keeps in a recovery file
// what the database would not take, says on the restored screen what
// became of the session after ctrl+c or a signal, and turns the way it
// ended into the command's result.
func uiResult(m tui.Model, runErr error, stderr io.Writer, recover func(storage.Session) (string, error)) error {
	// Bubble Tea does not wait for the last saves when it quits, and the
	// terminal may have gone away without a signal: write them now.
	saveErr := flush(m)
	if err := m.Err(); err != nil {
		saveErr = err // the flush's failure is recorded there too: said once
	}
	if s, unsaved := m.Unsaved(); unsaved {
		if file, err := recover(s); err != nil {
			saveErr = errors.Join(saveErr, err)
		} else {
			saveErr = fmt.Errorf("the session is not in the database (%s); it is kept in %s, which the next start of corecoach imports", text.OneLine(saveErr.Error()), file)
		}
	}
	switch {
	case errors.Is(runErr, tea.ErrProgramPanic):
		// Checked first: Bubble Tea wraps it in ErrProgramKilled.
		msg := "corecoach stopped on an internal error (a bug)"
		if _, saved, ok := m.Kept(); ok && saved && saveErr == nil {
			msg += "; the session so far is saved" // said only of a session that is on disk
		}
		return errors.Join(errors.New(msg), saveErr)
	case runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled):
		return errors.Join(fmt.Errorf("the terminal interface failed: %w", runErr), saveErr)
	case saveErr != nil:
		return saveErr
	case m.Interrupted() || runErr != nil:
		fmt.Fprintln(stderr, keptWords(m))
		return silentExit(exitInterrupted)
	}
	return nil
}

// keptWords says what an interrupt left in the database.
func keptWords(m tui.Model) string {
	s, saved, ok := m.Kept()
	switch {
	case !ok:
		return "Stopped; no session was under way."
	case !saved:
		return "Stopped; the session is not saved." // uiResult reports this as an error first
	case s.Status == storage.StatusPartial:
		return "Session saved as stopped early."
	}
	return "Session saved."
}

// flush is Model.Flush that survives the model's own panic: after a crash
// its state may be broken, and the error must still be printed.
func flush(m tui.Model) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("the session could not be saved after the error")
		}
	}()
	return m.Flush()
}

// quietPanics keeps Bubble Tea's panic report, a stack trace, off the
// screen while the interface runs: uiResult says what happened in one
// sentence instead. Bubble Tea writes it to os.Stderr, so that is swapped
// for the null device until restore is called; TEA_DEBUG=1 still has Bubble
// Tea write the trace to a log file.
func quietPanics() (restore func()) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return func() {}
	}
	stderr := os.Stderr
	os.Stderr = null
	return func() {
		os.Stderr = stderr
		null.Close()
	}
}

// terminal checks that keys come from a terminal and the screen goes to
// one, before anything starts; Bubble Tea would otherwise fail with its own
// words about opening a TTY. It returns the screen.
func (a *app) terminal() (*os.File, error) {
	out, ok := a.stdout.(*os.File)
	var which string
	switch {
	case !term.IsTerminal(os.Stdin.Fd()):
		which = "standard input is not one"
	case !ok || !term.IsTerminal(out.Fd()):
		which = "standard output is not one"
	default:
		return out, nil
	}
	return nil, fmt.Errorf("sessions need a terminal, and %s; for scripts use 'corecoach history', 'stats' or 'report'", which)
}

// forwardSignals turns ctrl+c from outside the terminal, kill and a closed
// terminal into an interrupt the interface handles by saving the session.
func forwardSignals(p *tea.Program) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
			p.Send(tui.InterruptMsg{})
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
