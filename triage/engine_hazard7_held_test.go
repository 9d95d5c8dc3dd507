package triage_test

import (
	"testing"

	"triagedesk/assets"
	"triagedesk/triage"
)

// TestFittedInForAgesHeldForLaterFixes holds what main reads right today for the family
// that stopped this round (tests only; round 19, hazard7: lasting_told, three strikes).
// "Nan fitted in bed for ages, still not right" is soon on both engines: "for ages"
// (longstanding) stands the seizure rule aside. Each try to read "fitted in ... for ages"
// as the fit's length took look-alikes to 999: a place alone (bed, bath, car, chair) told
// a size or a habit ended in words no list holds ("a tiny thing", "his spot", "for the
// drive to Scotland"), and a sign told near it was said of something else or of before
// ("won't wake for feeds", "bit her tongue eating yesterday", "rang 999 last week when she
// fell", "still very drowsy on his new painkillers"). Any later fix must keep these below
// 999: belonging, sizes, habits ended, a fitter's work, fits in the sleep told as a
// history, a "not right" with its own cause, and review14's variants at hazard7-1, -2, -4.
func TestFittedInForAgesHeldForLaterFixes(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 50, triage.Male, "husband was fitting in the lounge for ages laying laminate, knees swollen", false},
		{"", 40, triage.Male, "I was fitting in the hallway for ages, new carpets, my wrist hurts", false},
		{"", 35, triage.Male, "he was fitting in the bathroom for ages, the tiler says he's fine, I think he needs a check", false},
		{"", 45, triage.Male, "my husband was fitting in the garden for ages putting up a fence, now his shoulder is agony", false},
		{"", 40, triage.Male, "he fitted in the garden for ages, new decking, now his knee is swollen", false},
		{"", 40, triage.Female, "she fitted in well at school for ages, now she is being bullied", false},
		{"", 70, triage.Female, "the wardrobe fitted in the alcove for ages", false},
		{"", 35, triage.Female, "I fitted in my old jeans for ages, now I've put on weight", false},
		{"", 60, triage.Male, "the new boiler was fitted in May and now I get headaches", false},
		{"", 75, triage.Male, "had a hearing aid fitted in the summer, it whistles", false},
		{"", 40, triage.Female, "my son fitted in at nursery for ages, now he cries every morning", false},
		{"", 35, triage.Female, "he fitted in bed last year, fine since, need a review", false},
		{"", 50, triage.Male, "I fitted in my size 34 trousers for ages, now I'm a 38, can I have weight advice", false},
		{"", 30, triage.Female, "She fitted in at work for ages then the anxiety started", false},
		{"", 45, triage.Female, "Nan fitted in well at the care home for ages, now she is withdrawn", false},
		{"", 20, triage.Male, "I've never fitted in anywhere for ages, feel low", false},
		{"", 40, triage.Female, "my daughter always fitted in her school uniform for ages, now it's too small and she's gained weight", false},
		{"", 60, triage.Male, "the stairlift fitted in the hallway for ages but now it's broken", false},
		{"", 55, triage.Female, "my dentures fitted in my mouth for ages, now they rub", false},
		{"", 65, triage.Male, "grandad fitted in with the other residents for ages, now confused at night", false},
		{"", 33, triage.Female, "he fitted in bed as a child, none since, driving licence form", false},
		{"", 28, triage.Female, "I fitted in my wedding dress for ages, now it's tight, I think I'm pregnant", false},
		{"", 70, triage.Male, "I fitted in the bath for ages but with my new hip I can't get in anymore, can I get an OT referral", false},
		{"", 60, triage.Male, "Dad fitted in his wheelchair for ages but it's getting tight since he put on weight, need a new assessment", false},
		{"", 45, triage.Female, "I fitted in my work uniform for ages, now I feel sleepy all the time and tired, thyroid?", false},
		{"", 35, triage.Female, "she fitted in her jeans for ages, she's not right since the baby, low mood", false},
		{"", 8, triage.Male, "my son fitted in his school shoes for ages, now his toes hurt", false},
		{"", 55, triage.Female, "Mum fitted in with the other ladies for ages, now she's confused at times, memory test please", false},
		{"", 22, triage.Female, "I fitted in my size 8 dress for ages and now I'm a 12, am I not right in the head to worry", false},
		{"", 70, triage.Female, "Nan fitted in her old coat for ages, it's loose on her now she's lost weight", false},
		{"", 9, triage.Female, "my daughter fitted in her ballet leotard for ages, now it's too short, she has a rash on her back", false},
		{"", 40, triage.Male, "he fitted in his old football kit for ages, then his knee gave way at training", false},
		{"", 65, triage.Female, "I fitted in my swimming costume for ages but I've put on weight since the steroids", false},
		{"", 36, triage.Female, "he fitted in at the new job for ages then got signed off with stress, fit note please", false},
		{"", 25, triage.Male, "I fitted in that flat for ages but the damp is making my chest tight", false},
		{"", 5, triage.Female, "my girl fitted in her car seat for ages, now she needs a booster, does it matter for her asthma", false},
		{"", 14, triage.Male, "my son was fitting in well at school for ages, now he's anxious and won't go", false},
		{"", 30, triage.Female, "she fitted in bed three years ago, none since, can I drive", false},
		{"", 12, triage.Female, "my daughter fitted in the classroom once last year, none since, epilepsy review please", false},
		{"", 75, triage.Male, "Dad fitted in his chair for ages at Christmas, back to normal now, neurology letter?", false},
		{"", 6, triage.Male, "he fitted in his sleep for ages last month and is fine now, when is his EEG", false},
		{"", 84, triage.Female, "nan fitted in bed for ages a couple of weeks ago, still not right in herself since, memory worse", false},
		{"", 30, triage.Male, "what if my son fitted in his sleep for ages, would I know?", false},
		{"", 40, triage.Female, "he fitted in the bath for ages two years ago and we are scared of baths, any advice", false},
		{"", 29, triage.Female, "I fitted in my bridesmaid dress for ages, now the seams are tight, could I be pregnant", false},
		{"", 50, triage.Male, "I've fitted in my trousers for ages but my belly is bloated and sore", false},
		{"", 11, triage.Male, "my boy fitted in his wetsuit for ages, now it's too small, his eczema is bad", false},
		{"", 45, triage.Female, "my daughter fitted in the netball team for ages, now she's left out and not herself", false},
		{"", 30, triage.Male, "I fitted in my football shirt for ages but it's too tight since Christmas", false},
		{"", 80, triage.Female, "Nan fitted in her armchair for ages but she's got so thin it's too big now, pressure sore on her bottom", false},
		{"", 70, triage.Male, "I fitted in the bath for ages, I can't get in anymore since the stroke, need a bath seat", false},
		{"", 29, triage.Male, "I fitted in my racing car for ages but I've grown, now my back aches", false},
		{"", 60, triage.Female, "my husband fitted in the drivers seat for ages but with his new belly he can't get in", false},
		{"", 2, triage.Female, "my son fitted in his highchair for ages but he's grown, he is sleepy after food, normal?", false},
		{"", 50, triage.Male, "I fitted in the old sofa for ages but it squashes my back now, sciatica", false},
		{"", 35, triage.Female, "I fitted in with the mums at the school gate for ages, now I'm not myself, crying a lot", false},
		{"", 40, triage.Male, "my son fitted in the cub group for ages, now he's withdrawn and drowsy in the day", false},
		{"", 38, triage.Female, "I was fitting in my old clothes for ages, now I've put on weight with my thyroid", false},
		{"", 65, triage.Female, "Mum fitted in her car for ages but after her hip op she can't get in, is it safe to drive", false},
		{"", 30, triage.Female, "I fitted in my size 12 dress for ages, now I'm a 16, I'm confused why", false},
		{"", 44, triage.Female, "she fitted in her wheelchair for ages but has lost weight and slides down, sore on her spine", false},
		{"", 1, triage.Female, "baby fitted in her moses basket for ages but she's too long for it now, can she sleep in a cot", false},
		{"", 6, triage.Male, "my son fitted in his car seat for ages but he's too tall now, which one for a child with epilepsy", false},
		{"", 22, triage.Female, "I fitted in my boyfriend's hoodie for ages lol now it's tight, pregnant?", false},
		{"", 68, triage.Male, "Dad fitted in his garden chair for ages but he's bigger now after the steroids", false},
		{"", 30, triage.Female, "I fitted in my work trousers for ages, I'm still confused how I put on 2 stone so fast, thyroid test please", false},
		{"", 40, triage.Female, "she fitted in the netball squad for ages, now she's limping after a fall", false},
		{"", 28, triage.Male, "I fitted in my old gym kit for ages but it's getting tight, and I still feel dizzy after workouts", false},
		{"", 60, triage.Female, "Mum fitted in her old wedding dress for ages, she's still so proud, but now her ankles swell", false},
		{"", 16, triage.Female, "I fitted in my school skirt for ages but it's too short now, my periods are heavy", false},
		{"", 7, triage.Male, "he fitted in his booster for ages but now he needs the next stage, he gets car sick", false},
		{"", 55, triage.Male, "I fitted in the bath for ages but after my knee op I can't get in, need rails", false},
		{"", 38, triage.Female, "she fitted in with her class for ages, now she's withdrawn and sleepy all day", false},
		{"", 70, triage.Female, "I fitted in my chair for ages but I've lost weight, it's too big and I get sore", false},
		{"", 4, triage.Female, "she fitted in her buggy for ages but she's outgrown it, she won't walk far, legs ache", false},
		{"", 30, triage.Male, "I fitted in a gym session for ages every day but now my ankle is swollen", false},
		{"", 72, triage.Male, "Dad fitted in his garden shed for ages building things, now he's forgetful", false},
		{"", 25, triage.Female, "I fitted in my bed for ages but I'm 6ft 2 now and my back aches", false},
		{"", 80, triage.Female, "Dad fitted in his recliner for ages, he's sleepy in it all afternoon", false},
		{"", 30, triage.Female, "when he was a baby he fitted in the bath for ages, now he hates water, is that normal", false},
		{"", 84, triage.Female, "Grandma fitted in her armchair for ages, she's got so frail it swamps her now", false},
		{"", 9, triage.Female, "my daughter fitted in her cot bed for ages, she's now in a big girl bed and keeps waking at night", false},
		{"", 67, triage.Female, "Mum fitted in the bath for ages until her stroke, now she has a wet room", false},
		{"", 50, triage.Male, "my brother fitted in the bus driver seat for ages but he has put on weight and his back hurts", false},
		{"", 77, triage.Male, "Grandad fitted in the car for ages, these days he struggles to get in and out", false},
		{"", 45, triage.Male, "I fitted in my car for ages until I hurt my back, now getting in is agony. No numbness, waterworks fine.", false},
		{"", 80, triage.Male, "Grandad fitted in the car for ages but since his knee op he can't bend his leg, still stiff.", false},
		{"", 84, triage.Female, "Nan fitted in the bath for ages but now she can't get out of it on her own. Still not right since her fall last month.", false},
		{"", 50, triage.Female, "My husband fitted in our bed for ages, but since his back went he's still not right getting out of it. No numbness.", false},
		{"", 15, triage.Male, "He fitted in the car for ages but now he gets travel sick and is still queasy after. He's 15.", false},
		{"", 82, triage.Female, "Nan fitted in her chair for ages, now she needs a riser recliner, OT referral please", false},
		{"", 30, triage.Female, "I fitted in my sleep for ages before they found the right dose, now on keppra and fine, repeat please", false},
		{"", 8, triage.Female, "She fitted in her sleep for ages as a baby, now she's 8, does she need an EEG", false},
		{"", 40, triage.Male, "he fitted in the night for ages before his meds were changed, he's well now", false},
		{"", 25, triage.Male, "my brother fitted in his sleep for ages when he was on epilim, now seizure free 3 years", false},
		{"", 60, triage.Female, "Mum fitted in her sleep for ages before she was diagnosed, now she's on lamotrigine and has a rash", false},
		{"", 35, triage.Female, "He fitted in his sleep for ages, it was years ago, now he wants to drive again", false},
		{"", 1, triage.Female, "She fitted in the highchair for ages, she's a tiny thing, and she's still not sleeping through the night.", false},
		{"", 60, triage.Female, "Mum fitted in the car for ages for the drive to Scotland and her ankles are still swollen two days later, both of them.", false},
		{"", 80, triage.Male, "Grandad fitted in the armchair for ages, it's his spot, and he's still very drowsy on his new painkillers.", false},
		{"", 8, triage.Female, "My daughter fitted in the bath for ages, she's tiny for 8, we'd like her growth checked. She's still not right since a tummy bug.", false},
		{"", 30, triage.Female, "I fitted in my old uniform for ages, still not right after the op on my knee", false},
		{"", 2, triage.Male, "My son fitted in his cot for ages, he still isn't right sleeping in the big bed", false},
		{"", 40, triage.Female, "she fitted in the bath for ages and still isn't right in herself since her divorce, low mood", false},
		{"", 16, triage.Female, "I fitted in my netball skirt for ages, still not right at school since the bullying", false},
		{"", 50, triage.Male, "I fitted in my work van for ages, still not right with my back after lifting", false},
		{"", 75, triage.Female, "Nan fitted in her chair for ages, she's still not right on her feet since the fall", false},
		{"", 12, triage.Male, "my son fitted in his football boots for ages, he's still not right walking after his ankle sprain", false},
		{"", 10, triage.Male, "He fitted in his bed for ages and has wet himself at night since he was little", false},
		{"", 85, triage.Male, "He fitted in his chair for ages, doesn't know where he is some days, dementia", false},
		{"", 83, triage.Female, "Nan fitted in her chair for ages, she won't wake for her meals some days", false},
		{"", 78, triage.Male, "Grandad fitted in the car for ages, he's not come round to the idea of a mobility scooter", false},
		{"", 0, triage.Female, "She fitted in her cot for ages, she's a tiny thing. She won't wake for feeds at night, is that ok? She's 10 months.", false},
		{"", 84, triage.Female, "Nan fitted in the chair for ages, she's slight. We rang 999 last week when she fell, now she needs a falls assessment.", false},
		{"", 3, triage.Male, "He fitted in his high chair for ages, he's 3 and tiny. He won't wake up for nursery in the mornings.", false},
	})
}

// TestFittedInForAgesHeldRulesAlone: review14's variants of hazard7 that the second
// opinion raises to 999 on main on its own: the rules alone keep them below 999.
func TestFittedInForAgesHeldRulesAlone(t *testing.T) {
	rules := assets.RulesEngine()
	for _, c := range []recallCase{
		{"", 10, triage.Male, "My son has fitted in his bed for ages, but this week he's wet the bed every night.", false},
		{"", 30, triage.Female, "I fitted in my bath for ages, but now I'm 36 weeks and can't, I just want a shower and I'm still sleepy all day.", false},
		{"", 80, triage.Male, "Grandad fitted in the car for ages, now his hip won't let him", false},
		{"", 35, triage.Female, "My wife fitted in the bath for ages, she's petite. She bit her tongue eating yesterday and it's ulcerated.", false},
		{"", 16, triage.Female, "She fitted in her old ballet leotard for ages, she's so slim, and she won't wake up before noon. She's 16.", false},
	} {
		in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
		if got := rules.Classify(in); got.Priority == triage.Emergency {
			t.Errorf("look-alike %q: the rules gave 999; because %v", c.text, got.Reasons)
		}
	}
}
