import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { DayResult } from '../../../../../shared/domain/recall-types.ts';
import { daySeries } from '../lib/day-series.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';

/** Calls per day as bars, with reached and booked as lines on the same scale. */
export function ResultsChart({ days, today }: { days: DayResult[]; today: IsoDate }) {
  const { t, formatDay } = useI18n();
  const data = daySeries(days, today).map((d) => ({ ...d, label: formatDay(d.date, 'short') }));
  return (
    <div className="rc-chart" data-testid="results-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e2e7ee" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="attempts" name={t('results.attempts')} fill="#9db8e4" isAnimationActive={false} maxBarSize={48} />
          <Line dataKey="reached" name={t('results.reached')} stroke="#c2410c" strokeWidth={2} isAnimationActive={false} />
          <Line dataKey="booked" name={t('results.booked')} stroke="#15803d" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
