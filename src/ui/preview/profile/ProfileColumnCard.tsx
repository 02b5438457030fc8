import type { JSX } from 'react';
import type { ColumnProfile } from '../../../worker/engine-api';
import { formatCount, formatPercent } from '../number-format';
import { profileStats } from './profile-stats';
import { ProfileHistogram } from './ProfileHistogram';

/** One column's data-quality figures: counts, nulls, range and spread, its top values and its histogram. */
export function ProfileColumnCard({ column, rows }: { column: ColumnProfile; rows: number }): JSX.Element {
  const stats = profileStats(column, rows);
  return (
    <article className="profile-card" aria-label={`Column ${column.name}`}>
      <header className="profile-card__head">
        <h3 className="profile-card__name" title={column.name}>
          {column.name}
        </h3>
        <span className="profile-card__type">{column.type}</span>
        {column.nulls > 0 && <span className="profile-card__flag">{formatPercent(column.nulls, rows)} null</span>}
      </header>
      <dl className="profile-stats">
        {stats.map(({ label, text, title }) => (
          <div key={label} className="profile-stats__item">
            <dt>{label}</dt>
            <dd title={title}>{text}</dd>
          </div>
        ))}
      </dl>
      <ProfileHistogram column={column.name} bins={column.histogram} />
      {column.top.length > 0 && (
        <table className="profile-top">
          <caption>Top values</caption>
          <tbody>
            {column.top.slice(0, 5).map((t) => (
              <tr key={t.value}>
                <td className="profile-top__value" title={t.value}>
                  {t.value}
                </td>
                <td className="profile-top__count">{formatCount(t.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
