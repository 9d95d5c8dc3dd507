package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestReview9LookAlikesOfRound14Rules holds the look-alikes reviewer 9 wrote against
// round 14's new rules (seizure_now's first fit, fetal-still-weeks, overdose-remainder,
// spine-cancer-legs, postpartum-mind-change) off 999, and the overdose they cost the
// desk at 999: each new rule read everyday words ("first fit" of a brace, "no movement"
// of a neck, "took the bus", "unsteady" after new tablets) that its author's own
// look-alikes had not used.
func TestReview9LookAlikesOfRound14Rules(t *testing.T) {
	holdRecall(t, []recallCase{
		{"age beside the count taken", 17, triage.Female, "My daughter (17) has taken whatever was left of the paracetamol, she says 16.", true},
		{"first fit years ago", 9, triage.Male, "My son's first fit was when he was 2; he's 9 now and well. The school needs his care plan.", false},
		{"a brace's first fit", 15, triage.Female, "The brace's first fit was today at the orthodontist and my teeth ache.", false},
		{"stiff and shook with fear", 40, triage.Female, "I went stiff and shook with fear when the dog jumped at me yesterday; now a bruised knee.", false},
		{"took the bus, left only 10", 70, triage.Female, "I took the bus to the pharmacy but they'd left only 10 paracetamol for me instead of 32. Can you sort the prescription?", false},
		{"took the lot to the chemist", 50, triage.Female, "Took the lot of them to the chemist - 12 boxes of old medicines from Mum's house.", false},
		{"a neck with no movement", 30, triage.Female, "34 weeks pregnant and my neck is stiff with no movement to the left since I slept on it. Baby is moving normally.", false},
		{"moving less myself", 30, triage.Female, "I'm 30 weeks pregnant and moving a lot less myself because of the back pain; baby's movements are normal.", false},
		{"lie very still at the scan", 30, triage.Female, "36 weeks: at the scan I had to lie very still and it was uncomfortable. All normal. When is my next midwife appointment?", false},
		{"unsteady on new tablets", 70, triage.Male, "I had prostate cancer 10 years ago, all clear. My back aches after gardening and I'm a bit unsteady on my feet since my new blood pressure tablets.", false},
		{"jelly after leg day", 30, triage.Male, "Childhood leukaemia survivor. My back is sore after the gym and my legs are jelly after leg day! Any advice?", false},
		{"unsteady since a fall", 75, triage.Female, "Mum had breast cancer 20 years ago. She's unsteady since the fall last month and her back hurts where she bruised it. Can she have a physio referral?", false},
		{"someone else's signature", 30, triage.Female, "Gave birth last week at home. The midwife said someone else's signature is needed on the birth form; can the GP sign?", false},
		{"legs heavy after standing, varicose", 66, triage.Female, "Bowel cancer 6 years ago. Upper back pain after decorating and my legs are heavy after standing all day, varicose veins.", false},
		{"wobbly getting out of the car", 62, triage.Male, "Ex-smoker, had bladder cancer 5 years ago. My back hurts after a long drive and my legs are stiff and wobbly getting out of the car, fine after a walk.", false},
		{"cancer, back pain, legs heavy and tripping", 70, triage.Male, "Prostate cancer, on hormone injections. Back pain for a fortnight and today both legs are heavy and I keep tripping.", true},
		{"behaving oddly with food", 30, triage.Female, "After giving birth 2 weeks ago I've been behaving oddly with food, not hungry at all. Not low in mood.", false},
	})
	// Legs heavy from lifting a father with cancer: the rules keep it off 999; the
	// second opinion 2026.12.7 raises it on the desk, so it is held on the rules alone.
	in := triage.Input{Age: 45, Sex: triage.Male, Kind: triage.Clinical, Text: "My dad has lung cancer and I'm his carer; my back hurts from lifting him and my legs feel heavy with tiredness."}
	if rules := rulesAndDesk()[0]; rules.eng.Classify(in).Priority == triage.Emergency {
		t.Errorf("look-alike %q: %s gave 999", in.Text, rules.name)
	}
}

// TestFitNowAfterASpellPutInThePast: a spell without fits whose own sentence names a
// past time ("after the surgery last year") stops seizure-after-free for that sentence,
// which lost "She's having another one now, 5 minutes" told in the next (reviewer 9 at
// ec80c45, both engines). A fit by reference in words of now needs no such stop
// (seizure-after-free-now); "now and then" and a fitting of a kitchen are no fit now.
func TestFitNowAfterASpellPutInThePast(t *testing.T) {
	holdRecall(t, []recallCase{
		{"another one now, 5 minutes", 60, triage.Female, "Seizure free for 3 years after the surgery last year. She's having another one now, 5 minutes.", true},
		{"one right now, 6 minutes", 30, triage.Male, "He was seizure free for 2 years until the op in 2023. He is having one right now and it has been 6 minutes.", true},
		{"another one now, jerking", 25, triage.Female, "Fit free since I was a teenager. I'm having another one now, my hands are jerking.", true},
		{"fitting now, told by mum", 40, triage.Female, "Seizure-free for 5 years after my brain surgery in 2019. Mum says I'm fitting now.", true},
		{"fitting right now on the floor", 8, triage.Male, "He was fit free for a year after starting epilim last spring, he's fitting right now on the floor.", true},
		{"one at the moment, 4 minutes", 35, triage.Male, "Been seizure free for 3 years since the operation last year - having one at the moment, 4 minutes so far.", true},
		{"another baby in May", 30, triage.Female, "Seizure free for 3 years and she's having another baby in May, can she stay on lamotrigine?", false},
		{"one now and then", 30, triage.Female, "Seizure free for 4 years after surgery last year. What should I do if she's having one now and then?", false},
		{"what do I do at work", 30, triage.Female, "I was seizure free for 2 years; what do I do if I'm having one at work?", false},
		{"having one now would cost my licence", 45, triage.Male, "Seizure free for 3 years after my surgery last year. Having one now would cost me my licence - can you confirm I'm fit to drive?", false},
		{"having one now? no, a joke", 28, triage.Female, "Seizure free for 2 years since the op in 2023. I'm having one now? No! Just a joke from my son. Repeat please.", false},
		{"wine now and then", 30, triage.Female, "Seizure free for 2 years. Can I have a glass of wine now and then?", false},
		{"fitting a kitchen now", 40, triage.Male, "Seizure free for 2 years. I'm fitting now a new kitchen and need a fit note for my back.", false},
		{"a letter for the insurer", 50, triage.Male, "Fit free since 2015. Can I get a letter saying so for my insurer?", false},
		{"one at the moment I woke", 30, triage.Female, "Seizure free for 2 years; I used to have one at the moment I woke up. Can I reduce my dose?", false},
		{"a review now", 30, triage.Female, "Seizure free 5 years. Having a review now would be good, when is it due?", false},
	})
}
