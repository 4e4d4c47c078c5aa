-- Read models built from other services' events: who may see which licence.

-- Orders whose licences live here, with their organisation (from order events).
create table customer_order
(
    order_id        uuid not null primary key,
    organization_id uuid not null
);
create index customer_order_by_organization on customer_order (organization_id);

-- The current contacts of each order (from order events): they see the order's licences.
create table order_contact
(
    order_id uuid         not null,
    user_id  varchar(255) not null,
    email    varchar(320),
    primary key (order_id, user_id)
);
create index order_contact_by_user on order_contact (user_id);

-- Members of each organisation (from account events): they see and extend the organisation's trials.
create table organization_member
(
    user_id         varchar(255) not null,
    organization_id uuid         not null,
    email           varchar(320),
    joined_at       timestamptz  not null,
    primary key (user_id, organization_id)
);
create index organization_member_by_organization on organization_member (organization_id);

-- People whose account was removed for good: a late event never makes them a contact or member again.
create table removed_user
(
    user_id    varchar(255) not null primary key,
    removed_at timestamptz  not null
);

-- The newest major version of each product seen in paid orders (the highest version one may upgrade to,
-- together with the configured catalogue).
create table product_release
(
    product        varchar(100) not null primary key,
    latest_version integer      not null
);
