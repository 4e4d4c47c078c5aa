-- The PostgreSQL baseline: the lookup validation needs (the columns ValidationCache reads), by key,
-- for a random one of the loaded licences.
\set n random(1, :licenses)
select id, product, type, product_version, status, expires_at, maintenance_expires_at
from license
where license_key = upper(substr(encode(sha256(convert_to('bench-' || :n, 'UTF8')), 'hex'), 1, 32));
