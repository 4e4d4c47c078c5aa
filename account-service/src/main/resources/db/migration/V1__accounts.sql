-- People who have signed in, keyed by their Keycloak subject. A removed account keeps its row (other
-- records refer to it) with the personal data erased.
create table portal_user
(
    id         text        not null primary key,
    email      text,
    name       text,
    created_at timestamptz not null,
    removed_at timestamptz,
    version    bigint      not null,
    constraint portal_user_personal_data_until_removed
        check (removed_at is not null or (email is not null and name is not null))
);
create index portal_user_email_idx on portal_user (lower(email));

-- Company accounts. The primary contact is always one of the members (or nobody, once the last
-- member's account has been removed).
create table organization
(
    id                 uuid        not null primary key,
    name               text        not null check (length(name) between 1 and 200),
    primary_contact_id text,
    created_at         timestamptz not null,
    version            bigint      not null
);

-- A person belongs to at most one organisation.
create table membership
(
    organization_id uuid        not null references organization (id),
    user_id         text        not null references portal_user (id),
    joined_at       timestamptz not null,
    primary key (organization_id, user_id),
    constraint membership_one_organization_per_user unique (user_id)
);

-- Checked at commit: the aggregate rewrites its memberships when it is saved.
alter table organization
    add constraint organization_primary_contact_is_member
        foreign key (id, primary_contact_id) references membership (organization_id, user_id)
            deferrable initially deferred;

-- Invitations to join an organisation. Only a hash of the single-use token is kept.
create table invitation
(
    id              uuid        not null primary key,
    organization_id uuid        not null references organization (id),
    email           text        not null,
    token_hash      bytea       not null,
    invited_by      text        not null references portal_user (id),
    status          text        not null check (status in ('PENDING', 'ACCEPTED', 'EXPIRED')),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_by     text references portal_user (id),
    accepted_at     timestamptz,
    version         bigint      not null
);
create unique index invitation_one_pending_per_address on invitation (organization_id, lower(email))
    where status = 'PENDING';
create index invitation_email_idx on invitation (lower(email));

-- Removed accounts still to be disabled in Keycloak; a row disappears once Keycloak has done it.
create table keycloak_disable_task
(
    user_id         text        not null primary key references portal_user (id),
    requested_at    timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);
create index keycloak_disable_task_due_idx on keycloak_disable_task (next_attempt_at);
