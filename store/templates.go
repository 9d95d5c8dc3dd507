package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// templateRow is a templates row as both the queue and a desk's cache hold it.
type templateRow struct {
	ID        int64  `db:"id"`
	Name      string `db:"name"`
	Body      string `db:"body"`
	Suits     string `db:"suits"`
	Signpost  string `db:"signpost"`
	Version   int    `db:"version"`
	UpdatedBy string `db:"updated_by"`
	UpdatedAt int64  `db:"updated_at"`
}

func (r templateRow) template() triage.Template {
	return triage.Template{ID: r.ID, Name: r.Name, Body: r.Body, Suits: triage.TemplateUse(r.Suits),
		Signpost: triage.Signpost(r.Signpost), Version: r.Version, UpdatedBy: r.UpdatedBy, UpdatedAt: time.Unix(r.UpdatedAt, 0).UTC()}
}

const templateColumns = `id, name, body, suits, signpost, version, updated_by, updated_at`

// readTemplates lists the templates by name, as the picker shows them.
func readTemplates(ctx context.Context, q sqlx.QueryerContext) ([]triage.Template, error) {
	var rows []templateRow
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+templateColumns+` FROM templates ORDER BY name COLLATE NOCASE, id`); err != nil {
		return nil, fmt.Errorf("read the templates: %w", err)
	}
	out := make([]triage.Template, len(rows))
	for i, r := range rows {
		out[i] = r.template()
	}
	return out, nil
}

// Templates lists the practice's reply templates by name.
func (q *Queue) Templates(ctx context.Context) ([]triage.Template, error) {
	return readTemplates(ctx, q.r)
}

func getTemplate(ctx context.Context, tx *sqlx.Tx, id int64) (triage.Template, error) {
	var r templateRow
	err := tx.GetContext(ctx, &r, `SELECT `+templateColumns+` FROM templates WHERE id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return triage.Template{}, triage.Errorf(triage.ENOTFOUND, "there is no template %d: someone may have deleted it", id)
	} else if err != nil {
		return triage.Template{}, fmt.Errorf("read template %d: %w", id, err)
	}
	return r.template(), nil
}

// sameName refuses a name another template already has, as the picker could not
// tell the two apart.
func sameName(ctx context.Context, tx *sqlx.Tx, name string, id int64) error {
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM templates WHERE name = ? COLLATE NOCASE AND id != ?`, name, id); err != nil {
		return fmt.Errorf("check the template's name: %w", err)
	}
	if n > 0 {
		return triage.Errorf(triage.EINVALID, "there is already a template called %q: give this one another name", name)
	}
	return nil
}

// AddTemplate adds a template once it passes its checks, and records who added it.
// It returns the template as stored, at version 1.
func (q *Queue) AddTemplate(ctx context.Context, t triage.Template, actor string) (triage.Template, error) {
	t.Name = strings.TrimSpace(t.Name)
	if err := t.Validate(); err != nil {
		return triage.Template{}, err
	}
	var out triage.Template
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if err := sameName(ctx, tx, t.Name, 0); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO templates (name, body, suits, signpost, version, updated_by, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
			t.Name, t.Body, t.Suits, signpostColumn(t), actor, now.Unix())
		if err != nil {
			return fmt.Errorf("add the template %q: %w", t.Name, err)
		}
		id, _ := res.LastInsertId()
		if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "template", Detail: fmt.Sprintf("added the reply template %q", t.Name)}); err != nil {
			return err
		}
		out, err = getTemplate(ctx, tx, id)
		return err
	})
	return out, err
}

func signpostColumn(t triage.Template) string {
	if t.Suits != triage.UseSignpost {
		return ""
	}
	return string(t.Signpost)
}

// SaveTemplate stores a manager's edit of a template. t.Version is the version the
// edit was made on: if someone changed the template since, the edit is refused as a
// conflict naming who, and nothing is written. It returns the template as stored.
func (q *Queue) SaveTemplate(ctx context.Context, t triage.Template, actor string) (triage.Template, error) {
	t.Name = strings.TrimSpace(t.Name)
	if err := t.Validate(); err != nil {
		return triage.Template{}, err
	}
	var out triage.Template
	err := q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		cur, err := getTemplate(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if cur.Version != t.Version {
			return triage.Errorf(triage.ECONFLICT, "the template %q was changed by %s at %s (it is at version %d, the edit was made on version %d): look at it again before saving",
				cur.Name, cur.UpdatedBy, cur.UpdatedAt.In(time.Local).Format("15:04 on 2 Jan"), cur.Version, t.Version)
		}
		if err := sameName(ctx, tx, t.Name, t.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE templates SET name = ?, body = ?, suits = ?, signpost = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?`,
			t.Name, t.Body, t.Suits, signpostColumn(t), actor, now.Unix(), t.ID); err != nil {
			return fmt.Errorf("save the template %q: %w", t.Name, err)
		}
		what := fmt.Sprintf("changed the reply template %q", t.Name)
		if cur.Name != t.Name {
			what = fmt.Sprintf("changed the reply template %q, now called %q", cur.Name, t.Name)
		}
		if err := appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "template", Detail: what}); err != nil {
			return err
		}
		out, err = getTemplate(ctx, tx, t.ID)
		return err
	})
	return out, err
}

// DeleteTemplate deletes a template, if it is still at version (a manager deletes
// what they saw, not a colleague's newer edit), and records who deleted it.
func (q *Queue) DeleteTemplate(ctx context.Context, id int64, version int, actor string) error {
	return q.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		cur, err := getTemplate(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.Version != version {
			return triage.Errorf(triage.ECONFLICT, "the template %q was changed by %s since you read it (version %d, not %d): look at it again before deleting it",
				cur.Name, cur.UpdatedBy, cur.Version, version)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM templates WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete the template %q: %w", cur.Name, err)
		}
		return appendAudit(ctx, tx, triage.AuditEntry{At: now, Actor: actor, Action: "template", Detail: fmt.Sprintf("deleted the reply template %q", cur.Name)})
	})
}

// metaTemplatesTag and metaPractice are where a desk's cache keeps the queue's tag
// of the template set it holds, and the practice's details that fill them.
const (
	metaTemplatesTag = "templates.tag"
	metaPractice     = "templates.practice"
)

// Templates returns the practice's templates and details as this desk last synced
// them; an empty set before the first sync.
func (c *Cache) Templates(ctx context.Context) (triage.TemplateSet, error) {
	var set triage.TemplateSet
	err := c.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		if set.Templates, err = readTemplates(ctx, tx); err != nil {
			return err
		}
		var p string
		err = tx.GetContext(ctx, &p, `SELECT value FROM meta WHERE key = ?`, metaPractice)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return fmt.Errorf("read the practice's details: %w", err)
		}
		if err := json.Unmarshal([]byte(p), &set.Practice); err != nil {
			return fmt.Errorf("the practice's details in this desk's cache are unreadable (the next sync rewrites them): %w", err)
		}
		return nil
	})
	return set, err
}

// TemplatesTag is the queue's tag of the template set this cache holds, "" if none,
// so a sync asks for the set only when it has changed.
func (c *Cache) TemplatesTag(ctx context.Context) (string, error) {
	return c.Meta(ctx, metaTemplatesTag)
}

// ReplaceTemplates puts the queue's template set, and its tag, in place of the
// cached one in one transaction: the picker never sees half of an edit.
func (c *Cache) ReplaceTemplates(ctx context.Context, set triage.TemplateSet, tag string) error {
	p, err := json.Marshal(set.Practice)
	if err != nil {
		return err
	}
	err = c.write(ctx, func(tx *sqlx.Tx, now time.Time) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM templates`); err != nil {
			return err
		}
		for _, t := range set.Templates {
			if _, err := tx.ExecContext(ctx, `INSERT INTO templates (`+templateColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				t.ID, t.Name, t.Body, t.Suits, t.Signpost, t.Version, t.UpdatedBy, t.UpdatedAt.Unix()); err != nil {
				return err
			}
		}
		if err := setMeta(ctx, tx, metaPractice, string(p)); err != nil {
			return err
		}
		return setMeta(ctx, tx, metaTemplatesTag, tag)
	})
	if err != nil {
		return fmt.Errorf("keep the practice's %d templates in this desk's cache: %w", len(set.Templates), err)
	}
	return nil
}
