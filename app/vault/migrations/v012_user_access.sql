-- Steps a user completed outside the device (user agreement, training, privacy notice),
-- recorded by an administrator; access to client records needs them current
-- (pack [user_access]). Append-only: a renewal is a new row.
CREATE TABLE user_access_record (
    id           INTEGER PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES app_user(user_id),
    requirement  TEXT NOT NULL,
    completed_on TEXT NOT NULL,   -- date the user completed it (ISO)
    recorded_by  TEXT NOT NULL,   -- user_id of the administrator who recorded it
    recorded_at  TEXT NOT NULL
);
CREATE INDEX user_access_record_user ON user_access_record(user_id, requirement, completed_on);
