-- An invitation may be replaced by a resent one (new token, the old link void) or withdrawn by a member.
alter table invitation drop constraint invitation_status_check;
alter table invitation add constraint invitation_status_check
    check (status in ('PENDING', 'ACCEPTED', 'EXPIRED', 'REPLACED', 'WITHDRAWN'));
