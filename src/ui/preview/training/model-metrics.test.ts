import { describe, expect, it } from 'vitest';
import type { ModelReport } from '../../../worker/engine-api';
import { modelMetrics, trainingPlace } from './model-metrics';

const report: ModelReport = {
  backend: 'wasm SIMD × 2 workers',
  users: 200,
  items: 50,
  ratings: 1000,
  params: { rank: 8, maxIter: 5, regParam: 0.1, alpha: 1, implicitPrefs: false, nonnegative: false, seed: 42, bias: { global: false, user: false, item: false } },
  history: [
    { iteration: 1, loss: 2.5, trainRmse: 1.2, seconds: 0.5 },
    { iteration: 2, loss: 1.25, trainRmse: 0.9, validationRmse: 1.05, seconds: 1.25 },
  ],
};

describe('model metrics', () => {
  it('lists the final fit, the data, the settings and the training time', () => {
    expect(modelMetrics(report)).toEqual([
      { label: 'final loss', value: '1.25' },
      { label: 'train RMSE', value: '0.9' },
      { label: 'validation RMSE', value: '1.05' },
      { label: 'users', value: '200' },
      { label: 'items', value: '50' },
      { label: 'ratings', value: '1,000' },
      { label: 'sparsity', value: '90%' },
      { label: 'rank', value: '8' },
      { label: 'regParam', value: '0.1' },
      { label: 'iterations', value: '2' },
      { label: 'training time', value: '1.3 s' },
    ]);
  });

  it('rounds long figures to four digits and keeps the full value for the hover title', () => {
    const long = { ...report, history: [{ iteration: 1, loss: 1234.5678912, trainRmse: 0.8734567891234567, seconds: 1 }] };
    const metrics = modelMetrics(long);
    expect(metrics[0]).toEqual({ label: 'final loss', value: '1235', full: '1234.5678912' });
    expect(metrics[1]).toEqual({ label: 'train RMSE', value: '0.8735', full: '0.8734567891234567' });
  });

  it('shows alpha for implicit feedback', () => {
    const implicit = { ...report, params: { ...report.params, implicitPrefs: true, alpha: 40 } };
    const metrics = Object.fromEntries(modelMetrics(implicit).map((m) => [m.label, m.value]));
    expect(metrics['alpha (implicit)']).toBe('40');
  });

  it('says where it trained, and why the GPU was not used only when it was not', () => {
    expect(trainingPlace(report)).toEqual({ trainedOn: 'trained on wasm SIMD × 2 workers' });
    expect(trainingPlace({ ...report, fallbackReason: 'no WebGPU in this browser' })).toEqual({
      trainedOn: 'trained on wasm SIMD × 2 workers',
      gpuNotUsed: 'GPU not used: no WebGPU in this browser',
    });
  });
});
