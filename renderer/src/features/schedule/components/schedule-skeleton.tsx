import type { CSSProperties } from 'react';
import { DEFAULT_AXIS, formatMinute, minutesToPx, PX_PER_MINUTE } from '../lib/day-layout.ts';
import './schedule-skeleton.css';

const BLOCKS = [
  [30, 45],
  [120, 30],
  [210, 60],
  [330, 30],
  [420, 45],
] as const;

/** Placeholder with the grid's exact frame, so the page does not jump when data arrives. */
export function ScheduleSkeleton({ columns, label }: { columns: number; label: string }) {
  const cols = Math.max(1, columns);
  const style = {
    '--cols': cols,
    '--slot-px': `${15 * PX_PER_MINUTE}px`,
    '--hour-px': `${60 * PX_PER_MINUTE}px`,
    '--axis-offset': '0px',
  } as CSSProperties;
  const hours: number[] = [];
  for (let m = DEFAULT_AXIS.start; m < DEFAULT_AXIS.end; m += 60) hours.push(m);
  return (
    <div className="grid grid--skeleton" style={style} data-testid="schedule-loading" aria-busy="true">
      <span className="sr-only" role="status">
        {label}
      </span>
      <div className="grid__scroll">
        <div className="grid__head" aria-hidden="true">
          <div className="grid__corner" />
          {Array.from({ length: cols }, (_, i) => (
            <div key={i} className="doctor-head">
              <span className="skeleton-bar" style={{ width: '60%' }} />
              <span className="skeleton-bar skeleton-bar--thin" style={{ width: '40%' }} />
            </div>
          ))}
        </div>
        <div className="grid__body" style={{ height: minutesToPx(DEFAULT_AXIS.end - DEFAULT_AXIS.start) }} aria-hidden="true">
          <div className="time-axis">
            {hours.map((m) => (
              <span key={m} className="time-axis__label" style={{ top: minutesToPx(m - DEFAULT_AXIS.start) }}>
                {formatMinute(m)}
              </span>
            ))}
          </div>
          {Array.from({ length: cols }, (_, c) => (
            <div key={c} className="doctor-col">
              {BLOCKS.map(([at, len], i) => (
                <div
                  key={i}
                  className="skeleton-block"
                  style={{ top: minutesToPx(at + ((c * 37) % 90)), height: minutesToPx(len) - 2 }}
                />
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
