-- Secrets the application generates itself when the environment provides none (demo and tests;
-- production sets them in the environment): the deletion log's salt, the person-key secret.
create table sk_secret (
    secret_name  varchar(64)  not null primary key,
    secret_value varchar(200) not null
);
insert into sk_secret (secret_name, secret_value)
    select setting_name, setting_value from sk_retention_setting;
drop table sk_retention_setting;
