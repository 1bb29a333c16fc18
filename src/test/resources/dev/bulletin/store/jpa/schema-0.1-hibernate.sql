-- The schema Bulletin 0.1 made by itself on WildFly (Hibernate's update): pg_dump -s of a database
-- it made, without the dump's own statements. SchemaTest adopts it, as an operator upgrading would.
CREATE TABLE bulletin_epoch (
    id integer NOT NULL,
    epoch character varying(16) NOT NULL
);
CREATE TABLE bulletin_inbox (
    id bigint NOT NULL,
    is_read boolean NOT NULL,
    seq bigint NOT NULL,
    user_name character varying(128) NOT NULL,
    notification_id character varying(64) NOT NULL
);
CREATE SEQUENCE bulletin_inbox_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE bulletin_news (
    id character varying(64) NOT NULL,
    priority character varying(16) NOT NULL,
    published_ms bigint NOT NULL,
    seq bigint NOT NULL,
    summary character varying(4000),
    tags character varying(2000) NOT NULL,
    title character varying(300) NOT NULL,
    topic character varying(64) NOT NULL,
    url character varying(2048)
);
CREATE TABLE bulletin_notification (
    id character varying(64) NOT NULL,
    body character varying(4000),
    category character varying(64),
    created_ms bigint NOT NULL,
    title character varying(300) NOT NULL
);
CREATE TABLE bulletin_notification_role (
    notification_id character varying(64) NOT NULL,
    role_name character varying(128)
);
CREATE TABLE bulletin_notification_user (
    notification_id character varying(64) NOT NULL,
    user_name character varying(128)
);
CREATE TABLE bulletin_stream (
    name character varying(200) NOT NULL,
    last_seq bigint NOT NULL
);
CREATE TABLE bulletin_ticket (
    hash character varying(64) NOT NULL,
    expires_millis bigint NOT NULL,
    http_session character varying(200),
    roles character varying(2000) NOT NULL,
    user_name character varying(128) NOT NULL
);
ALTER TABLE bulletin_epoch
    ADD CONSTRAINT bulletin_epoch_pkey PRIMARY KEY (id);
ALTER TABLE bulletin_inbox
    ADD CONSTRAINT bulletin_inbox_cursor UNIQUE (user_name, seq);
ALTER TABLE bulletin_inbox
    ADD CONSTRAINT bulletin_inbox_once UNIQUE (user_name, notification_id);
ALTER TABLE bulletin_inbox
    ADD CONSTRAINT bulletin_inbox_pkey PRIMARY KEY (id);
ALTER TABLE bulletin_news
    ADD CONSTRAINT bulletin_news_cursor UNIQUE (topic, seq);
ALTER TABLE bulletin_news
    ADD CONSTRAINT bulletin_news_pkey PRIMARY KEY (id);
ALTER TABLE bulletin_notification
    ADD CONSTRAINT bulletin_notification_pkey PRIMARY KEY (id);
ALTER TABLE bulletin_stream
    ADD CONSTRAINT bulletin_stream_pkey PRIMARY KEY (name);
ALTER TABLE bulletin_ticket
    ADD CONSTRAINT bulletin_ticket_pkey PRIMARY KEY (hash);
CREATE INDEX bulletin_inbox_unread ON bulletin_inbox (user_name, is_read);
CREATE INDEX bulletin_news_published ON bulletin_news (published_ms);
CREATE INDEX bulletin_notification_created ON bulletin_notification (created_ms);
CREATE INDEX bulletin_notification_role_name ON bulletin_notification_role (role_name);
CREATE INDEX bulletin_ticket_expires ON bulletin_ticket (expires_millis);
ALTER TABLE bulletin_inbox
    ADD CONSTRAINT fk74mne4ftlvvdtpm06k0jydb41 FOREIGN KEY (notification_id) REFERENCES bulletin_notification(id);
ALTER TABLE bulletin_notification_role
    ADD CONSTRAINT fka3xxyhh29gkbxha7oowoqa8ch FOREIGN KEY (notification_id) REFERENCES bulletin_notification(id);
ALTER TABLE bulletin_notification_user
    ADD CONSTRAINT fknqhsagy2lmcu08mjxk78oce5 FOREIGN KEY (notification_id) REFERENCES bulletin_notification(id);
