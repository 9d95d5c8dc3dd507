-- The practice's reply templates: messages staff pick by name on the desk, with
-- placeholders the desk fills ({first name}, {practice}, {practice phone},
-- {booking link}). The manager edits them; version bumps on every change so a stale
-- edit is refused. A new queue and an existing one both start with the defaults
-- below, written as a practice would send them: plain English, kind and short.
CREATE TABLE templates (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
	body       TEXT NOT NULL,
	suits      TEXT NOT NULL CHECK (suits IN ('respond', 'signpost', 'call-999')),
	signpost   TEXT NOT NULL DEFAULT '',
	version    INTEGER NOT NULL DEFAULT 1,
	updated_by TEXT NOT NULL,
	updated_at INTEGER NOT NULL
);

INSERT INTO templates (name, body, suits, signpost, updated_by, updated_at) VALUES
('Pharmacy First',
'Hello {first name}, thank you for your request. A pharmacist can help with this without a GP appointment, through the NHS Pharmacy First service. Pharmacists can now treat seven common conditions and give prescription medicine if you need it: sinusitis, sore throat, earache, infected insect bites, impetigo, shingles, and urine infections in women. Please visit or call any pharmacy; you do not need an appointment. If you feel worse or are not getting better, contact us again or call 111.
Kind regards, {practice}',
'signpost', 'pharmacy', 'Triage Desk', strftime('%s', 'now')),

('Optician',
'Hello {first name}, thank you for your request. An optician (optometrist) is the best person to check your eyes, and many offer urgent NHS eye appointments. Please contact any local optician. If you suddenly lose sight, or have a painful red eye after an injury or chemicals, go to A&E or call 999.
Kind regards, {practice}',
'signpost', 'optician', 'Triage Desk', strftime('%s', 'now')),

('Dentist',
'Hello {first name}, thank you for your request. Dental problems are looked after by a dentist rather than the GP practice. Please contact your dentist. If you do not have one, or need urgent help when they are closed, call NHS 111 or use 111.nhs.uk for an urgent dental appointment. If swelling is affecting your breathing, swallowing or sight, call 999.
Kind regards, {practice}',
'signpost', 'dentist', 'Triage Desk', strftime('%s', 'now')),

('NHS Talking Therapies',
'Hello {first name}, thank you for telling us how you are feeling. NHS Talking Therapies can help with low mood, anxiety and stress, and you can refer yourself without seeing a GP: search for "NHS Talking Therapies" on nhs.uk to find your local service. If you feel you might harm yourself or cannot keep yourself safe, call 999 or go to A&E now; you can also call 111 and choose the mental health option, any time of day.
Kind regards, {practice}',
'respond', '', 'Triage Desk', strftime('%s', 'now')),

('Please send a photo',
'Hello {first name}, thank you for your request. To help us look at this properly, please reply with a clear photo. Take it in good daylight, close enough to see the problem, with a coin beside it for size if you can. If you cannot send a photo, call us on {practice phone}.
Kind regards, {practice}',
'respond', '', 'Triage Desk', strftime('%s', 'now')),

('Please book with this link',
'Hello {first name}, thank you for your request. Please book an appointment at a time that suits you with this link: {booking link}. If you cannot use the link, call us on {practice phone} and we will book it for you.
Kind regards, {practice}',
'respond', '', 'Triage Desk', strftime('%s', 'now')),

('Call 999 now',
'{first name}, from what you have told us you need urgent help now. Please call 999 or go to your nearest A&E straight away. Do not wait for a reply from us.
{practice}',
'call-999', '', 'Triage Desk', strftime('%s', 'now'));
