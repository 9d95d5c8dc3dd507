package demo

import "triagedesk/triage"

// template is one kind of request patients send, written with {a|b|c} choices so the
// generated texts vary as real ones do. weight is how common it is.
type template struct {
	weight   int
	minAge   int
	maxAge   int // 0: no upper limit
	sex      triage.Sex
	kind     triage.Kind
	priority triage.Priority
	team     triage.Team
	text     string
	signpost triage.Signpost
}

var templates = []template{
	// Admin: the bulk of online requests.
	{60, 16, 0, "", triage.Admin, triage.Routine, triage.TeamAdmin, "I need a fit note for {work|my employer} please, I have been off {since Monday|for two weeks|since my operation} with {my back|stress|a chest infection}. {Can you email it?|Thanks.|}", triage.SignpostNone},
	{55, 0, 0, "", triage.Admin, triage.Routine, triage.TeamAdmin, "{Could I have|Can I get|Please can you send} my {blood test|urine test|x-ray|scan} results from {last week|the hospital|the 3rd}. {Thank you|Thanks|Cheers}", triage.SignpostNone},
	{25, 16, 0, "", triage.Admin, triage.Routine, triage.TeamAdmin, "I need a letter {for my housing application|for the council|for university saying I was unwell|for my insurance claim}. {How much is it?|How long will it take?|}", triage.SignpostNone},
	{20, 16, 0, "", triage.Admin, triage.Routine, triage.TeamAdmin, "Chasing my referral to {dermatology|cardiology|the ENT clinic|orthopaedics|the memory clinic} - I have heard nothing in {6 weeks|3 months|ages}", triage.SignpostNone},
	{12, 16, 0, "", triage.Admin, triage.Routine, triage.TeamAdmin, "Please can I have a copy of my {medical records|vaccination history|latest letters} {for my new job|to take abroad|}", triage.SignpostNone},
	{10, 0, 0, "", triage.Admin, triage.Routine, triage.TeamAdmin, "Can someone fill in the {DVLA form|school medical form|passport countersignature|PIP form} for me, it is due {next week|by Friday|soon}", triage.SignpostNone},
	// Medicines.
	{60, 16, 0, "", triage.Admin, triage.Routine, triage.TeamMedicines, "{Repeat prescription|Repeat please|Can I order my repeat} for {amlodipine|sertraline|omeprazole|levothyroxine|atorvastatin|my inhalers|my pill|ramipril}, I have {a week|10 days|a few} left", triage.SignpostNone},
	{20, 16, 0, "", triage.Clinical, triage.Soon, triage.TeamMedicines, "Since starting {amlodipine|ramipril|metformin|sertraline|the new tablets} I have had {swollen ankles|a dry cough|an upset stomach|headaches} - is this a side effect?", triage.SignpostNone},
	{12, 16, 0, "", triage.Admin, triage.Routine, triage.TeamMedicines, "The pharmacy says my {medication review|blood pressure review|asthma review} is due before they can issue more {tablets|inhalers}", triage.SignpostNone},
	{8, 16, 0, "", triage.Clinical, triage.SameDay, triage.TeamMedicines, "I have run out of my {insulin|epilepsy tablets|warfarin|apixaban|prednisolone|co-careldopa} {today|yesterday} and the pharmacy cannot give me more without a prescription", triage.SignpostNone},
	// Physio.
	{30, 16, 0, "", triage.Clinical, triage.Soon, triage.TeamPhysio, "{Lower back pain|My back has gone|Pain in my lower back} for {a week|ten days|two weeks} after {lifting boxes|gardening|the gym}, no numbness, {walking ok|struggling to sleep|taking paracetamol}", triage.SignpostNone},
	{20, 16, 0, "", triage.Clinical, triage.Soon, triage.TeamPhysio, "{Sore knee|Painful shoulder|Stiff neck|Heel pain} {since running|for a month|after football|getting worse}, {it clicks|hard to lift my arm|worse in the morning}", triage.SignpostNone},
	{8, 16, 0, "", triage.Clinical, triage.Soon, triage.TeamPhysio, "I twisted my ankle {playing netball|on the stairs|at work} {three days ago|last week}, still swollen but I can walk on it", triage.SignpostNone},
	// Mental health.
	{25, 18, 0, "", triage.Clinical, triage.Soon, triage.TeamMentalHealth, "{I have been feeling really low|My anxiety is bad again|I keep having panic attacks|I cannot cope with work stress} {for a few weeks|since my dad died|lately}. No thoughts of harming myself", triage.SignpostNone},
	{5, 18, 0, "", triage.Clinical, triage.SameDay, triage.TeamMentalHealth, "I have been having thoughts {that everyone would be better off without me|of ending it} but I have no plan and would not act on them. I need to talk to someone", triage.SignpostNone},
	// GP: soon.
	{30, 16, 0, "", triage.Clinical, triage.Soon, triage.TeamGP, "{Cough|Chesty cough|Dry cough} for {four weeks|over a month|5 weeks} that is not going away, {no blood|a bit breathless going upstairs|I smoke}", triage.SignpostNone},
	{18, 16, 0, "", triage.Clinical, triage.Soon, triage.TeamGP, "I have found a {small lump|lump|pea sized lump} {in my neck|under my arm|on my back} about {2 weeks|a month} ago, {not painful|slightly sore}", triage.SignpostNone},
	{18, 0, 0, "", triage.Clinical, triage.Soon, triage.TeamGP, "{Itchy rash|Red patches of skin|Dry flaky skin} on {arms and legs|my face|my hands} for {a week|two weeks}, {creams not helping|not spreading fast|no fever}", triage.SignpostNone},
	{12, 16, 55, triage.Female, triage.Clinical, triage.Soon, triage.TeamGP, "{Problems with my coil|Want to change my pill|Spotting on my pill|Questions about the implant} - {can I speak to someone|need advice}", triage.SignpostNone},
	{10, 40, 0, "", triage.Clinical, triage.Soon, triage.TeamGP, "{Dizzy spells|Tired all the time|Blood pressure readings high at home} {for a few weeks|lately}, {no chest pain|otherwise ok}", triage.SignpostNone},
	// GP: same day.
	{14, 16, 45, triage.Female, triage.Clinical, triage.SameDay, triage.TeamGP, "I am {20|28|34} weeks pregnant and {feel unwell with a temperature|have bad tummy pain|have a headache that will not go}", triage.SignpostNone},
	{6, 65, 0, "", triage.Clinical, triage.SameDay, triage.TeamGP, "My [relative] has become {confused|muddled and not [self]|drowsy and confused} since {yesterday|this morning}, [he] has a temperature", triage.SignpostNone},
	{12, 1, 12, "", triage.Clinical, triage.SameDay, triage.TeamGP, "My [child] has had a fever of {39|38.8|39.5} since yesterday and {is not drinking much|is very sleepy|will not eat or drink}", triage.SignpostNone},
	{10, 16, 0, triage.Male, triage.Clinical, triage.SameDay, triage.TeamGP, "Burning when I pee and {going all the time|cloudy wee|pain in my lower tummy} for {two days|since yesterday}", triage.SignpostNone},
	{10, 5, 0, "", triage.Clinical, triage.SameDay, triage.TeamGP, "Asthma {worse|getting worse} {since a cold|today}, blue inhaler {not helping much|only lasts an hour}, I can talk in sentences", triage.SignpostNone},
	// Emergencies: rare (about one request in a hundred, with the confused older
	// relative above that the engine rightly counts as one), and the desk must never
	// miss one. More would teach reviewers to ignore the banner.
	{1, 35, 0, "", triage.Clinical, triage.Emergency, triage.TeamGP, "{Crushing|Heavy|Tight} chest pain {going down my left arm|spreading to my jaw|with sweating} {for the last hour|since 20 minutes ago}", triage.SignpostNone},
	{1, 50, 0, "", triage.Clinical, triage.Emergency, triage.TeamGP, "My {husband|wife|dad|mum}'s face has dropped on one side and {his|her} speech is slurred {since lunch|in the last hour}", triage.SignpostNone},
	{1, 16, 0, "", triage.Clinical, triage.Emergency, triage.TeamGP, "{I took|I have taken} {an overdose|a lot of paracetamol} {tonight|an hour ago} and {I have a plan|I want to end my life}", triage.SignpostNone},
	{1, 0, 0, "", triage.Clinical, triage.Emergency, triage.TeamGP, "{Can't breathe properly|Severe breathlessness}, {lips look blue|struggling to speak}, {getting worse fast|since this morning}", triage.SignpostNone},
	{1, 0, 0, "", triage.Clinical, triage.Emergency, triage.TeamGP, "High fever with a {rash that does not fade under a glass|stiff neck and the light hurts}", triage.SignpostNone},
	// Pharmacy First and minor illness: signposted.
	{20, 12, 0, "", triage.Clinical, triage.Routine, triage.TeamGP, "{Sore throat|Blocked nose and sinus pain|Sinus pain above my eyes} for {3 days|a week}, {no fever|mild temperature}, {eating and drinking ok|just want something for it}", triage.SignpostPharmacy},
	{14, 16, 64, triage.Female, triage.Clinical, triage.Routine, triage.TeamGP, "{Stinging when I wee|Burning when I pass urine|Think I have cystitis} since {yesterday|this morning}, not pregnant, no fever", triage.SignpostPharmacy},
	{10, 0, 0, "", triage.Clinical, triage.Routine, triage.TeamGP, "{Hay fever|Streaming cold|Cold sore} {is driving me mad|again}, what can I take?", triage.SignpostPharmacy},
	// Eyes and teeth: signposted.
	{10, 0, 0, "", triage.Clinical, triage.Routine, triage.TeamGP, "{Gritty watery eyes|Dry sore eyes|Mildly red eye} for {a few days|a week}, no pain, vision fine", triage.SignpostOptician},
	{10, 0, 0, "", triage.Clinical, triage.Routine, triage.TeamGP, "{Toothache|Broken tooth|Bleeding gums} {for 3 days|since the weekend}, {can't get a dentist|painkillers helping a bit}", triage.SignpostDentist},
}
