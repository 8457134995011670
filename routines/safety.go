package routines

// RedFlag is a symptom that means stop exercising and seek care, in a full
// form for handouts and roomy screens and a short one for small windows.
type RedFlag struct {
	Full, Short string
}

// RedFlags are the warning signs of serious spinal problems (cauda equina
// syndrome, infection, fracture, cancer) listed in back-pain guidelines.
// The safety screen and the printed handout both show this one list.
var RedFlags = []RedFlag{
	{"new trouble controlling your bladder or bowels", "new bladder or bowel trouble"},
	{"numbness in the groin, buttocks or inner thighs (the saddle area)", "numbness in the groin"},
	{"weakness in a leg that gets worse", "leg weakness, getting worse"},
	{"a fever, or feeling unwell, with your back pain", "fever or feeling unwell"},
	{"pain that started after a fall or an accident", "pain after a fall or accident"},
	{"severe pain at night that does not ease when you change position", "severe pain at night"},
	{"weight loss you cannot explain", "unexplained weight loss"},
}
