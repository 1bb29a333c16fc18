-- Bulletin's schema as version 0.1 made it by itself (Hibernate's update on WildFly), in SQL that
-- H2 and PostgreSQL both take. A database that already has these tables is baselined at this
-- version instead (dev.bulletin.store.jpa.Schema). Every later change is a new V<n>__*.sql file;
-- a file that has been released is never edited.

-- The last sequence number given in each stream: 'news:<topic>' or 'inbox:<user>'.
CREATE TABLE bulletin_stream (
    name VARCHAR(200) NOT NULL,
    last_seq BIGINT NOT NULL,
    CONSTRAINT bulletin_stream_pkey PRIMARY KEY (name)
);

-- The one row naming this database's life; cursors carry it.
CREATE TABLE bulletin_epoch (
    id INTEGER NOT NULL,
    epoch VARCHAR(16) NOT NULL,
    CONSTRAINT bulletin_epoch_pkey PRIMARY KEY (id)
);

CREATE TABLE bulletin_news (
    id VARCHAR(64) NOT NULL,
    priority VARCHAR(16) NOT NULL,
    published_ms BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    summary VARCHAR(4000),
    tags VARCHAR(2000) NOT NULL,
    title VARCHAR(300) NOT NULL,
    topic VARCHAR(64) NOT NULL,
    url VARCHAR(2048),
    CONSTRAINT bulletin_news_pkey PRIMARY KEY (id),
    CONSTRAINT bulletin_news_cursor UNIQUE (topic, seq)
);
CREATE INDEX bulletin_news_published ON bulletin_news (published_ms);

CREATE TABLE bulletin_notification (
    id VARCHAR(64) NOT NULL,
    body VARCHAR(4000),
    category VARCHAR(64),
    created_ms BIGINT NOT NULL,
    title VARCHAR(300) NOT NULL,
    CONSTRAINT bulletin_notification_pkey PRIMARY KEY (id)
);
CREATE INDEX bulletin_notification_created ON bulletin_notification (created_ms);

CREATE TABLE bulletin_notification_user (
    notification_id VARCHAR(64) NOT NULL,
    user_name VARCHAR(128),
    CONSTRAINT fknqhsagy2lmcu08mjxk78oce5 FOREIGN KEY (notification_id) REFERENCES bulletin_notification (id)
);

CREATE TABLE bulletin_notification_role (
    notification_id VARCHAR(64) NOT NULL,
    role_name VARCHAR(128),
    CONSTRAINT fka3xxyhh29gkbxha7oowoqa8ch FOREIGN KEY (notification_id) REFERENCES bulletin_notification (id)
);
CREATE INDEX bulletin_notification_role_name ON bulletin_notification_role (role_name);

-- A notification in one user's inbox, numbered in that user's stream.
CREATE TABLE bulletin_inbox (
    id BIGINT NOT NULL,
    is_read BOOLEAN NOT NULL,
    seq BIGINT NOT NULL,
    user_name VARCHAR(128) NOT NULL,
    notification_id VARCHAR(64) NOT NULL,
    CONSTRAINT bulletin_inbox_pkey PRIMARY KEY (id),
    CONSTRAINT bulletin_inbox_cursor UNIQUE (user_name, seq),
    CONSTRAINT bulletin_inbox_once UNIQUE (user_name, notification_id),
    CONSTRAINT fk74mne4ftlvvdtpm06k0jydb41 FOREIGN KEY (notification_id) REFERENCES bulletin_notification (id)
);
CREATE INDEX bulletin_inbox_unread ON bulletin_inbox (user_name, is_read);
-- InboxRow's ids, 50 at a time (its allocationSize): a value taken is the last id of a block of 50,
-- as both Hibernate and EclipseLink read it (EclipseLink refuses a first value below 50).
CREATE SEQUENCE bulletin_inbox_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE bulletin_ticket (
    hash VARCHAR(64) NOT NULL,
    expires_millis BIGINT NOT NULL,
    http_session VARCHAR(200),
    roles VARCHAR(2000) NOT NULL,
    user_name VARCHAR(128) NOT NULL,
    CONSTRAINT bulletin_ticket_pkey PRIMARY KEY (hash)
);
CREATE INDEX bulletin_ticket_expires ON bulletin_ticket (expires_millis);
