-- Free text about a student stays out of the immutable event log: events refer to it by id, and a
-- student's rows are deleted when roster.PersonalDataErased arrives.
CREATE TABLE journey_text (
    text_id    VARCHAR(100) PRIMARY KEY,
    student_id VARCHAR(255) NOT NULL,
    kind       VARCHAR(30)  NOT NULL,
    body       TEXT         NOT NULL,
    author_id  VARCHAR(255),
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_journey_text_student ON journey_text (student_id, kind);

-- Overrides that expire, kept from the journey events so that expiry survives restarts: a sweep sends
-- ExpireOverride for every row that is due.
CREATE TABLE override_expiry (
    override_id   VARCHAR(100) PRIMARY KEY,
    student_id    VARCHAR(255) NOT NULL,
    competency_id VARCHAR(255) NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_override_expiry_due ON override_expiry (expires_at);
CREATE INDEX ix_override_expiry_subject ON override_expiry (student_id, competency_id);
