-- The catalogue becomes data that the vendor's sales staff change through the API: products with the
-- licence types they are sold as, their major releases, and one price list per currency. V1's demo
-- catalogue is moved here once; from now on only the API changes it, and writes who did what.

alter table product
    add column sold_annual    boolean,
    add column sold_perpetual boolean,
    -- optimistic locking: the ETag of a product
    add column version        bigint      not null default 0,
    add column updated_at     timestamptz not null default now(),
    add column updated_by     text        not null default 'migration';
update product
set sold_annual    = annual_unit_price is not null,
    sold_perpetual = perpetual_unit_price is not null;
alter table product
    alter column sold_annual set not null,
    alter column sold_perpetual set not null,
    add constraint product_sold_as_a_type check (sold_annual or sold_perpetual);

create table price_list
(
    currency   char(3)     not null primary key check (currency ~ '^[A-Z]{3}$'),
    version    bigint      not null default 0,
    updated_at timestamptz not null,
    updated_by text        not null
);

-- A product's prices in one currency, per quota unit. A product is sold in a currency only if the list
-- prices every licence type it is sold as. An upgrade is what a perpetual licence whose maintenance
-- lapsed pays per unit for the newest major version.
create table price
(
    currency               char(3) not null references price_list (currency) on delete cascade,
    product                text    not null references product (code),
    annual_unit_price      numeric(12, 2) check (annual_unit_price > 0),
    perpetual_unit_price   numeric(12, 2) check (perpetual_unit_price > 0),
    maintenance_unit_price numeric(12, 2) check (maintenance_unit_price > 0),
    upgrade_unit_price     numeric(12, 2) check (upgrade_unit_price > 0),
    primary key (currency, product),
    constraint price_perpetual_has_maintenance check ((perpetual_unit_price is null) = (maintenance_unit_price is null))
);

insert into price_list (currency, updated_at, updated_by)
values ('USD', now(), 'migration'), ('EUR', now(), 'migration'), ('GBP', now(), 'migration');

insert into price (currency, product, annual_unit_price, perpetual_unit_price, maintenance_unit_price, upgrade_unit_price)
select 'USD', code, annual_unit_price, perpetual_unit_price, maintenance_unit_price, round(perpetual_unit_price / 2, 2)
from product;

-- Demo prices in euros and pounds: list prices of their own, not converted at a rate.
insert into price (currency, product, annual_unit_price, perpetual_unit_price, maintenance_unit_price, upgrade_unit_price)
values ('EUR', 'BARCODE-READER', 1149.00, 2299.00, 459.80, 1149.50),
       ('EUR', 'DOCUMENT-SCANNER', 2749.00, 7349.00, 1469.80, 3674.50),
       ('EUR', 'LABEL-RECOGNIZER', 829.00, 1649.00, 329.80, 824.50),
       ('EUR', 'MRZ-SCANNER', 45.00, null, null, null),
       ('EUR', 'CAPTURE-VISION-SERVER', null, 3199.00, 639.80, 1599.50),
       ('GBP', 'BARCODE-READER', 989.00, 1979.00, 395.80, 989.50),
       ('GBP', 'DOCUMENT-SCANNER', 2369.00, 6329.00, 1265.80, 3164.50),
       ('GBP', 'LABEL-RECOGNIZER', 709.00, 1419.00, 283.80, 709.50),
       ('GBP', 'MRZ-SCANNER', 39.00, null, null, null),
       ('GBP', 'CAPTURE-VISION-SERVER', null, 2769.00, 553.80, 1384.50);

alter table product
    drop constraint product_is_sold,
    drop constraint product_perpetual_has_maintenance,
    drop column currency,
    drop column annual_unit_price,
    drop column perpetual_unit_price,
    drop column maintenance_unit_price;

-- The major versions of each product and when they came out; product.current_version is the newest.
create table product_release
(
    product       text        not null references product (code),
    major_version int         not null check (major_version > 0),
    released_on   date        not null,
    released_by   text        not null,
    released_at   timestamptz not null,
    primary key (product, major_version)
);
insert into product_release (product, major_version, released_on, released_by, released_at)
select code, current_version, current_date, 'migration', now()
from product;

-- The currency an organisation pays in: chosen with its first order, or set by support or sales.
create table organization_currency
(
    organization_id uuid        not null primary key,
    currency        char(3)     not null references price_list (currency),
    set_at          timestamptz not null,
    set_by          text        not null
);

-- The audit trail of the catalogue: who changed what, when, and the state it was changed to.
create table catalogue_change
(
    id           bigserial   not null primary key,
    changed_at   timestamptz not null,
    changed_by   text        not null,
    subject_type text        not null check (subject_type in ('PRODUCT', 'RELEASE', 'PRICE_LIST', 'ORGANIZATION_CURRENCY')),
    subject      text        not null,
    action       text        not null,
    details      jsonb       not null
);
create index catalogue_change_by_subject on catalogue_change (subject_type, subject, changed_at desc);
