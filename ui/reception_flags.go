package ui

import "triagedesk/triage"

// flagQuestion is a red-flag question as reception asks it.
type flagQuestion = triage.RedFlagQuestion

// flagQuestions are the red-flag questions reception asks every caller: the patient
// pages' own, so a caller on the phone is asked exactly what a patient online is.
func flagQuestions() []flagQuestion { return triage.RedFlagQuestions }

// setAnswers records the caller's answer to each of flagQuestions that was asked on
// the entry; a question left out (it cannot apply at the patient's age) has no answer.
// about is whom they were asked about: the caller themself, their child or an adult.
func setAnswers(e *triage.StaffEntry, about triage.Whom, asked, yes []bool) {
	a := &triage.Answers{For: about}
	for i, q := range flagQuestions() {
		if i < len(asked) && asked[i] {
			a.RedFlags = append(a.RedFlags, triage.FlagAnswer{Question: q.ID, Yes: i < len(yes) && yes[i]})
		}
	}
	e.Answers = a
}
