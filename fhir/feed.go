package fhir

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"triagedesk/triage"
)

// Location is a site as FHIR carries it.
type Location struct {
	ResourceType string `json:"resourceType"`
	ID           string `json:"id"`
	Name         string `json:"name"`
}

// CareTeam is a GP continuity team as FHIR carries it.
type CareTeam struct {
	ResourceType string      `json:"resourceType"`
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	Extension    []Extension `json:"extension,omitempty"`
}

// FeedPage is one page of the change feed, decoded: the records that changed, and the
// cursor that follows them.
type FeedPage struct {
	Sites    []triage.Site
	GPTeams  []triage.GPTeam
	Patients []triage.Patient
	Requests []triage.Request
	Cursor   string // where the next page starts
	More     bool   // the server has more changes waiting
}

// Len is the number of records on the page.
func (p *FeedPage) Len() int {
	return len(p.Sites) + len(p.GPTeams) + len(p.Patients) + len(p.Requests)
}

// FeedPath is the path of the change feed.
const FeedPath = "/api/v1/feed"

// FeedBundle makes a page of the change feed: a history Bundle of sites, GP teams,
// patients and tasks, whose next link carries the cursor that follows them.
func FeedBundle(ch Records, after, next string, more bool) OutBundle {
	b := OutBundle{ResourceType: "Bundle", Type: "history",
		Link: []BundleLink{{Relation: "self", URL: FeedPath + "?cursor=" + url.QueryEscape(after)}}}
	rel := "cursor"
	if more {
		rel = "next"
	}
	b.Link = append(b.Link, BundleLink{Relation: rel, URL: FeedPath + "?cursor=" + url.QueryEscape(next)})
	b.Entry = make([]OutEntry, 0, ch.Len())
	add := func(full string, v any) {
		b.Entry = append(b.Entry, OutEntry{FullURL: full, Resource: v})
	}
	for _, s := range ch.Sites {
		add("Location/"+s.ID, Location{ResourceType: "Location", ID: s.ID, Name: s.Name})
	}
	for _, g := range ch.GPTeams {
		add("CareTeam/"+g.ID, CareTeam{ResourceType: "CareTeam", ID: g.ID, Name: g.Name, Extension: []Extension{ext(ExtSite, g.SiteID)}})
	}
	for i := range ch.Patients {
		add("Patient/"+fmt.Sprint(ch.Patients[i].ID), PatientFrom(&ch.Patients[i]))
	}
	for i := range ch.Requests {
		add("Task/"+fmt.Sprint(ch.Requests[i].ID), TaskFrom(&ch.Requests[i]))
	}
	n := len(b.Entry)
	b.Total = &n
	return b
}

// Records are the four lists a feed page carries.
type Records struct {
	Sites    []triage.Site
	GPTeams  []triage.GPTeam
	Patients []triage.Patient
	Requests []triage.Request
}

// ParseFeed decodes a page of the change feed strictly: a Bundle of another type, an
// entry of an unknown resource type, or any record that fails its checks makes the
// whole page an error, so a half-understood page never reaches the cache.
func ParseFeed(body []byte) (FeedPage, error) {
	var page FeedPage
	var b Bundle
	if err := json.Unmarshal(body, &b); err != nil {
		return page, fmt.Errorf("the feed page is not a FHIR Bundle: %w", err)
	}
	if b.ResourceType != "Bundle" || b.Type != "history" {
		return page, fmt.Errorf("the feed page is a %s %s, not a history Bundle", b.ResourceType, b.Type)
	}
	for _, l := range b.Link {
		if l.Relation != "next" && l.Relation != "cursor" {
			continue
		}
		u, err := url.Parse(l.URL)
		if err != nil || !strings.HasSuffix(u.Path, FeedPath) {
			return page, fmt.Errorf("the feed page's %s link %q is not a feed link", l.Relation, l.URL)
		}
		page.Cursor, page.More = u.Query().Get("cursor"), l.Relation == "next"
	}
	if page.Cursor == "" {
		return page, fmt.Errorf("the feed page has no cursor to continue from")
	}
	for i, e := range b.Entry {
		kind, err := resourceType(e.Resource)
		if err != nil {
			return page, fmt.Errorf("feed entry %d: %w", i, err)
		}
		switch kind {
		case "Location":
			var l Location
			if err := json.Unmarshal(e.Resource, &l); err != nil || l.ID == "" {
				return page, fmt.Errorf("feed entry %d: a Location needs an id: %v", i, err)
			}
			page.Sites = append(page.Sites, triage.Site{ID: l.ID, Name: l.Name})
		case "CareTeam":
			var c CareTeam
			if err := json.Unmarshal(e.Resource, &c); err != nil || c.ID == "" {
				return page, fmt.Errorf("feed entry %d: a CareTeam needs an id: %v", i, err)
			}
			g := triage.GPTeam{ID: c.ID, Name: c.Name}
			for _, x := range c.Extension {
				if x.URL == ExtSite && x.ValueString != nil {
					g.SiteID = *x.ValueString
				}
			}
			page.GPTeams = append(page.GPTeams, g)
		case "Patient":
			var fp Patient
			if err := json.Unmarshal(e.Resource, &fp); err != nil {
				return page, fmt.Errorf("feed entry %d: %w", i, err)
			}
			p, err := fp.ToPatient()
			if err != nil {
				return page, fmt.Errorf("feed entry %d: %w", i, err)
			}
			page.Patients = append(page.Patients, p)
		case "Task":
			var t Task
			if err := json.Unmarshal(e.Resource, &t); err != nil {
				return page, fmt.Errorf("feed entry %d: %w", i, err)
			}
			r, err := t.ToRequest()
			if err != nil {
				return page, fmt.Errorf("feed entry %d: %w", i, err)
			}
			page.Requests = append(page.Requests, r)
		default:
			return page, fmt.Errorf("feed entry %d is a %q, which the feed never sends", i, kind)
		}
	}
	return page, nil
}

// resourceType reads a resource's type. Our server writes it first, so that is read
// without a second pass over the resource; anything else is decoded to find it.
func resourceType(raw json.RawMessage) (string, error) {
	const prefix = `{"resourceType":"`
	if rest, ok := bytes.CutPrefix(raw, []byte(prefix)); ok {
		if end := bytes.IndexByte(rest, '"'); end > 0 && bytes.IndexByte(rest[:end], '\\') < 0 {
			return string(rest[:end]), nil
		}
	}
	var head struct {
		ResourceType string `json:"resourceType"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return "", err
	}
	return head.ResourceType, nil
}

// Len is the number of records.
func (r Records) Len() int { return len(r.Sites) + len(r.GPTeams) + len(r.Patients) + len(r.Requests) }
