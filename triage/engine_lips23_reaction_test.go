package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestALipOrTongueSwollenWithAReaction: a lip or the tongue told swollen now, in any
// words, is an emergency on both engines when something makes it a reaction (rules
// lips-tongue-swelling-reaction and lips-tongue-swelling-airway; lips23, round 23): a
// trigger (a food, a sting), a medicine the person takes (a fact, whenever it started:
// "started candesartan last week"), a speed ("this morning", "by the minute"), the
// swelling spreading, or a sign of the throat, breathing or a faint. Round 22's try read
// every swollen lip as 999 unless a listed cause was named; a swollen lip alone is not
// one. Of a lip's own cause in its clause (a dentist, a spot, a blister, a blow or a
// fall), of days, asked about, told as over, as what may happen, or with the airway told
// fine, it stays below 999.
func TestALipOrTongueSwollenWithAReaction(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 58, triage.Female, "is it the lisinopril? my bottom lip has ballooned this morning", true},
		{"", 34, triage.Female, "Upper lip puffing up by the minute after the wasp got me", true},
		{"", 27, triage.Male, "lip's gone all fat and tingly after the cashew", true},
		{"", 22, triage.Female, "omg my lip has literally tripled, had peanut sauce", true},
		{"", 61, triage.Female, "on ramipril 3 years. Today my lip is swelling massively, can it cause that after so long?", true},
		{"", 62, triage.Male, "my tongue's swollen up, I'm on lisinopril", true},
		{"", 30, triage.Female, "lips r blowin up after the peanut thing", true},
		{"", 55, triage.Female, "tongue feels massive and my lips are fat, started candesartan last week", true},
		{"", 63, triage.Male, "started ramipril 3 days ago and my lip is swelling up", true},
		{"", 50, triage.Female, "tongue has gone massive in the last 20 minutes", true},
		{"", 40, triage.Female, "my top lip feels massive and numb, I'm on ramipril", true},
		{"", 40, triage.Female, "started losartan last month. now top lip swollen and tongue feels thick", true},
		{"", 40, triage.Female, "had a takeaway, now my lip is puffed up and itchy and my throat feels funny", true},
		{"", 40, triage.Female, "Lips and tongue swollen, voice has gone croaky", true},
		{"", 60, triage.Male, "my tongue feels too big for my mouth, started a new tablet yesterday", true},

		{"", 38, triage.Male, "my lip is swollen from a tooth abscess, the dentist has given me antibiotics, no trouble swallowing", false},
		{"", 33, triage.Male, "walked into a door and my lip is swollen and bruised, no other injury", false},
		{"", 1, triage.Female, "my baby's top lip is a bit puffy from a sucking blister, she's feeding well", false},
		{"", 19, triage.Female, "lower lip swollen with a spot on it, pus coming out, 3 days", false},
		{"", 27, triage.Female, "lips puffy and itchy from a new lipstick, no breathing problems, 2 days now", false},
		{"", 45, triage.Female, "swollen lip after I fell off my bike yesterday, cut inside, eating ok", false},
		{"", 50, triage.Female, "My top lip has swollen up since this morning, I'm on ramipril, breathing and swallowing are fine", false},
		{"", 50, triage.Female, "Bee sting on my lip this morning, lip swollen, breathing and swallowing fine, no rash elsewhere", false},
		{"", 60, triage.Female, "My mum is on ramipril. Last Tuesday her lip puffed up for a few hours then settled. She's fine now", false},
		{"", 40, triage.Female, "my lip has been swollen for a week, on enalapril, no breathing problems", false},
		{"", 40, triage.Female, "fell off my bike today, lip swollen and cut, teeth fine", false},
		{"", 40, triage.Female, "Lips tingled a little after a new lip balm, no swelling and breathing is fine, it settled after I washed it off.", false},
		{"", 40, triage.Female, "lip swelling up after a bee sting this morning, no trouble breathing", false},
		// A denial of the airway leaves its "not" to what follows: breath denied.
		{"", 57, triage.Male, "Can I take paracetamol for the pain in my chest when I breathe in? I had a cold last week and now it hurts on the right when I take a deep breath. Not short of breath at rest.", false},
	})
}
