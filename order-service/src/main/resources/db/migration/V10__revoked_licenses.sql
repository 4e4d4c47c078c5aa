-- From portal.license.events: a revoked licence is not renewed nor given quota until reinstated.
alter table license add column revoked boolean not null default false;
