-- Schema 18: the outbox keeps a tally of its records by state and by the hour of their
-- timeliness deadline (issue 16: the outbox status in at most 5 ms at 100,000 people).
--
-- The status counted outbox rows each time it was asked: every row by state, and every
-- pending row overdue or due soon. With 100,000 people unsent that is hundreds of
-- thousands of index entries, 25-70 ms through SQLCipher, and more as the outbox grows.
-- outbox_tally holds how many records are in each state with a deadline in each hour
-- (the first 13 characters of deadline_at, YYYY-MM-DDTHH), kept by triggers in the same
-- transaction as each insert, delete and change of state or deadline. A count by state
-- sums a few rows; a count of what is overdue or due soon sums the whole hours and
-- counts rows only within the hour at each end (app.outbox). REPLACE is never used on
-- the outbox: its delete would fire no trigger without recursive_triggers.
CREATE TABLE outbox_tally (
    state         TEXT NOT NULL CHECK (state IN ('pending', 'acknowledged', 'refused')),
    deadline_hour TEXT NOT NULL,
    records       INTEGER NOT NULL CHECK (records >= 0),
    PRIMARY KEY (state, deadline_hour)
) WITHOUT ROWID;

INSERT INTO outbox_tally (state, deadline_hour, records)
SELECT state, substr(deadline_at, 1, 13), count(*) FROM outbox GROUP BY state, substr(deadline_at, 1, 13);

CREATE TRIGGER outbox_tally_insert AFTER INSERT ON outbox
BEGIN
    INSERT INTO outbox_tally (state, deadline_hour, records) VALUES (NEW.state, substr(NEW.deadline_at, 1, 13), 1)
    ON CONFLICT (state, deadline_hour) DO UPDATE SET records = records + 1;
END;

CREATE TRIGGER outbox_tally_delete AFTER DELETE ON outbox
BEGIN
    UPDATE outbox_tally SET records = records - 1
    WHERE state = OLD.state AND deadline_hour = substr(OLD.deadline_at, 1, 13);
    DELETE FROM outbox_tally
    WHERE state = OLD.state AND deadline_hour = substr(OLD.deadline_at, 1, 13) AND records = 0;
END;

CREATE TRIGGER outbox_tally_move AFTER UPDATE OF state, deadline_at ON outbox
WHEN OLD.state IS NOT NEW.state OR substr(OLD.deadline_at, 1, 13) IS NOT substr(NEW.deadline_at, 1, 13)
BEGIN
    UPDATE outbox_tally SET records = records - 1
    WHERE state = OLD.state AND deadline_hour = substr(OLD.deadline_at, 1, 13);
    DELETE FROM outbox_tally
    WHERE state = OLD.state AND deadline_hour = substr(OLD.deadline_at, 1, 13) AND records = 0;
    INSERT INTO outbox_tally (state, deadline_hour, records) VALUES (NEW.state, substr(NEW.deadline_at, 1, 13), 1)
    ON CONFLICT (state, deadline_hour) DO UPDATE SET records = records + 1;
END;
