-- LOCAL DEVELOPMENT ONLY (docker-compose.yml): one database per service and one for the web
-- portal's sessions, all owned by the local default user portal/portal. Production databases are
-- the operator's own (docs/operations.md).
CREATE DATABASE account_service;
CREATE DATABASE order_service;
CREATE DATABASE license_service;
CREATE DATABASE notification_service;
CREATE DATABASE portal_web;
