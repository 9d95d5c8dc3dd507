package server

import (
	"context"
	"fmt"
	"time"

	"triagedesk/assets"
	"triagedesk/demo"
	"triagedesk/store"
	"triagedesk/triage"
)

// DemoUser is a member of staff a demo practice has, with their token.
type DemoUser struct {
	Name  string
	Role  store.Role
	Team  triage.Team
	Token string
}

// DemoPractice is what FillDemo made that a caller needs: staff and patients' tokens.
type DemoPractice struct {
	Users         []DemoUser
	Practice      *demo.Practice
	PatientTokens map[int64]string // by account id
}

// User returns the demo user with the given name.
func (d DemoPractice) User(name string) (DemoUser, bool) {
	for _, u := range d.Users {
		if u.Name == name {
			return u, true
		}
	}
	return DemoUser{}, false
}

// DemoDetails are the demo practice's name, phone number and booking link, which its
// reply templates fill in.
var DemoDetails = triage.Practice{Name: "Riverside Health Centre", Phone: "01632 960 123", BookingLink: "https://book.riverside.example/appointments"}

// EnsureDemoDetails gives a demo practice made before the reply templates existed
// its name, phone number and booking link, so its templates fill in as a new one's.
func EnsureDemoDetails(ctx context.Context, q *store.Queue) error {
	var p triage.Practice
	set, err := q.Setting(ctx, keyPractice, &p)
	if err != nil || set {
		return err
	}
	return q.SetSetting(ctx, keyPractice, DemoDetails, "demo")
}

// keyDemoPhotosSent is the setting that counts the requests with photos sent so far,
// written as each goes in: a start that fails part way sends only the rest next time,
// and a practice that has them all is left alone.
const keyDemoPhotosSent = "demo-photos-sent"

// EnsureDemoPhotos gives a demo practice its few requests sent with photos (generated
// pictures, demo.PhotoRequests), once: a practice made before there were any gets
// them at its next start, and one that has them is left alone. Each is submitted as
// its patient would send it, triaged by the built-in engine, from an adult patient's
// account with room under the live-request limit, and recorded as sent at once, so a
// start that fails part way (no account with room) never sends one twice. Both demos
// call it: the desk's own (at every start) and `queueserver demo`.
func EnsureDemoPhotos(ctx context.Context, q *store.Queue, p *demo.Practice, now time.Time) error {
	var sent int
	if _, err := q.Setting(ctx, keyDemoPhotosSent, &sent); err != nil {
		return err
	}
	if sent >= demo.PhotoRequestCount {
		return nil
	}
	wants := demo.PhotoRequests()
	engine := assets.DefaultEngine()
	next := 0 // the next account to try
	for i := sent; i < len(wants); i++ {
		r := wants[i]
		photos := make([]store.Photo, len(r.Photos))
		for j, ph := range r.Photos {
			photos[j] = store.Photo{ContentType: ph.ContentType, Width: ph.Width, Height: ph.Height, Data: ph.Data}
		}
		var err error
		for tries := 0; ; tries++ {
			if next >= len(p.Accounts) {
				if err == nil {
					return fmt.Errorf("demo request with photos %d: no patient account is left to send it (the practice has %d)", i+1, len(p.Accounts))
				}
				return fmt.Errorf("demo request with photos %d: no patient account is left to send it, the last refused it: %w", i+1, err)
			}
			if tries == 20 {
				return fmt.Errorf("demo request with photos %d: %d patients could not send it, the last: %w", i+1, tries, err)
			}
			acc := p.Accounts[next]
			next += 7 // patients spread over the practice
			pt := p.Patients[acc.PatientID-1]
			sub := store.Submission{AccountID: acc.ID, PatientID: pt.ID, Kind: triage.Clinical, Text: r.Text, Photos: photos}
			sub.Suggested = engine.Classify(triage.Input{Age: pt.AgeAt(now), Sex: pt.Sex, Kind: sub.Kind, Text: sub.Text})
			if _, err = q.Submit(ctx, sub, triage.DefaultLimits(), triage.DefaultCalendar()); err == nil {
				break
			}
		}
		if err := q.SetSetting(ctx, keyDemoPhotosSent, i+1, "demo"); err != nil {
			return fmt.Errorf("demo request with photos %d: sent, but not recorded as sent: %w", i+1, err)
		}
	}
	return nil
}

// FillDemo fills an empty queue with a deterministic demo practice: patients,
// requests triaged by the built-in engine, patients' logins, and a member of staff for
// every role and team (demo-reviewer, demo-manager, demo-gp, demo-medicines, …).
func FillDemo(ctx context.Context, q *store.Queue, seed uint64, patients, requests int, now time.Time) (DemoPractice, error) {
	engine := assets.DefaultEngine()
	p := demo.NewPractice(seed, patients, now)
	reqs := demo.Requests(p, demo.RequestOptions{Seed: seed, Count: requests, Now: now, Classify: engine.Classify})
	if err := q.Import(ctx, store.Changes{Sites: demo.Sites, GPTeams: demo.GPTeams, Patients: p.Patients, Requests: reqs}); err != nil {
		return DemoPractice{}, err
	}
	tokens, err := q.Logins(ctx, p.Accounts)
	if err != nil {
		return DemoPractice{}, fmt.Errorf("demo logins: %w", err)
	}
	res := DemoPractice{Practice: p, PatientTokens: tokens}
	// The details the reply templates fill in; 01632 960xxx is Ofcom's range for drama.
	if err := q.SetSetting(ctx, keyPractice, DemoDetails, "demo"); err != nil {
		return res, fmt.Errorf("demo practice details: %w", err)
	}
	staff := []DemoUser{{Name: "demo-reviewer", Role: store.RoleReviewer}, {Name: "demo-manager", Role: store.RoleManager}}
	for _, t := range triage.Teams {
		staff = append(staff, DemoUser{Name: "demo-" + string(t), Role: store.RoleClinician, Team: t})
	}
	for _, u := range staff {
		tok, err := q.AddUser(ctx, u.Name, u.Role, u.Team)
		if err != nil {
			return res, err
		}
		u.Token = tok
		res.Users = append(res.Users, u)
	}
	return res, nil
}
