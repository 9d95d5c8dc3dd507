package fhir

import (
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
// cursor that follows them. It is also the page of the compact form (DeskMediaType),
// whose CBOR fields the tags name: changing a tag, or the fields' order, changes that
// wire (TestDeskPageBytesAreVersion2).
type FeedPage struct {
	Sites    []triage.Site    `json:"sites,omitempty"`
	GPTeams  []triage.GPTeam  `json:"gpTeams,omitempty"`
	Patients []triage.Patient `json:"patients,omitempty"`
	Requests []triage.Request `json:"requests,omitempty"`
	Cursor   string           `json:"cursor"`         // where the next page starts
	More     bool             `json:"more,omitempty"` // the server has more changes waiting
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
		t := TaskFrom(&ch.Requests[i])
		t.Description = "" // the feed carries the whole text in input; no need for it twice
		add("Task/"+fmt.Sprint(ch.Requests[i].ID), t)
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

// anyResource holds any resource the feed sends, so a page is decoded in one pass
// rather than once as a Bundle and again entry by entry. Name is the one field whose
// shape differs between resource types.
type anyResource struct {
	ResourceType   string           `json:"resourceType"`
	ID             string           `json:"id"`
	Meta           *Meta            `json:"meta"`
	Status         string           `json:"status"`
	BusinessStatus *CodeableConcept `json:"businessStatus"`
	Intent         string           `json:"intent"`
	Priority       string           `json:"priority"`
	Code           *CodeableConcept `json:"code"`
	Description    string           `json:"description"`
	For            *Reference       `json:"for"`
	AuthoredOn     string           `json:"authoredOn"`
	LastModified   string           `json:"lastModified"`
	Owner          *Reference       `json:"owner"`
	Note           []Annotation     `json:"note"`
	Input          []TaskInput      `json:"input"`
	Output         []TaskOutput     `json:"output"`
	Extension      []Extension      `json:"extension"`
	Identifier     []Identifier     `json:"identifier"`
	Name           json.RawMessage  `json:"name"`
	Gender         string           `json:"gender"`
	BirthDate      string           `json:"birthDate"`
	Contained      []Communication  `json:"contained"`
	Telecom        []ContactPoint   `json:"telecom"`
}

// ParseFeed decodes a page of the change feed strictly: a Bundle of another type, an
// entry of an unknown resource type, or any record that fails its checks makes the
// whole page an error, so a half-understood page never reaches the cache.
func ParseFeed(body []byte) (FeedPage, error) {
	var page FeedPage
	var b struct {
		ResourceType string       `json:"resourceType"`
		Type         string       `json:"type"`
		Link         []BundleLink `json:"link"`
		Entry        []struct {
			Resource anyResource `json:"resource"`
		} `json:"entry"`
	}
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
	for i := range b.Entry {
		r := &b.Entry[i].Resource
		switch r.ResourceType {
		case "Location", "CareTeam":
			var name string
			if len(r.Name) > 0 {
				if err := json.Unmarshal(r.Name, &name); err != nil {
					return page, fmt.Errorf("feed entry %d: a %s's name must be text: %v", i, r.ResourceType, err)
				}
			}
			if r.ID == "" {
				return page, fmt.Errorf("feed entry %d: a %s needs an id", i, r.ResourceType)
			}
			if r.ResourceType == "Location" {
				page.Sites = append(page.Sites, triage.Site{ID: r.ID, Name: name})
				continue
			}
			g := triage.GPTeam{ID: r.ID, Name: name}
			for _, x := range r.Extension {
				if x.URL == ExtSite && x.ValueString != nil {
					g.SiteID = *x.ValueString
				}
			}
			page.GPTeams = append(page.GPTeams, g)
		case "Patient":
			fp := Patient{ResourceType: r.ResourceType, ID: r.ID, Meta: r.Meta, Identifier: r.Identifier,
				Gender: r.Gender, BirthDate: r.BirthDate, Extension: r.Extension, Telecom: r.Telecom}
			if len(r.Name) > 0 {
				if err := json.Unmarshal(r.Name, &fp.Name); err != nil {
					return page, fmt.Errorf("feed entry %d: a Patient's name: %w", i, err)
				}
			}
			p, err := fp.ToPatient()
			if err != nil {
				return page, fmt.Errorf("feed entry %d: %w", i, err)
			}
			page.Patients = append(page.Patients, p)
		case "Task":
			t := Task{ResourceType: r.ResourceType, ID: r.ID, Meta: r.Meta, Status: r.Status, BusinessStatus: r.BusinessStatus,
				Intent: r.Intent, Priority: r.Priority, Code: r.Code, Description: r.Description, For: r.For,
				AuthoredOn: r.AuthoredOn, LastModified: r.LastModified, Owner: r.Owner, Note: r.Note, Input: r.Input,
				Output: r.Output, Extension: r.Extension, Contained: r.Contained}
			req, err := t.ToRequest()
			if err != nil {
				return page, fmt.Errorf("feed entry %d: %w", i, err)
			}
			page.Requests = append(page.Requests, req)
		default:
			return page, fmt.Errorf("feed entry %d is a %q, which the feed never sends", i, r.ResourceType)
		}
	}
	return page, nil
}

// Len is the number of records.
func (r Records) Len() int { return len(r.Sites) + len(r.GPTeams) + len(r.Patients) + len(r.Requests) }
