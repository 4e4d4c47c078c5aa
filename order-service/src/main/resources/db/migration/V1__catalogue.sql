-- The product catalogue. Prices are in USD per quota unit: an annual licence costs annual_unit_price
-- per unit and year; a perpetual licence costs perpetual_unit_price per unit once and
-- maintenance_unit_price per unit for each year of maintenance. A product is sold as the licence types
-- it has a price for.
create table product
(
    code                   text          not null primary key,
    name                   text          not null,
    quota_unit             text          not null,
    current_version        int           not null check (current_version > 0),
    currency               char(3)       not null default 'USD',
    annual_unit_price      numeric(12, 2) check (annual_unit_price > 0),
    perpetual_unit_price   numeric(12, 2) check (perpetual_unit_price > 0),
    maintenance_unit_price numeric(12, 2) check (maintenance_unit_price > 0),
    constraint product_is_sold check (annual_unit_price is not null or perpetual_unit_price is not null),
    constraint product_perpetual_has_maintenance check ((perpetual_unit_price is null) = (maintenance_unit_price is null))
);

insert into product (code, name, quota_unit, current_version, annual_unit_price, perpetual_unit_price, maintenance_unit_price)
values ('BARCODE-READER', 'Barcode Reader SDK', 'developer', 10, 1249.00, 2499.00, 499.80),
       ('DOCUMENT-SCANNER', 'Document Scanner SDK', 'server', 18, 2999.00, 7999.00, 1599.80),
       ('LABEL-RECOGNIZER', 'Label Recognizer SDK', 'developer', 3, 899.00, 1799.00, 359.80),
       ('MRZ-SCANNER', 'MRZ Scanner', 'device', 3, 49.00, null, null),
       ('CAPTURE-VISION-SERVER', 'Capture Vision Server', 'CPU core', 2, null, 3499.00, 699.80);
