-- Quotes made by the vendor's sales staff for a company: a note, the name of who prepared it, and a
-- discount per line (a percentage or an amount). A customer's own quote has no discount.
alter table quote
    add column kind             text not null default 'CUSTOMER' check (kind in ('CUSTOMER', 'SALES')),
    add column note             text,
    add column prepared_by_name text;

alter table quote_line
    add column list_amount      numeric(14, 2),
    add column discount_percent numeric(5, 2) check (discount_percent > 0 and discount_percent <= 100),
    add column discount         numeric(14, 2) not null default 0 check (discount >= 0);
update quote_line set list_amount = amount;
alter table quote_line
    alter column list_amount set not null,
    -- the line never goes below zero
    add constraint quote_line_discounted check (amount = list_amount - discount and amount >= 0);
