-- payments.record takes an idempotency key (desk migration 0009_payment_idempotency.sql): a retried
-- submission answers the payment already recorded. The key travels with the payment row, so the
-- server keeps it unique per clinic as well: two rows with one key would be one payment taken twice.
alter table public.payments add column idempotency_key text
  check (idempotency_key is null or length(idempotency_key) between 8 and 100);
create unique index payments_idempotency on public.payments(clinic_id, idempotency_key)
  where idempotency_key is not null;
