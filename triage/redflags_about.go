package triage

import (
	"strings"
	"time"
)

// The red-flag questions are written to the patient ("Do you have…"). When a parent
// or carer writes for someone else, each is asked about that person by name ("Does
// Amelia have…"), and those that cannot apply at their age are left out: a baby of
// four months cannot tell anyone about a worst-ever headache, and a man of seventy
// cannot have an ectopic pregnancy. Sex is never used to leave a question out: the
// sex on a GP record does not settle a person's anatomy, and asking one question too
// many costs a tap where leaving one out could miss an emergency.

// Subject is the person the red-flag questions are asked about.
type Subject struct {
	For   Whom      // the patient writing, their child, or an adult they care for
	Name  string    // their first name, for the questions about someone else
	Birth time.Time // zero when not known: then every question is asked
}

// aboutOther is how one question is asked about someone else, and the ages it fits.
type aboutOther struct {
	ask    string // the question, {name} for their first name
	advice string // what the writer is told at once after a yes; "" for the usual 999 advice
	// minMonths and belowMonths bound the age (in whole months) at which the question
	// can apply; belowMonths 0 has no upper bound.
	minMonths, belowMonths int
	// ofABaby marks the baby's question: a patient writing for themselves is asked it
	// whatever their age, as a parent may be writing about a newborn not yet on the
	// practice's list.
	ofABaby bool
}

const adviceCall999Other = "Call 999 now for {name}, or take them straight to A&E. Do not wait for the practice to reply."

// Under two a child cannot say where it hurts or what they cannot see; back pain with
// a change in holding urine is only noticed once a child is toilet trained; an ectopic
// pregnancy needs a person of 10 to 55.
var aboutOthers = map[string]aboutOther{
	"chest-pain":      {ask: "Does {name} have chest pain or tightness now that spreads to their arm, jaw, neck or back, or comes with sweating or feeling sick?", minMonths: 24},
	"stroke":          {ask: "Has one side of {name}'s face drooped, an arm or leg gone weak, or their speech become slurred or muddled, in the last day?"},
	"breathing":       {ask: "Is {name} struggling to breathe, too breathless to speak or feed, or are their lips turning blue or grey?"},
	"allergy":         {ask: "Are {name}'s lips, tongue or throat swelling, or are they wheezing or faint, after a food, a sting or a medicine?"},
	"sepsis":          {ask: "Is {name} very unwell with a fever or shivering, and confused, very drowsy or breathing very fast, or have they passed no urine (or had no wet nappies) all day?"},
	"rash-meningitis": {ask: "Does {name} have a rash that does not fade when you press a glass on it, or a fever with a stiff neck and eyes that hurt in bright light?"},
	"suicide": {ask: "Has {name} taken an overdose or swallowed medicines or anything harmful, hurt themself badly, or said they plan to end their life?",
		advice: "Call 999 now for {name}, or take them to A&E. Stay with them, and take any packet of what they swallowed. You can also call the Samaritans free on 116 123 at any time."},
	"cauda-equina": {ask: "With back pain, does {name} have numbness around their bottom or private parts, or new trouble holding or passing urine or stools?", minMonths: 36},
	"testicle":     {ask: "Does {name} have sudden, severe pain in a testicle?"},
	"ectopic": {ask: "Could {name} be pregnant, or have they missed a period, and do they have pain low down on one side with dizziness, fainting or pain in the tip of their shoulder?",
		minMonths: 10 * 12, belowMonths: 56 * 12},
	"gi-bleed":    {ask: "Has {name} vomited blood, or are their poos black and sticky like tar?"},
	"head-injury": {ask: "Has {name} hit their head and been knocked out, been sick more than once since, or do they take a blood thinner?"},
	"sight":       {ask: "Has {name} suddenly lost some or all of the sight in one or both eyes?", minMonths: 24},
	"headache":    {ask: "Did a severe headache come on suddenly for {name}, the worst they have ever had?", minMonths: 24},
	"baby-fever":  {ask: "{name} is under 3 months old: do they have a temperature of 38°C or more?", belowMonths: 3, ofABaby: true},
	"swelling":    {ask: "Is a swelling of {name}'s face, jaw or a tooth spreading towards their eye or neck, or making it hard for them to swallow or breathe?"},
}

// self reports whether the subject is the patient writing (or not said).
func (s Subject) self() bool { return s.For == "" || s.For == ForSelf }

// Applies reports whether the question can apply to the subject at now: every question
// when their date of birth is not known.
func (q RedFlagQuestion) Applies(s Subject, now time.Time) bool {
	o := aboutOthers[q.ID]
	if s.self() && o.ofABaby {
		return true
	}
	if s.Birth.IsZero() {
		return true
	}
	m := AgeMonthsAt(s.Birth, now)
	return m >= o.minMonths && (o.belowMonths == 0 || m < o.belowMonths)
}

// AskAbout is the question as the subject's page asks it: to the patient, or about
// the person they write for, by name.
func (q RedFlagQuestion) AskAbout(s Subject) string {
	o, ok := aboutOthers[q.ID]
	if s.self() || !ok {
		return q.Ask
	}
	return strings.ReplaceAll(o.ask, "{name}", s.name())
}

// AdviceAbout is what the writer is told at once after a yes to the question.
func (q RedFlagQuestion) AdviceAbout(s Subject) string {
	if s.self() {
		return q.Advice
	}
	a := aboutOthers[q.ID].advice
	if a == "" {
		a = adviceCall999Other
	}
	return strings.ReplaceAll(a, "{name}", s.name())
}

func (s Subject) name() string {
	if n := strings.TrimSpace(s.Name); n != "" {
		return n
	}
	return "the person"
}

// RedFlagQuestionsFor are the red-flag questions asked about the subject at now, in
// the order a page shows them.
func RedFlagQuestionsFor(s Subject, now time.Time) []RedFlagQuestion {
	var out []RedFlagQuestion
	for _, q := range RedFlagQuestions {
		if q.Applies(s, now) {
			out = append(out, q)
		}
	}
	return out
}

// TellCaller is what reception tells a caller after a yes to the question, in words
// for the receptionist to pass on: Advice and AdviceAbout are written to the patient
// reading a page ("Do not wait for the practice to reply"), not to someone on the
// phone, who may be calling for someone else. The desk's warning and the queue's
// answer to an entry both say it, so the receptionist reads the same words twice.
// s is whom the questions were asked about: the patient calling, or the person the
// caller phoned about.
func (q RedFlagQuestion) TellCaller(s Subject) string {
	msg := TellCaller999(s)
	if q.ID == "suicide" {
		if s.self() {
			msg += " Ask whether someone can be with them."
		} else {
			msg += " Ask them to stay with " + s.name() + " and to keep any packet of what was swallowed."
		}
		msg += " Give them the Samaritans' number, 116 123, free at any time."
	}
	return msg
}

// TellCaller999 is what reception tells a caller whose request is an emergency with no
// red flag answered yes (the engine read the words as one): to call 999 or go to A&E
// now. Each question's TellCaller begins with it.
func TellCaller999(s Subject) string {
	if s.self() {
		return "Tell the caller to call 999 now, or to go straight to A&E, and not to wait for the practice to call back."
	}
	return "Tell the caller to call 999 now for " + s.name() + ", or to take them straight to A&E, and not to wait for the practice to call back."
}
