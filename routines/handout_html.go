package routines

import (
	"html/template"
	"io"
	"sync"
)

// writeHTML writes the handout as one self-contained page: inline CSS, no
// scripts, no outside fonts or images, laid out to print on A4 and Letter.
// html/template escapes every text from the routine file.
func writeHTML(w io.Writer, h handout) error {
	return handoutHTML().Execute(w, struct {
		handout
		Weeks        []int
		PainNote     string
		SafetyTitle  string
		RedFlags     []handoutTier
		SafetyFooter string
	}{h, weekNumbers(), painNote(h.PainLimit, h.PainRise), safetyTitle, redFlagTiers(), safetyFooter})
}

func weekNumbers() []int {
	n := make([]int, handoutWeeks)
	for i := range n {
		n[i] = i + 1
	}
	return n
}

// The page is well-formed XML as well as HTML (every element closed), so
// tests can check its structure with encoding/xml.
// It is parsed on first use, not at start-up.
var handoutHTML = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("handout").Parse(handoutHTMLSource))
})

const handoutHTMLSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Name}}</title>
<style>
@page { margin: 16mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; padding: 2rem 1.5rem; max-width: 46rem;
  font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 12pt; line-height: 1.45; color: #1a1a1a; background: #fff;
}
h1 { font-size: 22pt; line-height: 1.15; margin: 0 0 .4rem; }
h2 { font-size: 14pt; margin: 1.6rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #2b5f75; color: #2b5f75; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 13pt; margin: 0; }
p { margin: .4rem 0; }
ul { margin: .4rem 0; padding-left: 1.3rem; }
.facts { display: flex; flex-wrap: wrap; gap: .3rem 1.6rem; margin: 0; padding: 0; list-style: none; color: #333; }
.facts b { color: #1a1a1a; }
.notes { border-left: 4px solid #2b5f75; background: #eef4f6; padding: .5rem .9rem; }
.exercise { display: flex; gap: .8rem; padding: .7rem 0; border-top: 1px solid #d0d7db; break-inside: avoid; page-break-inside: avoid; }
.exercise:first-of-type { border-top: 0; }
.num { flex: none; width: 2rem; height: 2rem; border-radius: 50%; background: #2b5f75; color: #fff; font-weight: bold; text-align: center; line-height: 2rem; }
.body { flex: 1; }
.dosage { font-weight: 600; }
.time { color: #555; font-weight: normal; }
.note { font-style: italic; }
table.week { border-collapse: collapse; width: 100%; break-inside: avoid; page-break-inside: avoid; }
.week th, .week td { border: 1px solid #9aa7ad; padding: .35rem; text-align: center; width: 12%; }
.week th:first-child, .week td:first-child { width: 16%; text-align: left; }
.week th { background: #eef4f6; }
.week td.rest { color: #777; background: #f4f4f4; font-size: 10pt; }
.box { display: inline-block; width: 1.1rem; height: 1.1rem; border: 1.5px solid #333; border-radius: 3px; vertical-align: middle; }
.safety { margin-top: 1.6rem; border: 2px solid #a61b1b; border-radius: 6px; padding: .6rem 1rem; break-inside: avoid; page-break-inside: avoid; }
.safety h2 { margin-top: 0; color: #a61b1b; border-color: #a61b1b; }
.variant { margin: .2rem 0; }
.safety h3 { color: #a61b1b; margin: .8rem 0 .2rem; }
@media print {
  body { padding: 0; max-width: none; font-size: 10.5pt; line-height: 1.35; }
  h1 { font-size: 18pt; }
  h2 { font-size: 12.5pt; margin: 1rem 0 .4rem; }
  h3 { font-size: 11.5pt; }
  .exercise { padding: .45rem 0; }
  ul, p { margin: .25rem 0; }
  .num { width: 1.6rem; height: 1.6rem; line-height: 1.6rem; }
}
</style>
</head>
<body>
<header>
<h1>{{.Name}}</h1>
<ul class="facts">
{{- if .Author}}
<li><b>Written by:</b> {{.Author}}</li>
{{- end}}
{{- if .Client}}
<li><b>For:</b> {{.Client}}</li>
{{- end}}
{{- if .Therapist}}
<li><b>Your therapist:</b> {{.Therapist}}</li>
{{- end}}
<li><b>Days:</b> {{.Schedule}}</li>
<li><b>Time:</b> about {{.Total}} per session</li>
{{- if .ID}}
<li><b>In corecoach:</b> <code>corecoach run {{.ID}}</code></li>
{{- end}}
{{- if .Version}}
<li><b>Version:</b> <code>{{.Version}}</code></li>
{{- end}}
</ul>
</header>
{{- if .Notes}}
<section>
<h2>{{.NotesHead}}</h2>
<div class="notes">
{{- range .Notes}}
<p>{{.}}</p>
{{- end}}
</div>
</section>
{{- end}}
<section>
<h2>Exercises</h2>
{{- range .Exercises}}
<div class="exercise">
<div class="num">{{.Number}}</div>
<div class="body">
<h3>{{.Name}}</h3>
<p class="dosage">{{.Dosage}} <span class="time">(about {{.Time}})</span></p>
{{- if .Cues}}
<ul>
{{- range .Cues}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .Easier}}
<p class="variant"><b>Easier:</b> {{.Easier}}</p>
{{- end}}
{{- if .Harder}}
<p class="variant"><b>Harder:</b> {{.Harder}}</p>
{{- end}}
{{- range .Notes}}
<p class="note">{{.}}</p>
{{- end}}
</div>
</div>
{{- end}}
</section>
<section>
<h2>Your week</h2>
<p>Tick a box each day you do the routine.</p>
<table class="week">
<thead><tr><th>Week</th>{{range .Week}}<th>{{.Label}}</th>{{end}}</tr></thead>
<tbody>
{{- range $w := .Weeks}}
<tr><td>Week {{$w}}</td>{{range $.Week}}{{if .On}}<td><span class="box"></span></td>{{else}}<td class="rest">rest</td>{{end}}{{end}}</tr>
{{- end}}
</tbody>
</table>
<p>{{.PainNote}}</p>
</section>
<section class="safety">
<h2>{{.SafetyTitle}}</h2>
{{- range .RedFlags}}
<h3>{{.Title}}</h3>
<p>{{.Intro}}</p>
<ul>
{{- range .Flags}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
<p>{{.SafetyFooter}}</p>
</section>
</body>
</html>
`
