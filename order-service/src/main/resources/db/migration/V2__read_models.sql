-- What order-service knows of other services, kept from their events (never asked synchronously).

-- From portal.account.events: organisations and who belongs to them (user id = Keycloak subject).
create table organization
(
    id                 uuid        not null primary key,
    name               text        not null,
    primary_contact_id text,
    updated_at         timestamptz not null
);

create table membership
(
    organization_id uuid        not null,
    user_id         text        not null,
    email           text        not null,
    name            text,
    joined_at       timestamptz not null,
    primary key (organization_id, user_id)
);
create index membership_by_user on membership (user_id);
create index membership_by_email on membership (organization_id, lower(email));

-- Accounts removed for good: a late member.joined of such a user is not applied.
create table removed_user
(
    user_id    text        not null primary key,
    removed_at timestamptz not null
);

-- From portal.license.events: which order each licence came from, and what it covers now.
create table license
(
    license_id             uuid        not null primary key,
    order_id               uuid,
    organization_id        uuid        not null,
    product                text        not null,
    type                   text        not null,
    product_version        int,
    quota                  int         not null,
    valid_from             date,
    expires_at             date,
    maintenance_expires_at date,
    expired                boolean     not null default false,
    updated_at             timestamptz not null
);
create index license_by_order on license (order_id);
