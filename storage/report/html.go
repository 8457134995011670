package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"corecoach/routines"
	"corecoach/routines/text"
)

//go:embed report.html.tmpl
var htmlSource string

// htmlTemplate escapes every value by its context (html/template): text
// from sessions can never become markup. It is parsed on first use, not at
// start-up, so commands that print no report start faster.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"pain":   routines.ScoreText,
		"change": changeText,
		"pct":    text.Percent,
		"ratio":  ratio,
		"avg":    text.Average,
		"join":   strings.Join,
		"short":  routines.ShortHash,
		"add":    func(a, b float64) string { return num(a + b) },
		"sub":    func(a, b float64) string { return num(a - b) },
	}).Parse(htmlSource))
})

// WriteHTML writes the report as one self-contained page: inline CSS and
// SVG, no scripts, laid out to print on A4 or Letter.
func WriteHTML(w io.Writer, r Report) error {
	return htmlTemplate().Execute(w, struct {
		R Report
		C chart
	}{r, newChart(r)})
}

// num prints a coordinate to a tenth of a pixel.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// changeText is after minus before, signed, or a dash when either is missing.
func changeText(before, after *int) string {
	if before == nil || after == nil {
		return text.None
	}
	switch d := *after - *before; {
	case d > 0:
		return fmt.Sprintf("+%d", d)
	case d < 0:
		return fmt.Sprintf("−%d", -d)
	}
	return "0"
}

// ratio is done/planned as a percentage.
func ratio(done, planned int) string { return text.Percent(float64(done) / float64(planned)) }
