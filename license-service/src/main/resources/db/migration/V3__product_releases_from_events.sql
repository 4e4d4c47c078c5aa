-- license-service learns the newest major version of each product from order-service's
-- portal.product.released.v1 events (portal.catalog.events) instead of its configuration. The demo
-- catalogue's versions, which the configuration held until now, are seeded once; events raise them.
insert into product_release (product, latest_version)
values ('BARCODE-READER', 10),
       ('DOCUMENT-SCANNER', 18),
       ('LABEL-RECOGNIZER', 3),
       ('MRZ-SCANNER', 3),
       ('CAPTURE-VISION-SERVER', 2)
on conflict (product) do update set latest_version = greatest(product_release.latest_version, excluded.latest_version);
