import type { JSX } from 'react';
import type { Metric } from './model-metrics';

/** A model's figures as a definition list; a rounded figure shows its full value on hover. */
export function MetricList({ metrics, testId }: { metrics: Metric[]; testId: string }): JSX.Element {
  return (
    <dl className="training-metrics" data-testid={testId}>
      {metrics.map((m) => (
        // A long value (a list of settings, say) gets more room than a figure.
        <div key={m.label} className={m.value.length > 24 ? 'training-metric training-metric--wide' : 'training-metric'} data-metric={m.label}>
          <dt>{m.label}</dt>
          <dd title={m.full}>{m.value}</dd>
        </div>
      ))}
    </dl>
  );
}
