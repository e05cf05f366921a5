-- What the registry looked like (a fingerprint, and the day) when it was last mirrored into
-- Camunda's identity in full: a start on an unchanged registry on the same day need not repeat it.
create table sk_identity_mirror (
    id          int         not null primary key,
    fingerprint varchar(64) not null,
    mirrored_at timestamp   not null
);

-- The one row, so that mirroring only ever updates it (no insert race between nodes).
insert into sk_identity_mirror (id, fingerprint, mirrored_at) values (1, 'never', current_timestamp);
