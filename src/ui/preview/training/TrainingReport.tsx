import type { JSX } from 'react';
import type { BlockState, EngineClient, ModelReport } from '../../../worker/engine-api';
import { FactorScatter } from './FactorScatter';
import { LossChart } from './LossChart';
import { MetricList } from './MetricList';
import { modelMetrics, trainingPlace } from './model-metrics';

/** A trained model: its figures, its loss curve, and its item factors in two dimensions. */
export function TrainingReport({ engine, blockId, state, report }: { engine: EngineClient; blockId: string; state: BlockState; report: ModelReport }): JSX.Element {
  const place = trainingPlace(report);
  return (
    <div className="training-tab training-report">
      {/* Where it trained, once and quietly: why the GPU was not used is a detail, not a warning on every run. */}
      {place.gpuNotUsed ? (
        <details className="training-place">
          <summary data-testid="training-backend">{place.trainedOn}</summary>
          <p className="training-fallback" data-testid="training-fallback">
            {place.gpuNotUsed}
          </p>
        </details>
      ) : (
        <p className="training-place" data-testid="training-backend">
          {place.trainedOn}
        </p>
      )}
      <MetricList metrics={modelMetrics(report)} testId="training-metrics" />
      <div className="training-figures">
        <section className="training-figure" aria-label="Loss per iteration">
          <h3>Loss per iteration</h3>
          <LossChart points={report.history} maxIter={report.params.maxIter} />
        </section>
        <section className="training-figure" aria-label="Item factors">
          <h3>Item factors (PCA)</h3>
          <FactorScatter engine={engine} blockId={blockId} state={state} />
        </section>
      </div>
    </div>
  );
}
