-- Support revokes a licence with a reason (status REVOKED) and may reinstate it; the reason and time
-- stay with the licence while it is revoked, so the portal can show them.
alter table license add column revoked_at timestamptz;
alter table license add column revocation_reason varchar(500);
