-- Wire transfer and check orders wait for the money until payment_due_by (set when one of these methods
-- is first chosen, at ordering or at the payment step); a reminder goes out some days before, and an
-- order still unpaid then is cancelled with reason EXPIRED.
alter table orders add column payment_due_by timestamptz;
alter table orders add column payment_reminder_sent_at timestamptz;
-- CUSTOMER (a contact cancelled it) or EXPIRED (never paid); null for orders cancelled before this column.
alter table orders add column cancellation_reason text check (cancellation_reason in ('CUSTOMER', 'EXPIRED'));
-- The expiry job reads only this: unpaid orders with a due date.
create index orders_unpaid_by_due on orders (payment_due_by) where status = 'PENDING_PAYMENT' and payment_due_by is not null;
