import { type FormEvent, useState } from 'react';
import { addDaysIso, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { centsToInput } from '../../../../../shared/domain/decimal-input.ts';
import { FormFooter } from '../../../components/form-footer.tsx';
import { Modal } from '../../../components/modal.tsx';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { usePaymentPlanPreview } from '../api/use-plans.ts';
import { checkTerms, type TermsDraft } from '../lib/terms-draft.ts';
import { ScheduleTable } from './schedule-table.tsx';
import { TermsFields } from './terms-fields.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './payment-plan-form.css';

interface Props {
  patientId: string;
  currency: string;
  today: IsoDate;
  /** From a treatment plan: its id, title and estimated total as the principal. */
  from?: { id: string; title: string; totalCents: number } | null;
  onClose(): void;
  onCreated(id: string): void;
}

/** New payment plan with a live schedule preview computed by the same rules that save it. */
export function PaymentPlanForm({ patientId, currency, today, from, onClose, onCreated }: Props) {
  const { t, language } = useI18n();
  const errText = useErrorText();
  const f = useMoneyFormat();
  const [draft, setDraft] = useState<TermsDraft>(() => ({
    principal: from && from.totalCents > 0 ? centsToInput(from.totalCents, currency, language) : '',
    downPayment: '',
    apr: '',
    by: 'count',
    count: '6',
    amount: '',
    frequency: 'monthly',
    firstDueDate: addDaysIso(today, 30),
  }));
  const [submitted, setSubmitted] = useState(false);
  const create = useCommandMutation('paymentPlans.create');
  const check = checkTerms(draft, currency, language);

  const { preview, previewError } = usePaymentPlanPreview(check.terms ?? null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!check.terms) return;
    const answer = await create.run({ ...check.terms, patientId, ...(from ? { treatmentPlanId: from.id } : {}) });
    if (answer?.ok) onCreated(answer.value.id);
  };

  return (
    <Modal title={from ? t('pp.newFor', { title: from.title }) : t('pp.new')} closeLabel={t('tp.cancel')} onClose={onClose} className="modal--wide" testId="payment-plan-form">
      <form className="form pp-form" onSubmit={(e) => void submit(e)} noValidate>
        <TermsFields draft={draft} check={check} currency={currency} submitted={submitted} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
        <section className="pp-form__preview" aria-live="polite" aria-label={t('pp.preview')} data-testid="pp-preview">
          <h3>{t('pp.preview')}</h3>
          {!check.terms && <p className="muted">{t('pp.previewEmpty')}</p>}
          {check.terms && previewError && <p className="form__error">{t('pp.previewError', { message: errText(previewError) })}</p>}
          {check.terms && preview && (
            <>
              <p className="muted" data-testid="pp-preview-totals">
                {t('pp.previewTotals', {
                  financed: f.money(preview.financedCents, currency),
                  interest: f.money(preview.interestCents, currency),
                  total: f.money(preview.totalCents, currency),
                })}
              </p>
              <div className="pp-form__table">
                <ScheduleTable currency={currency} rows={preview.installments} today={today} downPaymentCents={preview.downPaymentCents} />
              </div>
            </>
          )}
        </section>
        <FormFooter
          error={create.error ? t('pp.saveError', { message: errText(create.error) }) : null}
          saving={create.saving}
          onCancel={onClose}
          submitLabel={t('pp.create')}
          savingLabel={t('tp.saving')}
          submitTestId="pp-create"
        />
      </form>
    </Modal>
  );
}
