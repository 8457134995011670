package routines

// The red flags: the warning signs that exercise is not the answer and a
// doctor must see the person, in two tiers of urgency. The safety screen,
// the session's "this hurts" question and the printed handout all show this
// one list. Sources (docs/clinical-basis.md cites them in full): NICE
// guideline NG59, Low back pain and sciatica in over 16s (2016, updated
// 2020); GIRFT / NHS England, National Suspected Cauda Equina Syndrome
// Pathway (2023); Finucane et al., International Framework for Red Flags
// for Potential Serious Spinal Pathologies, JOSPT 2020 (IFOMPT).

// Urgency is how soon a red flag needs a doctor.
type Urgency int

const (
	// Emergency: go to an emergency department now (cauda equina syndrome,
	// a spinal cord or heart problem cannot wait).
	Emergency Urgency = iota
	// SeeDoctor: see a doctor within days (infection, fracture, cancer and
	// other causes that need tests, not exercise).
	SeeDoctor
)

// RedFlag is one warning sign, in a full form for handouts and roomy
// screens and a short one for small windows.
type RedFlag struct {
	Full, Short string
}

// RedFlagTier is the red flags of one urgency with what to do about them.
type RedFlagTier struct {
	Urgency Urgency
	Title   string // what to do, as the handout's heading: "Go to an emergency department now"
	Heading string // the line above the list on a screen
	Short   string // that line in a small window
	Intro   string // the handout's sentence before the list
	Flags   []RedFlag
}

// RedFlagTiers returns both tiers, the emergency first. Each call returns a
// fresh copy, so no caller can change what another shows.
func RedFlagTiers() []RedFlagTier {
	return []RedFlagTier{EmergencyFlags(), SeeDoctorFlags()}
}

// EmergencyFlags are the signs that need an emergency department now:
// cauda equina syndrome, a spinal cord or nerve root getting worse, and a
// heart that does not cope with the exercise.
func EmergencyFlags() RedFlagTier {
	return RedFlagTier{
		Urgency: Emergency,
		Title:   "Go to an emergency department now",
		Heading: "Go to an emergency department now if you have:",
		Short:   "Emergency department now:",
		Intro:   "Stop exercising and go to an emergency department straight away (call an ambulance if you cannot get there) if you have any of these:",
		Flags: []RedFlag{
			{"new trouble controlling your bladder or bowels", "new bladder or bowel trouble"},
			{"difficulty starting to pass urine, or not feeling when your bladder is full", "trouble starting to pass urine"},
			{"numbness or changed feeling in the groin, buttocks or inner thighs (the saddle area), or when you wipe after the toilet", "saddle numbness, or changed feeling when wiping"},
			{"new sexual problems, such as loss of feeling in the genitals or difficulty getting an erection", "new sexual problems"},
			{"pain, numbness, tingling or weakness in both legs", "symptoms in both legs"},
			{"weakness in a leg that is getting worse, or walking that has become unsteady", "leg weakness getting worse, unsteady walking"},
			{"chest pain, feeling faint, or unusual breathlessness during exercise", "chest pain, faintness or breathlessness"},
		},
	}
}

// SeeDoctorFlags are the signs that need a doctor within days.
func SeeDoctorFlags() RedFlagTier {
	return RedFlagTier{
		Urgency: SeeDoctor,
		Title:   "See your doctor within days",
		Heading: "See your doctor within days if any of these is new, or not yet checked by a doctor:",
		Short:   "See a doctor within days (if not yet checked):",
		Intro:   "See your doctor within the next few days, before going on with these exercises, if you have any of these and a doctor has not checked it since your back pain began:",
		Flags: []RedFlag{
			{"a fever, or feeling generally unwell, with your back pain", "fever or feeling unwell"},
			{"cancer now or in the past", "cancer, now or in the past"},
			{"weight loss you cannot explain", "unexplained weight loss"},
			{"steroid tablets taken for a long time, medicines that weaken the immune system, or injecting drugs", "steroids, immunosuppressants or injecting drugs"},
			{"pain that started after a fall or an accident, even a minor fall if you have osteoporosis (thin bones)", "pain after a fall or accident"},
			{"pain in the upper back (thoracic spine), between or around the shoulder blades", "upper back (thoracic) pain"},
			{"severe pain at night, or pain that keeps getting worse, that does not ease when you rest or change position", "severe night pain, or pain that keeps worsening"},
		},
	}
}
