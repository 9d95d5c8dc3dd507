package triage

import (
	"strings"
	"time"
)

// There is no NHS login here, so the practice is the identity check: an account is an
// email address and a password, and linking it to a patient on the practice list is a
// claim that staff verify on the desk.

// ClaimKind is what a claim asks for.
type ClaimKind string

// The kinds of claim.
const (
	ClaimSelf      ClaimKind = "self"      // "I am this patient"
	ClaimDependant ClaimKind = "dependant" // "I act for this child under 16"
	ClaimProxy     ClaimKind = "proxy"     // "I act for this adult", which needs proxy access the practice grants
)

// Label is the kind as staff read it.
func (k ClaimKind) Label() string {
	switch k {
	case ClaimSelf:
		return "Own identity"
	case ClaimDependant:
		return "Child under 16"
	case ClaimProxy:
		return "Proxy for an adult"
	}
	return string(k)
}

// ClaimStatus is where a claim is in the practice's check.
type ClaimStatus string

// The states of a claim.
const (
	ClaimPending  ClaimStatus = "pending"  // waiting for staff
	ClaimVerified ClaimStatus = "verified" // staff matched it to a patient on the list
	ClaimRejected ClaimStatus = "rejected" // staff could not match it, or refused it
	ClaimAskID    ClaimStatus = "ask-id"   // staff asked the patient to show ID at the front desk
)

// Label is the status as staff read it.
func (s ClaimStatus) Label() string {
	switch s {
	case ClaimPending:
		return "Waiting for a check"
	case ClaimVerified:
		return "Verified"
	case ClaimRejected:
		return "Rejected"
	case ClaimAskID:
		return "Asked for ID at the front desk"
	}
	return string(s)
}

// PatientMessage is what the account holder is told about a claim in this state. It
// never says whether the details matched anyone on the list.
func (s ClaimStatus) PatientMessage() string {
	switch s {
	case ClaimVerified:
		return "The practice has checked these details."
	case ClaimRejected:
		return "The practice could not confirm these details. Please call or visit the surgery."
	case ClaimAskID:
		return "Please bring photo ID to the surgery's front desk so the practice can confirm who you are."
	}
	return "The practice will check these details, usually within two working days. Until then you can send requests, and you will see them but not the practice's replies here; the practice will contact you if it needs to."
}

// Claim is an account's claim to be, or to act for, a patient on the practice list.
type Claim struct {
	ID           int64       `json:"id"`
	AccountID    int64       `json:"accountId"`
	Kind         ClaimKind   `json:"kind"`
	NHSNumber    NHSNumber   `json:"nhsNumber"`
	GivenName    string      `json:"givenName"`
	FamilyName   string      `json:"familyName"`
	BirthDate    time.Time   `json:"birthDate"`
	Sex          Sex         `json:"sex"`
	Relationship string      `json:"relationship,omitempty"` // for dependants and proxies: "mother", "carer"…
	Status       ClaimStatus `json:"status"`
	// ProvisionalID is the unverified patient record the account's requests for this
	// person go to until the claim is decided.
	ProvisionalID int64     `json:"provisionalId"`
	PatientID     int64     `json:"patientId,omitempty"` // the patient on the list it was verified as
	CreatedAt     time.Time `json:"createdAt"`
	DecidedBy     string    `json:"decidedBy,omitempty"`
	DecidedAt     time.Time `json:"decidedAt,omitzero"`
	Note          string    `json:"note,omitempty"` // staff's reason, shown to staff only
	// Email is the claiming account's address, for staff who call or write back.
	Email string `json:"email,omitempty"`
	// Matches are the practice list's best matches for the claimed details, best
	// first; filled for staff reviewing the claim, never for the patient.
	Matches []Patient `json:"matches,omitempty"`
}

// Name is the claimed name as staff read it.
func (c *Claim) Name() string { return strings.TrimSpace(c.GivenName + " " + c.FamilyName) }

// ClaimDecision is a member of staff's decision on a claim.
type ClaimDecision struct {
	Decision  ClaimStatus `json:"decision"`            // verified, rejected or ask-id
	PatientID int64       `json:"patientId,omitempty"` // verified: the patient on the list it is
	Note      string      `json:"note,omitempty"`
}

// Validate checks a decision before it is applied.
func (d ClaimDecision) Validate() error {
	switch d.Decision {
	case ClaimVerified:
		if d.PatientID <= 0 {
			return Errorf(EINVALID, "to verify a claim, choose the patient on the list it is")
		}
	case ClaimRejected, ClaimAskID:
	default:
		return Errorf(EINVALID, "unknown decision %q: use verified, rejected or ask-id", d.Decision)
	}
	if len(d.Note) > 500 {
		return Errorf(EINVALID, "the note is %d characters; the most is 500", len(d.Note))
	}
	return nil
}

// ValidateClaimed checks the details a patient typed for a claim and returns them tidied.
// Messages are written for patients.
func ValidateClaimed(c Claim, now time.Time) (Claim, error) {
	n, err := ParseNHSNumber(string(c.NHSNumber))
	if err != nil {
		return c, err
	}
	c.NHSNumber = n
	if c.GivenName, err = ParseName("first name", c.GivenName); err != nil {
		return c, err
	}
	if c.FamilyName, err = ParseName("last name", c.FamilyName); err != nil {
		return c, err
	}
	if c.BirthDate.IsZero() {
		return c, Errorf(EINVALID, "the date of birth is missing").ForPatient("Please enter the date of birth as year, month and day, like 1980-04-21.")
	}
	if err := CheckBirthDate(c.BirthDate, now); err != nil {
		return c, err
	}
	if c.Sex == "" {
		c.Sex = SexUnknown
	}
	sex, err := ParseSex(string(c.Sex))
	if err != nil {
		return c, err
	}
	c.Sex = sex
	c.Relationship = strings.TrimSpace(c.Relationship)
	if len(c.Relationship) > 60 {
		return c, Errorf(EINVALID, "the relationship is %d characters; the most is 60", len(c.Relationship)).ForPatient("Please describe how you are related in under 60 characters, like \"mother\" or \"carer\".")
	}
	return c, nil
}
