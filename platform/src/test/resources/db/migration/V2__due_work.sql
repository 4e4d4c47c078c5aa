-- rows for DueJobIntegrationTest: a feature's own table with the job's three bookkeeping columns
create table parcel
(
    id              bigint primary key,
    status          text        not null default 'WAITING',
    next_attempt_at timestamptz,
    attempts        int         not null default 0,
    last_error      text
);
