package triage

import (
	"strings"
	"testing"
	"time"
)

// Every red-flag question has its words for someone else, naming them, so a question
// added later cannot fall back to "you" on a child's page unnoticed.
func TestEveryRedFlagQuestionCanBeAskedAboutSomeoneElse(t *testing.T) {
	s := Subject{For: ForChild, Name: "Amelia"}
	for _, q := range RedFlagQuestions {
		o, ok := aboutOthers[q.ID]
		if !ok || o.ask == "" {
			t.Errorf("%s has no wording about someone else", q.ID)
			continue
		}
		if ask := q.AskAbout(s); !strings.Contains(ask, "Amelia") || strings.Contains(ask, "your") {
			t.Errorf("%s about Amelia reads %q", q.ID, ask)
		}
		if a := q.AdviceAbout(s); !strings.Contains(a, "Call 999 now for Amelia") {
			t.Errorf("%s's advice about Amelia reads %q", q.ID, a)
		}
		if q.AskAbout(Subject{For: ForSelf, Name: "Ann"}) != q.Ask || q.AdviceAbout(Subject{}) != q.Advice {
			t.Errorf("%s is not asked of the writer as written", q.ID)
		}
	}
	for id := range aboutOthers {
		if _, ok := RedFlagQuestionByID(id); !ok {
			t.Errorf("wording for %s, which is not a question", id)
		}
	}
}

func TestRedFlagQuestionsLeaveOutOnlyWhatCannotApplyByAge(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	born := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		name    string
		s       Subject
		without []string
	}{
		{"the writer, whatever their age, is asked about a baby", Subject{For: ForSelf, Birth: born(1980, 4, 21)}, nil},
		{"the writer of 70", Subject{For: ForSelf, Birth: born(1956, 1, 1)}, []string{"ectopic"}},
		{"a birth date not known asks everything", Subject{For: ForChild}, nil},
		{"a newborn", Subject{For: ForChild, Birth: born(2026, 11, 20)}, []string{"chest-pain", "cauda-equina", "ectopic", "sight", "headache"}},
		{"a baby of exactly 3 months", Subject{For: ForChild, Birth: born(2026, 8, 24)}, []string{"chest-pain", "cauda-equina", "ectopic", "sight", "headache", "baby-fever"}},
		{"a child of two", Subject{For: ForChild, Birth: born(2024, 11, 24)}, []string{"cauda-equina", "ectopic", "baby-fever"}},
		{"a child of ten", Subject{For: ForChild, Birth: born(2016, 11, 24)}, []string{"baby-fever"}},
		{"an adult cared for of 90", Subject{For: ForAdult, Birth: born(1936, 5, 5)}, []string{"ectopic", "baby-fever"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			asked := map[string]bool{}
			for _, q := range RedFlagQuestionsFor(tc.s, now) {
				asked[q.ID] = true
			}
			for _, q := range RedFlagQuestions {
				left := false
				for _, id := range tc.without {
					left = left || id == q.ID
				}
				if asked[q.ID] == left {
					t.Errorf("%s: asked %v, want %v", q.ID, asked[q.ID], !left)
				}
			}
		})
	}
}

func TestPatientLabelNeverUsesTheDesksWords(t *testing.T) {
	cases := []struct {
		s        Status
		answered bool
		want     string
	}{
		{StatusNew, false, "With the practice"},
		{StatusAssigned, false, "With the practice"},
		{StatusInProgress, true, "With the practice"},
		{StatusAwaitingPatient, true, "Waiting for your reply"},
		{StatusClosed, true, "Answered"},
		{StatusClosed, false, "Closed"},
	}
	for _, tc := range cases {
		if got := tc.s.PatientLabel(tc.answered); got != tc.want {
			t.Errorf("%s (answered %v) reads %q, want %q", tc.s, tc.answered, got, tc.want)
		}
	}
}
