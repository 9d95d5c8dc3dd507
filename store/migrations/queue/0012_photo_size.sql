-- Photos on the desk (issue 11): the feed tells desks that a request has photos, with
-- each photo's type, dimensions and size, but never the picture. The size is kept
-- beside the picture so the feed reads it without touching the picture's bytes, and
-- so the queue and a desk's cache read a request's photos with the same query.
ALTER TABLE request_photos ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
UPDATE request_photos SET size = length(data);
