-- The support console finds people by a part of their e-mail address or name and companies by a part of
-- their name (GET /api/users?query=, GET /api/organizations?query=). Trigram indexes serve those substring
-- matches where PostgreSQL has the pg_trgm extension (a trusted extension: the database owner may create
-- it); without it the same queries scan the tables, which is fine for some hundred thousand accounts.
do
$$
    begin
        begin
            create extension if not exists pg_trgm;
        exception
            when others then
                raise notice 'pg_trgm is not available (%): the support search scans', sqlerrm;
        end;
        if exists (select 1 from pg_extension where extname = 'pg_trgm') then
            create index portal_user_email_trgm_idx on portal_user using gin (lower(email) gin_trgm_ops);
            create index portal_user_name_trgm_idx on portal_user using gin (lower(name) gin_trgm_ops);
            create index organization_name_trgm_idx on organization using gin (lower(name) gin_trgm_ops);
        end if;
    end
$$;
