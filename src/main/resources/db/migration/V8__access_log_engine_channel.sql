-- Reads of case data through Camunda's REST APIs other than a task's form are logged too.
alter table sk_access_log drop constraint sk_access_log_channel;
alter table sk_access_log add constraint sk_access_log_channel
    check (channel in ('api', 'taakformulier', 'engine-api'));
