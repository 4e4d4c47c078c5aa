create table widget
(
    id      uuid primary key,
    name    varchar(50) not null,
    count   int         not null,
    version bigint      not null default 0
);

create table widget_tally
(
    name varchar(50) primary key,
    sold int not null
);
