// Package demo makes a believable practice for demonstrations, tests and benchmarks:
// sites, GP teams, patients with a real age mix, carers linked to dependants, and
// requests written the way patients write them. Everything is deterministic for a
// seed, and every NHS number is in the 999 range reserved for testing.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"triagedesk/triage"
)

// Sites are the demo practice's three surgery buildings.
var Sites = []triage.Site{
	{ID: "riverside", Name: "Riverside Surgery"},
	{ID: "hillview", Name: "Hill View Health Centre"},
	{ID: "market", Name: "Market Street Surgery"},
}

// GPTeams are the demo practice's four continuity teams.
var GPTeams = []triage.GPTeam{
	{ID: "blue", Name: "Blue team", SiteID: "riverside"},
	{ID: "green", Name: "Green team", SiteID: "riverside"},
	{ID: "amber", Name: "Amber team", SiteID: "hillview"},
	{ID: "violet", Name: "Violet team", SiteID: "market"},
}

var givenFemale = []string{"Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophia", "Lily", "Freya", "Emily", "Aisha", "Zara", "Priya", "Chloe", "Ruby", "Evie", "Margaret", "Joan", "Patricia", "Susan", "Karen", "Helen", "Fatima", "Maryam", "Niamh", "Siobhan", "Agnieszka", "Ewa", "Beatriz", "Ngozi"}
var givenMale = []string{"Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Jack", "Muhammad", "Charlie", "Jacob", "Thomas", "James", "William", "David", "John", "Peter", "Michael", "Ahmed", "Ravi", "Arjun", "Kwame", "Tomasz", "Piotr", "Sean", "Liam", "Dylan", "Rhys", "Kofi", "Yusuf"}
var family = []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Ahmed", "Hussain", "Singh", "Kaur", "Begum", "Nowak", "Kowalski", "Okafor", "Mensah", "O'Brien", "Murphy", "Hughes", "Edwards", "Lewis", "Harris", "Martin", "Cooper", "King"}

// Practice is a generated practice: its patients and the accounts that act for them.
type Practice struct {
	Patients []triage.Patient
	Accounts []triage.Account
}

// NewPractice makes n patients. Adults have their own accounts; about one child in
// four is linked to two parents' accounts, the rest to one.
func NewPractice(seed uint64, n int, now time.Time) *Practice {
	rng := rand.New(rand.NewPCG(seed, 0x7269616765))
	p := &Practice{}
	var adults []int // indexes of patients with accounts, who can be parents
	for i := 0; i < n; i++ {
		id := int64(i + 1)
		age := ageMix(rng)
		sex := triage.Female
		if rng.IntN(100) < 49 {
			sex = triage.Male
		}
		team := GPTeams[rng.IntN(len(GPTeams))]
		birth := now.AddDate(-age, -rng.IntN(12), -rng.IntN(28))
		if age == 0 {
			birth = now.AddDate(0, -rng.IntN(12), -rng.IntN(28))
		}
		given := givenFemale
		if sex == triage.Male {
			given = givenMale
		}
		pt := triage.Patient{
			ID:         id,
			Version:    1,
			NHSNumber:  nhsNumber(id),
			GivenName:  given[rng.IntN(len(given))],
			FamilyName: family[rng.IntN(len(family))],
			BirthDate:  time.Date(birth.Year(), birth.Month(), birth.Day(), 0, 0, 0, 0, time.UTC),
			Sex:        sex,
			SiteID:     team.SiteID,
			GPTeamID:   team.ID,
			// Numbers from Ofcom's range kept for drama (07700 900000–900999): never
			// a real person's phone.
			Phone: fmt.Sprintf("07700 900%03d", id%1000),
		}
		if age >= 16 {
			acc := triage.Account{ID: int64(len(p.Accounts) + 1), Email: fmt.Sprintf("patient%d@example.com", id), PatientID: id}
			pt.ActedForBy = []int64{acc.ID}
			if id%7 != 0 { // some patients never gave the practice an email address
				pt.Email = acc.Email
			}
			p.Accounts = append(p.Accounts, acc)
			adults = append(adults, i)
		} else if len(adults) > 0 {
			pt.Dependant = true
			parents := 1
			if rng.IntN(4) == 0 {
				parents = 2
			}
			for k := 0; k < parents; k++ {
				parent := &p.Patients[adults[rng.IntN(len(adults))]]
				acc := parent.ActedForBy[0]
				if len(pt.ActedForBy) == 1 && pt.ActedForBy[0] == acc {
					continue
				}
				pt.ActedForBy = append(pt.ActedForBy, acc)
				p.Accounts[acc-1].Dependants = append(p.Accounts[acc-1].Dependants, id)
				if k == 0 {
					pt.FamilyName = parent.FamilyName
					pt.SiteID, pt.GPTeamID = parent.SiteID, parent.GPTeamID
				}
			}
		} else {
			// The very first patients are adults in practice; a child with no adult
			// yet made gets an account in a carer's name.
			acc := triage.Account{ID: int64(len(p.Accounts) + 1), Email: fmt.Sprintf("carer%d@example.com", id), PatientID: id}
			pt.ActedForBy = []int64{acc.ID}
			p.Accounts = append(p.Accounts, acc)
		}
		p.Patients = append(p.Patients, pt)
	}
	return p
}

// ageMix draws an age with roughly the shape of an English practice list.
func ageMix(rng *rand.Rand) int {
	switch r := rng.IntN(100); {
	case r < 5:
		return rng.IntN(5) // under 5s, babies included
	case r < 18:
		return 5 + rng.IntN(11)
	case r < 30:
		return 16 + rng.IntN(14)
	case r < 58:
		return 30 + rng.IntN(20)
	case r < 80:
		return 50 + rng.IntN(15)
	case r < 95:
		return 65 + rng.IntN(15)
	default:
		return 80 + rng.IntN(18)
	}
}

// nhsNumber makes a valid test-range NHS number for a patient id.
func nhsNumber(id int64) triage.NHSNumber {
	for k := id * 7; ; k++ {
		if n, ok := triage.CompleteNHSNumber(fmt.Sprintf("999%06d", k%1000000)); ok {
			return n
		}
	}
}

// RequestText returns what a patient of the given age and sex might write, and the
// suggestion a reviewer would agree with, for demo requests when no engine runs.
func RequestText(rng *rand.Rand, age int, sex triage.Sex) (text string, kind triage.Kind, label triage.Suggestion) {
	for {
		t := templates[pickTemplate(rng)]
		if age < t.minAge || (t.maxAge > 0 && age > t.maxAge) || (t.sex != "" && t.sex != sex) {
			continue
		}
		return bySex(rng, fill(rng, t.text), sex), t.kind, triage.Suggestion{Priority: t.priority, Team: t.team, Signpost: t.signpost}
	}
}

func pickTemplate(rng *rand.Rand) int {
	total := 0
	for _, t := range templates {
		total += t.weight
	}
	n := rng.IntN(total)
	for i, t := range templates {
		if n < t.weight {
			return i
		}
		n -= t.weight
	}
	return 0
}

// sexWords are the placeholders of the templates that follow the patient's sex, each
// with its choices separated by "|".
var sexWords = map[triage.Sex][][2]string{
	triage.Female:     {{"[child]", "daughter"}, {"[relative]", "mum|wife"}, {"[he]", "she"}, {"[self]", "herself"}},
	triage.Male:       {{"[child]", "son"}, {"[relative]", "dad|husband"}, {"[he]", "he"}, {"[self]", "himself"}},
	triage.SexUnknown: {{"[child]", "child"}, {"[relative]", "partner"}, {"[he]", "they"}, {"[self]", "themselves"}},
}

// bySex fills the words that must agree with the patient's sex, so a girl's parent
// writes "my daughter" and a man's wife writes "my husband ... he".
func bySex(rng *rand.Rand, s string, sex triage.Sex) string {
	words, ok := sexWords[sex]
	if !ok {
		words = sexWords[triage.SexUnknown]
	}
	for _, w := range words {
		opts := strings.Split(w[1], "|")
		s = strings.ReplaceAll(s, w[0], opts[rng.IntN(len(opts))])
	}
	return s
}

func fill(rng *rand.Rand, s string) string {
	for {
		i := strings.Index(s, "{")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], "}")
		opts := strings.Split(s[i+1:i+j], "|")
		s = s[:i] + opts[rng.IntN(len(opts))] + s[i+j+1:]
	}
}

// Arrival draws a submission time within the last days before now, weighted to
// weekdays and to the morning rush, as online requests arrive in a real practice.
func Arrival(rng *rand.Rand, now time.Time, days int, cal *triage.Calendar) time.Time {
	for {
		d := rng.IntN(days)
		day := now.In(cal.Location).AddDate(0, 0, -d)
		y, m, dd := day.Date()
		var minute int
		switch r := rng.IntN(100); {
		case r < 45:
			minute = 7*60 + rng.IntN(4*60) // 07:00–11:00
		case r < 85:
			minute = 11*60 + rng.IntN(7*60) // 11:00–18:00
		default:
			minute = 18*60 + rng.IntN(5*60) // evening
		}
		t := time.Date(y, m, dd, 0, minute, rng.IntN(60), 0, cal.Location)
		if t.After(now) {
			continue
		}
		if !cal.IsWorkingDay(t) && rng.IntN(5) != 0 {
			continue // far fewer at weekends and on bank holidays
		}
		return t.UTC()
	}
}
