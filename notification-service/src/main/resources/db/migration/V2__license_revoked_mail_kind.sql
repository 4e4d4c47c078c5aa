-- The API spells "license" the US way; so does the kind of a revocation mail, queued or sent.
update outgoing_mail set kind = 'LICENSE_REVOKED' where kind = 'LICENCE_REVOKED';
