-- Read models built from other services' events --------------------------------------------------

-- People known from account events (member.joined); a removed user is deleted.
create table person
(
    user_id    text primary key,
    email      text        not null,
    name       text,
    updated_at timestamptz not null
);
create index person_by_email on person (email);

-- The contacts of each order: who gets the renewal reminders of the order's licences.
create table order_contact
(
    order_id uuid not null,
    user_id  text not null,
    email    text not null,
    primary key (order_id, user_id)
);
create index order_contact_by_user on order_contact (user_id);

-- Product names as order lines show them, for friendlier mails.
create table product
(
    code text primary key,
    name text not null
);

-- Licences and the date they end: expiresAt (annual, trial) or maintenanceExpiresAt (perpetual).
create table licence
(
    licence_id      uuid primary key,
    order_id        uuid,
    organization_id uuid,
    product         text,
    type            text        not null,
    end_date        date,
    expired_on      date,
    updated_at      timestamptz not null
);
create index licence_by_order on licence (order_id);

-- Renewal reminders -------------------------------------------------------------------------------

-- One row per (licence, end date, threshold): computed when the end date becomes known or changes.
-- status: DUE (waiting for its day), QUEUED (mails written to the outbox), SKIPPED (a later
-- threshold was already due, or found too late), CANCELLED (the end date moved).
create table reminder
(
    licence_id     uuid        not null,
    end_date       date        not null,
    threshold_days int         not null,
    due_on         date        not null,
    status         text        not null default 'DUE',
    processed_at   timestamptz,
    primary key (licence_id, end_date, threshold_days)
);
-- The scan reads only this: the reminders still due, by day.
create index reminder_due on reminder (due_on) where status = 'DUE';

-- Preferences --------------------------------------------------------------------------------------

create table mail_preference
(
    email             text primary key,
    renewal_reminders boolean     not null default true,
    newsletter        boolean     not null default false,
    updated_at        timestamptz not null
);

-- Outgoing mail: written first, sent by the worker ------------------------------------------------

-- kind: RENEWAL_REMINDER, INVITATION, PAYMENT_INSTRUCTIONS, RECEIPT. model: what the templates need.
-- status: QUEUED, SENT, FAILED (given up), CANCELLED (no longer wanted before it was sent).
create table outgoing_mail
(
    id              uuid primary key,
    kind            text        not null,
    recipient       text        not null,
    model           jsonb       not null,
    reference       text,
    licence_id      uuid,
    end_date        date,
    threshold_days  int,
    status          text        not null default 'QUEUED',
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    subject         text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
-- Each (licence, end date, threshold, recipient) at most once, whatever runs the scan and how often.
create unique index outgoing_mail_reminder_once on outgoing_mail (licence_id, end_date, threshold_days, recipient)
    where kind = 'RENEWAL_REMINDER';
-- Each other mail once per (kind, its order or invitation, recipient).
create unique index outgoing_mail_once on outgoing_mail (kind, reference, recipient)
    where kind <> 'RENEWAL_REMINDER';
create index outgoing_mail_queue on outgoing_mail (next_attempt_at) where status = 'QUEUED';
create index outgoing_mail_by_recipient on outgoing_mail (recipient, created_at desc);
create index outgoing_mail_queued_reminders on outgoing_mail (licence_id)
    where status = 'QUEUED' and kind = 'RENEWAL_REMINDER';
