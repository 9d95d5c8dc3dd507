package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestBenignCauseNamedIsNotAnEmergency holds the false-alarm families where the patient
// names what explains a red flag's words (issue 10, engine21): black stools on iron,
// bismuth or liquorice in a patient who says they are well, with nothing after a "but";
// an adrenaline pen asked for, not used. Each near miss is kept off 999
// by the rules alone, and its emergency, told in the same words with the sign that
// makes it one (tar, faintness, weakness, no word of being well, a rash that does not
// blanch, a pen used), stays 999 with the rules alone and the desk.
func TestBenignCauseNamedIsNotAnEmergency(t *testing.T) {
	rules := assets.RulesEngine()
	for _, c := range []priorityCase{
		{"black on iron", 67, triage.Male, "been on iron tablets a fortnight and the poo is black now, no pain, I feel fine", triage.Soon},
		{"black on bismuth", 29, triage.Female, "my stools are black since I took bismuth for a dodgy tummy, otherwise ok", triage.Soon},
		{"black on liquorice", 51, triage.Male, "ate loads of liquorice and my poo is black, feel grand", triage.Soon},
		{"epipen on repeat", 22, triage.Female, "can I have an epipen on repeat, I have a nut allergy and mine is out of date", triage.Routine},
		{"epipen for school", 8, triage.Male, "school want a spare epipen for his bag", triage.Routine},
	} {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		if got := rules.Classify(in); got.Priority == triage.Emergency {
			t.Errorf("%s: %q: the rules alone gave emergency, want %s; because %v", c.name, c.text, c.want, got.Reasons)
		}
	}
	holdPriorities(t, []priorityCase{
		{"black, not on iron, faint", 67, triage.Male, "not on iron, the poo is black now and I went faint on the loo", triage.Emergency},
		{"black on iron, dizzy and pale", 67, triage.Male, "been on iron tablets a fortnight but the poo is black and I'm dizzy and pale", triage.Emergency},
		{"black on bismuth, tarry", 29, triage.Female, "took bismuth but my stools are black and tarry and sticky", triage.Emergency},
		{"black, no cause", 51, triage.Male, "my poo is black since yesterday", triage.Emergency},
		{"black on iron, nothing said of being well", 67, triage.Male, "been on iron tablets a fortnight and the poo is black now", triage.Emergency},
		{"black on iron, weak and shaky", 64, triage.Female, "I take iron. My stools are black and I feel weak and shaky", triage.Emergency},
		{"black, iron stopped", 70, triage.Male, "he stopped his iron tablets in the summer and now his poo is black, he says he feels fine", triage.Emergency},
		{"black, iron deficient", 52, triage.Female, "told I'm iron deficient. Now my poo is black", triage.Emergency},
		{"black on iron and a thinner", 75, triage.Male, "on iron and apixaban, stools black, feel ok", triage.Emergency},
		{"black on iron, fine but white", 62, triage.Female, "black stools, I take ferrous sulphate, I feel fine but my daughter says I look grey-white", triage.Emergency},
		{"black on iron, fine, heart though", 75, triage.Male, "on iron. poo black. im fine. pulse racing though.", triage.Emergency},
		{"black on iron, ok, aspirin", 66, triage.Male, "I take iron and my stools are black. Feel ok. I take aspirin every day", triage.Emergency},
		{"a rash faded, purple now", 3, triage.Female, "the red rash faded yesterday, now she has purple spots on her legs and a fever", triage.Emergency},
		{"some disappear, others not", 1, triage.Male, "some spots disappear under a glass, the others are purple and stay, he's hot", triage.Emergency},
		{"tarry on iron, well", 60, triage.Male, "on iron tablets, I feel fine but my poo is black like tar", triage.Emergency},
		{"does not blanch", 3, triage.Female, "little spots on her back that do not blanch when I press a glass, she has a temperature", triage.Emergency},
		{"does not blanch, glass test", 1, triage.Female, "rash on her legs that does not blanch with the glass test, fever and off her feeds", triage.Emergency},
		{"doesnt blanch", 20, triage.Male, "purple rash that doesn't blanch, fever and a headache", triage.Emergency},
		{"epipen used, throat", 22, triage.Female, "used my pen twenty minutes ago, my throat is still swelling", triage.Emergency},
		{"epipen given", 8, triage.Male, "gave him an epipen, he's wheezing and his throat feels tight", triage.Emergency},
		{"epipen used, repeat asked", 30, triage.Female, "had to use my epipen an hour ago after a prawn, need a repeat epipen, still struggling", triage.Emergency},
		{"glass, not made to disappear", 9, triage.Female, "spots went dark purple, the glass test doesn't make them disappear", triage.Emergency},
	})
}

// TestRashThatFadesInPartsIsAnEmergency holds a rash said to fade in one place but not
// another ("it fades on my arms but not on my legs"), soon with the rules before
// engine21: it is a non-blanching rash, 999.
func TestRashThatFadesInPartsIsAnEmergency(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"fades, not everywhere", 28, triage.Female, "rash on my legs, did the tumbler test, it fades on my arms but not on my legs", triage.Emergency},
		{"fades, except the purple ones", 6, triage.Male, "the rash fades with the glass except the purple ones on his tummy", triage.Emergency},
	})
}
