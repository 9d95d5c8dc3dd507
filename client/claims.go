package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"triagedesk/triage"
)

// OpenClaims returns the identity claims waiting for the practice's check, oldest
// first, each with the practice list's best matches (reviewers and managers only).
func (c *Client) OpenClaims(ctx context.Context) ([]triage.Claim, error) {
	data, _, err := c.do(ctx, http.MethodGet, "/api/v1/claims", nil, nil)
	if err != nil {
		return nil, err
	}
	var out []triage.Claim
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("the practice queue's list of identity checks is unreadable: %w", err)
	}
	return out, nil
}

// DecideClaim sends a member of staff's decision on a claim: verified as a patient on
// the list, rejected, or ask for ID at the front desk.
func (c *Client) DecideClaim(ctx context.Context, id int64, d triage.ClaimDecision) (triage.Claim, error) {
	if err := d.Validate(); err != nil {
		return triage.Claim{}, err
	}
	data, _, err := c.do(ctx, http.MethodPost, fmt.Sprintf("/api/v1/claims/%d/decision", id), d, nil)
	if err != nil {
		return triage.Claim{}, err
	}
	var out triage.Claim
	if err := json.Unmarshal(data, &out); err != nil {
		return triage.Claim{}, fmt.Errorf("the practice queue's answer to the decision is unreadable: %w", err)
	}
	return out, nil
}
