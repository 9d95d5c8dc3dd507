package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestALipsOwnCauseIsNoAnaphylaxis: anaphylaxis and swelling-airway read "tongue" or
// "lips" with "swell*" anywhere in the sentence, so a lip or a tongue swollen by its own
// cause (an ulcer, a piercing, filler, a burn, a bite, chapping) or asked about ("can
// lisinopril make your lips swell?") was 999 (lips23, round 23). The own cause attached
// to the part now masks the swelling's words (lip_own_swelling), and swelling-airway
// stands aside for a question as anaphylaxis does. The mask hides nothing where a sign
// of the airway, a trigger or a medicine that swells lips is told near it: those stay
// 999 on both engines.
func TestALipsOwnCauseIsNoAnaphylaxis(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 40, triage.Female, "my tongue is swelling and my throat is closing, I have a tongue piercing", true},
		{"", 40, triage.Female, "lips swelling after the filler and now my throat feels tight and I'm wheezing", true},
		{"", 40, triage.Female, "dry lips swelling up fast after the prawns", true},
		{"", 40, triage.Female, "my lips are chapped and now swelling up after eating peanuts", true},
		{"", 40, triage.Female, "tongue piercing and my tongue is suddenly huge, started lisinopril last week", true},
		{"", 40, triage.Female, "bit my lip and now both lips and tongue are swelling and I can't swallow", true},
		{"", 63, triage.Male, "Could my new blood pressure tablet make my tongue swell like this? it's huge and I'm struggling to swallow", true},

		{"", 40, triage.Female, "I have a tongue ulcer, it's swollen around it", false},
		{"", 40, triage.Female, "tongue piercing is swollen, had it done 2 days ago", false},
		{"", 40, triage.Female, "lips swollen after lip filler this morning, is that normal", false},
		{"", 40, triage.Female, "chapped lips, a bit swollen and sore", false},
		{"", 40, triage.Female, "can lisinopril make your lips swell?", false},
		{"", 50, triage.Female, "Does the ACE inhibitor make lips swell? My friend's did. I've had no swelling at all", false},
		{"", 55, triage.Female, "my lips get swollen and cracked every winter, any cream you recommend?", false},
		{"", 40, triage.Female, "ulcer on my tongue and it's a bit swollen", false},
		{"", 40, triage.Female, "could ramipril make my tongue swell?", false},
		{"", 40, triage.Female, "dry cracked lips, slightly swollen", false},
		{"", 40, triage.Female, "cracked lips, bit swollen, any balm you'd suggest", false},
	})
}
