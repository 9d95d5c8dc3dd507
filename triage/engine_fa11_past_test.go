package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAPastTimeStandsAsideOnlyForARedFlagThatIsOver: a past time told with chest pain
// of a heart, a racing heart or a breathing that fails ("chest pain down my left arm
// last year, all tests fine", "I was struggling for every breath when I had covid in
// 2021") is an episode that is over, and stops cardiac-chest-pain, fast-heart-faint and
// severe-breathlessness for the words of its clause. It stops nothing when the time is
// read as the red flag going on: a comparison ("like I had last year"), an onset
// ("started getting it last month"), an inner clause beside a present one ("I'm gasping
// after my operation last week"), or a report after it that it is back or still there
// ("and it's back", "I still can't", "it never went away", "same again now").
func TestAPastTimeStandsAsideOnlyForARedFlagThatIsOver(t *testing.T) {
	var cases []recallCase
	for _, text := range []string{
		"My dad had a heart attack in 2019. He has crushing chest pain going down his left arm and he's grey and sweaty",
		"I had a stent put in last year. For the last hour crushing pain in my chest into my jaw",
		"I had a stent last year and this morning I've got chest pain going into my left arm and feel sick",
		"chest pain down my arm like my heart attack last year, started 20 minutes ago",
		"I had the same crushing chest pain last year when I had my heart attack and it's started again",
		"Since my heart attack last year I've had chest pain down my arm, today it's much worse and I'm sweating",
		"I'm getting crushing chest pain down my arm after my bypass last month",
		"severe chest pain spreading to my arm after my angioplasty last week",
		"I'm gasping for breath after my operation last week",
		"Can't breathe properly since my covid jab last month and getting worse",
		"she can't catch her breath, had pneumonia in October",
		"had a stroke in 2020, his heart is racing and he feels faint",
		"My heart was racing with chest pain last night and it's racing again now with the pain",
		"In March I had AF. My heart is racing and I feel like I'm going to faint",
		"Racing heart and chest pain, had the same in January",
		"last month I got covid and now I'm struggling to breathe",
		"he had a chest infection last week and he's struggling to breathe, lips going blue",
		"Last year the doctor said I had angina. Chest pain down my left arm now, not going with the spray",
		"crushing chest pain down my left arm. I had a heart attack in 2018.",
		"I've been really breathless since my op last week and now I can't catch my breath at all",
		"I had a heart attack last year. The crushing chest pain and sweating came back an hour ago",
		"my chest pain from last week has come back and it's going down my arm",
		"I had crushing chest pain down my arm last year and I have it again now",
		"I had crushing chest pain down my arm last year and it's back",
		"Crushing chest pain down my arm last year. Same again now.",
		"had a heart attack last year, now crushing chest pain down my arm",
		"crushing chest pain down my arm since last week",
		"I started getting crushing chest pain down my left arm last month",
		"crushing chest pain down my arm like I had last year",
		"last week I started struggling to breathe and today its worse",
		"I couldn't breathe properly last week and I still can't",
		"I was gasping for air last week and it never went away",
		"my heart was racing with chest pain last month and it's happening again now",
		"I had chest pain down my arm last year, I've had it ever since",
	} {
		cases = append(cases, recallCase{age: 58, sex: triage.Male, text: text, is: true})
	}
	for _, text := range []string{
		"chest pain down my left arm in 2022, turned out to be a trapped nerve, need a copy of the letter",
		"I had crushing chest pain down my arm last year and had a stent, all good since, repeat of clopidogrel please",
		"I was gasping for air with pneumonia in 2020. Need my records for insurance",
		"Racing heart with chest pain back in 2021 was SVT, sorted with ablation, need the cardiology letter for DVLA",
		"I had chest pain down my arm last month and the hospital said it was muscular, it came back clear",
		"years ago I had crushing chest pain going down my arm, it was a heart attack, I need a copy of my notes for the insurer",
		"had palpitations and chest pain last summer, ECG fine, can I go back to the gym",
		"had palpitations and felt faint last year, now on bisoprolol, need a repeat",
		"racing heart and chest pain last year, fine since",
		"chest pain down my left arm last year, all tests fine, need the cardiology letter",
		"I couldn't breathe last year with covid, fine since, need a fit to fly letter",
		"I was struggling for every breath when I had covid in 2021, now just need my fit to fly letter",
		"had racing heart and chest pain in January, cardiology said it was anxiety, all tests normal. Still anxious about it sometimes",
		"chest pain down my arm last week, been fine ever since",
	} {
		cases = append(cases, recallCase{age: 58, sex: triage.Male, text: text})
	}
	holdRecall(t, cases)
}
