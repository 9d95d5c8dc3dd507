package store

import (
	"context"
	"fmt"

	"triagedesk/triage"
)

// emergencyCond selects live emergencies that no recorded call has sent to 999 or
// A&E: what Request.EmergencyNeedsAction says, as SQL.
const emergencyCond = "r.priority = 0 AND r.status <> 'closed' AND r.call_outcome <> '" + string(triage.CallSent999) + "'"

// Emergencies returns the live emergencies not yet acted on, whatever their status
// or team, oldest first, with the outcome of any call so far: the desk's banner stays
// up while there are any. Opening a request does not take it off this list; a call
// that sent the patient to 999 or A&E, or a priority lowered with a reason, does.
func (c *Cache) Emergencies(ctx context.Context, limit int) ([]triage.QueueItem, error) {
	rows, err := c.r.QueryContext(ctx, `SELECT `+listColumns+`, r.call_outcome FROM requests r JOIN patients p ON p.id = r.patient_id
		WHERE `+emergencyCond+` ORDER BY r.received_at, r.id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read emergencies not yet acted on: %w", err)
	}
	defer rows.Close()
	var out []triage.QueueItem
	for rows.Next() {
		var call string
		it, err := scanListRow(rows, &call)
		if err != nil {
			return nil, fmt.Errorf("read emergencies not yet acted on: %w", err)
		}
		it.Call = triage.CallOutcome(call)
		out = append(out, it)
	}
	return out, rows.Err()
}
