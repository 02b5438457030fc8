import type { JSX } from 'react';
import type { EngineErrorInfo, TableProfile } from '../../../worker/engine-api';
import { formatCount, formatPercent } from '../number-format';
import { ProfileColumnCard } from './ProfileColumnCard';
import '../../styles/preview-profile.css';

export interface ProfileViewProps {
  profile: TableProfile | undefined;
  error: EngineErrorInfo | undefined;
  loading: boolean;
}

/** The data-quality report of one output, computed in SQL by the engine. */
export function ProfileView({ profile, error, loading }: ProfileViewProps): JSX.Element {
  if (error) {
    return (
      <div className="profile-view" data-testid="profile-view">
        <p className="preview-error-inline" role="alert">
          {error.code}: {error.message}
        </p>
      </div>
    );
  }
  if (!profile) {
    return (
      <div className="profile-view" data-testid="profile-view">
        <p className="preview-muted">{loading ? 'Profiling…' : 'No profile yet.'}</p>
      </div>
    );
  }
  const { sparsity } = profile;
  return (
    <div className={`profile-view${loading ? ' preview-data--dimmed' : ''}`} data-testid="profile-view">
      <dl className="profile-summary">
        <div>
          <dt>Rows</dt>
          <dd>{formatCount(profile.rows)}</dd>
        </div>
        <div>
          <dt>Columns</dt>
          <dd>{formatCount(profile.columns.length)}</dd>
        </div>
        <div>
          <dt>Duplicate rows</dt>
          <dd>
            {formatCount(profile.duplicateRows)} ({formatPercent(profile.duplicateRows, profile.rows)})
          </dd>
        </div>
        {sparsity && (
          <div>
            <dt>
              Sparsity ({sparsity.userColumn} × {sparsity.itemColumn})
            </dt>
            <dd>
              {formatCount(sparsity.users)} × {formatCount(sparsity.items)}, {formatCount(sparsity.ratings)} ratings,{' '}
              {formatPercent(sparsity.sparsity, 1)} empty
            </dd>
          </div>
        )}
      </dl>
      <div className="profile-grid">
        {profile.columns.map((column) => (
          <ProfileColumnCard key={column.name} column={column} rows={profile.rows} />
        ))}
      </div>
    </div>
  );
}
