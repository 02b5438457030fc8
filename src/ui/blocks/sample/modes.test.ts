import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../engine/blocks/registry';
import { sampleModes, switchSampleMode } from './modes';

describe('switchSampleMode', () => {
  it('keeps the shared settings', () => {
    const stratified = switchSampleMode({ mode: 'fraction', fraction: 0.3, seed: 7, keyColumns: ['id'] }, 'stratified');
    expect(stratified).toEqual({ mode: 'stratified', column: '', fraction: 0.3, seed: 7, keyColumns: ['id'] });
    expect(switchSampleMode(stratified, 'rows')).toEqual({ mode: 'rows', rows: 1000, seed: 7, keyColumns: ['id'] });
    expect(switchSampleMode({ mode: 'rows', rows: 50, seed: 3 }, 'first')).toEqual({ mode: 'first', rows: 50 });
  });

  it('gives valid params for every mode except a stratified column still to pick', () => {
    for (const mode of sampleModes) {
      const next = switchSampleMode({ mode: 'first', rows: 10 }, mode);
      expect(next.mode).toBe(mode);
      const parsed = blockRegistry.sample.params.safeParse(next);
      expect(parsed.success || mode === 'stratified').toBe(true);
    }
  });
});
