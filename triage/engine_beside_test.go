package triage_test

import "testing"

// TestEmergencyBesideQuestion holds issue #10's hazards of round 12's note: an
// emergency told beside a question, a side effect or a safety net in other words, which
// the rules read as the question alone and left to wait. Each family has its
// look-alike: the question asked calmly or in advance, the last tablet taken as
// prescribed, the net answered as not reached or its words said of something else.
func TestEmergencyBesideQuestion(t *testing.T) {
	holdReached(t, []reachedCase{
		// A fit still going or lasting minutes, asked about as a side effect.
		{"fit lasted minutes, side-effect question", 79, "could his new memory pills give him a fit that has lasted 8 minutes now", true},
		{"seizure gone on, asked", 45, "Can her antidepressant cause a seizure? Hers has lasted 5 minutes and she is blue round the lips", true},
		{"still fitting after a question", 12, "does keppra cause breakthrough seizures?? he is still fitting on the sofa", true},
		{"been fitting for minutes", 70, "Is it the new tablets? Mum has been fitting for 7 minutes", true},
		{"fit won't stop", 30, "can tramadol cause a fit that won't stop? my partner's one is going now", true},
		{"fit asked before starting", 30, "Can lamotrigine cause fits? I start it on Monday.", false},
		{"fit last year lasted", 40, "My fit last year lasted 3 minutes, can I drive again now?", false},
		{"care plan length", 9, "His care plan says use the buccal if a fit lasts over 5 minutes, can we get more?", false},
		{"keep fit, not a fit", 70, "My husband has been going to keep fit twice a week and his hip has been sore for a fortnight", false},
		{"a kitchen fit", 45, "The kitchen fit has been going on for weeks, can I move my smear test to next month?", false},
		{"seizure medicine going well", 30, "Her seizure has been going better on the new dose, can we have the review moved?", false},
		{"a fit that won't stop, asked in advance", 25, "Can lamotrigine cause a fit that won't stop? My GP wants me to try it.", false},

		// The rest of a medicine taken, told by where it was, with a count.
		{"the rest by reference, a count", 35, "I took the sertraline that was left in the packet, about 20 of them", true},
		{"every tablet left", 28, "swallowed every pill that was left in the box, must be 18", true},
		{"remaining ones", 19, "took the remaining ones from my mums codeine box, like 16, an hour ago", true},
		{"whatever's left", 42, "took whatevers left of the zopiclone, about 12", true},
		{"emptied the packet", 23, "emptied the packet of paracetamol down my throat after he left", true},
		{"the last one, a repeat", 50, "I took the last sertraline that was left in the box today, please send a repeat", false},
		{"a count left, a repeat", 60, "about 20 sertraline left in the box, can you do the next prescription", false},
		{"remaining as prescribed, no count", 30, "took the remaining amoxicillin as told, the cough is still there", false},
		{"the rest beside a usual dose", 45, "I have taken all the sertraline at once, I was meant to take one each morning", true},
		{"everything left beside a daily habit", 30, "took everything that was left of my codeine, I usually take two a day", true},
		{"all at once beside as prescribed", 30, "took all the mirtazapine at once an hour ago, I take it as prescribed normally", true},
		{"counted rest beside daily", 30, "I took the citalopram that was left in the packet, about 20, I normally take one daily", true},
		{"the rest over a fortnight", 40, "I took what was left of my inhaler prescription, 12 doses, over the fortnight, need a new one", false},

		// A safety net told as going back at once.
		{"come straight back, it has", 65, "The registrar said come straight back if the pain went into my jaw. It has.", true},
		{"go straight to labour ward, it has come back", 31, "I was told go straight to the labour ward if the bleeding started again. It has started again.", true},
		{"back in straight away, happening now", 58, "They said get back in straight away if I got shaky and hot after the op. That's happening now.", true},
		{"straight to hospital, it has", 40, "the dentist said go straight to hospital if the swelling reached my eye. It has, my eye is shut.", true},
		{"emergency department, it did", 70, "the nurse said head to the emergency department if the leg went white. It did an hour ago.", true},
		{"come straight back, it hasn't", 65, "The registrar said come straight back if the pain went into my jaw. It hasn't, can I go back to work?", false},
		{"labour ward, none since", 31, "I was told go straight to the labour ward if the bleeding started again. Nothing since, just booking my scan.", false},
		{"straight back with questions", 60, "The surgeon said come straight back if I had any worries. I have, about when I can swim.", false},
		{"straight back to the exercises", 35, "The physio said go straight back to the stretches if my back flares up. It has, can I book another session?", false},
		{"straight back, a dressing", 55, "The nurse said come right back if the dressing leaked. It did, a little, can I get it changed?", false},
		{"straight to hospital, going down", 40, "the dentist said go straight to hospital if the swelling reached my eye. It hasn't, the antibiotics are working.", false},

		// A net's red flag named again in the present, after it.
		{"floppy now", 1, "The ward told us to come straight back if he went floppy or mottled. He is floppy now.", true},
		{"gone cold and numb", 68, "The vascular nurse said go straight to the emergency department if my foot went cold and numb. It has gone cold and numb.", true},
		{"still vomiting", 7, "We were told to come straight back in if the vomiting didn't settle after the head knock. She is still vomiting, four times now.", true},
		{"very drowsy now", 80, "The GP said bring him straight back if he got drowsy after the fall. He is very drowsy now and hard to rouse.", true},
		{"in my shoulder tip", 27, "they said go straight back to the hospital if the pain moved to my shoulder tip. Now it is in my shoulder tip and I feel faint", true},
		{"lips blue now", 3, "The nurse said call 999 if her lips went blue. Her lips are blue now and she is struggling.", true},
		{"inhaler working", 30, "My plan says call an ambulance if the blue inhaler stops working. It is working, I just use it more with this cold.", false},
		{"drowsy after a nap, feeding", 0, "Told to ring 999 if she gets drowsy. She is slightly drowsy after her nap but feeding fine.", false},
		{"rash the same size", 5, "The GP said go to A&E if the rash spreads. The rash is the same size as yesterday.", false},
		{"swelling going down", 40, "The hospital said come straight back if the swelling gets bigger. The swelling is going down.", false},
		{"asked, the same?", 50, "My sister was told 999 if her tongue swelled. Mine has swollen on the new tablets, is that the same?", false},
		{"not floppy", 1, "The GP said to ring 999 if he gets floppy. He is not floppy, he has been playing all morning.", false},
		{"the wound healing", 60, "The hospital said come straight back if the wound is hot. The wound is healing well, can I book the nurse?", false},

		// A question answered by a report of what is happening now: blood coughed up in
		// amounts, the throat closing now.
		{"mouthfuls after a question", 62, "At what stage is coughing blood a 999 thing? I am bringing up mouthfuls of it.", true},
		{"nosebleed run down the throat", 30, "The blood I coughed up this morning was from my nosebleed, a mouthful that ran down my throat; I feel fine and want to ask about nasal spray.", false},
		{"a cupful and breathless", 70, "Is coughing blood serious? I've just coughed up a cupful and I'm breathless now.", true},
		{"throat closing now, after a when-question", 26, "When should I call 999 for an allergic reaction? My throat is closing now after the cashews.", true},
		{"a streak, stopped now", 45, "Should I worry about coughing up blood? I have stopped now, it was one streak yesterday.", false},
		{"asked before starting, throat fine now", 30, "Can antibiotics cause your throat to close? My throat is fine now, just asking before I start them.", false},
		{"ankles puffy now", 66, "Can amlodipine cause ankle swelling? My ankles are puffy now in the evenings.", false},
		{"spotting now", 34, "How much blood loss is normal after a smear? I'm spotting a little now.", false},
	})
}
