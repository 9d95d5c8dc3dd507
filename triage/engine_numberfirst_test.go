package triage_test

import "testing"

// TestPhrasesThatStartWithANumber holds the phrases of the rules file whose first word
// is "#many" (a number of ten or more): "#many paracetamol", "#many of my tablets",
// "#many in my bag". The phrase index filed them under the word "#many", which no
// text contains, so none of them had ever matched: an overdose told as "30 paracetamol"
// and the means at hand told as "40 in my bag" were not read. The look-alikes keep a
// number under ten, or a number that is a dose or a count of something else, apart.
func TestPhrasesThatStartWithANumber(t *testing.T) {
	holdReached(t, []reachedCase{
		{"a count of a named medicine, then taken", 34, "32 paracetamol? took them at teatime", true},
		{"a count of a named medicine, a drink", 19, "had a few drinks and 20 paracetamol earlier, feel sick now", true},
		{"a count of co-codamol", 45, "swallowed like 24 co-codamol about an hour ago", true},
		{"a count of my tablets", 52, "I've had 16 of my tablets tonight and I feel really drowsy", true},
		{"a count of sleeping tablets", 60, "mum says she's had 12 sleeping tablets", true},
		{"the means in my bag, and wanting to die", 30, "I have 40 in my bag and I want to die", true},

		{"a score, then a medicine", 30, "earache is agony, 10/10, paracetamol and ibuprofen not touching it", false},
		{"a small count", 34, "2 paracetamol every 4 hours is what the box says, is that right for my cold?", false},
		{"a dose in milligrams", 40, "can I take ibuprofen 400 with my naproxen?", false},
		{"a strength, not a count", 50, "I'm on 100 sertraline and the side effects are bad", false},
	})
}
