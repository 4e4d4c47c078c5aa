-- 100,000 (:licenses) licences for the validation benchmark, written straight into the service's table
-- (the schema its Flyway migrations created). Keys are derived from the row number so the PostgreSQL
-- baseline can compute them: upper(left(hex(sha256('bench-' || n)), 32)), 128 bits each.
-- Mix: 5% trials, of the rest a quarter perpetual and three quarters annual; all currently valid.
insert into license (id, license_key, organization_id, order_id, product, type, product_version, quota,
                     quota_used, valid_from, expires_at, maintenance_expires_at, status, extensions,
                     started_by, created_at, version)
select gen_random_uuid(),
       upper(substr(encode(sha256(convert_to('bench-' || n, 'UTF8')), 'hex'), 1, 32)),
       case when kind = 'TRIAL' then md5('bench-trial-org-' || n)::uuid else md5('bench-org-' || (n % 5000))::uuid end,
       case when kind = 'TRIAL' then null else md5('bench-order-' || (n / 3))::uuid end,
       (array ['BARCODE-READER', 'DOCUMENT-SCANNER', 'LABEL-RECOGNIZER', 'MRZ-SCANNER', 'CAPTURE-VISION-SERVER'])[1 + n % 5],
       kind,
       1 + n % 10,
       1 + n % 10,
       0,
       start,
       case when kind = 'PERPETUAL' then null when kind = 'TRIAL' then start + 30 else (start + interval '1 year')::date end,
       case when kind = 'PERPETUAL' then (start + interval '1 year')::date end,
       'ACTIVE',
       0,
       case when kind = 'TRIAL' then 'bench-user' end,
       now(),
       0
from (select n,
             case when n % 20 = 0 then 'TRIAL' when n % 4 = 1 then 'PERPETUAL' else 'ANNUAL' end as kind,
             case when n % 20 = 0 then current_date - 5 else current_date - (n % 300) end            as start
      from generate_series(1, :licenses) as n) as rows;
analyze license;
