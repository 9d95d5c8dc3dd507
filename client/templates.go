package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"triagedesk/fhir"
	"triagedesk/triage"
)

// Templates reads the practice's reply templates and the details that fill them.
// tag is the ETag of the set the caller holds ("" for none): when the set has not
// changed since, changed is false and set is empty. newTag is the set's tag now.
func (c *Client) Templates(ctx context.Context, tag string) (set fhir.Templates, newTag string, changed bool, err error) {
	h := http.Header{"Accept": {"application/json"}}
	if tag != "" {
		h.Set("If-None-Match", tag)
	}
	data, header, err := c.do(ctx, http.MethodGet, "/api/v1/templates", nil, h)
	if err != nil {
		return set, "", false, err
	}
	newTag = header.Get("ETag")
	if data == nil { // 304: the set we hold is current
		return set, tag, false, nil
	}
	if err := json.Unmarshal(data, &set); err != nil {
		return set, "", false, fmt.Errorf("the practice queue's templates could not be read: %w", err)
	}
	return set, newTag, true, nil
}

// AddTemplate adds a reply template; only a practice manager may. It returns the
// template as the queue stored it.
func (c *Client) AddTemplate(ctx context.Context, t triage.Template) (triage.Template, error) {
	return c.template(ctx, http.MethodPost, "/api/v1/templates", t, jsonAccept)
}

// SaveTemplate stores an edit of a template made on t.Version; only a practice
// manager may. A template someone changed since is refused as ECONFLICT.
func (c *Client) SaveTemplate(ctx context.Context, t triage.Template) (triage.Template, error) {
	h := http.Header{"Accept": {"application/json"}, "If-Match": {`W/"` + strconv.Itoa(t.Version) + `"`}}
	return c.template(ctx, http.MethodPut, "/api/v1/templates/"+strconv.FormatInt(t.ID, 10), t, h)
}

func (c *Client) template(ctx context.Context, method, path string, t triage.Template, h http.Header) (triage.Template, error) {
	data, _, err := c.do(ctx, method, path, t, h)
	if err != nil {
		return triage.Template{}, err
	}
	var got triage.Template
	if err := json.Unmarshal(data, &got); err != nil {
		return triage.Template{}, fmt.Errorf("the practice queue's answer about the template %q could not be read: %w", t.Name, err)
	}
	return got, nil
}

// DeleteTemplate deletes version of a template; only a practice manager may.
func (c *Client) DeleteTemplate(ctx context.Context, id int64, version int) error {
	h := http.Header{"Accept": {"application/json"}, "If-Match": {`W/"` + strconv.Itoa(version) + `"`}}
	_, _, err := c.do(ctx, http.MethodDelete, "/api/v1/templates/"+strconv.FormatInt(id, 10), nil, h)
	return err
}

// SetPractice changes the practice's name, phone number and booking link that the
// templates fill in; only a practice manager may.
func (c *Client) SetPractice(ctx context.Context, p triage.Practice) error {
	_, _, err := c.do(ctx, http.MethodPut, "/api/v1/settings/practice", p, jsonAccept)
	return err
}

// PullTemplates brings the cache's templates up to date with the queue's, asking for
// them only when they changed. A queue too old to have templates (404) leaves the
// cache as it is.
func (s *Syncer) PullTemplates(ctx context.Context) error {
	tag, err := s.cache.TemplatesTag(ctx)
	if err != nil {
		return err
	}
	set, newTag, changed, err := s.client.Templates(ctx, tag)
	if triage.ErrorCode(err) == triage.ENOTFOUND {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read the practice's templates: %w", err)
	}
	if !changed {
		return nil
	}
	if err := s.cache.ReplaceTemplates(ctx, set, newTag); err != nil {
		return err
	}
	if s.OnTemplates != nil {
		s.OnTemplates()
	}
	return nil
}
