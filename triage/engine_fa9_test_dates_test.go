package triage_test

import "testing"

// TestATestsDateAskedAboutIsNoCountOfTablets holds the mask test_taken_date (fa9, round
// 21): "Could you tell me the results of my blood tests taken on the 14th please?"
// (b96-217) read the date's 14 as a count of tablets ("taken ? ? #many") and sent a
// question about results to 999 on both engines. The mask reads a date after "taken" as
// a date, asked or told ("My bloods were taken on the 14th. Are the results back?";
// review16 at fa9-2), and stands aside for words of swallowing, of medicines or of harm
// told in its sentence or the one before or after, so an overdose told beside a test's
// date in words the rules do not know keeps the date's misreading
// (TestOverdosesToldBesideADateOrATemperature holds more).
func TestATestsDateAskedAboutIsNoCountOfTablets(t *testing.T) {
	holdAgeTexts(t, "overdose beside a date asked about", overdosesBesideADateAsked, true)
	holdAgeTexts(t, "test's date asked about", testDatesAsked, false)
}

// overdosesBesideADateAsked ask about a test's date and tell an overdose beside it.
var overdosesBesideADateAsked = []ageTextCase{
	{30, "Can you check my bloods taken on the 14th? I've been munching through the lot since tea"},
	{30, "What were my bloods taken on the 14th? I've taken 30 paracetamol"},
	{30, "results of my test taken on the 14th? I went through mum's cabinet tonight, breathing is slow"},
	{30, "Any news on the bloods taken on the 14th? Emptied the drawer into my mouth an hour ago"},
	{30, "were the bloods taken on the 14th ok? I've just swallowed all my tablets"},
	{30, "bloods taken on the 14th, any results? also I took 20 sertraline tonight"},
	{30, "is the test taken on the 20th back? ive chewed through everything in the cupboard"},
	{30, "Are the results of my scan taken on the 14th back? I've necked my whole stash"},
	{30, "Did the swab taken on the 23rd of May come back? I want to die, I've been eating my mum's pills"},
	{30, "Bloods taken on the 14th. Been munching through the lot since tea"},
	{30, "Bloods taken on the 14th. I wanted to end it so I went through the bathroom cupboard, feel very drowsy"},
	{30, "results taken on the 14th. I've hoovered up whatever was in the cupboard. ears ringing"},
	{30, "had bloods taken on the 14th. Tonight I've taken 30 of my sertraline"},
	{30, "Were my bloods taken on the 14th ok? I've swallowed a whole strip of my diazepam tonight"},
	{30, "tests taken on the 14th showed my kidneys are bad. I've taken all my tablets, about 40 of them"},
}

// testDatesAsked ask about a test, a sample or a photo taken on a date, and tell no
// overdose.
var testDatesAsked = []ageTextCase{
	{45, "Could you tell me the results of my blood tests taken on the 14th please? The doctor said she would message but I haven't heard."},
	{52, "My blood test was taken on the 14th, are the results back?"},
	{38, "sample taken on the 21st, please can I have the result?"},
	{60, "my bloods were taken on the 14th, can you chase them?"},
	{33, "had bloods taken on the 14th, are they back yet?"},
	{71, "Are the results in for the bloods taken on the 14th?"},
	{48, "what did the scan taken on 12 March show?"},
	{29, "Were my bloods taken on 14th October normal?"},
	{55, "swab taken on the 12th for the wound, any news?"},
	{64, "ECG taken on the 10th, can the GP look at it?"},
	{41, "Can the doctor look at the photo taken on the 14th of the rash?"},
	{67, "Has my x ray taken on the 20th been reported?"},
	{35, "Any news on the smear taken on the 11th?"},
	{58, "Is the blood pressure reading taken on the 15th ok for my review?"},
	{26, "Did the urine sample taken on the 22nd grow anything?"},
	{40, "My bloods were taken on the 14th. Are the results back?"},
	{40, "I had blood taken on the 14th, any news on the results"},
	{40, "Results of the test I had taken on 14 November please"},
	{40, "cholesterol test taken on the 14th - results?"},
	{40, "Could I get the results from the bloods they took on the 14th?"},
	{40, "bloods taken 14/11, can someone ring me with the result"},
	{40, "hi, the blood test that was taken on the 21st, has it come back? thanks"},
	{40, "I'm chasing my blood test results. They were taken on the 14th."},
	{40, "blood tests taken on the 14th, can I get the results please"},
}
