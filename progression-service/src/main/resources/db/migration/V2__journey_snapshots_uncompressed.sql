-- A journey's snapshot is loaded with every command on the journey; PostgreSQL's default compression
-- of large values (pglz) costs more time to undo than reading the uncompressed bytes does (a
-- 10,000-event journey's 345 kB snapshot: 1.0-1.2 ms compressed, 0.3-0.5 ms not). Out of line, as
-- before, but uncompressed; only snapshots written from now on are affected.
ALTER TABLE SnapshotEventEntry ALTER COLUMN payload SET STORAGE EXTERNAL;
