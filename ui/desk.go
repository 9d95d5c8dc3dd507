package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// Desk is the whole window: the emergency banner, the screens (triage inbox, team
// queue, dashboard, request detail) and the status bar, with the keys that work them.
type Desk struct {
	Inbox     *List
	Team      *List
	TeamPick  *widget.Select
	Mine      *widget.Check
	Detail    *Detail
	Dashboard *Dashboard
	Reception *Reception // nil when the desk has no practice queue to search
	Verify    *Verify    // the identity checks; nil for team members and without a queue
	Tabs      *container.AppTabs
	RolePick  *widget.Select

	Banner      *fyne.Container // shown while an emergency waits for someone to act on it
	BannerText  *canvas.Text
	Alert       *Banner // the banner itself: what it counts, its flashes and alarms
	Status      *widget.Label
	ConflictBtn *widget.Button
	SyncBtn     *widget.Button
	// The conflict dialog when open: its redo buttons and what each says won.
	ConflictDialog dialog.Dialog
	ConflictRedo   []*widget.Button
	ConflictText   []string
	Toast          *Toast // what was just done, with Undo
	// SignIn asks for a new token once the queue has ended this desk's session; nil
	// until it first has. SignInBtn, in the status bar, opens it again after Later.
	SignIn    *SignInPrompt
	SignInBtn *widget.Button
	// TemplateEditor is the practice manager's editor of the reply templates, on its
	// own tab that only a manager sees.
	TemplateEditor *TemplateEditor
	Root           fyne.CanvasObject

	queue  Queue
	actor  Actor
	sync   Sync
	opts   Options
	names  map[string]string
	limits triage.Limits
	window fyne.Window

	main, content *fyne.Container
	inboxTab      *container.TabItem
	teamTab       *container.TabItem
	dashTab       *container.TabItem // only on a manager's screen
	tplTab        *container.TabItem // the templates editor, only on a manager's screen
	// templates are the practice's reply templates from the cache, for the pickers;
	// read and written on the Fyne thread.
	templates triage.TemplateSet
	// dialogs are the dialogs this desk showed, by the pop-up that shows each, so Esc
	// can close one as its own button would (running its callback).
	dialogs map[fyne.CanvasObject]dialog.Dialog
	// dashboardShown says whether the dashboard is on screen, so a sync refreshes its
	// figures too; goroutines read it.
	dashboardShown atomic.Bool
	// status is the last sync status shown: whether the queue ended this desk's
	// session, why, and what waits, for the sign-in dialog. Owned by the Fyne thread.
	status     SyncStatus
	signInOpen bool
	// photos are the patients' photos this desk fetched, in memory only.
	photos photoMemory
}

// NewDesk builds the desk for a member of staff in window w. sync may be nil when the
// desk works from its cache alone.
func NewDesk(q Queue, actor Actor, s Sync, opts Options, w fyne.Window) *Desk {
	if s == nil {
		s = noSync{}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Team == "" {
		opts.Team = triage.TeamGP
	}
	if opts.Role == "" {
		opts.Role = RoleReviewer
	}
	d := &Desk{queue: q, actor: actor, sync: s, opts: opts, names: names(opts), limits: triage.DefaultLimits(),
		window: w, dialogs: map[fyne.CanvasObject]dialog.Dialog{}}
	d.buildUI()
	return d
}

func (d *Desk) buildUI() {
	d.Inbox = newList("new requests waiting for review", loader{d.queue.Inbox, d.queue.CountInbox}, d.opts, triage.Filter{})
	d.Inbox.OnOpen = d.Open
	d.Inbox.OnRead = d.recordRead
	d.Inbox.Full = d.queue.Request
	d.Inbox.OnLoaded = func() { d.inboxTab.Text = "Triage inbox (" + d.Inbox.Tally() + ")"; d.Tabs.Refresh() }
	d.Team = newList("live requests for the team", loader{d.teamQueue, d.countTeam}, d.opts, triage.Filter{Team: d.opts.Team})
	d.Team.OnOpen = d.Open
	d.Team.OnRead = d.recordRead
	d.Team.Full = d.queue.Request
	d.Team.showHolder()
	d.Team.OnLoaded = func() { d.teamTab.Text = "Team queue (" + d.Team.Tally() + ")"; d.Tabs.Refresh() }
	teams := make([]string, len(triage.Teams))
	for i, t := range triage.Teams {
		teams[i] = t.Label()
	}
	teamPick := newSelect(teams, func(label string) {
		for _, t := range triage.Teams {
			if t.Label() == label {
				d.Team.setFilter(func(f *triage.Filter) { f.Team = t })
				d.switchUser()
			}
		}
	})
	d.TeamPick = &teamPick.Select
	d.TeamPick.Selected = d.opts.Team.Label()
	mine := newCheck("Only mine", func(on bool) {
		who := ""
		if on {
			who = d.opts.User
		}
		d.Team.setFilter(func(f *triage.Filter) { f.ClaimedBy = who })
	})
	d.Mine = &mine.Check
	teamView := container.NewBorder(container.NewHBox(widget.NewLabel("Team"), teamPick, mine), nil, nil, nil, d.Team.Root)
	d.Dashboard = newDashboard(d)
	d.Detail = newDetail(d)

	d.inboxTab = container.NewTabItemWithIcon("Triage inbox", theme.MailComposeIcon(), d.Inbox.Root)
	d.teamTab = container.NewTabItemWithIcon("Team queue", theme.AccountIcon(), teamView)
	d.dashTab = container.NewTabItemWithIcon("Dashboard", theme.GridIcon(), d.Dashboard.Root)
	d.TemplateEditor = newTemplateEditor(d)
	d.tplTab = container.NewTabItemWithIcon("Templates", theme.DocumentIcon(), d.TemplateEditor.Root)
	d.Tabs = container.NewAppTabs(d.inboxTab, d.teamTab)
	if d.opts.Reception != nil {
		d.Reception = newReception(d, d.opts.Reception)
		d.Tabs.Append(container.NewTabItemWithIcon("Reception", theme.ContentAddIcon(), d.Reception.Root))
	}
	if d.opts.Identity != nil && (d.opts.Role == RoleReviewer || d.opts.Role == RoleManager) {
		d.Verify = newVerify(d, d.opts.Identity)
		d.Tabs.Append(container.NewTabItemWithIcon("Identity checks", theme.AccountIcon(), d.Verify.Root))
	}
	rolePick := newSelect(d.roles(), d.onRole)
	d.RolePick = &rolePick.Select
	// This picks the first screen; nothing loads while the desk is built, as its first
	// Refresh fills whatever is shown.
	d.RolePick.SetSelected(string(d.opts.Role))
	d.dashboardShown.Store(d.opts.Role == RoleManager)
	d.Tabs.OnSelected = func(t *container.TabItem) {
		if d.Verify != nil && t.Content == d.Verify.Root {
			d.Verify.Load()
		}
		d.dashboardShown.Store(t.Content == d.Dashboard.Root)
		if t.Content == d.Dashboard.Root {
			d.Dashboard.Reload()
		}
	}

	d.Alert = newBanner(d)
	d.Banner, d.BannerText = d.Alert.Root, d.Alert.Text

	d.Status = widget.NewLabel("Starting…")
	d.Status.Truncation = fyne.TextTruncateEllipsis // an offline error can be long
	d.ConflictBtn = widget.NewButtonWithIcon("", theme.ErrorIcon(), d.ShowConflicts)
	d.ConflictBtn.Importance = widget.DangerImportance
	d.ConflictBtn.Hide()
	d.SyncBtn = widget.NewButtonWithIcon("Sync now (Ctrl+R)", theme.ViewRefreshIcon(), d.SyncNow)
	d.SignInBtn = widget.NewButtonWithIcon("Sign in again", theme.LoginIcon(), d.showSignIn)
	d.SignInBtn.Importance = widget.DangerImportance
	d.SignInBtn.Hide()
	help := widget.NewButtonWithIcon("Keys (?)", theme.HelpIcon(), d.ShowHelp)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(d.SignInBtn, d.ConflictBtn, widget.NewLabel("Working as"), rolePick, d.SyncBtn, help), d.Status)

	top := d.Banner
	d.main = container.NewStack(d.Tabs)
	d.content = container.NewStack(d.main)
	d.Toast = newToast(d.Undo)
	d.Root = container.NewBorder(top, container.NewVBox(d.Toast.Root, bar), nil, nil, d.content)
}

var colorWhite = themeWhite{}

// closed is a channel that is already closed: work that was not needed is done.
var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// switchUser tells the wiring which role and team the person now works as.
func (d *Desk) switchUser() {
	if d.opts.SwitchUser == nil || d.Team == nil {
		return
	}
	if name := d.opts.SwitchUser(d.opts.Role, d.Team.Filter().Team); name != "" && name != d.opts.User {
		d.opts.User = name
		if d.window != nil {
			d.window.SetTitle("Triage Desk — " + name)
		}
		if d.detailShown() {
			// The request on screen is now seen by another person: load it again as
			// them, so their view, and their first look at each of its photos, is
			// recorded under their name, not left to the fetches of the one before.
			d.Detail.Show(d.Detail.item)
		}
		if d.Mine.Checked {
			d.Team.setFilter(func(f *triage.Filter) { f.ClaimedBy = name })
		}
	}
}

func (d *Desk) teamQueue(ctx context.Context, f triage.Filter) ([]triage.QueueItem, error) {
	return d.queue.TeamQueue(ctx, f)
}

func (d *Desk) countTeam(ctx context.Context, f triage.Filter) (int, error) {
	return d.queue.CountTeamQueue(ctx, f)
}

// roles are what "Working as" offers: a manager's controls only to a manager (or in
// the demo, which signs in as its manager), as the queue refuses them to anyone else.
func (d *Desk) roles() []string {
	roles := []string{string(RoleReviewer), string(RoleTeam)}
	if d.opts.Role == RoleManager || d.opts.SwitchUser != nil {
		roles = append(roles, string(RoleManager))
	}
	return roles
}

// showManager puts the dashboard's tab on screen for a manager and takes it away
// from everyone else.
func (d *Desk) showManager(on bool) {
	shown := false
	for _, t := range d.Tabs.Items {
		shown = shown || t == d.dashTab
	}
	switch {
	case on && !shown:
		d.Tabs.Append(d.dashTab)
		d.Tabs.Append(d.tplTab)
	case !on && shown:
		d.Tabs.Remove(d.dashTab)
		d.Tabs.Remove(d.tplTab)
		d.dashboardShown.Store(false)
	default:
		return
	}
	if d.window != nil && d.window.MainMenu() != nil {
		d.window.SetMainMenu(d.Menu()) // the Go menu names the screens there are now
	}
}

func (d *Desk) onRole(r string) {
	d.opts.Role = Role(r)
	d.switchUser()
	d.showManager(Role(r) == RoleManager)
	switch Role(r) {
	case RoleReviewer:
		d.Tabs.SelectIndex(0)
	case RoleTeam:
		d.Tabs.SelectIndex(1)
	case RoleManager:
		d.Tabs.Select(d.dashTab)
	}
}

// Refresh re-reads every list, the emergencies and the open dashboard. It may be
// called from any goroutine (the sync calls it after each batch of changes); the
// channel is closed once everything is on screen.
func (d *Desk) Refresh() <-chan struct{} {
	done := make(chan struct{})
	a, b := d.Inbox.Reload(), d.Team.Reload()
	c := d.Alert.check()
	tpl := d.reloadTemplates()
	var e <-chan struct{} = closed
	if d.dashboardShown.Load() {
		e = d.Dashboard.Reload()
	}
	spawn(func() {
		<-a
		<-b
		<-c
		<-e
		<-tpl
		// The open request shows a reply that arrived with this sync.
		<-d.Detail.refreshOpen()
		close(done)
	})
	return done
}

// Open shows a request in full in place of the lists; Esc goes back.
func (d *Desk) Open(it triage.QueueItem) { d.open(it) }

// open is Open, returning a channel closed once the request is on screen.
func (d *Desk) open(it triage.QueueItem) <-chan struct{} {
	d.content.Objects = []fyne.CanvasObject{d.Detail.Root}
	d.content.Refresh()
	return d.Detail.Show(it)
}

// Back leaves the request detail for the list it came from.
func (d *Desk) Back() {
	if d.detailShown() {
		d.Detail.StopHeartbeat()
		d.Detail.Photos.clear() // its fetches end with it
		d.content.Objects = []fyne.CanvasObject{d.main}
		d.content.Refresh()
		d.focusList()
	}
}

func (d *Desk) detailShown() bool { return d.content.Objects[0] == d.Detail.Root }

// Current is the list on screen.
func (d *Desk) Current() *List {
	if d.Tabs.SelectedIndex() == 1 {
		return d.Team
	}
	return d.Inbox
}

// shownList is the list on screen, if one is. Keys that act on a list's selection do
// nothing on the dashboard or the Reception screen: there the inbox's highlighted
// request is out of sight, and a digit typed there must not assign it.
func (d *Desk) shownList() (*List, bool) {
	if d.detailShown() {
		return nil, false
	}
	switch d.Tabs.Selected() {
	case d.inboxTab:
		return d.Inbox, true
	case d.teamTab:
		return d.Team, true
	}
	return nil, false
}

func (d *Desk) focusList() {
	if d.window != nil {
		d.window.Canvas().Unfocus()
	}
}

// FocusSearch puts the cursor in the current list's search box.
func (d *Desk) FocusSearch() {
	if d.dialogShowing() {
		return
	}
	if d.detailShown() {
		d.Back()
	}
	if d.window == nil {
		return
	}
	if l, ok := d.shownList(); ok {
		d.window.Canvas().Focus(l.Search)
	} else if d.Reception != nil && d.Tabs.Selected().Content == d.Reception.Root {
		d.window.Canvas().Focus(d.Reception.Search) // reception searches the practice list
	}
}

// SyncNow asks the sync to run at once.
func (d *Desk) SyncNow() {
	d.Status.SetText("Syncing…")
	spawn(d.sync.SyncNow)
}

// do applies an action off the Fyne thread, then syncs and refreshes; after runs on
// the Fyne thread once the action has been applied.
func (d *Desk) do(a triage.Action, after func(triage.Request)) {
	spawn(func() {
		r, err := d.actor.Act(context.Background(), a)
		if err != nil {
			onUI(func() { d.problem(fmt.Errorf("%s could not be done: %w", a.Describe(), err)) })
			return
		}
		spawn(d.sync.SyncNow)
		<-d.Refresh()
		if after != nil {
			onUI(func() { after(r) })
		}
	})
}

// Assign gives the selected (or open) request to a team. The selection moves at once
// to the next request in the list, so a reviewer goes through the inbox with j, Enter
// and 1–5 alone; a toast then says what was done, with Undo.
func (d *Desk) Assign(team triage.Team) {
	var it triage.QueueItem
	l := d.Current()
	if d.detailShown() {
		it = d.Detail.item
	} else {
		var ok bool
		if _, shown := d.shownList(); !shown {
			return // no list on screen (the reception or dashboard tab): nothing is highlighted
		}
		if it, ok = l.Selected(); !ok {
			return
		}
	}
	back := d.detailShown()
	next, hasNext := l.Neighbour(it.ID)
	if hasNext {
		l.SelectID(next)
	}
	d.do(triage.Action{Kind: triage.ActAssign, RequestID: it.ID, BaseVersion: it.Version, Actor: d.opts.User, Team: team}, func(r triage.Request) {
		if back {
			d.Back()
		}
		if _, ok := l.Selected(); !ok && hasNext {
			l.SelectID(next) // the reload found the next request had moved: find it again
		}
		d.assigned(it, r, l)
	})
}

func (d *Desk) problem(err error) {
	err = plainError{err} // never a code word or raw FHIR in front of a person
	if d.opts.Problems != nil {
		d.opts.Problems(err)
		return
	}
	if d.window != nil {
		dialog.ShowError(err, d.window)
	}
}

// PostStatus shows the sync status from any goroutine but the Fyne thread's own (the
// sync calls it after each round) and returns once it is on screen.
func (d *Desk) PostStatus(s SyncStatus) { onUI(func() { d.SetStatus(s) }) }

// SetStatus shows the sync status; call it on the Fyne thread. A status from a sync
// that has since been replaced (a sign-in started another) is dropped here, on the
// Fyne thread, where no sign-in can slip in between the check and the screen.
func (d *Desk) SetStatus(s SyncStatus) {
	if s.Session != d.sync.Session() {
		return
	}
	state := "Online"
	if !s.Online {
		state = "OFFLINE: working from this desk's copy"
		d.Status.Importance = widget.WarningImportance
	} else {
		d.Status.Importance = widget.MediumImportance
	}
	last := "not yet"
	if !s.LastSync.IsZero() {
		last = s.LastSync.In(time.Local).Format("15:04:05")
	}
	text := fmt.Sprintf("%s · last sync %s · %d waiting to send · %d conflicts · signed in as %s", state, last, s.Pending, s.Conflicts, d.opts.User)
	if !s.Online && s.Problem != "" {
		text += " · " + s.Problem
	}
	if s.SignedOut {
		d.Status.Importance = widget.DangerImportance
		text = fmt.Sprintf("SIGNED OUT: sign in again to send the %d waiting and to sync · last sync %s · %s", s.Pending, last, s.Problem)
	}
	d.Status.SetText(text)
	was := d.status
	d.status = s
	if s.SignedOut && d.opts.SignIn != nil {
		d.SignInBtn.Show()
		// Ask once per ended session, and keep an open dialog current. A new session
		// (a sign-in started another sync) that is signed out at once, its token
		// revoked again, has ended too: d.status still holds the old session's
		// signed-out status, so was.SignedOut alone would not ask.
		if !was.SignedOut || was.Session != s.Session || d.signInOpen {
			d.askSignIn(s.Problem, s.Pending)
		}
	} else {
		d.SignInBtn.Hide()
		if d.signInOpen && d.SignIn != nil { // signed in another way (a restart of the sync)
			d.SignIn.Dialog.Hide()
		}
	}
	if s.Conflicts > 0 {
		d.ConflictBtn.SetText(fmt.Sprintf("%d conflict(s): resolve", s.Conflicts))
		d.ConflictBtn.Show()
	} else {
		d.ConflictBtn.Hide()
	}
}

// ShowConflicts opens the conflict dialog: for each refused action, whose change won
// and what it was, with a choice to redo this desk's change on top of theirs.
func (d *Desk) ShowConflicts() {
	spawn(func() {
		ctx := context.Background()
		cs, err := d.sync.Conflicts(ctx)
		current := map[int64]triage.QueueItem{}
		for _, c := range cs {
			if it, err2 := d.queue.Request(ctx, c.Mine.RequestID); err2 == nil {
				current[c.Mine.RequestID] = it
			}
		}
		onUI(func() {
			if err != nil {
				d.problem(fmt.Errorf("the conflicts could not be read: %w", err))
				return
			}
			d.conflictDialog(cs, current)
		})
	})
}

func (d *Desk) conflictDialog(cs []Conflict, current map[int64]triage.QueueItem) {
	if len(cs) == 0 {
		d.showDialog(dialog.NewInformation("No conflicts", "Every change made at this desk has been accepted.", d.window))
		return
	}
	box := container.NewVBox()
	d.ConflictRedo, d.ConflictText = nil, nil
	var dlg dialog.Dialog
	for _, c := range cs {
		c := c
		cur := current[c.Mine.RequestID]
		won := fmt.Sprintf("Their change won: %s changed request %d at %s. It is now %s, %s", cur.UpdatedBy, cur.ID, cur.UpdatedAt.In(time.Local).Format("15:04"), cur.Status.Label(), cur.Priority.Label())
		if cur.Team != "" {
			won += ", " + cur.Team.Label() + " team"
		}
		mine := widget.NewLabel("Yours was: " + c.Mine.Describe() + " (the queue said: " + c.Why + ")")
		if c.Held {
			mine.SetText("Yours, not sent: " + c.Mine.Describe() + ". It was made after an earlier change of yours to this request was refused, so look at the request as it is now before redoing it.")
		}
		mine.Wrapping = fyne.TextWrapWord
		theirs := widget.NewLabel(won + ".")
		theirs.Wrapping = fyne.TextWrapWord
		theirs.TextStyle.Bold = true
		redo := widget.NewButton("Redo mine on top of theirs", func() {
			spawn(func() {
				ctx := context.Background()
				if err := d.sync.Redo(ctx, c.OutboxID); err != nil {
					onUI(func() { d.problem(fmt.Errorf("your change could not be redone: %w", err)) })
					return
				}
				spawn(d.sync.SyncNow)
				<-d.Refresh()
			})
			dlg.Hide()
		})
		redo.Importance = widget.HighImportance
		keep := widget.NewButton("Keep theirs", func() {
			spawn(func() { d.sync.Dismiss(context.Background(), c.OutboxID) })
			dlg.Hide()
		})
		d.ConflictRedo = append(d.ConflictRedo, redo)
		d.ConflictText = append(d.ConflictText, theirs.Text)
		box.Add(container.NewVBox(mine, theirs, container.NewHBox(redo, keep), widget.NewSeparator()))
	}
	dlg = dialog.NewCustom("Someone else changed these first", "Close", container.NewVScroll(box), d.window)
	dlg.Resize(fyne.NewSize(700, 400))
	d.ConflictDialog = dlg
	d.showDialog(dlg)
}

// showDialog shows dlg over the desk and remembers it, so Esc closes it as its own
// Close or Cancel button would.
func (d *Desk) showDialog(dlg dialog.Dialog) {
	dlg.Show()
	if d.window == nil {
		return
	}
	over := d.window.Canvas().Overlays()
	for o := range d.dialogs { // forget the dialogs closed by their buttons
		if !slices.Contains(over.List(), o) {
			delete(d.dialogs, o)
		}
	}
	if top := over.Top(); top != nil {
		d.dialogs[top] = dlg
	}
}

// dialogShowing reports whether a dialog (or any pop-up) covers the desk: while one
// does, the list and request keys do nothing, so no key acts on a request behind it.
func (d *Desk) dialogShowing() bool {
	return d.window != nil && d.window.Canvas().Overlays().Top() != nil
}

// closeDialog closes the dialog on top, as its Close or Cancel button would.
func (d *Desk) closeDialog() {
	top := d.window.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	if dlg, ok := d.dialogs[top]; ok {
		delete(d.dialogs, top)
		dlg.Hide()
		return
	}
	top.Hide() // a dialog shown without showDialog: hiding its pop-up closes it
}

// keys are the desk's keys, shown by the help.
var keys = [][2]string{
	{"↓ / j, ↑ / k", "move down and up the list"},
	{"Enter", "open the selected request"},
	{"1 2 3 4 5", "assign to GP, medicines, physio, mental health, admin; the next request is selected"},
	{"Ctrl+Z", "undo the assignment just made"},
	{"r", "respond to the request with a template: type to find it, ↑ ↓, Enter puts it in, Ctrl+Enter sends"},
	{"p", "on a request, go to its photos (again for the next); Enter shows one larger, Esc closes it"},
	{"/ or Ctrl+F", "search what patients wrote"},
	{"Ctrl+R", "sync now"},
	{"Esc", "back out of a request, or close a dialog"},
	{"Ctrl+1 … Ctrl+6", "go to the screens in the order of their tabs: triage inbox, team queue, reception, identity checks (a manager's dashboard and templates after them)"},
	{"?", "this help"},
}

// ShowHelp shows every key.
func (d *Desk) ShowHelp() {
	if d.dialogShowing() {
		return
	}
	grid := container.NewGridWithColumns(2)
	for _, k := range keys {
		key := widget.NewLabel(k[0])
		key.TextStyle.Bold = true
		grid.Add(key)
		grid.Add(widget.NewLabel(k[1]))
	}
	d.showDialog(dialog.NewCustom("Keys", "Close (Esc)", grid, d.window))
}

// TypedRune handles the single-key shortcuts when no text box has the cursor. While a
// dialog is showing they do nothing: the person cannot see the list they would act on.
func (d *Desk) TypedRune(r rune) {
	if d.dialogShowing() {
		return
	}
	switch {
	case r == 'j':
		d.move(1)
	case r == 'k':
		d.move(-1)
	case r >= '1' && r <= '5':
		d.Assign(triage.Teams[r-'1'])
	case r == 'r':
		d.RespondKey()
	case r == 'p':
		if d.detailShown() {
			d.Detail.Photos.focusNext(nil)
		}
	case r == '/':
		d.FocusSearch()
	case r == '?':
		d.ShowHelp()
	}
}

func (d *Desk) move(delta int) {
	if !d.detailShown() {
		if l, ok := d.shownList(); ok {
			l.Move(delta)
		}
	}
}

// TypedKey handles arrows, Enter and Esc. While a dialog is showing, Esc closes it and
// every other key does nothing.
func (d *Desk) TypedKey(ev *fyne.KeyEvent) {
	if d.dialogShowing() {
		if ev.Name == fyne.KeyEscape {
			d.closeDialog()
		}
		return
	}
	switch ev.Name {
	case fyne.KeyDown:
		d.move(1)
	case fyne.KeyUp:
		d.move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if !d.detailShown() {
			if l, ok := d.shownList(); ok {
				l.Open()
			}
		}
	case fyne.KeyEscape:
		d.Back()
	}
}

// Menu is the window's main menu. Its items carry the Ctrl shortcuts, which work even
// while a text box has the cursor (Canvas.AddShortcut does not: fyne-io/fyne#2627).
func (d *Desk) Menu() *fyne.MainMenu {
	search := fyne.NewMenuItem("Search", d.FocusSearch)
	search.Shortcut = &desktopShortcut{fyne.KeyF}
	syncNow := fyne.NewMenuItem("Sync now", d.SyncNow)
	syncNow.Shortcut = &desktopShortcut{fyne.KeyR}
	conflicts := fyne.NewMenuItem("Conflicts…", d.ShowConflicts)
	help := fyne.NewMenuItem("Keys", d.ShowHelp)
	var screens []*fyne.MenuItem
	for i, t := range d.Tabs.Items {
		if i >= len(screenKeys) {
			break
		}
		item := fyne.NewMenuItem(screenName(t), func() { d.GoTo(i + 1) })
		item.Shortcut = &desktopShortcut{screenKeys[i]}
		screens = append(screens, item)
	}
	return fyne.NewMainMenu(fyne.NewMenu("Desk", search, syncNow, conflicts), fyne.NewMenu("Go", screens...), fyne.NewMenu("Help", help))
}

// screenKeys are the keys that, with Ctrl, go to the screens in the order of their
// tabs: the tabs themselves take no keyboard focus, so without these a receptionist
// could not reach Reception, nor a reviewer Identity checks, from the keyboard.
var screenKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6}

// screenName is a tab's name without the count it carries: "Triage inbox".
func screenName(t *container.TabItem) string {
	name, _, _ := strings.Cut(t.Text, " (")
	return name
}

// GoTo shows the n-th screen (1 for the triage inbox, in the order of the tabs), as
// Ctrl+n does: an open request is left for it, as Esc would, and the keyboard goes
// where the screen is used from (the reception's search box; on a list, the list's
// keys). Behind a dialog it does nothing: the person cannot see what would change.
func (d *Desk) GoTo(n int) {
	if n < 1 || n > len(d.Tabs.Items) || d.dialogShowing() {
		return
	}
	d.Back()
	d.Tabs.SelectIndex(n - 1)
	if d.window == nil {
		return
	}
	c := d.window.Canvas()
	switch {
	case d.Reception != nil && d.Tabs.Selected().Content == d.Reception.Root:
		c.Focus(d.Reception.Search)
	default:
		c.Unfocus()
	}
}

// Install puts the desk in the window: content, menu, keys and shortcuts, all
// registered here in one place.
func (d *Desk) Install(w fyne.Window) {
	d.window = w
	w.SetContent(d.Root)
	w.SetMainMenu(d.Menu())
	c := w.Canvas()
	c.SetOnTypedRune(d.TypedRune)
	c.SetOnTypedKey(d.TypedKey)
	c.AddShortcut(&desktopShortcut{fyne.KeyF}, func(fyne.Shortcut) { d.FocusSearch() })
	c.AddShortcut(&desktopShortcut{fyne.KeyR}, func(fyne.Shortcut) { d.SyncNow() })
	// Ctrl+Z: a canvas shortcut, not a menu item, so in a text box it still undoes typing.
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { d.Undo() })
	for i, k := range screenKeys {
		c.AddShortcut(&desktopShortcut{k}, func(fyne.Shortcut) { d.GoTo(i + 1) })
	}
}

// ShowScreen opens a named screen: "inbox"; "preview" (the inbox with its first
// request highlighted, in the preview from 1440 pixels); "detail" (the first request
// in the inbox, opened); "team"; or "dashboard". The screenshot script uses it to show
// each screen. Call it on the Fyne thread; the channel is closed once the screen's
// rows or request are read and on screen.
func (d *Desk) ShowScreen(name string) <-chan struct{} {
	switch name {
	case "team":
		d.RolePick.SetSelected(string(RoleTeam))
		return d.Refresh()
	case "dashboard":
		d.RolePick.SetSelected(string(RoleManager))
		return d.Refresh()
	case "preview":
		d.Inbox.Move(0)
	case "detail":
		d.Inbox.Move(0)
		if it, ok := d.Inbox.Selected(); ok {
			return d.open(it)
		}
	}
	return closed
}

// recordRead records in the audit trail that the person read a request in the preview.
func (d *Desk) recordRead(id int64) {
	user := d.opts.User
	spawn(func() { d.queue.RecordView(context.Background(), user, id) })
}
