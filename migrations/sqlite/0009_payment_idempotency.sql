-- payments.record takes an idempotency key: the desk's payment form makes one per submission and
-- sends it again on a retry (after a timeout, or a desk killed between the commit and the answer),
-- so a retry answers the payment already recorded instead of taking the money twice. A synced
-- column (the server has it too: migrations/postgres/20261207000001_payment_idempotency.sql);
-- payments are append-only, so a key, once used, stays used.
ALTER TABLE payments ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX payments_idempotency ON payments(clinic_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
