-- Ids of the events each consumer has applied: a redelivered event is skipped.
create table inbox_event
(
    event_id    text        not null,
    consumer    text        not null,
    received_at timestamptz not null default now(),
    primary key (event_id, consumer)
);
