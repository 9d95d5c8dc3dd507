package client

import (
	"context"
	"fmt"
	"net/http"

	"triagedesk/fhir"
	"triagedesk/triage"
)

// MaxPhoto is the most the client reads of one photo. The patient pages take photos
// of up to 5 MB and re-encode them, which can make a PNG larger; anything past this is
// not a photo the queue would have stored.
const MaxPhoto = 32 << 20

// Photo fetches photo n (1 for the first sent) of a request, for a member of staff:
// the queue records the read in its audit trail, as a view of that request's photo
// from this desk. It returns the picture's bytes and type (image/jpeg or image/png).
// The address is built from this client's own queue address, never taken from the
// feed, so the token goes nowhere else.
func (c *Client) Photo(ctx context.Context, requestID int64, n int) ([]byte, string, error) {
	path := triage.PhotoPath(requestID, n)
	data, header, err := c.do(ctx, http.MethodGet, path, nil, http.Header{"Accept": {"image/jpeg, image/png, " + fhir.ContentType}})
	if err != nil {
		return nil, "", fmt.Errorf("photo %d of request %d: %w", n, requestID, err)
	}
	if len(data) > MaxPhoto {
		return nil, "", fmt.Errorf("photo %d of request %d is larger than %d MB, more than any photo the queue keeps", n, requestID, MaxPhoto>>20)
	}
	return data, header.mediaType, nil
}
