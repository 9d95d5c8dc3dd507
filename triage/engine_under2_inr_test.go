package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// holdAtOrBelow holds the rules alone to each case's priority. The desk's engine is
// held to at least a same-day case's priority (its second opinion only raises) and,
// for a look-alike below same-day, to below same-day: a reading that lifts the
// same-day requests must not lift the soon and routine ones beside them.
func holdAtOrBelow(t *testing.T, cases []priorityCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := triage.Input{Age: c.age, Sex: c.sex, Kind: triage.Clinical, Text: c.text}
			for _, e := range rulesAndDesk() {
				got := e.eng.Classify(in)
				switch {
				case got.Priority == c.want:
					continue
				case e.name == "the rules":
				case c.want == triage.SameDay && got.Priority.MoreUrgent(c.want):
					continue
				case c.want != triage.SameDay && triage.SameDay.MoreUrgent(got.Priority):
					continue
				}
				t.Errorf("%q: %s gave %s, want %s; because %v", c.text, e.name, got.Priority, c.want, got.Reasons)
			}
		})
	}
}

// TestINRAboveItsRangeIsSameDay: an INR on warfarin of 3.5 or more, or told as above
// its range or target, needs a dose decision today (the labelled sets: same-day, the
// medicines team), whether it is written "INR 4.4", "came back at 5.8", "the coaguchek
// says 4.2" or "warfarin blood test came back at 6.1". The rules read only "INR" beside
// a whole 5 to 9 or the word "high", so "INR 4.1" and "INR 5.2" fell to a dose question
// or to soon. The test may go by another name (clotting, a blood thinning test, the
// warfarin level, the anticoag reading) and "INR's" is INR. A target, a range's bounds,
// a time of day and an INR back in range stay where they were.
func TestINRAboveItsRangeIsSameDay(t *testing.T) {
	holdAtOrBelow(t, []priorityCase{
		{"INR 4.4 with a dose question", 70, triage.Female, "My INR came back at 4.4 today, what should I do with my warfarin?", triage.SameDay},
		{"INR 3.9 on the home machine", 66, triage.Male, "INR 3.9 this morning on the home machine, normally 2.5", triage.SameDay},
		{"a relative's INR of 5.6, no call", 82, triage.Male, "Dad's blood thinning test, the INR, was 5.6 yesterday and no one has called", triage.SameDay},
		{"warfarin blood test at 6.1", 75, triage.Female, "Warfarin blood test came back at 6.1", triage.SameDay},
		{"INR 3.5 asked bare", 68, triage.Male, "inr 3.5 warfarin what now", triage.SameDay},
		{"INR 4 at the clinic", 79, triage.Female, "my INR was 4 at the clinic and they said ring you", triage.SameDay},
		{"INR above the target range", 71, triage.Male, "INR above my target range, 3.4, what dose tonight", triage.SameDay},
		{"INR 7.3, well", 80, triage.Female, "I'm on warfarin, INR 7.3 today but I feel perfectly well", triage.SameDay},
		{"INR 4.7 after antibiotics", 63, triage.Male, "Since the antibiotics my INR has gone to 4.7, should I miss a dose", triage.SameDay},
		{"a care home resident's INR 5.4", 90, triage.Female, "Nursing home: INR 5.4 for one of our residents on warfarin, advice on tonight please", triage.SameDay},

		// review16 at 842545e: "INR's", and the test by another name.
		{"INR's gone up after a course", 77, triage.Female, "my INR's jumped to 4.1 since the course of antibiotics", triage.SameDay},
		{"a relative's blood thinning test", 85, triage.Male, "Grandad's blood thinning test came back at 5.5, what do we do", triage.SameDay},
		{"warfarin levels", 72, triage.Female, "my warfarin levels came back at 4.3 yesterday", triage.SameDay},
		{"clotting on warfarin", 69, triage.Male, "the clotting result was 6.2, I'm on warfarin", triage.SameDay},
		{"an anticoag reading", 74, triage.Female, "the anticoag nurse rang, my reading is 4.6, what now", triage.SameDay},

		{"a high INR back in range", 74, triage.Male, "INR was 4.8 a fortnight ago, it's back in range now at 2.7. Repeat please", triage.Routine},
		{"a warfarin test at 4 o'clock", 70, triage.Female, "my warfarin test is at 4 and I can't make it, can I have a repeat of my warfarin", triage.Routine},
		{"a valve's target of 3.5", 60, triage.Male, "I have a metal valve, my INR target is 3.5, repeat warfarin please", triage.Routine},
		{"a range of 3 to 4", 58, triage.Female, "INR range 3 to 4 for my valve, can I have my warfarin repeat", triage.Routine},
		{"INR 2.8 in range, a 5 mg dose", 72, triage.Male, "INR was 2.8, in range. Warfarin 5 mg, need a repeat", triage.Routine},
		{"INR 2.6 in a range to 3.5", 69, triage.Female, "INR 2.6 today, my range is 2.5 to 3.5, please can I have a repeat of my warfarin", triage.Routine},
		{"a clinic time", 70, triage.Male, "the INR clinic want me back in 4 weeks, can I have a repeat warfarin", triage.Routine},
		{"a date beside INR 2.2", 74, triage.Female, "INR 2.2 on 12.11, repeat warfarin 3mg please", triage.Routine},
	})
}
