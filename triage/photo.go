package triage

import "fmt"

// MaxPhotos is the most photos a patient may send with one request.
const MaxPhotos = 3

// PhotoRef is one photo a patient sent with a request, as the desk knows it without
// the picture: which of the request's photos it is (1 to MaxPhotos, in the order
// sent), its type, its size in bytes and its dimensions. The feed carries these so
// the reviewer sees that a photo exists; the picture itself is fetched on demand by
// staff (and audited), never carried in the feed or kept in the cache.
type PhotoRef struct {
	N           int    `json:"n"`
	ContentType string `json:"contentType"` // image/jpeg or image/png
	Size        int64  `json:"size"`        // bytes
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
}

// Validate checks a photo reference as it arrives from the queue.
func (p PhotoRef) Validate() error {
	switch {
	case p.N < 1 || p.N > MaxPhotos:
		return Errorf(EINVALID, "photo %d: a request has photos 1 to %d", p.N, MaxPhotos)
	case p.ContentType != "image/jpeg" && p.ContentType != "image/png":
		return Errorf(EINVALID, "photo %d is %q: only image/jpeg and image/png are kept", p.N, p.ContentType)
	case p.Size < 0 || p.Width < 0 || p.Height < 0:
		return Errorf(EINVALID, "photo %d has a negative size", p.N)
	}
	return nil
}

// PhotoCount says how many photos came with a request as staff read it: "1 photo",
// "3 photos"; "" for none.
func PhotoCount(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 photo"
	}
	return fmt.Sprintf("%d photos", n)
}

// PhotoPath is where staff fetch photo n of request id from the queue, relative to
// the queue's address. A desk builds it from its own server address rather than
// following a link from the feed, so its token only ever goes to its own queue.
func PhotoPath(requestID int64, n int) string {
	return fmt.Sprintf("/api/v1/requests/%d/photos/%d", requestID, n)
}
