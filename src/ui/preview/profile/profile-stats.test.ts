import { describe, expect, it } from 'vitest';
import { profileStats } from './profile-stats';

const column = { name: 'energy', type: 'DOUBLE', count: 80_071, nulls: 1, distinct: 1_234, min: 0.000123456789, max: 12_345.678901234, mean: 0.5, std: 0.28867513459481287, top: [], histogram: [] };

describe('a profile card’s figures', () => {
  it('shows rounded statistics and keeps every digit in the hover title', () => {
    const byLabel = Object.fromEntries(profileStats(column, 80_072).map((s) => [s.label, s]));
    expect(byLabel.Std).toEqual({ label: 'Std', text: '0.28868', title: '0.28867513459481287' });
    expect(byLabel.Max).toEqual({ label: 'Max', text: '12,345.679', title: '12345.678901234' });
    // Nothing was rounded away: the title is the text.
    expect(byLabel.Mean).toEqual({ label: 'Mean', text: '0.5', title: '0.5' });
    expect(byLabel.Count).toEqual({ label: 'Count', text: '80,071', title: '80,071' });
    expect(byLabel.Nulls).toEqual({ label: 'Nulls', text: '1 (<0.1%)', title: '1 of 80,072 rows' });
  });

  it('gives text columns their values as they are, and no mean or spread', () => {
    const stats = profileStats({ ...column, type: 'VARCHAR', min: 'Abba', max: 'Zappa', mean: undefined, std: undefined }, 80_072);
    expect(stats.map((s) => s.label)).toEqual(['Count', 'Nulls', 'Distinct', 'Min', 'Max']);
    expect(stats.find((s) => s.label === 'Max')).toEqual({ label: 'Max', text: 'Zappa', title: 'Zappa' });
  });
});
