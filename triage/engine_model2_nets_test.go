package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// Round 15 (model2): the second opinion may not raise to 999 on a safety net the rules
// read as not reached or only asked about. Round 14's best retrain (its 999 head at the
// coin-toss floor) raised "They said 999 if the chest pain came back. It's gone away
// again now" on the net's own words; the net now leaves the 999 evidence, as a past or
// a question does, and the words left must read as same-day too (Engine.evidence,
// SecondOpinion.restReaches). A net come true keeps its words and still raises.

// TestSecondOpinionNotOnANetNotReached: 32 safety nets answered as not reached, asked
// about, or followed by something else, off 999 with the rules alone and the desk's
// engine (with the round 14 retrain 7 of them went to 999, with the shipped model 1).
func TestSecondOpinionNotOnANetNotReached(t *testing.T) {
	for _, text := range []string{
		"They said 999 if the chest pain came back. It's gone away again now, can I go back to work?",
		"The hospital said come straight back if the swelling gets bigger. The swelling is going down.",
		"Told to ring 999 if the chest pain returned. It's back. Not bad, just a slight niggle when I breathe in.",
		"The ward said 999 if the chest pain came back. I have about 10 tablets left, can I order more?",
		"Hospital said call 999 if the pain in my chest came back. What if it has?",
		"The GP said go to A&E if the pain spread to my chest. It's back pain really, between my shoulder blades.",
		"The midwife said go straight to the labour ward if the baby's movements slowed. She's kicking away as usual, just need my MATB1.",
		"A&E said come straight back if he vomited again after the bump on his head. He hasn't been sick since and he's playing normally.",
		"The dentist said go to A&E if the swelling spread to my eye. It hasn't, it's a lot smaller today.",
		"They told me 999 if her lips went blue. They've been pink all day, she's much better, can we cancel Thursday's review?",
		"Told to call 999 if the rash didn't fade with a glass. It fades fine and she's eating, just want a check-up.",
		"Stroke clinic said 999 if my speech went funny again. No problems since, when is my next scan?",
		"The nurse said call an ambulance if my sats dropped below 92. They've been 97 all week.",
		"I was told to go to A&E if the headache got much worse. It's eased off with paracetamol, can I have a sick note?",
		"The paediatrician said 999 if he stopped breathing for more than 20 seconds. Nothing like that, he's sleeping well, is his medicine due a review?",
		"Hospital said come straight back if my calf swelled up. It hasn't, I just want the results of my scan.",
		"Should I ring 999 if the chest pain comes back, or 111?",
		"What should I do if her temperature goes over 38 again? She's fine now, 37.1.",
		"The surgeon said come straight back if the wound went red and hot. It looks clean and dry, can the nurse take the clips out?",
		"The asthma nurse said 999 if the blue inhaler stopped working. It's working fine, but can I have a new spacer?",
		"They said 999 if I got any thoughts of acting on it. I haven't, I'm doing better with the counselling.",
		"The hospital said come straight back if I got short of breath. I'm not, I just get tired climbing stairs which I always have.",
		"Told to ring 999 if the bleeding didn't stop. It stopped after 5 minutes of pressure, it was only a small cut.",
		"The out of hours GP said A&E if the pain moved to the right side. It's still in the middle and much better today.",
		"The midwife said 999 if I had a bad headache with flashing lights. I haven't, just a bit tired, can I have my iron tablets repeated?",
		"They told us to go to A&E if she became floppy. She's bouncing around the house now, thanks.",
		"The hospital said call 999 if the chest pain came back, so is it safe to go on holiday next month?",
		"The diabetes nurse said 999 if he couldn't keep his sugars up. They've been between 6 and 9 all week.",
		"Our care plan says 999 if his oxygen is under 88. It's been 94 to 96 today, can we have more oxygen tubing?",
		"Said to go straight back if the eye got painful after the injection. It's comfortable, just a bit gritty, is that normal?",
		"The consultant said ring 999 if I lost control of my bladder. My bladder is fine, the back pain is easing.",
		"The 111 nurse said 999 if his breathing got fast. It's normal now he's had Calpol, should we still see someone tomorrow?",
	} {
		t.Run(text, func(t *testing.T) {
			hold999(t, triage.Input{Age: 60, Sex: triage.Female, Kind: triage.Clinical, Text: text}, false)
		})
	}
}

// TestSafetyNetComeTrueStillRaises: 30 nets come true, told in the next sentence or in
// their own, at 999 on the desk's engine (some only by the model: the eye after an
// injection, lips swelling after a peanut, a baby blue round the lips).
func TestSafetyNetComeTrueStillRaises(t *testing.T) {
	desk := assets.DefaultEngine()
	for _, text := range []string{
		"They said 999 if the chest pain came back. It has, and it's going down my left arm and I'm sweating.",
		"The hospital said call 999 if his lips went blue. They're going blue now and he's gasping.",
		"Told to ring an ambulance if she went floppy. She's floppy and won't wake up properly.",
		"Midwife said go straight to the labour ward if the baby stopped moving. I haven't felt him move since last night.",
		"The dentist said go to A&E if the swelling spreads to my eye. It's spread up to my eye and I can hardly open it.",
		"We were told to call 999 if her temperature went over 38 and she's 6 weeks old. She's 38.6 now.",
		"The stroke nurse said 999 if his face dropped again. His face has dropped on the left side again and his speech is slurred.",
		"They told me to come straight back if I got short of breath after the op. I'm really short of breath and my chest hurts when I breathe in.",
		"The GP said 999 if the rash didn't fade under a glass. It doesn't fade and she's floppy and hot.",
		"Hospital said call an ambulance if my sats went below 90. They're 85 on the monitor and I'm breathless.",
		"Told to call 999 if the bleeding didn't stop after 10 minutes. It's been 40 minutes, still pouring and he's on warfarin.",
		"They said go to A&E if my headache got suddenly much worse. It's the worst headache of my life, came on like a thunderclap an hour ago.",
		"The asthma nurse said ring 999 if the blue inhaler stopped helping. I've had 10 puffs and I can't finish a sentence.",
		"Said to phone 999 if her breathing got fast and she stopped feeding. She's breathing really fast and won't feed at all.",
		"Our care plan says 999 if her oxygen is under 88. It's 82 and her lips look grey.",
		"We were told 999 if the swelling in his throat came back. His throat is swelling again and his voice has gone.",
		"The out of hours doctor said go to A&E if the pain moved to the right side low down. It has moved there and I can't stand up straight, I've been sick.",
		"The midwife said 999 if I bled heavily after the birth. I'm soaking a pad every 10 minutes and feel faint.",
		"The surgeon said come straight back if my calf swelled after the operation. My calf is swollen and red and now I'm short of breath.",
		"They told me to call 999 if I had thoughts of acting on it. I have the tablets in front of me and I'm going to take them tonight.",
		"The consultant said 999 if I lost control of my bladder with the back pain. I've wet myself and my bum is numb.",
		"The paramedic said ring back if he got confused. He's very confused now and burning hot and shaking.",
		"Told to go to A&E if the eye became painful after the injection. It's agony and I can barely see out of it.",
		"The GP said 999 if the chest pain came back. It came back twenty minutes ago, exactly the same, crushing.",
		"The nurse said to ring 999 if her lips swelled after the peanut. They're swelling and she's wheezing.",
		"We were told 999 if she had another fit lasting more than 5 minutes. She's been fitting for 7 minutes now.",
		"They said call 999 if I started coughing up blood with the clot. I'm coughing up blood now and my chest is sore when I breathe.",
		"The hospital said call 999 if the pain in my chest came back. It has.",
		"Told to call 999 if my baby went blue round the lips. She did just now, for a few seconds, and she's very sleepy.",
		"The hospital said ring 999 if his breathing got worse with the croup. It's much worse, he's pulling in under his ribs and making a high noise breathing in.",
		"we were told to dial 999 if he stopped breathing for more than 20 seconds and he stopped breathing for about 30 seconds",
	} {
		t.Run(text, func(t *testing.T) {
			in := triage.Input{Age: 60, Sex: triage.Female, Kind: triage.Clinical, Text: text}
			if got := desk.Classify(in); got.Priority != triage.Emergency {
				t.Errorf("%q: the desk's engine gave %s, want emergency; because %v", text, got.Priority, got.Reasons)
			}
		})
	}
}
