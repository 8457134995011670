package progress

import "corecoach/storage"

// AverageDays is the span of the moving average of daily pain.
const AverageDays = 7

// PainDay is one day's pain: the day's mean scores and the means over the
// AverageDays days ending that day; nil where there is none.
type PainDay struct {
	Date                storage.Date
	Before, After       *float64
	BeforeAvg, AfterAvg *float64
}

// PainDays gives the daily and moving-average pain of each day from..to,
// each session counted on its own local day. The sessions must reach back
// AverageDays-1 days before from for the first averages to be whole.
func PainDays(sessions []storage.Session, from, to storage.Date) []PainDay {
	if to < from {
		return nil
	}
	lo := from.AddDays(-(AverageDays - 1))
	n := int(to-lo) + 1
	type sums struct{ sb, nb, sa, na int }
	per := make([]sums, n)
	for _, s := range sessions {
		day, err := storage.ParseDate(storage.SessionDay(s))
		if err != nil || day < lo || day > to {
			continue
		}
		p := &per[day-lo]
		if v := s.PainBefore; v != nil {
			p.sb, p.nb = p.sb+*v, p.nb+1
		}
		if v := s.PainAfter; v != nil {
			p.sa, p.na = p.sa+*v, p.na+1
		}
	}
	out := make([]PainDay, 0, int(to-from)+1)
	var win sums // the AverageDays days ending at i
	for i := range per {
		win.sb, win.nb = win.sb+per[i].sb, win.nb+per[i].nb
		win.sa, win.na = win.sa+per[i].sa, win.na+per[i].na
		if j := i - AverageDays; j >= 0 {
			win.sb, win.nb = win.sb-per[j].sb, win.nb-per[j].nb
			win.sa, win.na = win.sa-per[j].sa, win.na-per[j].na
		}
		d := lo.AddDays(i)
		if d < from {
			continue
		}
		out = append(out, PainDay{
			Date:   d,
			Before: storage.Mean(per[i].sb, per[i].nb), After: storage.Mean(per[i].sa, per[i].na),
			BeforeAvg: storage.Mean(win.sb, win.nb), AfterAvg: storage.Mean(win.sa, win.na),
		})
	}
	return out
}
