-- Schema 6: the oldest pending record's collection time (MO-TIME-1's clock) is read
-- every minute by the main window; without this index it reads every pending row.
CREATE INDEX outbox_state_collected ON outbox(state, collected_at);
