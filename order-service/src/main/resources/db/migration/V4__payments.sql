create table payment
(
    id                 uuid           not null primary key,
    version            bigint         not null,
    order_id           uuid           not null references orders (id),
    method             text           not null check (method in ('CREDIT_CARD', 'PAYPAL', 'WIRE_TRANSFER', 'CHECK')),
    status             text           not null check (status in ('PENDING', 'SUCCEEDED', 'CANCELLED')),
    amount             numeric(14, 2) not null,
    currency           char(3)        not null,
    provider_reference text,
    instructions       text,
    card_last4         char(4),
    created_by         text           not null,
    created_at         timestamptz    not null,
    completed_at       timestamptz,
    confirmed_by       text
);
-- At most one payment that is settled or awaiting confirmation per order: two concurrent payments of
-- one order cannot both be recorded, whatever the application does.
create unique index payment_one_live_per_order on payment (order_id) where status in ('PENDING', 'SUCCEEDED');
