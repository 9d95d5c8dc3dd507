package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestPanicThatSettlesSpeaksForItsOwnSentence holds the reach of panic_settles, the
// stand-aside of severe breathlessness and sepsis for a panic said to pass. Read over
// the whole request (before round 13) it stopped the rules for breathing told in the
// next sentence ("my panic usually settles … Right now I can't breathe"): soon with
// the rules alone. It now speaks for its own sentence, across its commas, and no other,
// and within it not past a report of now ("usually calms down but tonight I am gasping").
func TestPanicThatSettlesSpeaksForItsOwnSentence(t *testing.T) {
	holdPriorities(t, []priorityCase{
		{"panic settles, breathing now in the next sentence", 25, triage.Male,
			"my panic usually settles with breathing exercises. Right now I can't breathe and can't speak in sentences", triage.Emergency},
		{"panic passes, then breathless tonight", 41, triage.Female,
			"Panic attacks normally pass in a few minutes for me. Tonight I cannot breathe, my lips are going blue", triage.Emergency},
		{"anxiety calms down, now gasping", 33, triage.Male,
			"my anxiety usually calms down if I sit still. I'm gasping and can only get one word out at a time", triage.Emergency},
		{"panic settles but tonight, in one sentence", 27, triage.Male,
			"my panic attacks usually calm down fast but tonight I am gasping and can't get a sentence out, it has been 40 minutes", triage.Emergency},
		{"anxiety settles but now sepsis signs, in one sentence", 48, triage.Female,
			"my anxiety always settles by itself but now I'm shivering, my skin is mottled, I'm muddled and I've not weed since last night", triage.Emergency},
		{"panic settles, the breathing beside it in its sentence", 29, triage.Female,
			"I get panic attacks where I can't breathe for a few minutes, then it settles, can I have some help with anxiety", triage.Soon},
		{"panic passes, can't get my breath, same sentence", 36, triage.Male,
			"at work I feel like I can't get my breath when the panic comes but it passes after ten minutes, please refer me for CBT", triage.Soon},
	})
}
