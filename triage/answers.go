package triage

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Answers are what a patient told the front door before the free text: yes or no to
// the red-flag questions, and a few facts the engine would otherwise guess from the
// words. A request sent before the front door asked them has none (a nil *Answers),
// and classifies from its text alone, as it always did.
type Answers struct {
	// For says who the request is about: the patient writing, their child, or an adult
	// they care for.
	For Whom `json:"for,omitempty"`
	// AgeMonths is a baby's age in whole months, asked only for children under two,
	// where a month decides the priority of a fever. Nil when not asked; 0 is a baby
	// under a month old.
	AgeMonths *int `json:"ageMonths,omitempty"`
	// TemperatureC is a temperature the patient measured, in °C; 0 when none was taken.
	TemperatureC float64 `json:"temperatureC,omitempty"`
	// Pregnant is whether the patient is, or could be, pregnant.
	Pregnant YesNo `json:"pregnant,omitempty"`
	// RedFlags are the patient's answers to the red-flag questions, in the order asked.
	RedFlags []FlagAnswer `json:"redFlags,omitempty"`
}

// FlagAnswer is the patient's answer to one red-flag question.
type FlagAnswer struct {
	Question string `json:"question"` // a RedFlagQuestion's ID
	Yes      bool   `json:"yes"`
}

// Whom is who a request is about.
type Whom string

// Who a request can be about.
const (
	ForSelf  Whom = "self"  // the patient writing
	ForChild Whom = "child" // a child of theirs
	ForAdult Whom = "adult" // an adult they care for
)

// Label is who the request is about, as staff read it.
func (w Whom) Label() string {
	switch w {
	case ForSelf:
		return "Themself"
	case ForChild:
		return "Their child"
	case ForAdult:
		return "An adult they care for"
	}
	return "Not said"
}

// YesNo is a patient's answer to a question of fact: yes, no, or not sure. The empty
// value means the question was not asked.
type YesNo string

// The answers to a question of fact.
const (
	Yes     YesNo = "yes"
	No      YesNo = "no"
	NotSure YesNo = "not-sure"
)

// Limits of a measured temperature: anything outside is a typing slip (37 typed as
// 3.7 or 377) or Fahrenheit, and the patient is asked to check it.
const (
	MinTemperatureC = 34.0
	MaxTemperatureC = 43.5
)

// RedFlagQuestion is one question the front door asks before the free text. A "yes"
// is treated as the red flag itself: the engine suggests Priority, Team and Signpost,
// and the patient is told Advice at once.
type RedFlagQuestion struct {
	ID       string   // stable: stored with every answer
	Ask      string   // the question in words a patient understands
	Flag     string   // what a yes means, as staff read it
	Priority Priority // the suggestion a yes gives
	Team     Team
	Signpost Signpost
	Advice   string // what the patient is told at once after a yes
}

const adviceCall999 = "Call 999 now, or go straight to A&E. Do not wait for the practice to reply."

// RedFlagQuestions are the questions the front door asks, one for each emergency of
// the label specification (docs/labels.md), in the order a patient page shows them.
// They are defined here once, so the patient page, the desk and the engine agree on
// what a "yes" means.
var RedFlagQuestions = []RedFlagQuestion{
	{ID: "chest-pain", Ask: "Do you have chest pain or tightness now that spreads to your arm, jaw, neck or back, or comes with sweating or feeling sick?",
		Flag: "chest pain that may be the heart"},
	{ID: "stroke", Ask: "Has one side of your face drooped, an arm or leg gone weak, or your speech become slurred or muddled, in the last day?",
		Flag: "signs of a stroke"},
	{ID: "breathing", Ask: "Are you struggling to breathe, too breathless to finish a sentence, or are your lips turning blue or grey?",
		Flag: "severe breathlessness"},
	{ID: "allergy", Ask: "Are your lips, tongue or throat swelling, or are you wheezing or faint, after a food, a sting or a medicine?",
		Flag: "a severe allergic reaction (anaphylaxis)"},
	{ID: "sepsis", Ask: "Do you feel very unwell with a fever or shivering, and are you confused, very drowsy, breathing very fast, or have you passed no urine all day?",
		Flag: "signs of sepsis"},
	{ID: "rash-meningitis", Ask: "Is there a rash that does not fade when you press a glass on it, or a fever with a stiff neck and eyes that hurt in bright light?",
		Flag: "a rash or signs that may be meningitis"},
	{ID: "suicide", Ask: "Are you planning to end your life, or have you already taken an overdose or hurt yourself badly?",
		Flag:   "suicidal intent, a plan, or an overdose taken",
		Advice: "Call 999 now, or go to A&E. If you can, tell someone near you. You can also call the Samaritans free on 116 123 at any time."},
	{ID: "cauda-equina", Ask: "With back pain, is there numbness around your bottom or private parts, or new trouble holding or passing urine or stools?",
		Flag: "saddle numbness or bladder or bowel change with back pain (cauda equina)"},
	{ID: "testicle", Ask: "Do you have sudden, severe pain in a testicle?",
		Flag: "sudden severe testicular pain (possible torsion)"},
	{ID: "ectopic", Ask: "Could you be pregnant, or have you missed a period, and have pain low down on one side with dizziness, fainting or pain in the tip of your shoulder?",
		Flag: "possible ectopic pregnancy"},
	{ID: "gi-bleed", Ask: "Have you vomited blood, or are your poos black and sticky like tar?",
		Flag: "vomiting blood or black tarry stools"},
	{ID: "head-injury", Ask: "Have you hit your head and were knocked out, have been sick more than once since, or do you take a blood thinner?",
		Flag: "a head injury with a red flag"},
	{ID: "sight", Ask: "Have you suddenly lost some or all of the sight in one or both eyes?",
		Flag: "sudden loss of vision"},
	{ID: "headache", Ask: "Did a severe headache come on suddenly, the worst you have ever had?",
		Flag: "a sudden, worst-ever headache"},
	{ID: "baby-fever", Ask: "Is this for a baby under 3 months old with a temperature of 38°C or more?",
		Flag: "a baby under 3 months with a temperature of 38°C or more"},
	{ID: "swelling", Ask: "Is a swelling of your face, jaw or a tooth spreading towards your eye or neck, or making it hard to swallow or breathe?",
		Flag: "facial or dental swelling spreading to the eye or neck, or affecting swallowing or breathing"},
}

func init() {
	for i := range RedFlagQuestions {
		q := &RedFlagQuestions[i]
		// Every question is an emergency of LABELS.md: a yes is a 999 suggestion.
		q.Priority, q.Team, q.Signpost = Emergency, TeamGP, Signpost999
		if q.Advice == "" {
			q.Advice = adviceCall999
		}
	}
}

// RedFlagQuestionByID returns the question with the given id.
func RedFlagQuestionByID(id string) (RedFlagQuestion, bool) {
	i := slices.IndexFunc(RedFlagQuestions, func(q RedFlagQuestion) bool { return q.ID == id })
	if i < 0 {
		return RedFlagQuestion{}, false
	}
	return RedFlagQuestions[i], true
}

// Validate checks answers sent from outside (the patient page, a sync page), saying
// which answer is wrong and how to put it right.
func (a *Answers) Validate() error {
	if a == nil {
		return nil
	}
	switch a.For {
	case "", ForSelf, ForChild, ForAdult:
	default:
		return Errorf(EINVALID, "who the request is for is %q: use self, child or adult", a.For)
	}
	if a.AgeMonths != nil && (*a.AgeMonths < 0 || *a.AgeMonths > 23) {
		return Errorf(EINVALID, "a baby's age in months is %d: give it from 0 (under a month) to 23; for a child of two or more, leave it out", *a.AgeMonths)
	}
	if t := a.TemperatureC; t != 0 && (math.IsNaN(t) || t < MinTemperatureC || t > MaxTemperatureC) {
		return Errorf(EINVALID, "a temperature of %g°C cannot be right: give it in °C between %g and %g, or leave it out if none was taken", t, MinTemperatureC, MaxTemperatureC)
	}
	switch a.Pregnant {
	case "", Yes, No, NotSure:
	default:
		return Errorf(EINVALID, "the answer about pregnancy is %q: use yes, no or not-sure", a.Pregnant)
	}
	seen := make(map[string]bool, len(a.RedFlags))
	for _, f := range a.RedFlags {
		if _, ok := RedFlagQuestionByID(f.Question); !ok {
			return Errorf(EINVALID, "there is no red-flag question %q: the patient page may be out of date — reload it", f.Question)
		}
		if seen[f.Question] {
			return Errorf(EINVALID, "the red-flag question %q is answered twice", f.Question)
		}
		seen[f.Question] = true
	}
	return nil
}

// Empty reports whether nothing was answered, so nothing need be stored.
func (a *Answers) Empty() bool {
	return a == nil || (a.For == "" && a.AgeMonths == nil && a.TemperatureC == 0 && a.Pregnant == "" && len(a.RedFlags) == 0)
}

// YesTo returns the red-flag questions the patient answered yes to, in the order asked.
func (a *Answers) YesTo() []RedFlagQuestion {
	if a == nil {
		return nil
	}
	var out []RedFlagQuestion
	for _, f := range a.RedFlags {
		if q, ok := RedFlagQuestionByID(f.Question); ok && f.Yes {
			out = append(out, q)
		}
	}
	return out
}

// Summary says the answers in one short line for staff ("for their child; 2 months;
// 38.4°C; yes to: signs of sepsis"). It holds the patient's answers, so like the text it
// is shown to staff and never logged.
func (a *Answers) Summary() string {
	if a.Empty() {
		return ""
	}
	var parts []string
	if a.For != "" {
		parts = append(parts, "for: "+strings.ToLower(a.For.Label()))
	}
	if a.AgeMonths != nil {
		parts = append(parts, fmt.Sprintf("age %d months", *a.AgeMonths))
	}
	if a.TemperatureC != 0 {
		parts = append(parts, fmt.Sprintf("measured %.1f°C", a.TemperatureC))
	}
	if a.Pregnant != "" {
		parts = append(parts, "pregnant: "+strings.ReplaceAll(string(a.Pregnant), "-", " "))
	}
	var yes []string
	for _, q := range a.YesTo() {
		yes = append(yes, q.Flag)
	}
	if len(yes) > 0 {
		parts = append(parts, "yes to: "+strings.Join(yes, "; "))
	} else if len(a.RedFlags) > 0 {
		parts = append(parts, "no to every red-flag question asked")
	}
	return strings.Join(parts, "; ")
}
