-- curriculum-service's own tables, beside Axon's event store (db/axon).

-- Which ids exist and what they are: kept by a subscribing event handler inside the transaction that
-- stores the events, so that a command right after another (enrol a student just registered, revise
-- a competency just defined) sees it. Derived from the log; never holds personal data.
CREATE TABLE directory_entry (
    id        VARCHAR(100) PRIMARY KEY,
    kind      VARCHAR(20)  NOT NULL,   -- FRAMEWORK, COMPETENCY, COURSE, ORGANIZATION, CLASS, PERSON
    subtype   VARCHAR(20),             -- DISTRICT/SCHOOL for organisations; STUDENT/TEACHER/GUARDIAN/LEADER for people
    parent_id VARCHAR(100),            -- framework of a competency; district of a school; school of a class or student
    code      VARCHAR(100),            -- a competency's code
    published BOOLEAN      NOT NULL DEFAULT FALSE,
    erased_at TIMESTAMPTZ              -- when a person's personal data was erased
);

-- Personal data: the only place names and e-mails are kept. Deleted on erasure (right to be
-- forgotten); events carry ids only.
CREATE TABLE personal_data (
    person_id            VARCHAR(100) PRIMARY KEY,
    given_name           VARCHAR(200),
    family_name          VARCHAR(200),
    middle_name          VARCHAR(200),
    preferred_given_name VARCHAR(200),
    email                VARCHAR(320),
    username             VARCHAR(200),
    updated_at           TIMESTAMPTZ NOT NULL
);

-- OneRoster sourcedId → Mastery id, so that importing a bundle again updates instead of duplicating.
CREATE TABLE oneroster_source (
    kind       VARCHAR(20)  NOT NULL,  -- ORG, ACADEMIC_SESSION, COURSE, CLASS, USER
    sourced_id VARCHAR(255) NOT NULL,
    mastery_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (kind, sourced_id)
);
