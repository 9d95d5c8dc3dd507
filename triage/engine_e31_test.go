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
