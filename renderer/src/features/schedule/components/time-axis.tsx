import { formatMinute, minutesToPx, type Span } from '../lib/day-layout.ts';
import './time-axis.css';

/** Hour labels down the left edge; slot lines are drawn by the grid background. */
export function TimeAxis({ axis }: { axis: Span }) {
  const hours: number[] = [];
  for (let m = Math.ceil(axis.start / 60) * 60; m < axis.end; m += 60) hours.push(m);
  return (
    <div className="time-axis" aria-hidden="true">
      {hours.map((m) => (
        <span key={m} className="time-axis__label" style={{ top: minutesToPx(m - axis.start) }}>
          {formatMinute(m)}
        </span>
      ))}
    </div>
  );
}
