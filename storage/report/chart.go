package report

import (
	"fmt"
	"math"
	"strings"

	"corecoach/storage"
)

// chart is the geometry of the pain chart, laid out here so the HTML
// template only places numbers: x is time over the period, y pain 0..10.
type chart struct {
	Width, Height            int
	Left, Right, Top, Bottom float64
	YTicks, XTicks           []tick
	Before, After            series
	Limit                    *tick  // the pain limit line when all sessions share one
	Visits                   []tick // a marker per therapy visit of the period; Label is the tooltip
}

type tick struct {
	X, Y  float64
	Label string
}

type series struct {
	Path string // "M x y L x y ..."
	Dots []tick // Label is the tooltip
}

const (
	chartW, chartH                = 760, 280
	padL, padR, padTop, padBottom = 44.0, 16.0, 16.0, 40.0
	maxXTicks                     = 7
	painMax                       = 10
)

func newChart(r Report) chart {
	c := chart{Width: chartW, Height: chartH, Left: padL, Right: chartW - padR, Top: padTop, Bottom: chartH - padBottom}
	// Scores are 0..10 by the format; clamp so a bad import cannot leave the plot.
	y := func(p int) float64 {
		return round(c.Bottom - float64(min(max(p, 0), painMax))/painMax*(c.Bottom-c.Top))
	}
	for p := 0; p <= painMax; p += 2 {
		c.YTicks = append(c.YTicks, tick{X: c.Left, Y: y(p), Label: fmt.Sprint(p)})
	}
	from := r.FromDate
	span := max(int(r.ToDate-from)+1, 1)
	x := func(days float64) float64 { return round(c.Left + days/float64(span)*(c.Right-c.Left)) }
	step := (span + maxXTicks - 1) / maxXTicks
	layout := "Jan 2"
	if from.Time().Year() != r.ToDate.Time().Year() {
		layout = "Jan 2, 2006"
	}
	for d := 0; d < span; d += step {
		c.XTicks = append(c.XTicks, tick{X: x(float64(d)), Y: c.Bottom, Label: from.AddDays(d).Time().Format(layout)})
	}
	for _, v := range r.PeriodVisits {
		if d, err := storage.ParseDate(v.Date); err == nil {
			// Mid-day, so a visit stands apart from the day's sessions' dots at its start.
			c.Visits = append(c.Visits, tick{X: x(float64(d-from) + 0.5), Y: c.Top, Label: fmt.Sprintf("therapy visit: %s, %s", v.Kind, v.Date)})
		}
	}
	if len(r.Pain) == 0 {
		return c
	}
	var before, after strings.Builder
	limit := r.Pain[0].Limit
	for _, p := range r.Pain {
		px := x(float64(p.Date-from) + p.DayFraction)
		if p.Before != nil {
			addPoint(&before, &c.Before, px, y(*p.Before), fmt.Sprintf("%s before: %d", p.When, *p.Before))
		}
		if p.After != nil {
			addPoint(&after, &c.After, px, y(*p.After), fmt.Sprintf("%s after: %d", p.When, *p.After))
		}
		if p.Limit != limit {
			limit = 0
		}
	}
	c.Before.Path, c.After.Path = before.String(), after.String()
	if limit > 0 && limit < painMax {
		c.Limit = &tick{X: c.Right, Y: y(limit), Label: fmt.Sprintf("limit %d", limit)}
	}
	return c
}

func addPoint(path *strings.Builder, s *series, x, y float64, label string) {
	if path.Len() == 0 {
		fmt.Fprintf(path, "M%s %s", num(x), num(y))
	} else {
		fmt.Fprintf(path, " L%s %s", num(x), num(y))
	}
	s.Dots = append(s.Dots, tick{X: round(x), Y: round(y), Label: label})
}

func round(v float64) float64 { return math.Round(v*10) / 10 }
