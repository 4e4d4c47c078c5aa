-- Licences (annual, perpetual and trial), their device activations, and the order lines already applied.
--
-- Dates: a licence is valid from valid_from up to, but not including, expires_at (annual, trial);
-- a perpetual licence never expires and its maintenance covers upgrades up to maintenance_expires_at.

create table license
(
    id                     uuid         not null primary key,
    license_key            varchar(64)  not null,
    organization_id        uuid         not null,
    order_id               uuid,                        -- null for trials
    product                varchar(100) not null,
    type                   varchar(16)  not null,
    product_version        integer      not null,
    quota                  integer      not null,
    quota_used             integer      not null default 0,
    valid_from             date         not null,
    expires_at             date,
    maintenance_expires_at date,
    status                 varchar(16)  not null,
    extensions             integer      not null default 0, -- trial extensions granted
    started_by             varchar(255),                -- the user who started a trial
    created_at             timestamptz  not null,
    version                bigint       not null,
    constraint license_key_unique unique (license_key),
    constraint license_type_known check (type in ('ANNUAL', 'PERPETUAL', 'TRIAL')),
    constraint license_status_known check (status in ('ACTIVE', 'EXPIRED', 'REVOKED')),
    constraint license_version_positive check (product_version >= 1),
    constraint license_quota_positive check (quota >= 1),
    -- the quota can never be exceeded, whatever the application does
    constraint license_quota_not_exceeded check (quota_used between 0 and quota),
    -- a trial is extended at most twice
    constraint license_trial_extensions_at_most_two check (extensions between 0 and 2),
    constraint license_trial_has_no_order check ((type = 'TRIAL') = (order_id is null)),
    constraint license_end_fits_type check (
        (type = 'PERPETUAL' and expires_at is null and maintenance_expires_at is not null)
        or (type <> 'PERPETUAL' and expires_at is not null and maintenance_expires_at is null))
);

-- One active trial per product per organisation, enforced by the database under concurrent requests.
create unique index license_one_active_trial on license (organization_id, product) where type = 'TRIAL' and status = 'ACTIVE';
create index license_by_order on license (order_id);
create index license_by_organization on license (organization_id);
create index license_active_by_expiry on license (expires_at) where status = 'ACTIVE';
create index license_active_by_maintenance on license (maintenance_expires_at) where status = 'ACTIVE';

-- A device using one unit of a licence's quota; one row per device, so activating again changes nothing.
create table activation
(
    license_id   uuid         not null references license (id) on delete cascade,
    device_id    varchar(200) not null,
    activated_at timestamptz  not null,
    primary key (license_id, device_id)
);

-- Order lines already applied to licences (issued, renewed, expanded, upgraded): a paid order
-- delivered again, even under another event id, changes nothing.
create table applied_order_line
(
    order_id   uuid        not null,
    line_id    uuid        not null,
    license_id uuid        not null,
    applied_at timestamptz not null,
    primary key (order_id, line_id)
);
