package triage_test

import "testing"

// TestSafetyNetReachedByReference holds issue #10's safety nets that came true without
// naming the red flag again ("999 if the chest pain comes back … that is what has
// happened since 8pm", "That's where I am now"): the clinician set the threshold and
// the patient says it is reached, so the request is an emergency with the rules alone,
// whether or not the red flag's words alone would be. The look-alikes answer the net
// ("it hasn't", "they have been fine", "it has settled"), ask about it, say it came
// and went or happened long ago, or only open another statement with the same words
// ("It's back pain"); they stay off 999.
func TestSafetyNetReachedByReference(t *testing.T) {
	holdReached(t, []reachedCase{
		{"chest pain back, then a question", 60, "The paramedics said ring 999 if the chest pain comes back. It came back twenty minutes ago, what should I do?", true},
		{"confusion, it has", 85, "The ward said call an ambulance if her confusion gets worse overnight. It has, she doesn't know me.", true},
		{"low sugar, that's where I am", 35, "Diabetes nurse says 999 if I'm under 3 and can't keep sugar down. That's where I am, 2.6 and sick.", true},
		{"a feeling, feel that way", 29, "The crisis team told me to ring 999 if I feel I can't stay safe. I feel that way tonight.", true},
		{"happening again, well", 74, "His plan says ring 999 if the fit goes on past five minutes. Well it's happening again, six minutes now.", true},
		{"it's back", 66, "Hospital said call 999 straight away if the heaviness in my chest came back. It's back.", true},
		{"they have, just now", 2, "Go to A&E if his lips go dusky, the doctor said. They have just now.", true},
		{"happening now after food", 10, "Allergy nurse said use the pen and ring 999 if his tongue swells. Happening now after a biscuit.", true},

		{"it hasn't", 60, "The paramedics said ring 999 if the chest pain comes back. It hasn't, can I drive yet?", false},
		{"they have been fine", 50, "Told to go to A&E if my sugars went over 25 with ketones. They have been 6 to 9 all week, can I have more strips?", false},
		{"it has settled", 74, "His plan says ring 999 if the fit goes on past five minutes. It has settled on the new dose, review please.", false},
		{"asked, not told", 66, "Hospital said call 999 if the pain in my chest came back. What if it has?", false},
		{"it has been fine", 80, "Ward said call an ambulance if her confusion gets worse. It has been fine, she is chatting away.", false},
		{"back pain, not back", 50, "The GP said go to A&E if the pain spread to my chest. It's back pain really, between my shoulder blades.", false},
		{"started again at school", 9, "A&E said ring 999 if the fits restart. He's started again at school this week and is doing great.", false},
		{"back, but the usual", 70, "They said call 999 if the pain came back. It's back, but only the usual knee pain from my arthritis.", false},
		{"came back months ago", 55, "The stroke team said call 999 if the weakness came back. It came back 3 months ago and I was admitted, now I need a fit note.", false},
		{"a reading under the net's limit", 6, "GP said if his temperature went over 40 to go to A&E. It came back today at 38.2, he's drinking and playing", false},
		{"happening less and mild", 38, "The hospital said 999 if the pain got severe. It's happening less often now and is mild", false},
		{"back, answered in the next sentence", 60, "The nurse said 999 if the chest pain came back. It's back. No sweating or breathlessness, just a twinge when I cough.", false},
		{"no reach, a fit note", 45, "A&E said 999 if the numbness comes back. Nothing since, I need a fit note.", false},
	})
}
