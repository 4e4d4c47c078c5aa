-- The first response to a request carrying an Idempotency-Key, per caller, so that a repeat answers
-- the same without doing it again. Written in the transaction of the effect: a request that fails
-- leaves no key behind and can be retried.
create table idempotency_key
(
    user_id           text        not null,
    idempotency_key   text        not null,
    fingerprint       text        not null,
    response_status   int,
    response_body     text,
    response_location text,
    created_at        timestamptz not null,
    primary key (user_id, idempotency_key)
);
create index idempotency_key_by_age on idempotency_key (created_at);
