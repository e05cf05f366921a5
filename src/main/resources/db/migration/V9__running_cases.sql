-- The running cases of the chain by person key and gemeente, so a new signal finds the case of
-- the same person in one indexed lookup instead of a query over every active case's variables.
-- One row per running signaalketen instance that has a person key: written when the case is
-- registered, removed when the instance ends (also when it is cancelled or deleted). The engine
-- stays the judge of "running": a row only names a candidate. Runs on H2 and PostgreSQL alike.
create table sk_running_case (
    case_instance_id varchar(64)  not null primary key,
    casus_id         varchar(64)  not null,
    person_key       varchar(128) not null,
    gemeente         varchar(64)  not null,
    created_at       timestamp    not null
);
create index sk_running_case_person on sk_running_case (person_key, gemeente);
-- the retention job deletes a case's rows by case reference
create index sk_running_case_case on sk_running_case (casus_id);
