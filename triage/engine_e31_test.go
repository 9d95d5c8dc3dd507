package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestEpiPenAskedForBesideItsEmergencies: an adrenaline pen asked about or for, or
// carried as a supply, is no anaphylaxis (engine31, issue #10: the pen's word alone
// sent three read near misses to 999). Only the pen's word is hidden, so a swelling,
// a breath or a pen used told beside it stays 999.
func TestEpiPenAskedForBesideItsEmergencies(t *testing.T) {
	holdFamily(t, []familyCase{
		{9, triage.Male, "Should my son carry an epipen now he's been diagnosed with a peanut allergy? He's well.", triage.Soon},
		{30, triage.Female, "My daughter reacted to kiwi last month with an itchy mouth, it settled. Should she have an epipen or an antihistamine?", triage.Soon},
		{41, triage.Male, "Can I be prescribed an epipen? I had hives after walnuts last year, no breathing problems.", triage.Routine},
		{35, triage.Female, "Need a letter for the airline that I carry an epipen and inhaler in my hand luggage.", triage.Routine},
		{28, triage.Female, "Do I need an epipen for a mild prawn allergy? I just get an itchy rash.", triage.Routine},
		{7, triage.Male, "We're going on holiday, can we get two epipens for my son?", triage.Routine},
		// The pen's words beside a reaction now.
		{24, triage.Female, "Should he carry an epipen all the time? He's eaten a peanut at a party and now he's wheezing and his lips are puffy", triage.Emergency},
		{30, triage.Female, "Do I need to carry an epipen now? Right now my face is swelling up after the wasp sting and I'm wheezing", triage.Emergency},
		{6, triage.Male, "Do we need two epipens? He's having a reaction to egg right now, his face is swelling up", triage.Emergency},
		{33, triage.Female, "Should I use my epipen? I ate prawns 10 minutes ago and my throat is closing", triage.Emergency},
		{19, triage.Male, "I gave him his epipen 5 minutes ago, he's eaten cashews and he's wheezing", triage.Emergency},
		{27, triage.Female, "we were told she should carry an epipen. she has just been stung and her throat is swelling", triage.Emergency},
	})
}

// TestEverydayWordsHoldingARedFlagsWord: a course taken as prescribed is no overdose,
// sight lost long ago is no sudden loss, and ketones told as negative are no ketones
// (engine31, issue #10). Each is a mask of the red flag's own words, so the red flag
// told in other words beside it stays 999.
func TestEverydayWordsHoldingARedFlagsWord(t *testing.T) {
	holdFamily(t, []familyCase{
		{52, triage.Female, "Took them all as prescribed but the water infection is still burning", triage.Routine},
		{61, triage.Male, "I've taken all my tablets as prescribed and my blood pressure is still high, should the dose go up?", triage.Routine},
		{80, triage.Female, "Mum took all her antibiotics as prescribed, the chest infection is better but she's tired", triage.Soon},
		{44, triage.Male, "I'm registered blind, can I get a prescription for my eye drops sent to the pharmacy?", triage.Routine},
		{37, triage.Female, "Blind in one eye since childhood, need a new glasses prescription for the other eye", triage.Routine},
		{70, triage.Male, "He has been blind in one eye for years from an injury, can he have a flu jab at home?", triage.Routine},
		{58, triage.Male, "Type 2 diabetic on insulin, ketones negative, sugars 14 with a cold, what should I do with my dose?", triage.Soon},
		{12, triage.Female, "I checked her ketones and they were negative, sugars 12, she's eating and drinking fine", triage.Soon},
		// The red flag told beside the same words.
		{34, triage.Female, "I took all my tablets as prescribed this morning, then an hour ago I took the rest of the box, about 30", triage.Emergency},
		{29, triage.Male, "I took all my antidepressants in one go twenty minutes ago", triage.Emergency},
		{66, triage.Female, "I'm registered blind in my left eye and this morning I suddenly lost the sight in my right eye", triage.Emergency},
		{59, triage.Male, "blind in one eye since birth, and since this morning my other eye has a curtain coming down over it", triage.Emergency},
		{23, triage.Female, "Type 1, ketones were negative yesterday but today they're 4.2, I'm vomiting and breathing fast", triage.Emergency},
		{14, triage.Male, "my son is type 1, ketones negative this morning, now he's being sick and very drowsy, sugar 25", triage.Emergency},
	})
}
