-- A first download of a large clinic inserts rows in the server's order, i.e. in
-- random order for every secondary index: at 200k appointments the doctor, patient and day
-- indexes cost ~2/3 of the insert time. The sync worker drops those indexes for the download
-- and builds each once at the end, sorted. Their definitions wait here meanwhile, written in the
-- same transaction as the DROP, so a crash or kill leaves a record of what to build again; the
-- next start builds them before anything else runs (electron/db/repos/deferred-indexes.ts).
CREATE TABLE deferred_indexes (
  name  TEXT PRIMARY KEY,
  sql   TEXT NOT NULL
);
