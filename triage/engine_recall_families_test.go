package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// recallCase is one request of a recall family: an emergency told now that must be
// 999, or a look-alike near it that must not be.
type recallCase struct {
	name string
	age  int
	sex  triage.Sex
	text string
	is   bool // an emergency: 999; false: a look-alike that must not be 999
}

// holdRecall holds the rules alone and the desk's engine to 999 on a family's
// emergencies, and to anything but 999 on its look-alikes. A case without a name is
// named by its text.
func holdRecall(t *testing.T, cases []recallCase) {
	t.Helper()
	for _, c := range cases {
		name := c.name
		if name == "" {
			name = c.text
		}
		t.Run(name, func(t *testing.T) {
			hold999(t, triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}, c.is)
		})
	}
}

// TestNoLongerIsNotANegation: "no longer" says what stopped, and so what is true now:
// "can no longer feel my bottom" cannot feel it, "no longer responding" is not
// responding. "No longer feel suicidal" and "no longer get chest pain" stay denied, but
// only what stopped is denied, never a red flag told after it ("GTN no longer easing
// the crushing chest pain").
func TestNoLongerIsNotANegation(t *testing.T) {
	holdRecall(t, []recallCase{
		{"not responding", 79, triage.Male, "Grandad is no longer responding when we talk to him", true},
		{"not breathing properly", 66, triage.Male, "my husband stopped making sense and is no longer breathing properly", true},
		{"no longer wants to be alive", 19, triage.Female, "She says she no longer wants to be alive and has bought paracetamol to take tonight", true},
		{"can no longer feel bottom", 44, triage.Male, "Since this morning I can no longer feel my bottom when I wipe", true},
		{"no longer able to control bladder", 51, triage.Female, "bad low back pain and I am no longer able to control my bladder", true},
		{"no longer want to be alive, pills", 33, triage.Male, "I no longer want to be alive, I have a stash of pills ready", true},
		{"could no longer feel down there", 38, triage.Female, "back went while lifting, I could no longer feel anything down there", true},
		{"no longer waking up", 88, triage.Female, "Nan is no longer waking up when we shake her", true},
		{"no longer breathing", 70, triage.Male, "he has gone grey and is no longer breathing", true},
		{"no longer wants to live, tablets in hand", 58, triage.Male, "Dad says he no longer wants to live and he is sitting with his tablets in his hand", true},
		{"tablets beside me", 23, triage.Female, "I no longer want to be alive, the tablets are next to me on the bed", true},
		// What stopped is the word right after "no longer", never the red flag told
		// after it (review4).
		{"spots no longer disappear", 3, triage.Male, "his spots no longer disappear under a glass, fever and he is very sleepy", true},
		{"paracetamol no longer touches", 66, triage.Female, "paracetamol no longer touches the worst headache of my life which came on suddenly an hour ago", true},
		{"GTN no longer easing", 71, triage.Male, "my GTN spray is no longer easing the crushing chest pain going into my left arm", true},
		{"inhaler no longer helping", 9, triage.Female, "her inhaler is no longer helping and she cant speak in sentences", true},
		{"rash no longer fades", 2, triage.Female, "the rash no longer fades when I press a glass on it and she is burning hot", true},
		{"reliever no longer works", 34, triage.Male, "my blue inhaler no longer works, I am struggling to breathe and cant finish a sentence", true},
		{"no longer suicidal", 27, triage.Female, "I no longer feel suicidal since the new tablets, just want a review", false},
		{"no longer numb", 47, triage.Male, "I no longer have any numbness down below, feeling is back to normal after the physio", false},
		{"no longer chest pain", 62, triage.Male, "I no longer get chest pains when I walk up hills since my stent", false},
		{"no longer wants the tablets", 35, triage.Female, "I no longer want to be on the antidepressants, they make me so tired", false},
		{"tablets in front of me", 45, triage.Female, "I have my new tablets in front of me, can I take them with food?", false},
		// "Not breathing" is a person who is not breathing only when nothing qualifies
		// the breathing (review4).
		{"not breathing, grey", 80, triage.Male, "my dad is not breathing and his lips are grey", true},
		{"baby isnt breathing", 0, triage.Female, "the baby isnt breathing!", true},
		{"not breathing fast", 3, triage.Male, "he's got a cold, snotty, not breathing fast, eating fine", false},
		{"not breathing well through a nostril", 34, triage.Female, "blocked nose, I'm not breathing well through one nostril, sinus pain 5 days", false},
		{"not breathing any differently", 0, triage.Male, "snuffly, not breathing any differently, feeding well, just a cold", false},
		{"breath-holding", 2, triage.Female, "my daughter holds her breath when she has a tantrum and isn't breathing for a few seconds, then fine", false},
		{"not breathing faster", 7, triage.Female, "asthma is fine, she isnt breathing any faster than usual, just a cough", false},
		{"not breathing heavily", 40, triage.Male, "not breathing heavily or wheezing, just a tickly cough", false},
		{"no longer confused", 84, triage.Female, "Mum is no longer confused now the water infection has cleared", false},
	})
}

// TestPastTimeDoesNotSwallowNow: a past time ("last week", "years ago") speaks for
// its own event, not for what the same clause then tells of today, this morning or
// tonight, even told in a past tense ("and today he collapsed").
func TestPastTimeDoesNotSwallowNow(t *testing.T) {
	holdRecall(t, []recallCase{
		{"chest infection then collapse", 80, triage.Male, "Last month he had a chest infection and this morning he collapsed in the kitchen", true},
		{"overdose again", 24, triage.Male, "My son had an overdose last year and tonight he took 30 paracetamol", true},
		{"overdose again, morning", 41, triage.Female, "Last year I took an overdose and this morning I took 40 of my sertraline", true},
		{"seizure again", 36, triage.Female, "A few months ago she had a fit and today she had a seizure that lasted six minutes", true},
		{"heart attack again", 67, triage.Male, "Had a heart attack in 2020 and today I think im having a heart attack", true},
		{"fall then unconscious", 90, triage.Female, "She fell last week and was bruised and today she went unconscious in her chair", true},
		{"hospital then collapse", 75, triage.Male, "He was in hospital last week and tonight he collapsed and we cant wake him", true},
		{"anaphylaxis again", 29, triage.Female, "Years ago I had anaphylaxis to nuts and tonight my throat swelled up and I had anaphylaxis again", true},
		{"op then collapse", 58, triage.Female, "had my op last week and came home and today she collapsed on the landing", true},
		{"fall and collapse, fine today", 82, triage.Male, "Last week he had a fall and collapsed, today he is fine and back to normal", false},
		{"overdose, better today", 41, triage.Female, "Last year I took an overdose, today I am doing much better and want to come off sertraline", false},
		{"seizure, letter today", 30, triage.Male, "In 2019 I had a seizure, today I need a letter for the DVLA", false},
		{"collapse, blood pressure today", 59, triage.Male, "Two years ago he collapsed at work and today he wants his blood pressure checked", false},
		{"heart attack, review today", 70, triage.Male, "I had a heart attack last year and today I would like my statin reviewed", false},
	})
}

// TestCaudaEquinaAfterAFall: saddle numbness or lost bladder or bowel control after a
// fall is cauda equina however the fall is told; a sore bottom after one, with normal
// feeling and bladder, is not.
func TestCaudaEquinaAfterAFall(t *testing.T) {
	holdRecall(t, []recallCase{
		{"stairs, cant feel bottom", 56, triage.Male, "Fell down the stairs last week and my back hurts and I cant feel my bottom", true},
		{"ice, wet myself", 61, triage.Female, "After slipping on ice two days ago my back is agony and I have wet myself without knowing", true},
		{"ladder, numb between legs", 48, triage.Male, "Fell off a ladder on Saturday and since then numb between my legs", true},
		{"fall, wipe", 52, triage.Female, "After my fall last month, today I cant feel when I wipe and my back is killing me", true},
		{"work fall, bladder", 45, triage.Male, "Fell at work last week and since this morning I have lost control of my bladder, back pain", true},
		{"fall, both legs", 63, triage.Female, "had a fall yesterday, lower back pain and both legs are numb and weak", true},
		{"horse, numb bum", 34, triage.Female, "I fell off my horse last week and this morning my bum feels numb and I cant pee", true},
		{"garden, down below", 70, triage.Male, "After a fall in the garden my back is sore and I have no feeling down below", true},
		{"stairs, toilet paper", 50, triage.Male, "Since falling down the stairs I can no longer feel the toilet paper when I wipe", true},
		{"bruised bottom", 44, triage.Female, "fell last week, bruised bottom, sore to sit on, walking fine and peeing normally", false},
		{"no numbness", 57, triage.Male, "After my fall my back is sore but no numbness and my bladder is fine", false},
		{"coccyx", 39, triage.Female, "fell on my coccyx a month ago, still sore sitting down", false},
		{"pads", 91, triage.Female, "My mum had a fall last week, she has always been incontinent and needs more pads", false},
	})
}

// TestClotInTheLungs: a swollen leg after surgery, a birth, a flight or a cast, with
// sudden breathlessness, coughing blood or pain on breathing, is a possible clot in
// the lungs however the surgery is dated; swollen legs with breathing fine, or
// breathlessness of heart failure, are not.
func TestClotInTheLungs(t *testing.T) {
	holdRecall(t, []recallCase{
		{"knee surgery", 61, triage.Male, "my knee surgery was last month, my calf is swollen and I am suddenly breathless", true},
		{"hip replacement", 74, triage.Female, "Hip replacement 3 weeks ago, leg swollen and I am coughing up blood", true},
		{"op and breathe in", 55, triage.Male, "Since my operation two weeks ago my calf has swollen and it hurts when I breathe in", true},
		{"flight", 42, triage.Female, "after a long flight from Australia my leg is swollen and I am suddenly short of breath", true},
		{"cast", 36, triage.Male, "in a plaster cast for my ankle, calf swollen and suddenly breathless", true},
		{"after baby", 31, triage.Female, "had my baby 10 days ago, swollen painful calf and coughing blood", true},
		{"knee op pain breathing", 66, triage.Male, "knee op last week, swollen leg, breathless and it hurts to breathe", true},
		{"surgery last month", 59, triage.Female, "my leg swelled up after surgery last month and since this morning I am breathless and my heart is racing", true},
		{"bed bound", 80, triage.Female, "in bed for a fortnight with my back, now one leg is swollen and I am suddenly breathless", true},
		{"no breathlessness", 60, triage.Male, "knee surgery last month, calf a bit swollen, no breathlessness or chest pain", false},
		{"heart failure", 81, triage.Female, "both ankles swollen and a bit breathless on stairs for a few weeks, I have heart failure", false},
		{"past dvt", 68, triage.Male, "had a DVT last year after my knee surgery, breathing fine, need my warfarin reviewed", false},
		{"past clot, well now", 63, triage.Female, "Had a DVT and a clot on the lung after my hip operation two years ago, on apixaban now, feel well and breathing fine", false},
		{"calf strain", 41, triage.Male, "pulled my calf playing football, sore and a bit swollen, no breathing problems", false},
		{"swollen after op", 57, triage.Female, "swollen leg after my op, breathing normally, is that normal?", false},
	})
}

// TestTesticularPainToldByWhatItDoes: torsion's severity is often told by what the
// pain does (woke him screaming, made him sick, cannot stand straight) rather than by
// a word for severe (blind-76). A lump or a dull ache for weeks is not torsion.
func TestTesticularPainToldByWhatItDoes(t *testing.T) {
	holdRecall(t, []recallCase{
		{"screaming and sick", 13, triage.Male, "He woke up screaming, his right testicle hurts and he has been sick", true},
		{"sick with the pain", 16, triage.Male, "pain in my left ball for an hour and I was sick with the pain", true},
		{"doubled up", 12, triage.Male, "my son is doubled up holding his privates, says his testicle is killing him", true},
		{"cant walk", 15, triage.Male, "his testicle started hurting at football an hour ago and now he cant walk", true},
		{"crying with pain", 10, triage.Male, "crying with pain in his testicle since he got up", true},
		{"woke up with", 19, triage.Male, "woke up with bad pain in my testicle and feel sick, been sick twice", true},
		{"scrotum and vomiting", 14, triage.Male, "his scrotum is very painful and he keeps vomiting", true},
		{"cant stand straight", 17, triage.Male, "my nut is in agony and I cant stand up straight", true},
		{"lump no pain", 30, triage.Male, "found a small lump on my testicle last week, no pain, I feel well", false},
		{"dull ache for weeks", 35, triage.Male, "dull ache in my left testicle on and off for weeks, worse after the gym", false},
		{"itchy scrotum", 25, triage.Male, "itchy red rash on my scrotum, not painful, for a fortnight", false},
		{"vasectomy question", 42, triage.Male, "question about having a vasectomy, when can I book?", false},
	})
}

// TestSeizureToldAsJerking: a seizure is often told as jerking or shaking on the floor
// (blind-76), not by the word. A leg that jerks as one falls asleep is not one.
func TestSeizureToldAsJerking(t *testing.T) {
	holdRecall(t, []recallCase{
		{"jerking on the floor", 17, triage.Female, "Friend took some pills at a party and now she is jerking on the floor", true},
		{"arms and legs jerking", 6, triage.Male, "his arms and legs are jerking and he wont answer me", true},
		{"whole body jerking", 40, triage.Male, "my husband's whole body is jerking and his eyes have rolled back", true},
		{"shaking and jerking", 70, triage.Female, "Mum is shaking and jerking in her chair and not responding", true},
		{"jerking all over", 2, triage.Female, "she is burning hot and jerking all over", true},
		{"twitching and floor", 30, triage.Male, "he collapsed on the floor twitching and foaming at the mouth", true},
		{"limbs jerking", 55, triage.Female, "her limbs keep jerking and she has wet herself, she wont wake", true},
		{"jerking, eyes rolling", 1, triage.Male, "baby is jerking and his eyes are rolling", true},
		{"hypnic jerks", 28, triage.Female, "my legs jerk as I fall asleep and wake me up, is that normal?", false},
		{"restless legs", 61, triage.Male, "restless legs at night, twitching in my calves, worse after coffee", false},
		{"tic", 9, triage.Male, "he has a tic, his shoulder twitches when he is stressed, for months", false},
		{"eyelid twitch", 33, triage.Female, "my eyelid has been twitching for a week", false},
	})
}

// TestGreenVomitToldAnyWay: green vomit in a child is a blocked bowel however it is
// told ("vomiting bright green"); green snot, phlegm or poo beside sickness is not.
func TestGreenVomitToldAnyWay(t *testing.T) {
	holdRecall(t, []recallCase{
		{"vomiting bright green", 0, triage.Male, "My baby is 5 weeks and he has been vomiting bright green today", true},
		{"sick is green", 1, triage.Female, "her sick is dark green and her tummy is swollen", true},
		{"green bile", 3, triage.Male, "he keeps bringing up green bile", true},
		{"vomited green", 0, triage.Female, "she vomited green twice this afternoon and wont feed", true},
		{"green and vomiting", 2, triage.Male, "vomiting and it is green, tummy hard", true},
		{"threw up green", 6, triage.Female, "she threw up green stuff three times and has tummy pain", true},
		{"throwing up green", 4, triage.Male, "he is throwing up something green", true},
		{"sick bright green", 8, triage.Male, "he has been sick and it was bright green", true},
		{"green snot", 2, triage.Female, "green snot and she was sick after coughing, eating fine", false},
		{"green poo", 0, triage.Male, "green poo and a bit sick after feeds, otherwise happy", false},
		{"green phlegm", 7, triage.Female, "coughing up green phlegm and vomited once after coughing", false},
		{"green nappies", 0, triage.Female, "green nappies and some possetting, feeding well", false},
	})
}

// TestLifeThreateningAsthmaInWords: an asthma attack with a silent or quiet chest, or
// exhaustion while the reliever fails, is life-threatening however it is told; a tired
// patient with asthma that is controlled is not.
func TestLifeThreateningAsthmaInWords(t *testing.T) {
	holdRecall(t, []recallCase{
		{"chest gone quiet", 24, triage.Female, "used my blue inhaler every few minutes, not helping, chest has gone quiet", true},
		{"ventolin, exhausted", 31, triage.Male, "asthma attack, ventolin not working and I am exhausted", true},
		{"chest is silent", 8, triage.Male, "my son's asthma is bad, his chest is silent and he is really tired", true},
		{"ten puffs, exhausted", 45, triage.Female, "salbutamol 10 puffs not touching it, I'm exhausted and breathless", true},
		{"worn out", 12, triage.Female, "asthma flare, inhaler not helping, she is worn out and breathless", true},
		{"wheezing for hours, exhausted", 38, triage.Male, "wheezing for hours, inhaler not working, now exhausted", true},
		{"chest quiet, was wheezing", 6, triage.Male, "he was wheezing badly and now his chest is quiet, inhaler isnt helping", true},
		{"silent chest, puffer", 52, triage.Female, "asthma, chest silent, puffer does nothing", true},
		{"tired with asthma", 40, triage.Female, "I have asthma and I'm exhausted all the time, could it be my thyroid?", false},
		{"review, tired after nights", 29, triage.Male, "asthma review due, inhaler working fine, a bit tired after night shifts", false},
		{"exhausted after covid", 50, triage.Female, "exhausted after covid, no wheeze, not needing my inhaler", false},
		{"worn out, asthma controlled", 63, triage.Male, "worn out looking after my wife, my asthma is well controlled, need a repeat inhaler", false},
		// The reliever helping only for minutes is the reliever failing; one that helps
		// (review4's F3, "exhausted from work") is not an attack.
		{"helps for minutes, chest quiet", 25, triage.Male, "asthma attack, inhaler helps for 5 minutes then I'm breathless again, exhausted and my chest is going quiet", true},
		{"wears off, exhausted", 17, triage.Female, "my asthma is terrible, the blue inhaler wears off after ten minutes and I'm exhausted and wheezy", true},
		{"exhausted from work, it helps", 52, triage.Male, "exhausted from work and my asthma is a bit worse, using blue inhaler twice a day and it helps", false},
		{"worn out, ventolin helps", 30, triage.Female, "asthma flaring with this cold, I'm worn out, using the ventolin 3 times a day which helps", false},
	})
}

// TestStrokeBesideAPastDiagnosis: a sudden loss of speech or a limp arm told today is a
// stroke whatever was diagnosed before ("GP said Bell's palsy last month"); a lost
// voice, a limp in the walk or a palsy still healing is not.
func TestStrokeBesideAPastDiagnosis(t *testing.T) {
	holdRecall(t, []recallCase{
		{"bells palsy then words", 58, triage.Male, "Diagnosed with Bell's palsy in the summer and this morning he suddenly cant get his words out and his right arm has gone limp", true},
		{"tia then limp arm", 77, triage.Female, "Had a TIA last year and today her left arm went limp and she is talking gibberish", true},
		{"suddenly cant speak", 69, triage.Male, "My husband suddenly cant speak, it started 20 minutes ago", true},
		{"migraine then limp arm", 44, triage.Male, "Migraines for years, but now suddenly his arm is limp and he cant speak", true},
		{"arm gone limp", 81, triage.Male, "Grandad's left arm has gone limp and he can't lift it, started an hour ago", true},
		{"vertigo then cant speak", 73, triage.Female, "She was told she had vertigo last week and today she suddenly cant speak", true},
		{"limp arm and face", 66, triage.Female, "Mum's arm is limp and she is not making sense since lunch", true},
		{"words wont come out", 59, triage.Male, "all of a sudden the words wont come out and my hand is weak", true},
		{"laryngitis", 35, triage.Female, "lost my voice with laryngitis, cant speak above a whisper", false},
		{"walks with a limp", 12, triage.Male, "my son walks with a limp since football, knee sore", false},
		{"cant speak to anyone", 27, triage.Female, "I cant speak to anyone about my anxiety, I feel so low", false},
		{"limp after a sprain", 30, triage.Male, "limping on my ankle since I went over on it, bruised", false},
	})
}

// TestCrisisPlanReachedWithMeansAtHand: a plan to end one's life said beside the means
// at hand ("the tablets in front of me") is an emergency, even told through a crisis
// plan's condition; a plan for the tablets' review is not.
func TestCrisisPlanReachedWithMeansAtHand(t *testing.T) {
	holdRecall(t, []recallCase{
		{"crisis plan, tablets", 30, triage.Female, "my crisis plan says to ring you if I have a plan, I do, the tablets are in front of me", true},
		{"plan and pills beside", 42, triage.Male, "I have a plan and the pills are next to me", true},
		{"made a plan, tablets in hand", 19, triage.Female, "I've made a plan and I'm holding the tablets in my hand", true},
		{"worked out how, pills here", 55, triage.Male, "I have worked out how I will do it and I have the pills here with me", true},
		{"his plan, tablets beside him", 61, triage.Female, "my husband says he has a plan and he has his tablets beside him", true},
		{"plan tonight, tablets", 27, triage.Male, "I have a plan for tonight and I've got the tablets in front of me", true},
		{"care plan, tablets in hand", 36, triage.Female, "care plan says call if I have a plan to end my life. I have one and I have the pills in my hand", true},
		{"plan, meds in front", 48, triage.Male, "I have a plan to end it and my meds are in front of me", true},
		{"plan for tablets review", 70, triage.Female, "I have a plan for my tablets review, can we book it? the tablets are in front of me now", false},
		{"birth plan", 31, triage.Female, "I have a birth plan to discuss and my vitamins next to me, can the midwife call?", false},
		{"diet plan", 45, triage.Male, "I have a plan to lose weight and the metformin is next to me, how do I take it?", false},
		{"plan to stop smoking", 52, triage.Male, "I have a plan to stop smoking and the patches next to me, how do I start them?", false},
		{"no plan", 22, triage.Female, "low mood, no plan to harm myself, my tablets are next to my bed, need a review", false},
	})
}

// holdSameDay holds the rules alone and the desk's engine to at least same-day on a
// family's cases that need a clinician today (is), the rules alone to no more than
// same-day on them, and both to below same-day on its look-alikes.
func holdSameDay(t *testing.T, cases []recallCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
			for _, e := range rulesAndDesk() {
				got := e.eng.Classify(in)
				today := got.Priority.Rank() <= triage.SameDay.Rank()
				if today != c.is || (e.name == "the rules" && got.Priority == triage.Emergency) {
					t.Errorf("%q: %s gave %s, want same-day %v; because %v", c.text, e.name, got.Priority, c.is, got.Reasons)
				}
			}
		})
	}
}

// TestPainLowOnTheRightInAChild: a child's tummy pain low down on the right with a
// fever, or that stops him jumping or walking, is possible appendicitis (blind-76):
// same-day. A tummy ache that lets him play is not.
func TestPainLowOnTheRightInAChild(t *testing.T) {
	holdSameDay(t, []recallCase{
		{"low down on the right, temp", 11, triage.Male, "sore tummy low down on the right since last night and he has a temperature", true},
		{"wont jump", 9, triage.Female, "tummy ache since yesterday, she wont jump on the trampoline because it hurts", true},
		{"bottom right", 13, triage.Male, "pain in the bottom right of his tummy, worse since this morning, off his food", true},
		{"hurts to walk", 8, triage.Male, "his tummy hurts so much he is walking bent over", true},
		{"right side fever", 12, triage.Female, "her tummy hurts on the right hand side and she has a fever", true},
		{"lower right worse", 15, triage.Male, "pain lower right of my stomach getting worse all day", true},
		{"down on the right", 7, triage.Female, "tummy pain down on the right and she feels sick", true},
		{"doesnt want to jump", 10, triage.Male, "pain in his tummy and he doesnt want to jump or run", true},
		{"ate too much", 8, triage.Male, "tummy ache after a party, ate loads of sweets, running about fine now", false},
		{"constipated", 6, triage.Female, "tummy ache on and off, not done a poo for 3 days, playing happily", false},
		{"period pain", 14, triage.Female, "period pains low in my tummy like every month, paracetamol helps", false},
		{"lower right tooth", 13, triage.Female, "my lower right tooth is wobbly and a bit sore", false},
		{"stitch", 12, triage.Male, "gets a stitch on the right when running at football, goes away when he stops", false},
	})
}

// TestNewDiabetesAfterYearsDry: a duration that tells the old normal ("after being dry
// for 3 years") is not a longstanding problem: thirst, weeing and weight loss in a
// child stay same-day (blind-76).
func TestNewDiabetesAfterYearsDry(t *testing.T) {
	holdSameDay(t, []recallCase{
		{"dry for years", 7, triage.Male, "wetting the bed again after being dry for 3 years, always thirsty and lost weight", true},
		{"fine for years", 9, triage.Female, "she was dry at night for years and now is weeing all night and drinking loads", true},
		{"clean for two years", 5, triage.Male, "after being dry for two years he has started wetting the bed again and is very thirsty", true},
		{"no accidents for years", 8, triage.Female, "no accidents for years but now weeing all the time and so thirsty", true},
		{"dry since 3", 10, triage.Male, "he has been dry since he was three but now wets the bed again, drinking gallons, getting thinner", true},
		{"thirsty, losing weight", 12, triage.Female, "always thirsty and losing weight, weeing all the time", true},
		{"toilet all the time", 6, triage.Male, "going to the toilet all the time and drinking lots, clothes hanging off him", true},
		{"thirsty and weeing at night", 4, triage.Female, "very thirsty and weeing at night again after being dry for a year", true},
		{"bedwetting for years", 9, triage.Male, "he has wet the bed for years, no other problems, can we get an alarm?", false},
		{"thirsty in the heat", 6, triage.Female, "drinking lots in this hot weather, weeing normally, otherwise well", false},
		{"wets when excited", 5, triage.Male, "little accidents when he is excited, not thirsty, weight fine", false},
		{"diabetes review", 11, triage.Female, "type 1 for years, sugars stable, needs her annual review", false},
	})
}

// TestLegsAndBladderLost: legs that cannot be felt or moved with control of the bladder
// or bowels lost is the spinal cord or cauda equina however it is told ("no control of
// my bowels", "can't feel my legs anymore"), with or without a back pain named.
func TestLegsAndBladderLost(t *testing.T) {
	holdRecall(t, []recallCase{
		{"legs anymore, bladder", 49, triage.Male, "Can't feel my legs anymore and no control of my bladder since I lifted the sofa", true},
		{"no bowel control, numb legs", 62, triage.Female, "no control over my bowels and my legs have gone numb", true},
		{"cant move legs, wee", 78, triage.Male, "Dad can't move his legs and has no control of his wee since this afternoon", true},
		{"legs numb, no bladder control", 41, triage.Female, "my legs went numb this morning and I have had no bladder control since", true},
		{"cant feel her legs, wet", 70, triage.Female, "she cant feel her legs and she has wet herself, she was fine yesterday", true},
		{"no feeling, soiled", 55, triage.Male, "I have no feeling in my legs and I've soiled myself", true},
		{"suddenly cant feel legs", 38, triage.Male, "suddenly can't feel my legs properly and no control of my bowels", true},
		{"old back, legs and bladder", 47, triage.Female, "my back went in 2019 and now I cant feel my legs and have no control of my bladder", true},
		{"legs numb sitting", 33, triage.Female, "my legs go numb when I sit cross-legged for too long, bladder fine", false},
		{"pads for years", 80, triage.Male, "no bladder control for years since my prostate op, legs fine, need more pads", false},
		{"restless legs", 66, triage.Female, "restless legs at night and I get up to wee twice", false},
		{"bladder fine, legs ache", 45, triage.Male, "legs ache after my run, no problems with my bladder or bowels", false},
	})
}

// TestEatingDisorderWithFaints: an eating disorder with fainting, dizziness on standing,
// a racing heart or drinking very little is a body failing (blind-76): same-day, not a
// routine look at the mood. One doing well in recovery is not.
func TestEatingDisorderWithFaints(t *testing.T) {
	holdSameDay(t, []recallCase{
		{"fainted at school", 15, triage.Female, "my daughter has anorexia and fainted at school today", true},
		{"dizzy standing", 17, triage.Female, "I have an eating disorder and I keep getting dizzy when I stand up", true},
		{"heart racing", 16, triage.Male, "my son is anorexic and his heart keeps racing, he looks grey", true},
		{"passed out", 19, triage.Female, "bulimia, passed out in the shower this morning", true},
		{"drinking very little", 14, triage.Female, "she has anorexia and is drinking very little this week", true},
		{"blacked out", 22, triage.Female, "my eating disorder is bad again and I blacked out on the stairs", true},
		{"feels faint", 18, triage.Male, "anorexia, feel faint all the time and so cold", true},
		{"chest pains", 20, triage.Female, "been restricting with my anorexia and now getting chest pains", true},
		{"recovery letter", 16, triage.Female, "my daughter is in recovery from anorexia, doing well, school needs a letter", false},
		{"worried about eating", 15, triage.Female, "worried my daughter might have an eating disorder, she skips breakfast, otherwise well", false},
		{"bulimia review", 24, triage.Female, "bulimia is much better, no bingeing for months, can I have a review?", false},
		{"picky eater", 4, triage.Male, "very picky eater, only eats pasta, growing fine", false},
	})
}

// TestMedicineTakenSoAsToPoison: methotrexate taken daily instead of weekly and too
// much digoxin (or its yellow vision) are emergencies however calmly told (NHS advice
// for both is A&E now): the reviewer found the first routine and the second same-day
// with both engines. A weekly dose beside a daily folic acid, a blood test, or a
// question about a leaflet is not.
func TestMedicineTakenSoAsToPoison(t *testing.T) {
	holdRecall(t, []recallCase{
		{"methotrexate daily, ulcers", 80, triage.Female, "mum took her methotrexate every day instead of weekly for 10 days, mouth ulcers and fever", true},
		{"methotrexate daily since Friday", 67, triage.Male, "I got muddled and have been taking my methotrexate daily since Friday, now my mouth is sore", true},
		{"blister pack error", 72, triage.Female, "carer here, the new blister pack had her methotrexate in every day instead of once a week, she has been on it 5 days", true},
		{"digoxin double dose, yellow", 84, triage.Male, "dad took a double dose of his digoxin this morning and is being sick, says everything looks yellow", true},
		{"digoxin, seeing yellow", 79, triage.Female, "on digoxin, very sick for two days and seeing yellow around things", true},
		{"too much digoxin", 70, triage.Male, "I accidentally took too much digoxin, about 4 tablets, feel dizzy", true},
		{"weekly, folic acid daily", 60, triage.Female, "I take methotrexate on Mondays and folic acid every day, can I have my repeat please", false},
		{"methotrexate blood test", 55, triage.Female, "my methotrexate blood test is due, can you book it", false},
		{"digoxin level", 81, triage.Male, "digoxin level blood test results please, feeling fine", false},
		{"a question about the leaflet", 64, triage.Female, "what happens if you take methotrexate daily instead of weekly? just want to understand my leaflet", false},
	})
}
