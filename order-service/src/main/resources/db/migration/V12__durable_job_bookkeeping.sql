-- The payment reconciler and the unpaid-order job run as the platform's durable jobs (DueJobs): each
-- keeps, on the rows it works on, when to look at a row next (also the lease while one replica works
-- on it), its failed attempts and the last error. Null: as soon as the row's own state makes it due.
alter table payment add column reconcile_at timestamptz;
alter table payment add column reconcile_attempts int not null default 0;
alter table payment add column reconcile_error text;
alter table orders add column payment_check_at timestamptz;
alter table orders add column payment_check_attempts int not null default 0;
alter table orders add column payment_check_error text;
