package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestHadAFitOfAngerOrShock: "had a fit" as a person's anger or shock (hazard7, round 19,
// mask fit_idiom). "I nearly had a fit in the shop when I saw the price", "my girlfriend
// had a fit at me for snoring", "mum had a fit about my grades" were 999 on both engines.
// The mask hides the fit's words only where they overlap, never "had a fit about" a time
// ("about an hour ago") nor "at" a place ("at home", "at her desk", "at my mum's"), and
// stands aside for a sign of a fit said near it (eyes rolled, jerking, stiff or blue, not
// responding, minutes, a fever): fits told with the same words stay 999 on both engines.
func TestHadAFitOfAngerOrShock(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 30, triage.Female, "she had a fit at me in the kitchen, her eyes rolled back and she went stiff", true},
		{"", 8, triage.Male, "he threw a fit, his whole body was jerking and his lips went blue", true},
		{"", 40, triage.Male, "my husband had a fit at home about 10 minutes ago and is still not responding", true},
		{"", 25, triage.Female, "my sister had a fit at my mum's house, she's not coming round", true},
		{"", 2, triage.Female, "my toddler had a fit about 5 minutes ago with a high temperature", true},
		{"", 60, triage.Male, "Dad had a fit about an hour ago, he's still confused and not making sense", true},
		{"", 35, triage.Female, "I think he had a fit about the same time as yesterday, he's jerking and foaming at the mouth now", true},
		{"", 45, triage.Male, "my wife had a fit at him in the car, wait no, she actually had a seizure, she's unresponsive", true},
		{"", 10, triage.Female, "she nearly had a fit earlier, now she's having one, eyes rolling, not stopping", true},
		{"", 50, triage.Male, "my brother had a fit at work about 20 minutes ago, he's still out of it", true},
		{"", 1, triage.Male, "baby had a fit at nursery, stiff and blue, they've called 999", true},
		{"", 70, triage.Female, "Mum had a fit at the shops, still twitching on one side", true},
		{"", 4, triage.Male, "my son had a fit at us while we were eating, jerking for 4 minutes", true},
		{"", 33, triage.Female, "my partner had a fit about 2 mins ago, first ever, she's drowsy", true},
		{"", 15, triage.Male, "he had a fit at them at school, the teacher says he was shaking all over and wet himself", true},
		{"", 6, triage.Female, "she had a fit about it being hot, temperature 39.5, twitching", true},
		{"", 55, triage.Male, "my husband is having a fit at me right now, he's jerking and blue", true},
		{"", 20, triage.Female, "my housemate is having a fit, no not angry, an actual seizure, she's rigid and grey", true},
		{"", 12, triage.Male, "my son had a fit at the football, he's been unresponsive for 6 minutes", true},
		{"", 65, triage.Female, "Nan had a fit at her care home, hasn't come round", true},
		{"", 9, triage.Female, "she threw a fit then collapsed and started jerking, eyes rolled", true},
		{"", 28, triage.Male, "I almost had a fit watching the lights, now my arm is jerking and I can't stop it", true},
		{"", 3, triage.Female, "she had a fit at home, first one, temp 38.9, now very floppy", true},
		{"", 38, triage.Male, "my boyfriend had a fit at me then went rigid and his eyes rolled back", true},
		{"", 80, triage.Male, "Grandad had a fit at the dinner table, he's still not responding", true},
		{"", 47, triage.Female, "my wife had a fit at the wheel, she's unconscious", true},
		{"", 5, triage.Male, "my son had a fit at his party, lasted 7 minutes, he's sleepy now", true},
		{"", 42, triage.Male, "my colleague had a fit at his desk, foaming at the mouth, still fitting", true},
		{"", 7, triage.Female, "my daughter had a fit about ten minutes ago, her lips are still blue", true},
		{"", 36, triage.Female, "my husband nearly had a fit at the wheel, then had a full seizure, he's not breathing properly and blue", true},
		{"", 11, triage.Male, "my son had a fit at the pool, he's floppy and not answering", true},
		{"", 58, triage.Female, "she had a fit at home about half an hour ago and still hasn't come round", true},
		{"", 2, triage.Male, "my baby had a fit at him, I mean at his nan's, stiff arms and legs, temp 39", true},
		{"", 30, triage.Female, "I nearly had a fit in the shop when I saw the price, and now my head hurts", false},
		{"", 35, triage.Female, "mum will have a fit if she sees my tattoo, is the redness normal", false},
		{"", 3, triage.Male, "my toddler threw a fit in the supermarket and banged his knee, it's a bit swollen", false},
		{"", 55, triage.Male, "dad nearly had a fit when he saw the bill, his blood pressure must be sky high, can he have a check", false},
		{"", 40, triage.Female, "the teacher had a fit at him for being late, now he has tummy aches every morning", false},
		{"", 38, triage.Female, "my husband had a hissy fit about the bins, I've had a cough for 3 weeks", false},
		{"", 28, triage.Female, "I almost had a fit when I read my results letter, what does raised ALT mean", false},
		{"", 60, triage.Male, "my wife is going to have a fit if I don't get my knee sorted, it's been sore for weeks", false},
		{"", 50, triage.Female, "I'll have a fit if I have to wait another week for my HRT", false},
		{"", 33, triage.Male, "my girlfriend had a fit at me for snoring, can I get something for it", false},
		{"", 70, triage.Female, "my daughter would have a fit if she knew I'd stopped my statins, the aches were awful", false},
		{"", 16, triage.Male, "mum had a fit about my grades, now I can't sleep and feel sick", false},
		{"", 40, triage.Male, "my wife nearly had a fit when she saw my blood pressure reading, 160 over 95, what do I do", false},
		{"", 26, triage.Female, "my mum had a fit at me for not eating, I've lost weight and feel dizzy", false},
		{"", 5, triage.Male, "he threw a fit at nursery and bit another child, he has a rash on his hands", false},
		{"", 45, triage.Female, "the dentist would have a fit if he saw my teeth, one is broken", false},
		{"", 29, triage.Male, "my boss nearly had a fit when I said I needed a fit note, can I get one", false},
		{"", 19, triage.Female, "dad had a fit about my nose piercing, it's red and crusty now", false},
	})
}
