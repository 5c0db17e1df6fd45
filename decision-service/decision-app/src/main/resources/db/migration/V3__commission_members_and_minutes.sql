-- The commission as its rules say (ADR 30): its named members, and each session's minutes — who
-- attended, the quorum, the outcome of each deliberation. Projected from the Commission's, the
-- sessions' and the pathways' internal events (processing group commission-minutes); it can be
-- dropped and rebuilt by replaying them. Members' names stay in decision-service.
CREATE TABLE commission_member (
  member_id        VARCHAR(255) PRIMARY KEY,
  department_code  VARCHAR(3)   NOT NULL,
  position         BIGINT       GENERATED ALWAYS AS IDENTITY,
  name             VARCHAR(200) NOT NULL,
  category         VARCHAR(32)  NOT NULL,
  association_id   VARCHAR(255),
  recorded_at      TIMESTAMPTZ  NOT NULL
);

CREATE INDEX commission_member_department ON commission_member (department_code, position);

CREATE TABLE session_minutes (
  session_id           VARCHAR(255) PRIMARY KEY,
  department_code      VARCHAR(3)   NOT NULL,
  session_date         DATE         NOT NULL,
  second_convocation   BOOLEAN      NOT NULL,
  first_convocation_id VARCHAR(255),
  members_total        INTEGER      NOT NULL,
  members_present      INTEGER      NOT NULL,
  members_represented  INTEGER      NOT NULL,
  may_deliberate       BOOLEAN      NOT NULL,
  chair_member_id      VARCHAR(255),
  recorded_at          TIMESTAMPTZ  NOT NULL
);

CREATE TABLE session_attendee (
  session_id     VARCHAR(255) NOT NULL REFERENCES session_minutes (session_id),
  member_id      VARCHAR(255) NOT NULL,
  position       INTEGER      NOT NULL,
  attendance     VARCHAR(16)  NOT NULL,
  represented_by VARCHAR(255),
  PRIMARY KEY (session_id, member_id)
);

CREATE TABLE session_deliberation (
  session_id      VARCHAR(255) NOT NULL,
  dossier_id      VARCHAR(255) NOT NULL,
  term_number     INTEGER      NOT NULL,
  position        BIGINT       GENERATED ALWAYS AS IDENTITY,
  opinion         VARCHAR(16),
  votes_for       INTEGER      NOT NULL DEFAULT 0,
  votes_against   INTEGER      NOT NULL DEFAULT 0,
  abstentions     INTEGER      NOT NULL DEFAULT 0,
  chair_voted_for BOOLEAN      NOT NULL DEFAULT FALSE,
  recused         TEXT         NOT NULL DEFAULT '',
  PRIMARY KEY (session_id, dossier_id, term_number)
);

CREATE INDEX session_deliberation_dossier ON session_deliberation (dossier_id, term_number);
