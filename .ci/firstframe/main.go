// Command firstframe measures how soon programs show their first frame: it
// starts each in a pseudo-terminal, in turns, and times from the start to
// the first byte of output and to the first appearance of a marker text.
//
//	go run ./.ci/firstframe -n 25 \
//	    'corecoach=Home=/tmp/cc/corecoach --db /tmp/cc/x.db' \
//	    'timer=5m=/tmp/timer-bin 5m'
//
// Each argument is NAME=MARKER=COMMAND (split on spaces); an empty marker
// times the first byte only. Runs alternate between the programs so that
// load on the machine falls on all alike. It prints the median and the 90th
// percentile of each.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/creack/pty"
)

type program struct {
	name, marker string
	argv         []string
	first, frame []time.Duration
}

func main() {
	n := flag.Int("n", 25, "runs of each program")
	cols := flag.Int("cols", 80, "terminal width")
	rows := flag.Int("rows", 24, "terminal height")
	flag.Parse()
	var progs []*program
	for _, a := range flag.Args() {
		parts := strings.SplitN(a, "=", 3)
		if len(parts) != 3 || parts[0] == "" || strings.TrimSpace(parts[2]) == "" {
			fmt.Fprintf(os.Stderr, "firstframe: %q is not NAME=MARKER=COMMAND\n", a)
			os.Exit(2)
		}
		progs = append(progs, &program{name: parts[0], marker: parts[1], argv: strings.Fields(parts[2])})
	}
	if len(progs) == 0 {
		fmt.Fprintln(os.Stderr, "firstframe: name at least one NAME=MARKER=COMMAND")
		os.Exit(2)
	}
	size := &pty.Winsize{Cols: uint16(*cols), Rows: uint16(*rows)}
	for i := 0; i < *n; i++ {
		for _, p := range progs {
			first, frame, err := once(p, size)
			if err != nil {
				fmt.Fprintf(os.Stderr, "firstframe: %s: %v\n", p.name, err)
				os.Exit(1)
			}
			p.first = append(p.first, first)
			p.frame = append(p.frame, frame)
		}
	}
	fmt.Printf("%-12s %5s %14s %14s %14s %14s\n", "program", "runs", "byte median", "byte p90", "frame median", "frame p90")
	for _, p := range progs {
		fmt.Printf("%-12s %5d %14s %14s %14s %14s\n", p.name, len(p.first),
			ms(pct(p.first, 50)), ms(pct(p.first, 90)), ms(pct(p.frame, 50)), ms(pct(p.frame, 90)))
	}
}

// once runs p until its marker shows (or its first byte, without one), then
// kills it.
func once(p *program, size *pty.Winsize) (first, frame time.Duration, err error) {
	cmd := exec.Command(p.argv[0], p.argv[1:]...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, size)
	if err != nil {
		return 0, 0, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = f.Close()
	}()
	_ = f.SetReadDeadline(time.Now().Add(10 * time.Second))
	var out bytes.Buffer
	buf := make([]byte, 64<<10)
	for {
		k, rerr := f.Read(buf)
		if k > 0 && first == 0 {
			first = time.Since(start)
		}
		out.Write(buf[:k])
		if first != 0 && (p.marker == "" || bytes.Contains(out.Bytes(), []byte(p.marker))) {
			return first, time.Since(start), nil
		}
		if rerr != nil {
			return 0, 0, errors.Join(fmt.Errorf("no %q in the output %q", p.marker, out.String()), rerr)
		}
	}
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[(len(s)-1)*p/100]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
