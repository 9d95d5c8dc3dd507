package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAHeartRacingNowWithChestPain: a heart told racing, pounding, hammering or thumping
// now, with chest pain in any words, is an emergency on both engines, of the patient or
// of the person written about, whatever medicine is named (rule fast-heart-chest-pain-now;
// hazard10, round 21). "since they added the new tablet my heart is racing and pounding
// and I have a tight pain in my chest" was same-day on both engines. Round 20's try
// (79a1db2) failed because a past episode became 999: a heart or a pain told in the past,
// as over, as a habit on effort, of a panic or anxiety, beside asthma or heartburn stays
// below 999 (where the older rule fast-heart-faint does not read it at base already).
func TestAHeartRacingNowWithChestPain(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 58, triage.Male, "since they added the new tablet my heart is racing and pounding and I have a tight pain in my chest", true},
		{"", 58, triage.Male, "my heart is racing and pounding and I have a tight pain in my chest", true},
		{"", 60, triage.Female, "heart pounding away and my chest feels tight and painful", true},
		{"", 62, triage.Male, "my husband's heart is going like the clappers and he says his chest is tight and sore", true},
		{"", 70, triage.Male, "dad says his heart is racing and his chest is hurting", true},
		{"", 45, triage.Female, "my heart won't stop racing and my chest is really tight and aching", true},
		{"", 64, triage.Male, "my heart's hammering and it feels like a band round my chest", true},
		{"", 59, triage.Male, "pulse is racing and I've got a tight chest, started half an hour ago", true},
		{"", 60, triage.Female, "heart won't slow down and my chest is aching", true},
		{"", 52, triage.Female, "hearts been racing since lunch and now there's an ache in the middle of my chest", true},
		{"", 55, triage.Female, "started amlodipine on monday and now my heart is pounding and my chest feels tight", true},
		{"", 58, triage.Male, "yesterday I started the new tablet and now my heart is racing and my chest is tight", true},
		{"", 61, triage.Female, "had my jab yesterday, today my heart is pounding and I have a pain in my chest", true},
		{"", 39, triage.Male, "took cocaine last night and now my heart is pounding and my chest is killing me", true},
		{"", 62, triage.Female, "heart is fluttering and I have a pain in my chest that won't go away", true},
		{"", 58, triage.Male, "my hearts going crazy and my chest is tight, been like this 20 mins", true},
		{"", 58, triage.Male, "I've had chest pain since this morning and my heart is racing", true},
		{"", 55, triage.Male, "my heart is beating really hard and my chest hurts", true},
		{"", 55, triage.Male, "heart rate is really fast and I have chest pain", true},
		{"", 55, triage.Female, "my heart feels like it's racing and my chest is tight", true},
		{"", 55, triage.Male, "heart going a mile a minute and my chest hurts", true},
		{"", 55, triage.Female, "heart is beating very quickly and there is pain in my chest", true},
		{"", 55, triage.Male, "my hearts racin n chest is tight", true},
		{"", 55, triage.Male, "me ticker's going like the clappers and me chest is tight", true},
		{"", 55, triage.Female, "heart is pounding and my chest is really sore, I feel sick", true},
		{"", 55, triage.Female, "I'm anxious because my heart is racing and my chest is tight and I've never had this before", true},
		{"", 55, triage.Female, "I feel stressed, heart racing, chest tight, never had this", true},
		{"", 58, triage.Male, "he has had a pain in his chest for an hour and his heart is pounding", true},

		{"", 58, triage.Male, "my heart was racing and I had a pain in my chest last year, all tests fine, I need a copy of the cardiology letter", false},
		{"", 40, triage.Female, "had a racing heart and tight chest two years ago, it was anxiety, fine now, can I get a copy of my ECG", false},
		{"", 58, triage.Male, "my heart was pounding and my chest was tight last week during a stressful meeting, it settled on its own, fine since", false},
		{"", 52, triage.Male, "heart racing on the new tablet, had a pain in my chest a month ago which the hospital said was muscular", false},
		{"", 58, triage.Male, "had a pain in my chest a few weeks ago which was muscular, but now my heart is pounding on the new tablet", false},
		{"", 44, triage.Male, "my heart was pounding yesterday and my chest ached but it's all settled today, should I mention it at my review", false},
		{"", 60, triage.Male, "my heart is pounding and my chest is tight when I climb the stairs, it settles when I rest", false},
		{"", 40, triage.Male, "my heart races and my chest gets tight when I go up hills, been like that a few months", false},
		{"", 58, triage.Male, "my heart was beating really hard and my chest hurt last year, fine since", false},
		{"", 55, triage.Male, "my heart rate was really fast on Saturday and my chest was sore, all checked and fine now", false},
		{"", 38, triage.Female, "having a panic attack, heart racing and my chest is tight, it usually passes in 10 minutes", false},
		{"", 35, triage.Female, "my asthma is playing up, heart racing from the salbutamol and chest tight, wheezy but talking fine", false},
		{"", 38, triage.Male, "pulled a muscle lifting at the gym, chest is sore to press and my heart is pounding from the workout", false},
		{"", 62, triage.Male, "my heart is racing after my coffee, no chest pain, feel fine otherwise", false},
	})
}
