-- One spelling of the domain's words, the API's: "license". Names only; no row changes but the keys
-- of the stored mail models, which the templates read.
alter table licence rename to license;
alter table license rename column licence_id to license_id;
alter index licence_pkey rename to license_pkey;
alter index licence_by_order rename to license_by_order;
alter table reminder rename column licence_id to license_id;
alter table outgoing_mail rename column licence_id to license_id;
update outgoing_mail
   set model = (model - 'licenceId') || jsonb_build_object('licenseId', model -> 'licenceId')
 where model ? 'licenceId';
update outgoing_mail
   set model = (model - 'licenceType') || jsonb_build_object('licenseType', model -> 'licenceType')
 where model ? 'licenceType';
