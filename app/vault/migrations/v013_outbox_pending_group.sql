-- Schema 13: a group's rows are looked up only while pending (sync/store.py), so the
-- index no longer keeps an entry for every acknowledged row (about 140 bytes a
-- person, for good).
DROP INDEX outbox_batch_group;
CREATE INDEX outbox_pending_group ON outbox(batch_group, batch_rank)
    WHERE state = 'pending' AND batch_group IS NOT NULL;
