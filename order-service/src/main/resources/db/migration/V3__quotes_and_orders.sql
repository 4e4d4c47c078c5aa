create table quote
(
    id              uuid           not null primary key,
    version         bigint         not null,
    organization_id uuid           not null,
    created_by      text           not null,
    created_at      timestamptz    not null,
    expires_at      timestamptz    not null,
    total_amount    numeric(14, 2) not null,
    currency        char(3)        not null,
    order_id        uuid
);
create index quote_by_organization on quote (organization_id);

create table quote_line
(
    quote_id        uuid           not null references quote (id) on delete cascade,
    position        int            not null,
    product         text           not null references product (code),
    product_name    text           not null,
    license_type    text           not null check (license_type in ('ANNUAL', 'PERPETUAL')),
    quota           int            not null check (quota > 0),
    product_version int            not null,
    unit_price      numeric(12, 2) not null,
    amount          numeric(14, 2) not null,
    primary key (quote_id, position)
);

create table orders
(
    id              uuid           not null primary key,
    version         bigint         not null,
    organization_id uuid           not null,
    -- one order per quote, whatever the timing of concurrent requests
    quote_id        uuid unique references quote (id),
    type            text           not null check (type in ('NEW_PURCHASE', 'RENEWAL', 'QUOTA_EXPANSION', 'UPGRADE')),
    status          text           not null check (status in ('PENDING_PAYMENT', 'PAID', 'CANCELLED')),
    total_amount    numeric(14, 2) not null,
    currency        char(3)        not null,
    payment_method  text check (payment_method in ('CREDIT_CARD', 'PAYPAL', 'WIRE_TRANSFER', 'CHECK')),
    placed_by       text           not null,
    created_at      timestamptz    not null,
    paid_at         timestamptz,
    payment_id      uuid,
    cancelled_at    timestamptz,
    cancelled_by    text,
    constraint order_paid_has_payment check ((status = 'PAID') = (paid_at is not null and payment_id is not null))
);
create index orders_by_organization on orders (organization_id, created_at desc);

create table order_line
(
    order_id        uuid           not null references orders (id) on delete cascade,
    position        int            not null,
    line_id         uuid           not null unique,
    product         text           not null,
    product_name    text           not null,
    license_type    text           not null check (license_type in ('ANNUAL', 'PERPETUAL')),
    quota           int            not null check (quota > 0),
    license_id      uuid,
    product_version int            not null,
    unit_price      numeric(12, 2) not null,
    amount          numeric(14, 2) not null,
    primary key (order_id, position)
);

create table order_contact
(
    order_id uuid        not null references orders (id) on delete cascade,
    position int         not null,
    user_id  text        not null,
    email    text        not null,
    added_at timestamptz not null,
    primary key (order_id, position),
    unique (order_id, user_id)
);
create index order_contact_by_user on order_contact (user_id);
