package triage

// Labelled is a request with the priority, team and signpost a clinician gave it.
type Labelled struct {
	Input
	Want Suggestion
}

// Miss is a labelled request the engine got wrong in any of the three labels.
type Miss struct {
	Labelled
	Got Suggestion
}

// Scores measure the engine on a labelled set, in the terms of issue targets and
// the clinical safety case.
type Scores struct {
	N                      int
	Emergencies            int       // labelled emergency
	EmergenciesFound       int       // of those, suggested emergency
	UnderTriaged           int       // suggested less urgent than labelled
	PriorityRight          int       //
	TeamRight              int       //
	SignpostRight          int       //
	OverTriagedToEmergency int       // labelled less urgent than emergency, suggested emergency
	Confusion              [4][4]int // [labelled rank][suggested rank]
	Misses                 []Miss    // every request with any label wrong, in input order
	UnderTriagedMisses     []Miss    // the under-triaged ones, the safety failures
}

// Evaluate classifies every labelled request and counts what the engine got right.
func Evaluate(e *Engine, set []Labelled) Scores { return EvaluateWith(e.Classify, set) }

// EvaluateWith is Evaluate for any way of classifying: training compares the second
// opinion's candidate models through it.
func EvaluateWith(classify func(Input) Suggestion, set []Labelled) Scores {
	var s Scores
	for _, l := range set {
		got := classify(l.Input)
		s.N++
		want, have := l.Want.Priority.Rank(), got.Priority.Rank()
		if want < 4 && have < 4 {
			s.Confusion[want][have]++
		}
		if l.Want.Priority == Emergency {
			s.Emergencies++
			if got.Priority == Emergency {
				s.EmergenciesFound++
			}
		}
		if want > 0 && have == 0 {
			s.OverTriagedToEmergency++
		}
		ok := true
		if have > want {
			s.UnderTriaged++
			s.UnderTriagedMisses = append(s.UnderTriagedMisses, Miss{l, got})
		}
		if got.Priority == l.Want.Priority {
			s.PriorityRight++
		} else {
			ok = false
		}
		if got.Team == l.Want.Team {
			s.TeamRight++
		} else {
			ok = false
		}
		if got.Signpost == l.Want.Signpost {
			s.SignpostRight++
		} else {
			ok = false
		}
		if !ok {
			s.Misses = append(s.Misses, Miss{l, got})
		}
	}
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// EmergencyRecall is the share of labelled emergencies suggested as emergencies.
func (s Scores) EmergencyRecall() float64 { return ratio(s.EmergenciesFound, s.Emergencies) }

// UnderTriageRate is the share of requests suggested less urgent than labelled.
func (s Scores) UnderTriageRate() float64 { return ratio(s.UnderTriaged, s.N) }

// OverTriageRate is the share of requests labelled less urgent than emergency that
// were suggested as emergencies: the false alarms that send a practice calling.
func (s Scores) OverTriageRate() float64 {
	if s.N == s.Emergencies {
		return 0 // nothing could be over-triaged
	}
	return ratio(s.OverTriagedToEmergency, s.N-s.Emergencies)
}

// PriorityAccuracy is the share with the labelled priority.
func (s Scores) PriorityAccuracy() float64 { return ratio(s.PriorityRight, s.N) }

// TeamAccuracy is the share with the labelled team.
func (s Scores) TeamAccuracy() float64 { return ratio(s.TeamRight, s.N) }

// SignpostAccuracy is the share with the labelled signpost.
func (s Scores) SignpostAccuracy() float64 { return ratio(s.SignpostRight, s.N) }
