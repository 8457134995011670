package routines

import "time"

// EventKind is what happened, for the screen, the sound and the store.
type EventKind int

const (
	EventStepStarted  EventKind = iota // a step began (sound: a short bell)
	EventRepStarted                    // a new rep (of a held rep, its hold) began within a StepReps step (Rep set); rep 1 comes with EventStepStarted
	EventRelaxStarted                  // the relax after a held rep's hold began (Rep set)
	EventCountdown                     // one of the last 3 whole seconds of a work step began (Remaining set: 3, 2, 1)
	EventStepDone                      // a step ended, at its deadline or by Skip (Skipped set)
	EventSetDone                       // the last work step of a set ended, completed or skipped (checkpoint the session)
	EventExerciseDone                  // the last work step of an exercise ended, completed or skipped past
	EventSessionDone                   // the plan ended, or Quit ended it early
)

func (k EventKind) String() string {
	names := [...]string{"step started", "rep started", "relax started", "countdown", "step done", "set done", "exercise done", "session done"}
	if k < 0 || int(k) >= len(names) {
		return "unknown event"
	}
	return names[k]
}

// Event is one thing that happened. Step is the step's index (len(Steps) for
// EventSessionDone); Exercise and Set are the step's.
type Event struct {
	Kind      EventKind
	Step      int
	Exercise  int
	Set       int
	Rep       int  // EventRepStarted, EventRelaxStarted: the 1-based rep
	Remaining int  // EventCountdown: whole seconds left (3, 2, 1)
	Skipped   bool // EventStepDone, EventSetDone, EventExerciseDone: ended by Skip
}

// Snapshot is what the screen shows at one moment.
type Snapshot struct {
	Index     int           // current step index (len(Steps) when done)
	Step      Step          // the current step (zero when done)
	Duration  time.Duration // the step's length, with any rest added by ExtendRest
	Remaining time.Duration // time left in the step, never negative
	Elapsed   time.Duration // time spent in the step (paused time excluded)
	Rep       int           // 1-based current rep for StepReps, else 0
	// Phase of a held rep, with its own length and time left (PhaseNone
	// and zero for other steps).
	Phase          Phase
	PhaseDuration  time.Duration
	PhaseRemaining time.Duration
	Paused         bool
	Done           bool    // the session is over: the plan ended, or Quit
	Quit           bool    // the session was ended early by Quit
	Progress       float64 // 0..1 of the whole plan's time; goes back only with Back
	StepProgress   float64 // 0..1 of the step
}

// ExerciseProgress is how far a person got with one exercise of the routine.
type ExerciseProgress struct {
	ID, Name    string
	SetsPlanned int // sets of the exercise in the plan
	// SetsDone counts sets whose every work step (both sides) last ended at
	// its deadline rather than by Skip.
	SetsDone int
	// Skipped is true when at least one of the exercise's work steps last
	// ended by Skip. Work never reached because of Quit is not "skipped": the
	// session is partial instead.
	Skipped bool
	Hurt    bool // flagged with FlagHurt
	// SetsExcused counts the sets not done that the exercise still had
	// ahead (the one under way included) when it was first flagged: a
	// session is not marked down for stopping what hurt.
	SetsExcused int
	Seconds     int // work time done, rounded: holds and reps only, partial steps included, pauses not
}

const (
	// backRestart is how far into a step Back restarts it instead of going to
	// the step before.
	backRestart = 2 * time.Second
	// maxExtended caps the time left in a rest that ExtendRest may reach:
	// the longest rest a routine file may ask for.
	maxExtended = 10 * time.Minute
	// idle is what NextChange returns when nothing will change on its own.
	idle = time.Hour
)

type stepStatus uint8

const (
	statusPending stepStatus = iota
	statusDone
	statusSkipped
)

// Engine steps a person through a Plan. It is a pure state machine: every
// method takes the current time and it never reads the clock itself, so tests
// drive it with a fake clock.
//
// Time left in a step is its deadline minus now, never a count of ticks, so a
// slow frame or a paused process cannot stretch a hold. Nor can a suspended
// laptop, provided the times passed in are wall-clock times: time.Now's
// monotonic reading stops while a laptop sleeps (Linux, macOS), and times
// compared by it would resume the hold where it was. Pass time.Now().Round(0).
// Clock behaviour:
//   - A jump forward ends every step whose deadline it passes, in order, each
//     counted as done (the time did pass; a suspend cannot be told apart from
//     a person who kept going). Each next step starts at the old deadline, so a
//     jump beyond the end of the plan ends the session as completed.
//   - A jump backward neither restarts a step nor makes time negative: the
//     running step keeps the time it had left and counts on from there.
//   - Cues that only matter as they happen (EventRepStarted for reps after the
//     first, EventCountdown) are emitted for the moment of the call only: a
//     call that passes over several seconds or reps emits the latest one, not a
//     burst of stale ones. Calls at the times NextChange asks for see each.
//
// Every method that returns events first catches up with the clock as Tick
// does, then acts on the step under way at now. Skip is the exception: when
// catching up ends the step that was on screen, that was the step to end, so
// the skip is spent.
//
// It is not safe for concurrent use.
type Engine struct {
	plan        Plan
	total       time.Duration   // nominal length of the plan
	before      []time.Duration // nominal time of the steps before each step
	lastOfSet   []bool          // the step is the last work step of its set
	lastOfEx    []bool          // the step is the last work step of its exercise
	sets        [][][]int       // per exercise, per set: its work steps
	exercises   int
	status      []stepStatus    // how each work step's latest run ended
	work        []time.Duration // per exercise: work time of finished runs
	hurt        []bool
	hurtAt      []int // per exercise: the step under way when first flagged
	index       int
	dur         time.Duration // current step's length, extensions included
	deadline    time.Time     // while running
	left        time.Duration // while paused
	last        time.Time     // latest time seen, to absorb a clock going back
	shownCount  int           // countdown second last announced
	shownRep    int           // rep last announced
	shownRelax  int           // rep whose relax was last announced
	paused      bool
	done        bool
	quit        bool
	started     bool
	touched     bool    // something happened before Start
	endProgress float64 // Progress once done: 1 at the plan's end, where Quit left it
}

// NewEngine returns an Engine at step 0, running from now. It emits nothing;
// Start returns the first events.
func NewEngine(p Plan, now time.Time) *Engine {
	e := &Engine{plan: p, last: now}
	n := len(p.Steps)
	if p.Routine != nil {
		e.exercises = len(p.Routine.Exercises)
	}
	e.before = make([]time.Duration, n)
	for i, s := range p.Steps {
		e.before[i] = e.total
		e.total += max(s.Duration, 0)
		e.exercises = max(e.exercises, s.Exercise+1)
	}
	e.lastOfSet = make([]bool, n)
	e.lastOfEx = make([]bool, n)
	e.status = make([]stepStatus, n)
	e.sets = make([][][]int, e.exercises)
	e.work = make([]time.Duration, e.exercises)
	e.hurt = make([]bool, e.exercises)
	e.hurtAt = make([]int, e.exercises)
	setIndex := map[[2]int]int{} // (exercise, set) to its place in sets
	for i, s := range p.Steps {
		if !s.Work() || s.Exercise < 0 {
			continue
		}
		key := [2]int{s.Exercise, s.Set}
		j, ok := setIndex[key]
		if !ok {
			j = len(e.sets[s.Exercise])
			setIndex[key] = j
			e.sets[s.Exercise] = append(e.sets[s.Exercise], nil)
		}
		e.sets[s.Exercise][j] = append(e.sets[s.Exercise][j], i)
	}
	for _, sets := range e.sets {
		last := -1
		for _, steps := range sets {
			e.lastOfSet[steps[len(steps)-1]] = true
			last = max(last, steps[len(steps)-1])
		}
		if last >= 0 {
			e.lastOfEx[last] = true
		}
	}
	if n == 0 {
		e.done = true
		e.endProgress = 1
		return e
	}
	e.setStep(0, now)
	return e
}

// Plan returns the plan being run.
func (e *Engine) Plan() Plan { return e.plan }

// Start returns the events of the first step (or EventSessionDone for an
// empty plan). Called first, it restarts step 0 at now, so time spent between
// NewEngine and Start does not count. Later calls return nothing.
func (e *Engine) Start(now time.Time) []Event {
	now = e.clock(now)
	if e.started {
		return nil
	}
	e.started = true
	if len(e.plan.Steps) == 0 {
		return []Event{{Kind: EventSessionDone}}
	}
	if !e.touched && !e.done && e.index == 0 {
		e.setStep(e.index, now)
	}
	ev := e.startEvents(nil)
	return e.cues(ev, now)
}

// Tick ends every step whose deadline has passed, in order, and emits the
// cues due at now.
func (e *Engine) Tick(now time.Time) []Event {
	return e.advance(e.clock(now))
}

// TogglePause pauses (freezing the time left) or resumes (a new deadline of
// now plus the time left).
func (e *Engine) TogglePause(now time.Time) []Event {
	now = e.clock(now)
	ev := e.advance(now)
	if e.done {
		return ev
	}
	e.touched = true
	if e.paused {
		e.paused = false
		e.deadline = now.Add(e.left)
	} else {
		e.left = e.remaining(now)
		e.paused = true
	}
	return ev
}

// Skip ends the current step now and moves on, staying paused if paused. A
// skipped work step keeps its elapsed work time but its set does not count
// as done; a skipped pause just ends. If the step had already reached its
// deadline, that ends it and the skip is spent.
func (e *Engine) Skip(now time.Time) []Event {
	now = e.clock(now)
	at := e.index
	ev := e.advance(now)
	if e.done || e.index != at {
		return ev
	}
	e.touched = true
	ev = e.finish(ev, e.elapsed(now), true)
	return e.enter(ev, e.index+1, now)
}

// Back restarts the current step when more than 2 s of it have run, else goes
// to the step before (restarting step 0 at the start of the plan). Work done
// in the step left counts towards the exercise's seconds.
func (e *Engine) Back(now time.Time) []Event {
	now = e.clock(now)
	ev := e.advance(now)
	if e.done {
		return ev
	}
	e.touched = true
	el := e.elapsed(now)
	e.addWork(el)
	to := e.index
	if el <= backRestart && to > 0 {
		to--
	}
	return e.enter(ev, to, now)
}

// CanExtend reports whether ExtendRest would apply to the current step: a
// rest or a get-ready countdown.
func (e *Engine) CanExtend() bool {
	if e.done {
		return false
	}
	k := e.plan.Steps[e.index].Kind
	return k == StepRest || k == StepPrepare
}

// ExtendRest adds d to the current rest or get-ready countdown. It reports
// false, changing nothing, for other steps, when done, for d <= 0, or when the
// time left would exceed 10 minutes.
func (e *Engine) ExtendRest(now time.Time, d time.Duration) bool {
	now = e.clock(now)
	if !e.CanExtend() || d <= 0 || e.remaining(now)+d > maxExtended {
		return false
	}
	e.touched = true
	e.dur += d
	if e.paused {
		e.left += d
	} else {
		e.deadline = e.deadline.Add(d)
	}
	return true
}

// FlagHurt flags the current step's exercise as painful. Nothing happens once
// the session is over.
func (e *Engine) FlagHurt(now time.Time) {
	e.clock(now)
	if e.done {
		return
	}
	if x := e.plan.Steps[e.index].Exercise; x >= 0 && !e.hurt[x] {
		e.hurt[x], e.hurtAt[x] = true, e.index
	}
}

// Quit ends the session early: the work done so far in the current step
// counts, and EventSessionDone follows. If the plan has already reached its
// end, Quit changes nothing and the session stays completed.
func (e *Engine) Quit(now time.Time) []Event {
	now = e.clock(now)
	ev := e.advance(now)
	if e.done {
		return ev
	}
	e.addWork(e.elapsed(now))
	e.endProgress = e.progress(now)
	e.quit, e.done, e.paused = true, true, false
	e.index = len(e.plan.Steps)
	return append(ev, Event{Kind: EventSessionDone, Step: e.index})
}

// Snapshot reports the state at now without changing it; a deadline passed
// but not yet ticked shows as no time left.
func (e *Engine) Snapshot(now time.Time) Snapshot {
	now = e.seen(now)
	sn := Snapshot{Index: e.index, Paused: e.paused, Done: e.done, Quit: e.quit}
	if e.done {
		sn.Progress = e.endProgress
		return sn
	}
	s := e.plan.Steps[e.index]
	sn.Step = s
	sn.Duration = e.dur
	sn.Remaining = e.remaining(now)
	sn.Elapsed = e.dur - sn.Remaining
	sn.StepProgress = 1
	if e.dur > 0 {
		sn.StepProgress = float64(sn.Elapsed) / float64(e.dur)
	}
	if s.Kind == StepReps {
		sn.Rep = repAt(s, sn.Elapsed)
	}
	if s.Held() {
		sn.Rep, sn.Phase, sn.PhaseRemaining, sn.PhaseDuration = phaseAt(s, sn.Elapsed)
	}
	sn.Progress = e.progress(now)
	return sn
}

// NextChange is the time until the screen visibly changes on its own: the
// next whole second of the time left (of the step, or of a held rep's
// phase), the next rep or phase, or the deadline. It is an hour when paused
// or done.
func (e *Engine) NextChange(now time.Time) time.Duration {
	now = e.seen(now)
	if e.done || e.paused {
		return idle
	}
	r := e.remaining(now)
	next := r % time.Second
	if next == 0 {
		next = min(time.Second, r)
	}
	if s := e.plan.Steps[e.index]; s.Held() {
		_, _, left, _ := phaseAt(s, e.dur-r)
		if left > 0 {
			sec := left % time.Second
			if sec == 0 {
				sec = min(time.Second, left)
			}
			next = min(next, sec)
		}
	} else if s.Kind == StepReps {
		if d := repLength(s); d > 0 {
			el := e.dur - r
			if toRep := d - el%d; repAt(s, el) < s.Reps && toRep < next {
				next = toRep
			}
		}
	}
	return next
}

// Results reports each of the routine's exercises, in order, as of now.
func (e *Engine) Results(now time.Time) []ExerciseProgress {
	now = e.seen(now)
	work := append([]time.Duration(nil), e.work...)
	if !e.done {
		if s := e.plan.Steps[e.index]; s.Work() && s.Exercise >= 0 {
			work[s.Exercise] += e.dur - e.remaining(now)
		}
	}
	out := make([]ExerciseProgress, e.exercises)
	for x := range out {
		p := &out[x]
		if r := e.plan.Routine; r != nil && x < len(r.Exercises) {
			p.ID, p.Name = r.Exercises[x].ID, r.Exercises[x].Name
		}
		p.SetsPlanned = len(e.sets[x])
		for _, steps := range e.sets[x] {
			done := true
			for _, i := range steps {
				done = done && e.status[i] == statusDone
				p.Skipped = p.Skipped || e.status[i] == statusSkipped
			}
			if done {
				p.SetsDone++
			} else if e.hurt[x] && steps[len(steps)-1] >= e.hurtAt[x] {
				p.SetsExcused++
			}
		}
		p.Hurt = e.hurt[x]
		p.Seconds = int(work[x].Round(time.Second) / time.Second)
	}
	return out
}

// clock records now, moving the deadline back with a clock that went back so
// that the running step keeps the time it had left.
func (e *Engine) clock(now time.Time) time.Time {
	if now.Before(e.last) && !e.paused && !e.done {
		e.deadline = e.deadline.Add(now.Sub(e.last))
	}
	e.last = now
	return now
}

// seen is now for the read-only methods: a time before the latest one seen
// reads as the latest, as clock would make it.
func (e *Engine) seen(now time.Time) time.Time {
	if now.Before(e.last) {
		return e.last
	}
	return now
}

// advance ends the steps whose deadlines have passed, each next step starting
// at the old deadline, then emits the cues due at now.
func (e *Engine) advance(now time.Time) []Event {
	var ev []Event
	for !e.done && !e.paused && !now.Before(e.deadline) {
		e.touched = true
		ev = e.finish(ev, e.dur, false)
		ev = e.enter(ev, e.index+1, e.deadline)
	}
	return e.cues(ev, now)
}

// finish ends the current step's run after ran of work.
func (e *Engine) finish(ev []Event, ran time.Duration, skipped bool) []Event {
	i := e.index
	s := e.plan.Steps[i]
	ev = append(ev, Event{Kind: EventStepDone, Step: i, Exercise: s.Exercise, Set: s.Set, Skipped: skipped})
	if !s.Work() || s.Exercise < 0 {
		return ev
	}
	e.addWork(ran)
	// A step done once stays done: going back to it and skipping ahead
	// again must not erase a set the person finished.
	if !skipped {
		e.status[i] = statusDone
	} else if e.status[i] != statusDone {
		e.status[i] = statusSkipped
	}
	if e.lastOfSet[i] {
		ev = append(ev, Event{Kind: EventSetDone, Step: i, Exercise: s.Exercise, Set: s.Set, Skipped: skipped})
	}
	if e.lastOfEx[i] {
		ev = append(ev, Event{Kind: EventExerciseDone, Step: i, Exercise: s.Exercise, Set: s.Set, Skipped: skipped})
	}
	return ev
}

// enter begins step i at the time at, or ends the session past the last step.
func (e *Engine) enter(ev []Event, i int, at time.Time) []Event {
	if i >= len(e.plan.Steps) {
		e.done, e.paused, e.endProgress = true, false, 1
		e.index = len(e.plan.Steps)
		return append(ev, Event{Kind: EventSessionDone, Step: e.index})
	}
	e.setStep(i, at)
	return e.startEvents(ev)
}

func (e *Engine) setStep(i int, at time.Time) {
	e.index = i
	e.dur = max(e.plan.Steps[i].Duration, 0)
	e.left = e.dur
	e.deadline = at.Add(e.dur)
	e.shownCount = ceilSeconds(e.dur) // the second under way at the start is not announced
	e.shownRep, e.shownRelax = 1, 0
}

func (e *Engine) startEvents(ev []Event) []Event {
	s := e.plan.Steps[e.index]
	ev = append(ev, Event{Kind: EventStepStarted, Step: e.index, Exercise: s.Exercise, Set: s.Set})
	if s.Kind == StepReps {
		ev = append(ev, Event{Kind: EventRepStarted, Step: e.index, Exercise: s.Exercise, Set: s.Set, Rep: 1})
	}
	return ev
}

// cues emits the rep and countdown cues of the running step that are due at now.
func (e *Engine) cues(ev []Event, now time.Time) []Event {
	if e.done {
		return ev
	}
	s := e.plan.Steps[e.index]
	if !s.Work() {
		return ev
	}
	r := e.remaining(now)
	switch {
	case s.Held():
		// Only the phase under way is announced: a call that passes over a
		// whole phase does not ring for it late.
		rep, ph, _, _ := phaseAt(s, e.dur-r)
		if ph == PhaseRelax && rep > e.shownRelax {
			e.shownRep, e.shownRelax = rep, rep
			ev = append(ev, Event{Kind: EventRelaxStarted, Step: e.index, Exercise: s.Exercise, Set: s.Set, Rep: rep})
		} else if ph == PhaseHold && rep > e.shownRep {
			e.shownRep, e.shownRelax = rep, rep-1
			ev = append(ev, Event{Kind: EventRepStarted, Step: e.index, Exercise: s.Exercise, Set: s.Set, Rep: rep})
		}
	case s.Kind == StepReps:
		if rep := repAt(s, e.dur-r); rep > e.shownRep {
			e.shownRep = rep
			ev = append(ev, Event{Kind: EventRepStarted, Step: e.index, Exercise: s.Exercise, Set: s.Set, Rep: rep})
		}
	}
	if sec := ceilSeconds(r); sec >= 1 && sec <= 3 && sec < e.shownCount {
		e.shownCount = sec
		ev = append(ev, Event{Kind: EventCountdown, Step: e.index, Exercise: s.Exercise, Set: s.Set, Remaining: sec})
	}
	return ev
}

func (e *Engine) addWork(d time.Duration) {
	if s := e.plan.Steps[e.index]; s.Work() && s.Exercise >= 0 {
		e.work[s.Exercise] += d
	}
}

// remaining is the current step's time left at now, in 0..dur.
func (e *Engine) remaining(now time.Time) time.Duration {
	if e.done {
		return 0
	}
	if e.paused {
		return e.left
	}
	return min(max(e.deadline.Sub(now), 0), e.dur)
}

func (e *Engine) elapsed(now time.Time) time.Duration { return e.dur - e.remaining(now) }

// progress is the share of the plan's nominal time behind now. A step
// lengthened by ExtendRest counts no more than its nominal length, so
// extending a rest never moves progress back.
func (e *Engine) progress(now time.Time) float64 {
	if e.done {
		return e.endProgress
	}
	if e.total <= 0 {
		return 0
	}
	nominal := max(e.plan.Steps[e.index].Duration, 0)
	pos := e.before[e.index] + min(e.elapsed(now), nominal)
	return min(max(float64(pos)/float64(e.total), 0), 1)
}

// repLength is how long one rep of a StepReps step lasts.
func repLength(s Step) time.Duration {
	if s.Rep > 0 {
		return s.Rep
	}
	if s.Reps > 0 {
		return s.Duration / time.Duration(s.Reps)
	}
	return 0
}

// phaseAt is where a held-reps step stands after el: the 1-based rep, its
// phase, the time left in the phase and the phase's length. A rep is the
// hold then the relax; the last rep is the hold alone.
func phaseAt(s Step, el time.Duration) (rep int, ph Phase, left, length time.Duration) {
	cycle := s.Hold + s.Relax
	reps := max(s.Reps, 1)
	rep = 1
	if cycle > 0 {
		rep = min(1+int(max(el, 0)/cycle), reps)
	}
	off := el - time.Duration(rep-1)*cycle
	if off < s.Hold || rep == reps {
		return rep, PhaseHold, max(s.Hold-off, 0), s.Hold
	}
	return rep, PhaseRelax, max(cycle-off, 0), s.Relax
}

// repAt is the 1-based rep under way after el of a StepReps step.
func repAt(s Step, el time.Duration) int {
	d := repLength(s)
	if d <= 0 {
		return 1
	}
	return min(1+int(el/d), max(s.Reps, 1))
}

func ceilSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}

// SkipExercise skips the rest of the current exercise, rests between its
// sets and side switches included, to the first step of the next exercise
// (or the end of the session), staying paused if paused. Used when the
// exercise must stop at once, as for leg symptoms.
func (e *Engine) SkipExercise(now time.Time) []Event {
	now = e.clock(now)
	ev := e.advance(now)
	if e.done {
		return ev
	}
	x := e.plan.Steps[e.index].Exercise
	e.touched = true
	for !e.done && e.plan.Steps[e.index].Exercise == x {
		ev = e.finish(ev, e.elapsed(now), true)
		ev = e.enter(ev, e.index+1, now)
	}
	return ev
}
