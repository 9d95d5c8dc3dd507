// Package ui holds Triage Desk's Fyne views and widgets. It talks to the domain and the
// store through the small interfaces below, never SQL or HTTP, and touches widgets only
// on the Fyne thread: queries run on goroutines and hand their rows over with fyne.Do.
package ui

import (
	"context"
	"fmt"
	"time"

	"triagedesk/triage"
)

// Queue is what the desk reads from its cache; the store's cache satisfies it.
type Queue interface {
	Inbox(ctx context.Context, f triage.Filter) ([]triage.QueueItem, error)
	// Emergencies lists live emergencies not yet acted on, oldest first, for the banner.
	Emergencies(ctx context.Context, limit int) ([]triage.QueueItem, error)
	CountInbox(ctx context.Context, f triage.Filter) (int, error)
	TeamQueue(ctx context.Context, f triage.Filter) ([]triage.QueueItem, error)
	CountTeamQueue(ctx context.Context, f triage.Filter) (int, error)
	Request(ctx context.Context, id int64) (triage.QueueItem, error)
	Carers(ctx context.Context, patientID int64) ([]triage.Patient, error)
	PatientHistory(ctx context.Context, patientID int64, limit int) ([]triage.QueueItem, error)
	PatientUse(ctx context.Context, patientID int64, since time.Time) (live, sent int, err error)
	AuditTrail(ctx context.Context, requestID int64) ([]triage.AuditEntry, error)
	RecordView(ctx context.Context, actor string, requestID int64) error
	// Record adds an entry to this desk's own audit trail, the one the request screen
	// shows, and sends nothing: for what the queue has recorded itself, a photo fetch.
	Record(ctx context.Context, e triage.AuditEntry) error
	OpenByTeamPriority(ctx context.Context) ([]triage.TeamPriorityCount, error)
	CountBreaches(ctx context.Context, now time.Time, f triage.Filter) (int, error)
	Breaches(ctx context.Context, now time.Time, f triage.Filter) ([]triage.QueueItem, error)
	PerDay(ctx context.Context, from, to time.Time, loc *time.Location) ([]triage.DayCount, error)
	Overuse(ctx context.Context, since time.Time, threshold int) ([]triage.PatientUse, error)
	// Templates are the practice's reply templates and the details that fill them, as
	// the desk last synced them.
	Templates(ctx context.Context) (triage.TemplateSet, error)
}

// Actor makes staff actions: the desk's cache applies them at once and queues them
// for the practice queue.
type Actor interface {
	Act(ctx context.Context, a triage.Action) (triage.Request, error)
}

// Conflict is one of this desk's actions the practice queue refused because someone
// else changed the request first.
type Conflict struct {
	OutboxID int64
	Mine     triage.Action // what this desk tried to do
	Why      string        // what the queue said
	// Held is a change never sent, because an earlier change of this desk to the same
	// request was refused: it was built on something that did not happen.
	Held bool
}

// Viewer is another member of staff who has a request open right now.
type Viewer struct {
	Name     string
	Activity string
}

// Settings are the practice's manager settings as the queue holds them.
type Settings struct {
	Limits       triage.Limits
	Availability triage.Availability
	Mode         triage.Mode
	Why          string
	Reopens      time.Time
}

// Sync is the desk's link to the practice queue. Every method may be called from any
// goroutine and may block on the network, so the desk calls them off the Fyne thread.
type Sync interface {
	SyncNow()
	Conflicts(ctx context.Context) ([]Conflict, error)
	Dismiss(ctx context.Context, outboxID int64) error
	// Redo makes a refused or held change again on the request as this desk now has
	// it, once the person has looked again; it is sent when nothing else about the
	// request still needs a look.
	Redo(ctx context.Context, outboxID int64) error
	// Presence says this desk has the request open (activity "viewing") and returns the
	// others who have it open.
	Presence(ctx context.Context, requestID int64, activity string) ([]Viewer, error)
	Settings(ctx context.Context) (Settings, error)
	SetLimits(ctx context.Context, l triage.Limits) error
	SetAvailability(ctx context.Context, a triage.Availability) error
	// AddTemplate, SaveTemplate and DeleteTemplate change the practice's reply
	// templates on the queue (a manager only); SaveTemplate and DeleteTemplate name the
	// version they were made on, and a stale one is refused as a conflict. SetPractice
	// sets the practice's details that fill them.
	AddTemplate(ctx context.Context, t triage.Template) (triage.Template, error)
	SaveTemplate(ctx context.Context, t triage.Template) (triage.Template, error)
	DeleteTemplate(ctx context.Context, id int64, version int) error
	SetPractice(ctx context.Context, p triage.Practice) error
	// Session names the sync now running: it changes each time the desk signs in
	// again (or, in the demo, as someone else) and a new sync replaces the old. The
	// desk shows only the statuses of this session (SyncStatus.Session): a replaced
	// sync's late report must not undo a sign-in.
	Session() int
}

// SyncStatus is what the status bar shows about the link to the practice queue.
type SyncStatus struct {
	// Session is the Sync.Session of the sync that reported this status.
	Session   int
	Online    bool
	LastSync  time.Time
	Pending   int
	Conflicts int
	Problem   string
	// SignedOut says the queue no longer accepts the desk's token: the desk asks the
	// person to sign in again (Options.SignIn), and Problem says why.
	SignedOut bool
}

// Options carry what the desk needs besides its queue: who is signed in, the practice's
// sites and GP teams for the filters, and the clock.
type Options struct {
	User    string
	Role    Role
	Team    triage.Team // a team member's team
	Sites   []triage.Site
	GPTeams []triage.GPTeam
	Now     func() time.Time
	// Problems shows an error to the person; the desk calls it on the Fyne thread.
	Problems func(error)
	// Notify raises a desktop notification, or says why it cannot; nil for none.
	Notify func(title, body string) error
	// Alarm plays the desk's alarm sound; the banner calls it on its own goroutine
	// when a notification cannot be shown. nil for none (tests count the calls).
	Alarm func()
	// SwitchUser, if set, is called on the Fyne thread when the person picks another
	// role or team, and returns who is signed in now ("" keeps the name). The demo uses
	// it to sign in as that role's demo member of staff; a real desk leaves it nil, as
	// a token belongs to one person.
	SwitchUser func(role Role, team triage.Team) string
	// Reception, if set, is the practice queue's search of the practice list and entry
	// of requests for callers: the desk then has a Reception screen, and a team's
	// request can be given to a named member of the team.
	Reception ReceptionLink
	// SignIn, if set, signs the desk in again with a new token after the practice
	// queue ended its session (the token expired or was revoked); it returns why a
	// token was not accepted. The desk calls it off the Fyne thread from the
	// "Your session has ended" dialog. Without it the status bar only says so.
	SignIn func(ctx context.Context, token string) error
	// Identity, if set, is the practice queue's verification queue of patients'
	// identity claims: reviewers and managers then have an Identity checks screen.
	Identity IdentityLink
	// Photos, if set, fetches the photos patients sent from the practice queue, for
	// the request screen; without it the screen says the photos cannot be fetched.
	Photos PhotoLink
}

// Role is which desk a member of staff works: it picks the first screen.
type Role string

// The roles the desk knows, matching the queue's staff roles.
const (
	RoleReviewer Role = "reviewer"
	RoleTeam     Role = "team"
	RoleManager  Role = "manager"
)

// noSync is the link used when there is none (tests of the cache alone): nothing is
// sent, no one else is here, and the settings are the defaults.
type noSync struct{}

func (noSync) SyncNow()                                                  {}
func (noSync) Conflicts(context.Context) ([]Conflict, error)             { return nil, nil }
func (noSync) Dismiss(context.Context, int64) error                      { return nil }
func (noSync) Redo(context.Context, int64) error                         { return nil }
func (noSync) Presence(context.Context, int64, string) ([]Viewer, error) { return nil, nil }
func (noSync) Settings(context.Context) (Settings, error) {
	return Settings{Limits: triage.DefaultLimits(), Mode: triage.ModeOpen}, nil
}
func (noSync) Session() int                                               { return 0 }
func (noSync) SetLimits(context.Context, triage.Limits) error             { return nil }
func (noSync) SetAvailability(context.Context, triage.Availability) error { return nil }

// errNoQueue is what a desk without a practice queue says to a manager's change.
var errNoQueue = fmt.Errorf("this desk is not connected to a practice queue, where the templates are kept")

func (noSync) AddTemplate(context.Context, triage.Template) (triage.Template, error) {
	return triage.Template{}, errNoQueue
}
func (noSync) SaveTemplate(context.Context, triage.Template) (triage.Template, error) {
	return triage.Template{}, errNoQueue
}
func (noSync) DeleteTemplate(context.Context, int64, int) error   { return errNoQueue }
func (noSync) SetPractice(context.Context, triage.Practice) error { return errNoQueue }
