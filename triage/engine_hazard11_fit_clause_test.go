package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAFitNowIsStoppedOnlyInItsOwnClause: review17 on main 4a0b649. A frequency, a past
// day or a long-standing word stopped rule seizure-told-now wherever the request said
// it, so a fit going on now beside a dose changed "a month ago", or beside what a
// letter says of fits "once a month", was routine. Each stops the fit only in the
// clause it is said in; said of the fit in its own clause it still holds it below 999,
// and so does a frequency told in a later clause that names no fits of its own ("he is
// fitting now, which is why we need the form, it's about twice a month": review17 at
// d1ea287).
func TestAFitNowIsStoppedOnlyInItsOwnClause(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 40, triage.Male, "the letter says he has fits once a month, but right now he's fitting and it's been 10 minutes", true},
		{"", 35, triage.Female, "his fits usually come every few weeks, but now my son is fitting and it won't stop", true},
		{"", 60, triage.Male, "Dad has had epilepsy for years, but today he is fitting and not responding", true},
		{"", 30, triage.Female, "the repeat was due a week ago. my wife is seizing on the floor and it won't stop", true},
		{"", 40, triage.Female, "the epilepsy nurse's letter says her seizures come about once a fortnight. At the moment she is seizing and it has gone on for 8 minutes", true},
		{"", 40, triage.Male, "he's fitting once a month at the moment, the letter needs updating", false},
		{"", 40, triage.Male, "Yes he is fitting now, which is why we need the form, it's about twice a month", false},
		{"", 40, triage.Female, "my daughter is fitting at the moment, as the school nurse knows, it happens about every 10 days. care plan form please", false},
		{"", 40, triage.Male, "He's fitting currently, though less than before, around once a month. Review of his meds please", false},
		{"", 40, triage.Female, "My wife is fitting still, as in she still has epilepsy, about one a month, for the PIP form", false},
		{"", 40, triage.Female, "she is fitting about twice a week lately, can we review her dose", false},
		{"", 40, triage.Male, "he has been fitting for years, the DVLA form needs the dates", false},
		{"", 8, triage.Male, "my son had a fit for ages in the shop because I said no, he's still not right with me, can we get help with his behaviour", false},
		{"", 40, triage.Female, "Epilepsy for years, fitting now and then, can I have a review", false},
	})
}

// TestASignOfNowBesideAFitOutranksAnyStop: review17 on main 4a0b649. A fit told with a
// sign beside it that it goes on now (on the floor, won't stop, blue, not coming round,
// minutes) was routine beside a repeat or a medication review, and soon beside "for
// ages" ("fittin for ages an she's not comin round"), or a frequency elsewhere in its
// sentence ("her dose was changed a month ago"). The sign outranks those; a fit with
// such a sign told on a day gone by, resolved, read in a letter, or with a frequency
// beside its own word ("Right now he's fitting less") or told as what happens when it
// comes ("on the floor when he's seizing") stays below 999, and so does "a fit" had on
// the floor without its verb (a tantrum).
func TestASignOfNowBesideAFitOutranksAnyStop(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 40, triage.Female, "she's fitting right now and won't stop, her dose was changed a month ago per the letter", true},
		{"", 40, triage.Male, "he's seizing on the bathroom floor, it's been 6 minutes, his fits are usually twice a month", true},
		{"", 80, triage.Female, "Nan's fitting on the kitchen floor, I only rang about her repeat prescription", true},
		{"", 40, triage.Female, "partner fitting on the floor for 7 mins, I only messaged about her medication review", true},
		{"", 40, triage.Female, "fittin for ages an she's not comin round", true},
		{"", 30, triage.Male, "my brother was fitting on the floor for ages, now he's not responding", true},
		{"", 9, triage.Male, "my boy had a fit that lasted for ages, maybe 15 minutes, and now he won't wake up properly", true},
		{"", 40, triage.Male, "he has fits most weeks but this one won't stop, he's been in a fit for 8 minutes, DVLA form can wait", true},
		{"", 40, triage.Male, "he had a seizure for 3 minutes on Saturday and went blue, back to normal since, please review his meds", false},
		{"", 40, triage.Female, "she had a fit on the floor at school last week, she's fine now, can we review her dose", false},
		{"", 40, triage.Female, "the letter says if a fit lasts over 5 minutes give buccal, can I have a new supply", false},
		{"", 40, triage.Female, "I'm worried she might have a fit on the floor at work, can we talk about her driving", false},
		{"", 40, triage.Male, "Right now he's fitting less. It's about once a month. The PIP form needs updating", false},
		{"", 40, triage.Male, "he usually ends up on the floor when he's seizing, can we have a letter for a helmet", false},
		{"", 40, triage.Female, "I was filling in his PIP form when he started fitting on the floor and it won't stop", true},
		{"", 2, triage.Male, "He had a fit on the floor for ages when we left the park, screaming and kicking. He's 2, is this normal?", false},
	})
}

// TestAFitOfLaughterIsNoSeizure: review17 at ffe4955. "Mum's convulsing with laughter
// right now at your hold music" and "she had us all convulsing with laughter for 10
// minutes" became 999 by rule seizure-told-now-sign: a fit told by what it is of
// (laughter, giggles) is no seizure, whatever sign of now is said with it; a seizure
// with the same signs stays 999.
func TestAFitOfLaughterIsNoSeizure(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 38, triage.Female, "my husband is convulsing now for 5 mins, he gets these roughly every 3 weeks but they stop by themselves", true},
		{"", 38, triage.Female, "son is convulsing on the floor, lips going blue, please help", true},
		{"", 70, triage.Female, "Mum's convulsing with laughter right now at your hold music, anyway her repeat please", false},
		{"", 62, triage.Female, "She had us all convulsing with laughter for 10 minutes at the party, she's doing well on the new tablets, repeat please", false},
		{"", 45, triage.Male, "he's convulsed with laughter on the floor right now at the cat, sorry, his sertraline repeat please", false},
		{"", 29, triage.Female, "in a fit of giggles right now reading the leaflet, can I have my pill repeat", false},
		{"", 52, triage.Female, "convulsing with the giggles right now reading your text, anyway my HRT repeat please", false},
		{"", 34, triage.Male, "we were all in convulsions of helpless laughter for 10 minutes at the panto, repeat of my inhaler please", false},
		{"", 30, triage.Female, "Mum was in fits of laughter at lunch, now she's having a seizure that won't stop, 6 minutes", true},
		{"", 9, triage.Male, "had laughing gas at the dentist, now he's fitting on the floor and not responding", true},
		{"", 7, triage.Male, "my son keeps seizing and laughing, it's his gelastic epilepsy, it's been going 8 minutes and he won't respond", true},
		{"", 26, triage.Female, "we were all convulsing in helpless laughter at the hold music, can I rebook", false},
		{"", 11, triage.Male, "he's fitting and giggling, 6 minutes, lips blue", true},
	})
}
