-- Start-up steps that need to run once per installation, not at every start of every node (an
-- upgrade's backfill pages through all running cases). A step that finished has its row here.
create table sk_startup_step (
    step    varchar(64) not null primary key,
    done_at timestamp   not null
);
