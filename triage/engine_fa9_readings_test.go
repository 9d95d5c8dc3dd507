package triage_test

import "testing"

// TestANumberBelongsToTheReadingItIsToldWith holds the oxygen reading to its own number
// (fa9, round 21): "sats 98% and pulse 70" read the pulse's 70 as the saturation and sent
// a well patient's observations to 999 on both engines (very-low-oxygen). A number told
// straight after another reading's name ("pulse 70", "heart rate is 74", "BP 130",
// "70 bpm") is that reading's, and so is one told after a saturation's own number with
// a word of its own before it ("sats 98 and PR 72", "oxygen 99 ticker 70"; review16 at
// fa9-1); a low saturation told beside a pulse, before or after it, in figures or in
// words, or again after a normal one ("sats 98 then 84", "sats 97 walking 84"), is
// still the oxygen's.
func TestANumberBelongsToTheReadingItIsToldWith(t *testing.T) {
	holdAgeTexts(t, "low saturation beside a pulse", lowSatsBesideAPulse, true)
	holdAgeTexts(t, "pulse beside a normal saturation", pulseBesideNormalSats, false)
}

// lowSatsBesideAPulse tell a saturation at 999 beside a pulse, a heart rate or a
// temperature, in either order.
var lowSatsBesideAPulse = []ageTextCase{
	{67, "sats 84% and pulse 120, she's struggling to breathe"},
	{72, "Checked his oxygen with the finger thing, 82%, pulse 110, he's grey and drowsy"},
	{80, "Care home: sats 83 on air, pulse 118, breathing fast"},
	{58, "My oximeter says 84 and my heart rate is 125, I can't catch my breath"},
	{44, "pulse 130 and sats 82, lips going blue"},
	{29, "heart rate 120 and oxygen 80%"},
	{61, "sats 84% pulse 72 temp 37.1, really breathless"},
	{50, "O2 83 and pulse 100, breathless"},
	{41, "sats 82 and 120 bpm and can barely talk"},
	{66, "SpO2 84, HR 121, breathing very fast"},
	{88, "Nursing home: resident sats 80% on air, pulse 110, won't wake properly"},
	{55, "Pulse 115 and sats 84% now, was 96 this morning"},
	{47, "oxygen has dropped to 83 and pulse is 120"},
	{31, "84% sats and 120 pulse and breathless"},
	{52, "oxygen 82 heart rate 70"},
	{36, "her sats 86 with a pulse of 140, fighting for breath"},
	{73, "sats 79 pulse 98 and blue round the lips"},
	{45, "pulse oximeter says 84 and pulse 120, breathless"},
	{70, "sats 84 pulse 120"},
	{62, "her sats have gone down to 84 pulse 120"},
	{69, "o2 83 pulse 110 breathless"},
	{77, "spo2 84 pulse 110"},
	{74, "O2 sats 82 pulse 120"},
	{81, "sats 98 then dropped to 82 and he's grey"},
	{59, "temp 39 and sats 84"},
	{64, "sats 84 and 120 pulse"},
	{40, "her sats and pulse are 84 and 120, she's very breathless"},
	{40, "sats/pulse 84/118 and struggling to talk"},
	{40, "Pulse is 118 and O2 is 84, she's drowsy"},
	{40, "oxygen 96 on air and 84 walking to the loo"},
	{40, "sats 97 walking 84"},
	{40, "sats 98 then 84"},
	{40, "sats 98 and now 84, lips blue"},
	{40, "sats 98 resting 84 on exertion, very breathless"},
	{40, "sats 97 and falling 83"},
	{40, "oxygen 95 earlier 82 now"},
	{40, "sats 96 this morning 84 tonight and breathless"},
	{40, "sats 97 at rest and 84 when she walks"},
	{40, "her sats 95 and 83 when she coughs"},
	{40, "sats 97 and 84 on the other finger, breathless"},
	{40, "sats 97 yesterday and 83 today, confused"},
	{40, "sats 96 upstairs 84"},
	{40, "oxygen 97 asleep 83 and grey"},
	{40, "sats 96 and dropped 82"},
}

// pulseBesideNormalSats tell a normal saturation and a pulse, a heart rate or a blood
// pressure under 85 after it.
var pulseBesideNormalSats = []ageTextCase{
	{67, "sats 98% and pulse 70, just want to know if my new blood pressure tablets are working"},
	{35, "sats 99 pulse 62 after my run, is that normal"},
	{61, "sats 97% pulse 72 temp 37.1, cough for 2 weeks"},
	{41, "sats 98 and 70 bpm, feeling a bit wheezy at night"},
	{31, "98% sats and 65 pulse, tired and achy after covid"},
	{52, "oxygen reading 98 pulse 69, can I get a fit note"},
	{40, "sats 98% and pulse 70"},
	{40, "sats 98 and pulse 70"},
	{40, "sats 98% pulse 70"},
	{40, "oxygen 99% heart rate 80 bp 130/80"},
	{40, "sats 98 and 70 pulse"},
	{40, "sats 98 and 70 bpm"},
	{40, "SpO2 98 pulse 77"},
	{40, "SpO2 98 and 70 pulse"},
	{40, "sats 96 heart rate 68 temp 36.9"},
	{40, "o2 98% pulse 70"},
	{44, "oxygen 98% and heart rate 66 when I checked. Just tired all the time"},
	{29, "sats are 98, heart rate is 78, I just feel anxious about my chest cold"},
	{50, "O2 99% and pulse 64, asked to send my readings for the review"},
	{47, "my oxygen was 97% and my pulse was 76 at the pharmacy check"},
	{40, "SpO2 97% PR 72 on the oximeter, feeling fine, need fit note ended"},
	{40, "sats 98 and heartbeat 68 this morning, sending readings as the nurse asked"},
	{40, "oxygen 99 heart beat 74, recovered from covid, can I go back to the gym"},
	{40, "sats 96 n pulse 78, normal for my COPD, renew the rescue pack pls"},
	{40, "sats 98 and bpm 70"},
	{40, "sats 98 heart beating at 70 now"},
	{40, "sats 98% pulses 70"},
	{40, "oxygen level 98 and heart rate at rest 66"},
	{40, "oxygen 99 ticker 70"},
	{40, "sats 98 and PR 72"},
	{40, "sats 97 and HR 64, fine"},
	{40, "O2 98 & heartbeat 71"},
}
