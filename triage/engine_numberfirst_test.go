package triage_test

import "testing"

// TestPhrasesThatStartWithANumber holds the phrases of the rules file whose first word
// is "#many" (a number of ten or more): "#many in my bag", and in a group "#many &
// tablets & took". The phrase index filed them under the word "#many", which no text
// contains, so none of them had ever matched: the means at hand told as "40 in my bag"
// were not read. A count of a medicine alone is not an overdose (rules 2026.12.68: a
// reviewer found 14 of 20 repeat requests with a count, "12 of my pills left", sent to
// 999 once the count phrases matched), so the look-alikes hold repeats, boxes and scores.
func TestPhrasesThatStartWithANumber(t *testing.T) {
	holdReached(t, []reachedCase{
		{"a count of co-codamol", 45, "swallowed like 24 co-codamol about an hour ago", true},
		{"a count of my tablets", 52, "I've had 16 of my tablets tonight and I feel really drowsy", true},
		{"a count of sleeping tablets", 60, "mum says she's had 12 sleeping tablets", true},
		{"a count of tablets, then took", 17, "30 tablets from the cupboard, I took them after school", true},
		{"the means in my bag, and wanting to die", 30, "I have 40 in my bag and I want to die", true},

		{"a repeat's count left", 62, "only 11 of my tablets left, can you do the repeat before Friday", false},
		{"a repeat's count asked for", 45, "could I have 56 of my pills a month rather than 28", false},
		{"a box's count", 70, "chemist gave me 16 paracetamol only, can I have the bigger box on prescription", false},
		{"a score, then a medicine", 30, "earache is agony, 10/10, paracetamol and ibuprofen not touching it", false},
		{"a small count", 34, "2 paracetamol every 4 hours is what the box says, is that right for my cold?", false},
		{"a dose in milligrams", 40, "can I take ibuprofen 400 with my naproxen?", false},
		{"a strength, not a count", 50, "I'm on 100 sertraline and the side effects are bad", false},
	})
}
