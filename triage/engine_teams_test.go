package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// teamCase is one request and the priority, team and signpost LABELS.md gives it.
type teamCase struct {
	name     string
	age      int
	sex      triage.Sex
	kind     triage.Kind
	text     string
	want     triage.Priority
	team     triage.Team
	signpost triage.Signpost
}

// holdTeams holds the rules alone and the desk's engine to each case's priority, team
// and signpost: a family of team fixes must not move a priority on the way.
func holdTeams(t *testing.T, cases []teamCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: c.kind, Text: c.text}
			for _, e := range rulesAndDesk() {
				got := e.eng.Classify(in)
				if got.Priority != c.want || got.Team != c.team || got.Signpost != c.signpost {
					t.Errorf("%q: %s gave %s/%s/%s, want %s/%s/%s; because %v", c.text, e.name,
						got.Priority, got.Team, got.Signpost, c.want, c.team, c.signpost, got.Reasons)
				}
			}
		})
	}
}

// TestMedicineRequestsGoToTheMedicinesTeam is issue 10's family of a request about a
// medicine the patient takes (an early supply, a review, whether two go together, a
// tablet to split or stop) that no other rule reads: ticked as admin it went to the
// admin team, ticked as clinical to the GP, where LABELS.md gives both to the medicines
// team. The rules that read it change the team only: ticked as admin it stays routine,
// ticked as clinical it stays soon, the fallback's priority (a text the rules do not
// read may hold an emergency they miss, see TestMedicineWordsNeverLowerAPriority).
// Beside them, the look-alikes that are not the medicines team's: a list of medicines
// for a care home is a copy of records (admin), booking a jab is appointment admin,
// asking whether a contact with an infection needs antibiotics or a symptom beside a
// medicine stays the GP's, soon.
func TestMedicineRequestsGoToTheMedicinesTeam(t *testing.T) {
	holdTeams(t, []teamCase{
		{"an early supply before a trip, ticked admin", 58, triage.Female, triage.Admin,
			"Off to Canada for six weeks, could I have my amlodipine early? I've about 2 weeks' worth", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"two medicines together, ticked admin", 47, triage.Male, triage.Admin,
			"Is it ok to take ibuprofen alongside my losartan?", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"the pharmacist to look over them, ticked admin", 81, triage.Female, triage.Admin,
			"could the pharmacist look over all my tablets with me, I have nine different ones now", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"a relative's tablets to a new chemist, ticked admin", 79, triage.Male, triage.Admin,
			"Mum's donepezil needs to go to the new chemist on the high street from now on, she has a week left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"whether to carry on, clinical", 66, triage.Female, triage.Clinical,
			"I have been on alendronic acid for six years now, should I still be taking it?", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"a drink on a medicine, clinical", 39, triage.Male, triage.Clinical,
			"Can I have a couple of beers at my brother's stag do while I'm on propranolol?", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"splitting a tablet, clinical", 71, triage.Male, triage.Clinical,
			"Am I allowed to cut my bisoprolol in half, they are hard to swallow whole", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"off the repeat list, clinical", 55, triage.Female, triage.Clinical,
			"my HRT gel seems to have disappeared from my list on the app, I have a few weeks left", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"a list of medicines for a care home is records", 84, triage.Male, triage.Admin,
			"Dad is going into respite next week and they want a list of his medication, can you email it over", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"booking a jab is appointment admin", 70, triage.Female, triage.Admin,
			"How do I book my pneumonia jab?", triage.Routine, triage.TeamAdmin, triage.SignpostNone},
		{"a contact asking for antibiotics stays the GP's", 35, triage.Female, triage.Clinical,
			"my son's friend has scarlet fever, he seems fine, does he need antibiotics to be safe?", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"weight lost beside a medicine stays the GP's", 60, triage.Male, triage.Clinical,
			"Lost a stone without trying this year, I take metformin and I'm not dieting", triage.Soon, triage.TeamGP, triage.SignpostNone},
	})
}

// TestMedicineWordsNeverLowerAPriority holds present emergencies that name a medicine
// (an overdose, GTN, an inhaler, an EpiPen, tablets kept for a plan) to the GP team and
// to a priority no lower than the fallback's soon, with the rules alone and with the
// desk's engine: a rule that moves a medicine request to the medicines team must never
// take over a text the rules do not read. The first four are review4's: the rules miss
// them as emergencies, so they must at least stay soon for the GP (the model may
// raise); the rest the rules read as emergencies and must keep.
func TestMedicineWordsNeverLowerAPriority(t *testing.T) {
	cases := []struct {
		name string
		age  int
		text string
		want triage.Priority // the least urgent priority allowed
	}{
		{"thirty paracetamol an hour ago, in text speak", 19,
			"took 2 many pills lol not joking tho like 30 paracetamol an hr ago", triage.Soon},
		{"tablets in front of them and a plan", 45,
			"my crisis plan says to contact you if I have a plan, I do, I've got the tablets in front of me and I want to take them", triage.Soon},
		{"chest tightness no longer easing with GTN", 66,
			"The tightness is no longer easing with my GTN spray, it's been crushing for 30 minutes and going into my jaw", triage.Soon},
		{"pills at a party, pounding heart", 19,
			"took some pills at a party, heart is pounding, I'm boiling hot and twitching", triage.Soon},
		{"a whole strip of sertraline", 52,
			"I swallowed the whole strip of my sertraline about an hour ago, I'm sorry", triage.Emergency},
		{"GTN twice, pain spreading to the arm", 70,
			"Used my GTN spray twice and the pain in my chest is still there after 20 minutes, it's spreading to my left arm", triage.Emergency},
		{"the blue inhaler doing nothing", 34,
			"blue inhaler every few minutes and it's doing nothing, can only get a couple of words out", triage.Emergency},
		{"after the EpiPen, lips and throat", 27,
			"used my EpiPen after eating a cashew, my lips are still swelling and my throat feels tight", triage.Emergency},
		{"stopping warfarin, vomiting blood", 58,
			"Can I stop taking my warfarin? I've been vomiting blood this morning", triage.Emergency},
		{"stopping a medicine to save it up", 40,
			"I want to stop my citalopram because I've decided to end it all tonight and I've saved up the tablets", triage.Emergency},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: triage.SexUnknown, Kind: triage.Clinical, Text: c.text}
			for _, e := range rulesAndDesk() {
				got := e.eng.Classify(in)
				if got.Priority.Rank() > c.want.Rank() || got.Team != triage.TeamGP {
					t.Errorf("%q: %s gave %s/%s, want %s or more urgent, GP team; because %v", c.text, e.name, got.Priority, got.Team, c.want, got.Reasons)
				}
			}
		})
	}
}

// TestSideEffectsToldAsAChangeGoToTheMedicinesTeam is issue 10's family of a side effect
// that is a new symptom, told by tying the symptom to a change in a medicine ("since my
// statin went up", "since they put me on", "the new tablet has given me", "is it the
// tablets?"): the rules read only the symptom and gave it to the GP, where LABELS.md
// gives side effects of a known medicine to the medicines team (soon). Beside them, the
// look-alikes: a request to increase a dose is a dose question (routine, medicines), a
// symptom with a medicine named but not blamed stays the GP's or the physio's, and a
// side effect that is an emergency stays one.
func TestSideEffectsToldAsAChangeGoToTheMedicinesTeam(t *testing.T) {
	holdTeams(t, []teamCase{
		{"since the dose went up", 61, triage.Male, triage.Clinical,
			"Since my simvastatin went up to 40 both my calves have been aching, not weak", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"since it was increased", 48, triage.Female, triage.Clinical,
			"Since my sertraline was increased to 100 I've been sweating a lot at night", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"since they put me on it", 74, triage.Male, triage.Clinical,
			"I've been light headed on standing since they put me on doxazosin", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"since they added it", 80, triage.Female, triage.Clinical,
			"Since they added the spironolactone my mouth is dry and I feel washed out", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"the new tablet has given me", 45, triage.Female, triage.Clinical,
			"The new water tablet has given me a rash on my arms and I feel itchy", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"is it the tablets?", 66, triage.Male, triage.Clinical,
			"I keep getting cramp in my legs at night, started the bendroflumethiazide in May. Is it the tablets?", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"a different make since the pharmacist switched", 58, triage.Female, triage.Clinical,
			"since the pharmacist switched my amlodipine to another brand I've had a thumping head most days", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"started on a tablet, now aching", 52, triage.Male, triage.Clinical,
			"I was started on the new cholesterol tablet rosuvastatin in March and my shoulders ache all the time now", triage.Soon, triage.TeamMedicines, triage.SignpostNone},
		{"asking for a dose to be increased is a dose question", 57, triage.Male, triage.Clinical,
			"My sugars have been higher, should my metformin dose be increased?", triage.Routine, triage.TeamMedicines, triage.SignpostNone},
		{"a new pain with a painkiller not blamed stays physio", 42, triage.Male, triage.Clinical,
			"twisted my ankle at football on Saturday, taking ibuprofen, still swollen but I can walk on it", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"a side effect that is anaphylaxis stays an emergency", 35, triage.Female, triage.Clinical,
			"since they put me on amoxicillin an hour ago my lips and tongue are swelling and my throat is tight", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
}

// TestDownBelowIsAPlaceNotAMood is issue 10's family of mental-health words inside a
// physical request: "feeling down below is normal", said to rule out numbness of the
// saddle with back pain, was read as the low mood "feeling down", so a back problem for
// the physio became two teams' (the GP's). "Down below" names a place even when the
// patient says it is fine. Beside them: low mood said plainly is still mental health,
// back pain with low mood said as well is two teams' (the GP's), and numbness down
// below with back pain is still an emergency.
func TestDownBelowIsAPlaceNotAMood(t *testing.T) {
	holdTeams(t, []teamCase{
		{"feeling down below normal", 41, triage.Male, triage.Clinical,
			"Pulled my lower back moving furniture on Sunday, stiff and sore, feeling down below normal and peeing fine", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"feeling down below is fine", 50, triage.Female, triage.Clinical,
			"sciatica down my right leg for a week, the feeling down below is fine and no problems with the toilet", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"feeling down there all normal", 36, triage.Male, triage.Clinical,
			"back went lifting at the gym, my waterworks and feeling down there are all normal", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"feel down below completely normal", 45, triage.Female, triage.Clinical,
			"Lower back pain since gardening at the weekend, I can feel down below completely normal when I wipe", triage.Soon, triage.TeamPhysio, triage.SignpostNone},
		{"low mood said plainly", 33, triage.Female, triage.Clinical,
			"I've been feeling down for weeks, crying a lot, no thoughts of harming myself", triage.Soon, triage.TeamMentalHealth, triage.SignpostNone},
		{"back pain and low mood both", 44, triage.Male, triage.Clinical,
			"my back has been sore since lifting at work and I've been feeling down and tearful about it all", triage.Soon, triage.TeamGP, triage.SignpostNone},
		{"numb down below is an emergency", 47, triage.Female, triage.Clinical,
			"bad back pain since yesterday and now I can't feel down below when I wipe", triage.Emergency, triage.TeamGP, triage.Signpost999},
		{"numbness down below with back pain is an emergency", 52, triage.Male, triage.Clinical,
			"back pain going down both legs and numbness down below since this morning", triage.Emergency, triage.TeamGP, triage.Signpost999},
	})
}
