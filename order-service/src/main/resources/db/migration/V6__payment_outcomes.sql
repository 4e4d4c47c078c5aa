-- A payment is recorded before the provider is asked (in its own transaction), so an attempt the
-- provider declined, or that never reached it, stays on record as FAILED: its id was the provider's
-- idempotency key.
alter table payment drop constraint payment_status_check;
alter table payment
    add constraint payment_status_check check (status in ('PENDING', 'SUCCEEDED', 'CANCELLED', 'FAILED'));
alter table payment add column failure_reason text;
-- When the provider was last asked about the payment: a payment it has not answered for a while is
-- asked about again by the reconciler.
alter table payment add column provider_asked_at timestamptz;
update payment set provider_asked_at = created_at;
alter table payment alter column provider_asked_at set not null;
create index payment_in_flight on payment (provider_asked_at) where status = 'PENDING' and provider_reference is null;
