-- When the login a ticket was issued from ends by itself (the exp of a bearer token, in epoch
-- milliseconds), so that the socket the ticket opens closes with 4001 then; null for a login that
-- ends only with its HTTP session.
ALTER TABLE bulletin_ticket ADD COLUMN login_ends_millis BIGINT;
