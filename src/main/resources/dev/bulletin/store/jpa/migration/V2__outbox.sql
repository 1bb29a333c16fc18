-- The transactional outbox: drafts that Publisher wrote inside an application's transaction, until
-- the relay has moved them into their streams. seq orders them (from a sequence that each server
-- takes in blocks of 50, as bulletin_inbox_seq: in order on one server); id is the item's id, the key that
-- makes a draft relayed twice one item (not unique here: a second transaction with the same id
-- must not fail the application's commit). 256 KiB holds the largest body the REST API accepts.
CREATE TABLE bulletin_outbox (
    seq BIGINT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    id VARCHAR(64) NOT NULL,
    draft VARCHAR(262144) NOT NULL,
    created_ms BIGINT NOT NULL,
    CONSTRAINT bulletin_outbox_pkey PRIMARY KEY (seq)
);
CREATE SEQUENCE bulletin_outbox_seq START WITH 50 INCREMENT BY 50;
