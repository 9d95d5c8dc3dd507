package demo

import (
	"math/rand/v2"
	"slices"
	"time"

	"triagedesk/triage"
)

// Classifier suggests a priority, team and signpost for a request; the server passes
// its triage engine so demo requests carry real suggestions and reasons.
type Classifier func(triage.Input) triage.Suggestion

// RequestOptions says what requests to make.
type RequestOptions struct {
	Seed     uint64
	Count    int
	Days     int       // spread over this many days before Now (30 by default)
	Now      time.Time // the practice's "now"
	Calendar *triage.Calendar
	Classify Classifier // nil: use the label of the text's template
}

// Requests makes o.Count requests from the practice's patients, oldest first with ids
// from 1: most of the older ones closed with an outcome, recent ones open in every
// status, some past their due time.
func Requests(p *Practice, o RequestOptions) []triage.Request {
	rng := rand.New(rand.NewPCG(o.Seed, 0x7265717565737473))
	if o.Days <= 0 {
		o.Days = 30
	}
	cal := o.Calendar
	if cal == nil {
		cal = triage.DefaultCalendar()
	}
	times := make([]time.Time, o.Count)
	for i := range times {
		times[i] = Arrival(rng, o.Now, o.Days, cal)
	}
	slices.SortFunc(times, time.Time.Compare)
	out := make([]triage.Request, 0, o.Count)
	for i, at := range times {
		pt := &p.Patients[rng.IntN(len(p.Patients))]
		age := pt.AgeAt(at)
		text, kind, label := RequestText(rng, age, pt.Sex)
		sugg := label
		if o.Classify != nil {
			sugg = o.Classify(triage.Input{Age: age, Sex: pt.Sex, Kind: kind, Text: text})
		}
		r := triage.Request{
			ID: int64(i + 1), Version: 1, PatientID: pt.ID, SubmittedBy: pt.ActedForBy[0],
			SiteID: pt.SiteID, GPTeamID: pt.GPTeamID, Kind: kind, Text: text,
			ReceivedAt: at, DueAt: cal.Due(at, sugg.Priority), Status: triage.StatusNew,
			Priority: sugg.Priority, Signpost: triage.SignpostNone, Suggested: sugg,
			UpdatedAt: at, UpdatedBy: "patient",
		}
		if pt.Dependant {
			// A parent writes for their child from their own account.
			if acc := pt.ActedForBy[0]; acc >= 1 && int(acc) <= len(p.Accounts) {
				if own := p.Accounts[acc-1].PatientID; own >= 1 && int(own) <= len(p.Patients) && own != pt.ID {
					parent := &p.Patients[own-1]
					r.Author = triage.Author{Name: parent.Name(), Relationship: "parent", Phone: parent.Phone}
				}
			}
		}
		progress(rng, &r, label, o.Now, cal)
		out = append(out, r)
	}
	return out
}

// progress moves a request along its journey as far as its age makes likely.
func progress(rng *rand.Rand, r *triage.Request, label triage.Suggestion, now time.Time, cal *triage.Calendar) {
	age := now.Sub(r.ReceivedAt)
	staff := []string{"dr.patel", "dr.okafor", "n.hughes", "pharm.singh", "physio.wood", "mh.clarke", "admin.jones"}
	actor := staff[rng.IntN(len(staff))]
	step := func(a triage.Action, after time.Duration) bool {
		a.RequestID, a.BaseVersion, a.Actor = r.ID, r.Version, actor
		at := r.UpdatedAt.Add(after)
		if at.After(now) {
			return false
		}
		if r.Apply(a, cal, at) != nil {
			return false
		}
		// What the practice wrote joins the conversation, as the queue does; the
		// queue numbers the messages when the demo is imported.
		if m, ok := a.PatientMessage(r, at); ok {
			r.Messages = append(r.Messages, m)
		}
		return true
	}
	// Recent requests are more often still open; a few old ones are left open so
	// there are breaches to see.
	openChance := 3
	switch {
	case age < 4*time.Hour:
		openChance = 90
	case age < 24*time.Hour:
		openChance = 55
	case age < 72*time.Hour:
		openChance = 20
	}
	stopAt := 4 // 0 new, 1 assigned, 2 in progress, 3 awaiting patient, 4 closed
	if label.Priority == triage.Emergency && age > time.Hour {
		openChance = 0 // the practice calls about an emergency at once
	}
	if age > 7*24*time.Hour {
		openChance = 0 // a practice that closes within 72 hours has nothing a week old open
	}
	if rng.IntN(100) < openChance {
		stopAt = rng.IntN(4)
		if age > 8*time.Hour && stopAt == 0 {
			stopAt = 1 // the reviewers clear the inbox every working day
		}
	}
	if stopAt == 0 {
		return
	}
	review := time.Duration(5+rng.IntN(240)) * time.Minute
	if label.Priority == triage.Emergency {
		review = time.Duration(2+rng.IntN(10)) * time.Minute
		// The practice phones about an emergency before anything else, and records
		// what happened: no emergency is closed or passed on without a call.
		if !step(triage.Action{Kind: triage.ActCallOutcome, Call: triage.CallSent999}, review) {
			return
		}
		review = 0
	}
	if label.Signpost != triage.SignpostNone && stopAt == 4 {
		step(triage.Action{Kind: triage.ActSignpost, Signpost: label.Signpost, Message: "A pharmacist, optician or dentist can help you with this sooner than we can."}, review)
		return
	}
	if label.Priority == triage.Emergency && stopAt == 4 {
		step(triage.Action{Kind: triage.ActClose, Outcome: triage.OutcomeEmergency, Message: "We called you and advised you to call 999 now."}, review)
		return
	}
	team := label.Team
	if team == "" {
		team = triage.TeamGP
	}
	assign := triage.Action{Kind: triage.ActAssign, Team: team, Priority: label.Priority}
	if r.Priority.MoreUrgent(label.Priority) {
		assign.Reason = "read in full: less urgent than the engine suggested"
	}
	if !step(assign, review) || stopAt == 1 {
		return
	}
	if !step(triage.Action{Kind: triage.ActClaim}, time.Duration(10+rng.IntN(600))*time.Minute) || stopAt == 2 {
		return
	}
	channel := triage.Channels[rng.IntN(len(triage.Channels))]
	if stopAt == 3 {
		step(triage.Action{Kind: triage.ActRespond, Channel: triage.ChannelMessage, Message: "Please send us a photo and tell us how long this has been going on.", AwaitReply: true}, time.Duration(5+rng.IntN(120))*time.Minute)
		return
	}
	step(triage.Action{Kind: triage.ActRespond, Channel: channel, Message: "Thank you for your request. We have dealt with it and will be in touch if anything else is needed.", CloseOnSend: true}, time.Duration(5+rng.IntN(600))*time.Minute)
}
