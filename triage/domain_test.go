package triage

import (
	"strings"
	"testing"
	"time"
)

func TestParseNHSNumber(t *testing.T) {
	tests := []struct {
		in      string
		want    NHSNumber
		wantErr string
	}{
		{"9990000018", "9990000018", ""},
		{"999 000 0018", "9990000018", ""},
		{"999-111-1115", "9991111115", ""},
		{"943 476 5919", "9434765919", ""},
		{"999 000 0019", "", "check digit"},
		{"99900000", "", "8 digits"},
		{"99900000181", "", "11 digits"},
		{"999O000018", "", "not a digit"},
		{"", "", "0 digits"},
		// 999000000 gives a check digit of 10: no valid number starts with these nine digits.
		{"9990000000", "", "check digit"},
	}
	for _, tt := range tests {
		got, err := ParseNHSNumber(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseNHSNumber(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
			}
			if ErrorCode(err) != EINVALID {
				t.Errorf("ParseNHSNumber(%q) code = %q, want %q", tt.in, ErrorCode(err), EINVALID)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseNHSNumber(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNHSNumberFormatAndComplete(t *testing.T) {
	if got := NHSNumber("9990000018").String(); got != "999 000 0018" {
		t.Errorf("String() = %q, want 999 000 0018", got)
	}
	n, ok := CompleteNHSNumber("999111111")
	if !ok || n != "9991111115" {
		t.Errorf("CompleteNHSNumber(999111111) = %q, %v; want 9991111115", n, ok)
	}
	if _, ok := CompleteNHSNumber("999000000"); ok {
		t.Error("CompleteNHSNumber(999000000) should have no check digit (remainder gives 10)")
	}
	if !n.IsTest() || NHSNumber("9434765919").IsTest() {
		t.Error("IsTest should be true only for the 999 range")
	}
}

func TestPriorityCodes(t *testing.T) {
	tests := []struct {
		p    Priority
		fhir string
		rank int
	}{
		{Emergency, "stat", 0},
		{SameDay, "asap", 1},
		{Soon, "urgent", 2},
		{Routine, "routine", 3},
	}
	for _, tt := range tests {
		if tt.p.FHIR() != tt.fhir || tt.p.Rank() != tt.rank {
			t.Errorf("%s: FHIR %q rank %d; want %q %d", tt.p, tt.p.FHIR(), tt.p.Rank(), tt.fhir, tt.rank)
		}
		if p, err := ParseFHIRPriority(tt.fhir); err != nil || p != tt.p {
			t.Errorf("ParseFHIRPriority(%q) = %q, %v", tt.fhir, p, err)
		}
		if p, err := ParsePriority(strings.ToUpper(string(tt.p))); err != nil || p != tt.p {
			t.Errorf("ParsePriority(%q) = %q, %v", tt.p, p, err)
		}
		if p, err := PriorityFromRank(tt.rank); err != nil || p != tt.p {
			t.Errorf("PriorityFromRank(%d) = %q, %v", tt.rank, p, err)
		}
	}
	if _, err := ParseFHIRPriority("same-day"); err == nil {
		t.Error("ParseFHIRPriority should refuse clinical words")
	}
	if _, err := ParsePriority("urgentish"); err == nil {
		t.Error("ParsePriority should refuse an unknown word")
	}
	if Priority("bogus").Rank() != 4 || Priority("bogus").Valid() {
		t.Error("an unknown priority must sort after routine and be invalid")
	}
	if !Emergency.MoreUrgent(SameDay) || Routine.MoreUrgent(Soon) {
		t.Error("MoreUrgent is wrong")
	}
}

func TestParseTeamSignpostKindSex(t *testing.T) {
	for _, tm := range Teams {
		if got, err := ParseTeam(" " + strings.ToUpper(string(tm))); err != nil || got != tm {
			t.Errorf("ParseTeam(%q) = %q, %v", tm, got, err)
		}
	}
	if _, err := ParseTeam("surgery"); err == nil {
		t.Error("ParseTeam should refuse an unknown team")
	}
	for _, s := range Signposts {
		if got, err := ParseSignpost(string(s)); err != nil || got != s {
			t.Errorf("ParseSignpost(%q) = %q, %v", s, got, err)
		}
	}
	if got, _ := ParseSignpost(""); got != SignpostNone {
		t.Errorf("ParseSignpost(\"\") = %q, want none", got)
	}
	if _, err := ParseSignpost("vet"); err == nil {
		t.Error("ParseSignpost should refuse an unknown signpost")
	}
	if _, err := ParseKind("complaint"); err == nil {
		t.Error("ParseKind should refuse an unknown kind")
	}
	if s, err := ParseSex(""); err != nil || s != SexUnknown {
		t.Errorf("ParseSex(\"\") = %q, %v", s, err)
	}
	if _, err := ParseSex("x"); err == nil {
		t.Error("ParseSex should refuse an unknown sex")
	}
}

func TestStatusTransitions(t *testing.T) {
	allowed := map[[2]Status]bool{
		{StatusNew, StatusAssigned}:               true,
		{StatusNew, StatusClosed}:                 true,
		{StatusNew, StatusAwaitingPatient}:        true,
		{StatusAwaitingPatient, StatusNew}:        true,
		{StatusAwaitingPatient, StatusAssigned}:   true,
		{StatusAssigned, StatusAssigned}:          true,
		{StatusAssigned, StatusInProgress}:        true,
		{StatusAssigned, StatusClosed}:            true,
		{StatusInProgress, StatusAssigned}:        true,
		{StatusInProgress, StatusAwaitingPatient}: true,
		{StatusInProgress, StatusClosed}:          true,
		{StatusAwaitingPatient, StatusInProgress}: true,
		{StatusAwaitingPatient, StatusClosed}:     true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			err := from.CheckTransition(to)
			if allowed[[2]Status{from, to}] {
				if err != nil {
					t.Errorf("%s → %s: unexpected error %v", from, to, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("%s → %s: allowed, want refused", from, to)
				continue
			}
			if !strings.Contains(err.Error(), string(from)) || !strings.Contains(err.Error(), string(to)) {
				t.Errorf("%s → %s: error %q does not name both states", from, to, err)
			}
		}
	}
	if err := Status("lost").CheckTransition(StatusNew); err == nil {
		t.Error("an unknown status must not move")
	}
	if StatusClosed.Live() || !StatusAwaitingPatient.Live() {
		t.Error("Live is wrong")
	}
}

// london builds a time on the practice's wall clock.
func london(t *testing.T, s string) time.Time {
	t.Helper()
	loc := DefaultCalendar().Location
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestDue(t *testing.T) {
	cal := DefaultCalendar()
	tests := []struct {
		name     string
		received string
		p        Priority
		want     string
	}{
		{"emergency is 15 minutes of clock time", "2026-11-24 10:00", Emergency, "2026-11-24 10:15"},
		{"emergency at night does not wait for opening", "2026-11-28 02:00", Emergency, "2026-11-28 02:15"},
		{"same-day morning", "2026-11-24 09:10", SameDay, "2026-11-24 18:30"},
		{"same-day at the cut-off stays today", "2026-11-24 16:00", SameDay, "2026-11-24 18:30"},
		{"same-day after 16:00 goes to tomorrow", "2026-11-24 16:01", SameDay, "2026-11-25 18:30"},
		{"same-day before opening is today", "2026-11-24 06:30", SameDay, "2026-11-24 18:30"},
		{"same-day Friday evening goes to Monday", "2026-11-27 17:00", SameDay, "2026-11-30 18:30"},
		{"same-day Saturday goes to Monday", "2026-11-28 11:00", SameDay, "2026-11-30 18:30"},
		{"same-day Christmas Eve late skips Christmas and the substitute holiday", "2026-12-24 16:30", SameDay, "2026-12-29 18:30"},
		{"soon mid-morning is two working days later", "2026-11-24 10:00", Soon, "2026-11-26 10:00"},
		{"soon at opening ends at close the next day", "2026-11-24 08:00", Soon, "2026-11-25 18:30"},
		{"soon Thursday skips the weekend", "2026-11-26 15:00", Soon, "2026-11-30 15:00"},
		{"soon out of hours starts at the next opening", "2026-11-24 20:00", Soon, "2026-11-26 18:30"},
		{"soon over Easter", "2026-04-02 12:00", Soon, "2026-04-08 12:00"},
		{"routine is three working days", "2026-11-23 09:00", Routine, "2026-11-26 09:00"},
		{"routine on a bank holiday starts the next working day", "2026-08-31 09:00", Routine, "2026-09-03 18:30"},
		{"routine over the 2027 new year", "2026-12-31 14:00", Routine, "2027-01-06 14:00"},
		{"routine across the clocks going back", "2026-10-23 12:00", Routine, "2026-10-28 12:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cal.Due(london(t, tt.received), tt.p)
			if want := london(t, tt.want); !got.Equal(want) {
				t.Errorf("Due(%s, %s) = %s, want %s", tt.received, tt.p, got.In(cal.Location).Format("Mon 2006-01-02 15:04"), tt.want)
			}
		})
	}
}

func TestCalendarHolidays(t *testing.T) {
	cal := DefaultCalendar()
	if len(cal.Holidays()) != 24 {
		t.Fatalf("built-in holidays = %d, want 24 (2025–2027)", len(cal.Holidays()))
	}
	for _, d := range []string{"2025-12-26", "2026-12-28", "2027-03-29"} {
		if cal.IsWorkingDay(london(t, d+" 12:00")) {
			t.Errorf("%s should be a bank holiday", d)
		}
	}
	if !cal.IsWorkingDay(london(t, "2026-12-29 12:00")) || cal.IsWorkingDay(london(t, "2026-11-29 12:00")) {
		t.Error("IsWorkingDay is wrong for an ordinary Tuesday or Sunday")
	}
	if cal.InHours(london(t, "2026-11-24 18:30")) || !cal.InHours(london(t, "2026-11-24 08:00")) {
		t.Error("InHours must include opening and exclude closing")
	}
	err := cal.SetHolidays(strings.NewReader("2026-12-24\n# training\n\n2026-13-01\n"))
	if err == nil || !strings.Contains(err.Error(), "line 4") {
		t.Errorf("SetHolidays with a bad date: error %v, want one naming line 4", err)
	}
	if len(cal.Holidays()) != 24 {
		t.Error("a refused holiday list must leave the calendar as it was")
	}
	if err := cal.SetHolidays(strings.NewReader("2026-11-25\n")); err != nil {
		t.Fatal(err)
	}
	if got := cal.Due(london(t, "2026-11-24 17:00"), SameDay); !got.Equal(london(t, "2026-11-26 18:30")) {
		t.Errorf("a practice's own training day must be skipped: due %s", got)
	}
}

func TestAge(t *testing.T) {
	birth := time.Date(2020, 3, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		at           string
		years, month int
	}{
		{"2026-03-14", 5, 71},
		{"2026-03-15", 6, 72},
		{"2020-05-14", 0, 1},
		{"2019-01-01", 0, 0},
	}
	for _, tt := range tests {
		at, _ := time.Parse(time.DateOnly, tt.at)
		if y, m := AgeAt(birth, at), AgeMonthsAt(birth, at); y != tt.years || m != tt.month {
			t.Errorf("age at %s = %d years %d months, want %d and %d", tt.at, y, m, tt.years, tt.month)
		}
	}
}

func TestLimits(t *testing.T) {
	l := Limits{MaxLive: 3, MaxPerDay: 2, OveruseThreshold: 8}
	tests := []struct {
		live, today int
		want        string
	}{
		{0, 0, ""},
		{2, 1, ""},
		{3, 0, "already has 3 requests open"},
		{0, 2, "sent 2 requests today"},
	}
	for _, tt := range tests {
		err := l.CheckSubmit(tt.live, tt.today)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("CheckSubmit(%d, %d) = %v, want %q", tt.live, tt.today, err, tt.want)
		}
		if tt.want != "" && ErrorCode(err) != ELIMIT {
			t.Errorf("CheckSubmit(%d, %d) code = %s", tt.live, tt.today, ErrorCode(err))
		}
	}
	if l.Overuse(8) || !l.Overuse(9) {
		t.Error("overuse is more than the threshold")
	}
	for _, bad := range []Limits{{MaxLive: 0, OveruseThreshold: 1}, {MaxLive: 3, MaxPerDay: -1, OveruseThreshold: 1}, {MaxLive: 3}} {
		if bad.Validate() == nil {
			t.Errorf("Validate(%+v) should fail", bad)
		}
	}
	if DefaultLimits().Validate() != nil {
		t.Error("the default limits must be valid")
	}
}

func TestApply(t *testing.T) {
	cal := DefaultCalendar()
	now := london(t, "2026-11-24 11:00")
	base := func(st Status) Request {
		return Request{ID: 7, Version: 3, Status: st, Priority: Routine, ReceivedAt: london(t, "2026-11-24 09:00"), DueAt: london(t, "2026-11-27 09:00")}
	}
	tests := []struct {
		name    string
		from    Status
		a       Action
		check   func(r Request) string
		wantErr string
	}{
		{"assign with a new priority", StatusNew, Action{Kind: ActAssign, Team: TeamMedicines, Priority: SameDay}, func(r Request) string {
			if r.Status != StatusAssigned || r.Team != TeamMedicines || r.Priority != SameDay || !r.DueAt.Equal(london(t, "2026-11-24 18:30")) {
				return "assignment or due time not applied"
			}
			return ""
		}, ""},
		{"claim", StatusAssigned, Action{Kind: ActClaim}, func(r Request) string {
			if r.Status != StatusInProgress || r.ClaimedBy != "sam" {
				return "claim not applied"
			}
			return ""
		}, ""},
		{"respond and wait", StatusInProgress, Action{Kind: ActRespond, Channel: ChannelMessage, Message: "Please send a photo", AwaitReply: true}, func(r Request) string {
			if r.Status != StatusAwaitingPatient || !r.FirstResponseAt.Equal(now) {
				return "respond not applied"
			}
			return ""
		}, ""},
		{"respond and close by booking", StatusInProgress, Action{Kind: ActRespond, Channel: ChannelFaceToFace, Message: "Booked 3pm", CloseOnSend: true}, func(r Request) string {
			if r.Status != StatusClosed || r.Outcome != OutcomeAppointment || !r.ClosedAt.Equal(now) {
				return "respond-and-close not applied"
			}
			return ""
		}, ""},
		{"signpost from new", StatusNew, Action{Kind: ActSignpost, Signpost: SignpostPharmacy, Message: "Go to a pharmacy"}, func(r Request) string {
			if r.Status != StatusClosed || r.Outcome != OutcomeSignposted || r.Team != TeamGP || r.Signpost != SignpostPharmacy {
				return "signpost not applied"
			}
			return ""
		}, ""},
		{"close with outcome", StatusAwaitingPatient, Action{Kind: ActClose, Outcome: OutcomeNoAction}, func(r Request) string {
			if r.Status != StatusClosed {
				return "close not applied"
			}
			return ""
		}, ""},
		{"stale version", StatusNew, Action{Kind: ActAssign, Team: TeamGP, BaseVersion: 2}, nil, "version 3"},
		{"claim a new request", StatusNew, Action{Kind: ActClaim}, nil, "from new to in-progress"},
		{"close without outcome", StatusAssigned, Action{Kind: ActClose}, nil, "needs an outcome"},
		{"assign a closed request", StatusClosed, Action{Kind: ActAssign, Team: TeamGP}, nil, "from closed to assigned"},
		{"unknown team", StatusNew, Action{Kind: ActAssign, Team: "surgery"}, nil, "unknown team"},
		{"signpost nowhere", StatusNew, Action{Kind: ActSignpost, Signpost: SignpostNone, Message: "x"}, nil, "signpost to where"},
		{"respond without message", StatusInProgress, Action{Kind: ActRespond, Channel: ChannelPhone}, nil, "needs a message"},
		{"respond by pigeon", StatusInProgress, Action{Kind: ActRespond, Channel: "pigeon", Message: "x"}, nil, "unknown way"},
		{"priority of a closed request", StatusClosed, Action{Kind: ActSetPriority, Priority: Soon}, nil, "closed"},
		{"unknown action", StatusNew, Action{Kind: "reopen"}, nil, "unknown action"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base(tt.from)
			before := r
			tt.a.Actor, tt.a.RequestID = "sam", r.ID
			if tt.a.BaseVersion == 0 {
				tt.a.BaseVersion = r.Version
			}
			err := r.Apply(tt.a, cal, now)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Apply error = %v, want one containing %q", err, tt.wantErr)
				}
				if r.Version != before.Version || r.Status != before.Status {
					t.Fatal("a refused action changed the request")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(r); msg != "" {
				t.Fatalf("%s: %+v", msg, r)
			}
			if r.Version != 4 || r.UpdatedBy != "sam" || !r.UpdatedAt.Equal(now) {
				t.Fatalf("version/updated not bumped: %+v", r)
			}
		})
	}
}

func TestValidateSubmission(t *testing.T) {
	if err := ValidateSubmission(Clinical, "  \n "); err == nil {
		t.Error("empty text must be refused")
	}
	if err := ValidateSubmission("other", "cough"); err == nil {
		t.Error("an unknown kind must be refused")
	}
	if err := ValidateSubmission(Admin, strings.Repeat("é", MaxTextLength+1)); err == nil || !strings.Contains(err.Error(), "5001") {
		t.Errorf("over-long text: %v", err)
	}
	if err := ValidateSubmission(Admin, strings.Repeat("é", MaxTextLength)); err != nil {
		t.Errorf("text of exactly the limit in characters must pass: %v", err)
	}
}
