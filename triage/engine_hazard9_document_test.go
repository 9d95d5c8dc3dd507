package triage_test

import (
	"testing"

	"triagedesk/triage"
)

// TestAFitNowStandsAsideForNoDocument: a seizure told as going on now or just had (rule
// seizure-told-now) is an emergency whatever letter, form, repeat, review or dose is
// also named. Rule seizure stands aside for any of those anywhere in the request, so
// "I was filling in my PIP form and my husband started fitting and it won't stop" and
// "the letter says my lamotrigine was doubled, she's now fitting" were routine on both
// engines (hazard9, round 21). What a document says stays below 999 ("the letter says
// he had a fit", "the form asks if he is still having seizures"), and so do fits named
// or counted beside a form, and a fitting with an object (a kitchen, extra shifts).
func TestAFitNowStandsAsideForNoDocument(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 58, triage.Female, "I was filling in my PIP form and my husband started fitting and it won't stop", true},
		{"", 30, triage.Female, "the letter says my lamotrigine was doubled, she's now fitting and it's been 6 minutes", true},
		{"", 30, triage.Female, "the letter says my lamotrigine was doubled and she's fitting on the kitchen floor", true},
		{"", 44, triage.Male, "doing his blue badge form when he went stiff and started fitting, still going", true},
		{"", 70, triage.Female, "the council letter came and mum is having a seizure on the floor", true},
		{"", 12, triage.Male, "housing form's due today and my son is fitting and won't come round", true},
		{"", 9, triage.Female, "the PIP letter says I'm not entitled, my daughter just had a fit and isn't responding", true},
		{"", 75, triage.Female, "the report for the solicitor is done, now mum is convulsing", true},
		{"", 35, triage.Male, "can you do my insurance form, actually never mind my brother is having a fit right now", true},
		{"", 8, triage.Male, "Filling in the ESA form and my son has gone into a fit, it's been going about six minutes, what do I do", true},
		{"", 40, triage.Female, "I was halfway through the ESA form when my wife had a seizure, she's still not with it", true},
		{"", 7, triage.Female, "clinic letter came about changing her levetiracetam dose. while writing this my daughter started having a seizure and she's still going", true},
		{"", 66, triage.Male, "the insurance man was here and dad had a fit and hasn't come round", true},
		{"", 15, triage.Female, "I only wanted her repeat prescription but she's fitting right now", true},
		{"", 50, triage.Male, "need a fit note for my back, also my husband is seizing on the sofa", true},
		{"", 40, triage.Female, "the letter says I had a seizure in 2019", false},
		{"", 40, triage.Female, "form asks if I've ever had fits", false},
		{"", 40, triage.Male, "the letter says he had a fit", false},
		{"", 40, triage.Male, "the letter asks whether he is still having seizures", false},
		{"", 30, triage.Female, "the neurology letter says she is having a seizure every week so the dose goes up, please change her repeat", false},
		{"", 40, triage.Male, "the form says to list any seizures in the last 5 years", false},
		{"", 40, triage.Male, "insurance form wants to know about his fits", false},
		{"", 40, triage.Female, "letter says she had a fit at school last week, can you look into it", false},
		{"", 40, triage.Male, "he keeps having fits lately, the DVLA form needs doing", false},
		{"", 40, triage.Male, "my husband had a seizure last year and hasn't driven since, DVLA form please", false},
		{"", 40, triage.Female, "PIP form: it asks how many seizures I have a month. It's about two. Can the GP fill in the medical bit?", false},
		{"", 9, triage.Female, "School wants a seizure care plan form signed by the GP for my daughter", false},
		{"", 40, triage.Male, "the fitter is fitting the new kitchen now, can you send my repeat", false},
		{"", 40, triage.Male, "he's fitting in extra shifts, needs a fit note", false},
		{"", 30, triage.Female, "I'm fitting the form in around work", false},
		{"", 12, triage.Female, "the dentist is fitting her brace now, need a letter for school", false},
		{"", 40, triage.Male, "started fitting in some exercise, need a gym form", false},
		{"", 12, triage.Male, "my son is fitting in well at his new school, need a form signed for the trip", false},
	})
}

// TestAFitNowToldAnyWayStandsAsideForNoDocument: review16 at 30b0fee. A fit told now
// is read in any form ("has been fitting", "fittin", "havin", "in a fit", "for ages" with
// a sign it goes on) beside a letter, a form, a repeat or a dose; a fit told as how
// often it comes (fit_frequency, beside the fit's own word), as years long, as what a
// document says, and a fitting with any object after it ("fitting his new brace") stay
// below 999.
func TestAFitNowToldAnyWayStandsAsideForNoDocument(t *testing.T) {
	holdRecall(t, []recallCase{
		{"", 40, triage.Female, "attendance allowance form. also our lad is fittin now an it's gone on ages", true},
		{"", 30, triage.Male, "uni letter needed. bro is havin a seizure now its been like 5 mins", true},
		{"", 40, triage.Male, "the repeat for his epilepsy tablets - never mind that, he's having a seizure and it's lasted over 5 minutes", true},
		{"", 33, triage.Female, "ESA form question but first - my son's been in a fit for 7 minutes and won't wake", true},
		{"", 50, triage.Male, "PIP review letter here somewhere, my dad has been seizing on the bathroom floor and he's gone blue", true},
		{"", 40, triage.Female, "My husband has been fitting for ages and won't wake, the PIP form is on the table", true},
		{"", 40, triage.Female, "has been fitting for ages and won't wake, sorry the letter can wait", true},
		{"", 40, triage.Female, "medication review letter. my wife has been having a seizure for ages and still isn't responding", true},
		{"", 40, triage.Female, "need my repeat of keppra but my son is fittin now and it wont stop", true},
		{"", 40, triage.Female, "dose question for her lamotrigine - she's havin a seizure rn been 6 mins", true},
		{"", 40, triage.Female, "the housing letter came today and my daughter has been seizing for ten minutes", true},
		{"", 40, triage.Female, "fit note for work pls. omg my mum is fitting on the floor right now", true},
		{"", 40, triage.Female, "blue badge form done. my brother's been convulsing for 8 minutes and he's gone blue", true},
		{"", 40, triage.Male, "I take sodium valproate twice a day. He's fitting now and won't stop", true},
		{"", 40, triage.Female, "she's fitting every few minutes now, doesn't wake between them, her epilepsy letter is here", true},
		{"", 40, triage.Female, "PIP form later - she's fitting her arms and legs jerking and won't wake", true},
		{"", 40, triage.Male, "DVLA letter came, he is fitting his eyes rolled back and he won't respond", true},
		{"", 40, triage.Female, "need a sick note for work. my girlfriend's having a seizure right now and won't come round", true},
		{"", 40, triage.Female, "mums been havin fits all mornin an she aint wakin up in between. we were sortin her repeat", true},
		{"", 40, triage.Female, "she's been fittin for ages, i was only ringin about her levetiracetam dose going up, shes still shaking", true},
		{"", 40, triage.Female, "my son's fitting, the form can wait, it's been 5 minutes", true},
		{"", 40, triage.Male, "Dad's seizing on the floor and won't stop, I only emailed about his fit note", true},
		{"", 40, triage.Female, "wife fitting now, forget the repeat request", true},
		{"", 40, triage.Female, "Form asks about his seizures. He's having one now and it won't stop", true},
		{"", 40, triage.Male, "our Jack's havin a fit an he's goin blue, was ringin bout his school letter", true},
		{"", 40, triage.Female, "the letter can wait, she's having another fit and hasn't woken from the last one", true},
		{"", 40, triage.Female, "ESA letter arrived. My wife's been convulsing for ages and can't hear me", true},
		{"", 40, triage.Male, "was gonna ask bout my sick note but my mate's havin a fit on the floor n it's not stoppin", true},
		{"", 40, triage.Female, "Dose was upped in the clinic letter and now she's been having seizures non stop for half an hour", true},
		{"", 40, triage.Male, "the fit note from last week - forget it, my husband is seizing on the floor right now", true},
		{"", 40, triage.Female, "she's been fine since the dose change but now she's fitting and it won't stop", true},
		{"", 40, triage.Female, "I had a fit last year but my son is fitting now and won't stop, sorry about the form", true},
		{"", 40, triage.Female, "she is having a fit every few weeks at the moment, please could the GP sign her blue badge form", false},
		{"", 40, triage.Male, "he has a few fits a month, DVLA form needs signing", false},
		{"", 40, triage.Female, "she has seizures every few weeks, can you do the PIP letter", false},
		{"", 40, triage.Male, "he is fitting once a month or so lately, need a letter for his school", false},
		{"", 40, triage.Female, "she sometimes has a fit at night, the ESA form asks about it", false},
		{"", 40, triage.Male, "he's been fitting for ages on and off since he was 2, need a blue badge form", false},
		{"", 40, triage.Female, "she's been having fits on and off for years, PIP form please", false},
		{"", 40, triage.Male, "he is fitting once a month lately, the DVLA form needs the dates", false},
		{"", 40, triage.Male, "he's been fitting for years, they last about 3 minutes, need the DLA form signed", false},
		{"", 40, triage.Male, "he's been fitting for ages, need DLA form, his fits last 2 minutes", false},
		{"", 40, triage.Male, "he's been fitting for ages - years really - they last 5 minutes, blue badge form", false},
		{"", 40, triage.Female, "my son has been fitting for ages, can the GP fill in his DLA form", false},
		{"", 40, triage.Male, "he's fitting his new brace at the orthodontist today, can the GP write a letter for school", false},
		{"", 40, triage.Female, "she's fitting her hearing aid this afternoon, need a form signed", false},
		{"", 40, triage.Male, "the fitter is fitting our carpet now, can I get a letter about my stairs", false},
		{"", 40, triage.Male, "they're fitting a new kitchen today, need my repeat prescription", false},
		{"", 40, triage.Male, "the fitter has been fitting our new windows all week, I need a letter for the council", false},
		{"", 40, triage.Male, "the letter says he had a fit in 2019, is that right?", false},
		{"", 40, triage.Female, "the form asks if I've ever had seizures, what should I put", false},
		{"", 40, triage.Female, "the letter says she has been fitting more often, please update", false},
		{"", 40, triage.Male, "the clinic letter says reduce his keppra dose. He's been fitting less since, about one a month now. When do we start?", false},
		{"", 40, triage.Female, "she's been having fits all day for years, PIP form", false},
		{"", 40, triage.Male, "he keeps having fits all night sometimes, DLA form", false},
		{"", 40, triage.Male, "the fitter's been fitting for ages and still isn't done, I need a letter for the council", false},
		{"", 40, triage.Male, "my husband is fitting windows all week, need his repeat prescription", false},
		{"", 40, triage.Male, "I'm a gas fitter, been fitting boilers all day, need a fit note", false},
		{"", 40, triage.Male, "is it normal that he's fitting more since the dose went up? the letter says to ask", false},
		{"", 40, triage.Female, "my son has been fitting at night about once a week, the neurology letter says keep a diary. Can you scan it to his notes?", false},
		{"", 40, triage.Male, "I was fitting for 2 minutes last Tuesday, paramedics said fine and I'm back to normal, need a fit note", false},
		{"", 40, triage.Female, "she started fitting when she was 3, the DLA form needs the GP bit completed", false},
		{"", 40, triage.Female, "she's been fitting at night about three times a week, the neurologist knows, need her repeat please", false},
		{"", 40, triage.Female, "She's fitting right in at nursery, can you send the letter they asked for", false},
		{"", 40, triage.Female, "her new splints are fitting fine now, can I get a letter for school", false},
		{"", 40, triage.Female, "the hearing aid is fitting better now, please send the audiology letter to my new address", false},
		{"", 40, triage.Female, "the new mould is fitting snug now, can you send the audiology letter", false},
		{"", 40, triage.Male, "his school shoes are fitting really well now with the insoles, need a letter for PE", false},
		{"", 40, triage.Female, "she is fitting into size 12 again since the new tablets, can I get a copy of the letter", false},
		{"", 40, triage.Male, "Seizure free for 2 years. I'm fitting now a new kitchen and need a fit note for my back.", false},
	})
}
