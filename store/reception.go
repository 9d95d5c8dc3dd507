package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// MaxPatientMatches is the most patients one search of the practice list returns: a
// receptionist reads them on one screen, and more means the search needs narrowing.
const MaxPatientMatches = 25

// FindPatients searches the practice list for reception: every name word at the start
// of the given or family name, the date of birth and the NHS number, each where given.
// It returns at most MaxPatientMatches, ordered by name then date of birth, and how
// many match in all.
func (q *Queue) FindPatients(ctx context.Context, pq triage.PatientQuery) ([]triage.Patient, int, error) {
	if err := pq.Validate(); err != nil {
		return nil, 0, err
	}
	var conds []string
	var args []any
	for _, w := range pq.Name {
		like := likePrefix(w)
		conds = append(conds, `(p.given_name LIKE ? ESCAPE '\' OR p.family_name LIKE ? ESCAPE '\')`)
		args = append(args, like, like)
	}
	if !pq.BirthDate.IsZero() {
		conds = append(conds, `p.birth_date = ?`)
		args = append(args, pq.BirthDate.Format(time.DateOnly))
	}
	if pq.NHSNumber != "" {
		conds = append(conds, `p.nhs_number = ?`)
		args = append(args, string(pq.NHSNumber))
	}
	var out []triage.Patient
	total := 0
	cond := strings.Join(conds, " AND ")
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &total, `SELECT count(*) FROM patients p WHERE `+cond, args...); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT p.id, `+patientColumns+` FROM patients p WHERE `+cond+`
			ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.birth_date, p.id LIMIT ?`, append(args, MaxPatientMatches)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		out, err = scanPatients(rows)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("search the practice list: %w", err)
	}
	return out, total, nil
}

// likePrefix makes a LIKE pattern matching values that start with w, taking w's own
// % and _ literally.
func likePrefix(w string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(w) + "%"
}

// StaffMember is a member of staff as colleagues see them: a name and a team, never
// their token.
type StaffMember struct {
	Name string      `json:"name"`
	Role Role        `json:"role"`
	Team triage.Team `json:"team,omitempty"`
}

// Staff lists the practice's members of staff by name; with a team, only the
// clinicians of that team, who are the people a request of the team can be given to.
func (q *Queue) Staff(ctx context.Context, team triage.Team) ([]StaffMember, error) {
	cond, args := "", []any{}
	if team != "" {
		cond, args = ` WHERE role = 'clinician' AND team = ?`, append(args, string(team))
	}
	var rows []struct {
		Name string `db:"name"`
		Role string `db:"role"`
		Team string `db:"team"`
	}
	if err := q.r.SelectContext(ctx, &rows, `SELECT name, role, team FROM users`+cond+` ORDER BY name COLLATE NOCASE`, args...); err != nil {
		return nil, fmt.Errorf("list staff: %w", err)
	}
	out := make([]StaffMember, len(rows))
	for i, r := range rows {
		out[i] = StaffMember{Name: r.Name, Role: Role(r.Role), Team: triage.Team(r.Team)}
	}
	return out, nil
}

// StaffByName finds a member of staff by name, or says there is none.
func (q *Queue) StaffByName(ctx context.Context, name string) (StaffMember, error) {
	var r struct {
		Name string `db:"name"`
		Role string `db:"role"`
		Team string `db:"team"`
	}
	err := q.r.GetContext(ctx, &r, `SELECT name, role, team FROM users WHERE name = ?`, strings.TrimSpace(name))
	if errors.Is(err, sql.ErrNoRows) {
		return StaffMember{}, triage.Errorf(triage.ENOTFOUND, "there is no member of staff called %q", name)
	} else if err != nil {
		return StaffMember{}, fmt.Errorf("look up member of staff: %w", err)
	}
	return StaffMember{Name: r.Name, Role: Role(r.Role), Team: triage.Team(r.Team)}, nil
}
