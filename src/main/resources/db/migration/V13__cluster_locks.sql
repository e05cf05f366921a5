-- ShedLock: one row per scheduled job; the node that holds it runs the job, the others skip that run.
create table sk_shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
