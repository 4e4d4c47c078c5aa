-- Card and PayPal payments happen on the payment provider's hosted page: the portal keeps where the
-- browser returns to and the page's address, never card data. A settled payment may be refunded.
alter table payment drop constraint payment_status_check;
alter table payment
    add constraint payment_status_check check (status in ('PENDING', 'SUCCEEDED', 'CANCELLED', 'FAILED', 'REFUNDED'));
alter table payment add column return_url text;
alter table payment add column redirect_url text;
-- the provider's reference of the settled payment (Stripe: the payment intent), what a refund names
alter table payment add column settlement_reference text;
alter table payment add column refund_reference text;
alter table payment add column refunded_by text;
alter table payment add column refunded_at timestamptz;

-- The provider's notifications (webhooks) applied, by the provider's event id, written in the
-- transaction of their effect: a repeated notification is skipped.
create table payment_provider_event
(
    provider    text        not null,
    event_id    text        not null,
    type        text        not null,
    payment_id  uuid,
    received_at timestamptz not null,
    primary key (provider, event_id)
);
create index payment_provider_event_by_age on payment_provider_event (received_at);
