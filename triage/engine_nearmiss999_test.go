package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestReadingsKeptUnderANumber holds readings told as kept under a number ("ketones
// have stayed under 0.6", "temp stayed under 37.5") off 999: "stayed under" was read
// as a rash that stays under a glass, and the number as a safety net's limit, so a
// baby's bare "temp" counted as a fever. The rash that stays under the glass and a
// reading over the line said beside it stay emergencies.
func TestReadingsKeptUnderANumber(t *testing.T) {
	holdRecall(t, []recallCase{
		{"ketones stayed under", 19, triage.Female, "Type 1, sick bug since yesterday, ketones checked every 2 hours have stayed under 0.6, sugars 9 to 12, keeping fluids down", false},
		{"ketones under on a diet", 45, triage.Female, "my blood ketones have stayed under 0.6 since I started the keto diet, is that safe?", false},
		{"ketones under after a bug", 12, triage.Male, "type 1, had a tummy bug, ketones stayed under 0.5 all day, sugars back to normal now, can we have more ketone strips", false},
		{"baby temp stayed under", 0, triage.Male, "my 7 week old had his jabs, temp stayed under 37.5 all night, a bit grizzly but feeding", false},
		{"baby temp stayed below", 0, triage.Female, "She's 10 weeks, I took her temp three times today and it stayed below 37.5, she is just a bit snuffly", false},

		{"spots stayed under the glass", 3, triage.Female, "fever 39 since this morning and there are spots on her legs, they stayed under the glass when I pressed it", true},
		{"rash stays under the glass", 20, triage.Male, "rash on my chest that stays under the glass, temp 38.9 and my neck is stiff", true},
		{"spots stay under it", 1, triage.Male, "tiny dark spots on his tummy, I pressed a glass and they stay under it, he's hot and sleepy", true},
		{"stay under the glass, floppy", 2, triage.Female, "the spots don't fade, they stay under the glass, she's floppy and has a temperature", true},
		{"stayed under the tumbler", 40, triage.Female, "rash stayed under the tumbler test, purple spots spreading on her legs, high fever", true},
		{"ketones under then high", 16, triage.Female, "Type 1. Ketones stayed under 0.6 yesterday but this morning they're 3.4, I've been sick 4 times and I'm breathing really fast", true},
		{"ketones stayed above", 24, triage.Male, "type 1 diabetic, vomiting since last night, ketones have stayed above 3 all morning and I'm drowsy", true},
		{"ketones not under 3", 8, triage.Male, "his ketones didn't go under 3 all night even with extra insulin, he's being sick and very sleepy", true},
		{"baby temp under then fever", 0, triage.Female, "my 6 week old's temp stayed under 37.5 yesterday but tonight it is 38.3 and she won't feed", true},
		{"baby fever after a week under", 0, triage.Male, "my 5 week old is 38.4 tonight, her temp had stayed under 37 all week", true},
		{"baby kept under a fever line", 0, triage.Female, "my 7 week old feels hot, temp stayed under 39 all evening, not feeding well", true},
	})
}

// TestSideEffectQuestions holds a red flag asked about as a side effect of a medicine
// off 999 ("can this tablet cause chest pain?"), and the same words told as happening
// at 999: a question run on without its mark ("can warfarin cause vomiting blood i been
// vomiting blood"), one told of what the patient has ("cause this", "causing"), one
// come true later in its sentence, and one answered in the next sentence by the words
// of an emergency ("can the implant cause an ectopic? I have severe one sided pain").
// It stops only the rules whose false alarms it was measured on, so a heart attack
// asked about and then timed stays 999.
func TestSideEffectQuestions(t *testing.T) {
	holdRecall(t, []recallCase{
		{"does it cause seizures", 45, triage.Female, "does sertraline cause seizures? my sister said it can. I feel fine on it, just asking", false},
		{"can steroids cause vision loss", 35, triage.Male, "Can steroids cause vision loss? Just finished a course for my chest. Eyes are fine, I'm asking for next time", false},
		{"is it a side effect", 52, triage.Female, "is vomiting blood a side effect of ibuprofen? I've had no trouble at all", false},
		{"is black poo a side effect", 60, triage.Male, "is black poo a side effect of ferrous sulphate? my GP started me on them", false},

		{"run on, been vomiting blood", 50, triage.Male, "can warfarin cause vomiting blood i been vomiting blood all morning and feel dizzy", true},
		{"run on, stroke", 25, triage.Female, "can the pill cause stroke face drooping and arm weak started 10 mins ago", true},
		{"run on, anaphylaxis", 30, triage.Female, "can penicillin cause anaphylaxis throat closing cant breathe", true},
		{"run on, chest pain", 28, triage.Male, "can cocaine cause chest pain crushing pain in chest for an hour and sweating", true},
		{"asked of what is happening", 30, triage.Female, "my lips and tongue are swelling after the new tablets, can amoxicillin cause this?", true},
		{"asked, come true in the sentence", 40, triage.Female, "is vomiting blood a side effect of aspirin because i am vomiting blood now?", true},
		{"asked, a fit now", 40, triage.Female, "is seizure a side effect of tramadol, my husband is having a seizure now", true},
		{"asked, then a report", 28, triage.Female, "can the implant cause an ectopic? I have severe one sided pain and shoulder tip pain and feel faint", true},
		{"asked, then the rash", 3, triage.Female, "could amoxil cause a rash that doesnt fade under a glass? she has one now with a fever", true},
		{"asked, then sight lost", 55, triage.Male, "can the drops cause sudden vision loss? I lost the vision in my right eye completely 30 minutes ago", true},
		{"asked of a heart attack, then how long", 62, triage.Male, "can my new blood pressure tablets cause a heavy chest pain spreading into my jaw with sweating? it's been there half an hour", true},
		{"asked, then a headache", 40, triage.Male, "can this medicine cause a severe headache? worst headache of my life came on suddenly 20 minutes ago", true},
	})
}
