-- Local sync state (never synced). One row per server this desk syncs with: the opaque pull
-- cursor (it carries the server epoch), whether a full resync after an epoch reset is running,
-- and whether the first full download finished.
CREATE TABLE sync_state (
  server_url       TEXT PRIMARY KEY,
  cursor           TEXT,
  epoch            TEXT,
  resync           INTEGER NOT NULL DEFAULT 0 CHECK (resync IN (0, 1)),
  initial_done     INTEGER NOT NULL DEFAULT 0 CHECK (initial_done IN (0, 1)),
  last_pulled_at   TEXT,
  last_pushed_at   TEXT
);

-- Rows delivered during a resync after an epoch reset; rows the restored server no longer has
-- are found by what is missing here and pushed again (data-preserving resync).
CREATE TABLE sync_resync_seen (
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id)
) WITHOUT ROWID;

-- Local changes the server refused (conflict or rejected) or that could not be sent: what was
-- tried, by whom, when, why, the server's row at that moment, and the local row as it was, so a
-- one-click fix (retry, re-book at a free slot) can act on it. Never deleted, only resolved.
CREATE TABLE needs_attention (
  id              TEXT PRIMARY KEY,
  clinic_id       TEXT NOT NULL,
  mutation_id     TEXT NOT NULL,
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  op              TEXT NOT NULL,
  -- JSON array of the attempted mutations of this row, in order: [{id, op, changes, base_version}]
  attempts        TEXT NOT NULL,
  actor_staff_id  TEXT,
  attempted_at    TEXT NOT NULL,
  reason          TEXT NOT NULL,
  message         TEXT,
  server_row      TEXT,
  attempted_row   TEXT,
  created_at      TEXT NOT NULL,
  resolved_at     TEXT,
  resolution      TEXT
);
CREATE INDEX needs_attention_open ON needs_attention(resolved_at, created_at);
