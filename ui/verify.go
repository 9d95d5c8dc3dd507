package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"triagedesk/triage"
)

// IdentityLink is what the verification queue needs of the practice queue: the claims
// waiting for a check, and a way to decide one. Every method may block on the network,
// so the screen calls them off the Fyne thread.
type IdentityLink interface {
	OpenClaims(ctx context.Context) ([]triage.Claim, error)
	DecideClaim(ctx context.Context, id int64, d triage.ClaimDecision) (triage.Claim, error)
}

// Verify is the verification queue: patients' claims to be, or to act for, a patient
// on the list, each with what they claimed beside the list's best matches. A reviewer
// or manager verifies a claim as one of the matches, rejects it, or asks the patient
// to bring ID to the front desk.
type Verify struct {
	Root      fyne.CanvasObject
	Claims    *widget.List   // the claims waiting, oldest first
	Claimed   *widget.Label  // what the chosen claim says
	Matches   *widget.Select // the list's best matches for it
	Note      *widget.Entry  // the reason, for the audit trail and colleagues
	VerifyBtn *widget.Button
	RejectBtn *widget.Button
	AskIDBtn  *widget.Button
	Refresh   *widget.Button
	Message   *widget.Label

	link IdentityLink
	d    *Desk

	// Owned by the Fyne thread.
	claims []triage.Claim
	chosen int // index into claims, -1 for none
}

func newVerify(d *Desk, link IdentityLink) *Verify {
	v := &Verify{d: d, link: link, chosen: -1}
	v.buildUI()
	return v
}

func (v *Verify) buildUI() {
	v.Claims = widget.NewList(func() int { return len(v.claims) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(claimLine(v.claims[i])) })
	v.Claims.OnSelected = func(i widget.ListItemID) { v.choose(i) }
	v.Claimed = widget.NewLabel("Choose a claim to check.")
	v.Claimed.Wrapping = fyne.TextWrapWord
	v.Matches = widget.NewSelect(nil, nil)
	v.Matches.PlaceHolder = "The patient on the list it is"
	v.Note = widget.NewEntry()
	v.Note.SetPlaceHolder("Why (seen passport at the front desk, no match on the list…)")
	v.VerifyBtn = widget.NewButton("Verify as this patient", func() { v.decide(triage.ClaimVerified) })
	v.VerifyBtn.Importance = widget.HighImportance
	v.RejectBtn = widget.NewButton("Reject", func() { v.decide(triage.ClaimRejected) })
	v.AskIDBtn = widget.NewButton("Ask for ID at the front desk", func() { v.decide(triage.ClaimAskID) })
	v.Refresh = widget.NewButton("Refresh", v.Load)
	v.Message = widget.NewLabel("")
	v.Message.Wrapping = fyne.TextWrapWord
	v.enable(false)
	right := container.NewVBox(widget.NewLabelWithStyle("What the patient claimed", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.Claimed,
		widget.NewLabelWithStyle("Best matches on the practice list", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.Matches,
		v.Note, container.NewHBox(v.VerifyBtn, v.AskIDBtn, v.RejectBtn), v.Message)
	left := container.NewBorder(container.NewHBox(widget.NewLabelWithStyle("Identity checks", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.Refresh), nil, nil, nil, v.Claims)
	split := container.NewHSplit(left, container.NewVScroll(right))
	split.Offset = 0.4
	v.Root = split
}

func claimLine(c triage.Claim) string {
	s := fmt.Sprintf("%s · %s · sent %s", c.Name(), c.Kind.Label(), c.CreatedAt.In(time.Local).Format("2 Jan 15:04"))
	if c.Status == triage.ClaimAskID {
		s += " · ID asked for"
	}
	return s
}

func (v *Verify) enable(on bool) {
	for _, b := range []*widget.Button{v.VerifyBtn, v.RejectBtn, v.AskIDBtn} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// Load fetches the claims waiting; call it on the Fyne thread. The desk calls it each
// time the screen is opened, and the Refresh button does.
func (v *Verify) Load() { v.load("") }

// load fetches the claims waiting and shows note (what was just done) before the count.
func (v *Verify) load(note string) {
	v.Message.SetText(note + "Loading the identity checks…")
	spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		claims, err := v.link.OpenClaims(ctx)
		onUI(func() {
			if err != nil {
				v.Message.SetText(note + "The identity checks could not be loaded: " + triage.ErrorMessage(err) + ". Check the connection and press Refresh.")
				return
			}
			v.claims, v.chosen = claims, -1
			v.Claims.UnselectAll()
			v.Claims.Refresh()
			v.Claimed.SetText("Choose a claim to check.")
			v.Matches.Options, v.Matches.Selected = nil, ""
			v.Matches.Refresh()
			v.enable(false)
			if len(claims) == 0 {
				v.Message.SetText(note + "No identity checks are waiting.")
			} else {
				v.Message.SetText(note + fmt.Sprintf("%d waiting, oldest first.", len(claims)))
			}
		})
	})
}

func (v *Verify) choose(i int) {
	if i < 0 || i >= len(v.claims) {
		return
	}
	v.chosen = i
	c := v.claims[i]
	var b strings.Builder
	fmt.Fprintf(&b, "%s, born %s (%d), %s\nNHS number %s\n%s", c.Name(), c.BirthDate.Format("2 January 2006"), triage.AgeAt(c.BirthDate, v.d.opts.Now()),
		c.Sex, c.NHSNumber.String(), c.Kind.Label())
	if c.Relationship != "" {
		fmt.Fprintf(&b, " (%s)", c.Relationship)
	}
	fmt.Fprintf(&b, "\nAccount: %s\n%s", c.Email, c.Status.Label())
	if c.Note != "" {
		fmt.Fprintf(&b, ": %s", c.Note)
	}
	switch c.Kind {
	case triage.ClaimProxy:
		b.WriteString("\nAn adult: link only with the patient's consent to proxy access.")
	case triage.ClaimDependant:
		b.WriteString("\nA child under 16: check the account holder has parental responsibility.")
	}
	v.Claimed.SetText(b.String())
	v.Matches.Options = nil
	for _, m := range c.Matches {
		v.Matches.Options = append(v.Matches.Options, matchLine(c, m))
	}
	v.Matches.Selected = ""
	if len(c.Matches) > 0 {
		v.Matches.SetSelectedIndex(0)
	}
	v.Matches.Refresh()
	v.enable(true)
	if len(c.Matches) == 0 {
		v.VerifyBtn.Disable()
		v.Message.SetText("No one on the practice list is like these details: ask for ID, or reject.")
	} else {
		v.Message.SetText("")
	}
}

// matchLine shows a patient on the list with what agrees with the claim.
func matchLine(c triage.Claim, p triage.Patient) string {
	var same []string
	if p.NHSNumber == c.NHSNumber {
		same = append(same, "NHS number")
	}
	if p.BirthDate.Equal(c.BirthDate) {
		same = append(same, "date of birth")
	}
	if strings.EqualFold(p.FamilyName, c.FamilyName) {
		same = append(same, "family name")
	}
	if strings.EqualFold(p.GivenName, c.GivenName) {
		same = append(same, "given name")
	}
	agree := "nothing agrees"
	if len(same) > 0 {
		agree = "same " + strings.Join(same, ", ")
	}
	return fmt.Sprintf("%s · %s · %s · %s", p.Name(), p.BirthDate.Format("02/01/2006"), p.NHSNumber.String(), agree)
}

func (v *Verify) decide(d triage.ClaimStatus) {
	if v.chosen < 0 {
		return
	}
	c := v.claims[v.chosen]
	dec := triage.ClaimDecision{Decision: d, Note: v.Note.Text}
	if d == triage.ClaimVerified {
		i := v.Matches.SelectedIndex()
		if i < 0 || i >= len(c.Matches) {
			v.Message.SetText("Choose the patient on the list first.")
			return
		}
		dec.PatientID = c.Matches[i].ID
	}
	v.enable(false)
	v.Message.SetText("Sending…")
	spawn(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_, err := v.link.DecideClaim(ctx, c.ID, dec)
		onUI(func() {
			if err != nil {
				v.enable(true)
				v.Message.SetText("Not saved: " + triage.ErrorMessage(err))
				return
			}
			v.Note.SetText("")
			v.load(fmt.Sprintf("%s: %s. ", c.Name(), strings.ToLower(d.Label())))
		})
	})
}
