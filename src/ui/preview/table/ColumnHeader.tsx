import type { JSX, ReactNode } from 'react';
import type { HistogramBin } from '../../../worker/engine-api';
import { MiniHistogram } from './MiniHistogram';

export interface ColumnHeaderProps {
  name: string;
  type: string;
  width: number;
  sorted: 'ascending' | 'descending' | 'none';
  bins: readonly HistogramBin[] | undefined;
  onSort(column: string): void;
  /** The grip that resizes the column. */
  resizer?: ReactNode;
}

const SORT_MARK = { ascending: '▲', descending: '▼', none: '' } as const;
const NEXT_SORT = { none: 'ascending', ascending: 'descending', descending: 'unsorted' } as const;

/** A column's header: the sort button (its name), its type and a sketch of its distribution. */
export function ColumnHeader({ name, type, width, sorted, bins, onSort, resizer }: ColumnHeaderProps): JSX.Element {
  return (
    <th className="preview-th" style={{ width }} aria-sort={sorted} data-testid={`preview-col-${name}`} scope="col">
      <button
        type="button"
        className="preview-th__sort"
        onClick={() => onSort(name)}
        title={`Sort by ${name}, ${NEXT_SORT[sorted]}`}
      >
        <span className="preview-th__name">{name}</span>
        <span className="preview-th__mark" aria-hidden="true">
          {SORT_MARK[sorted]}
        </span>
      </button>
      <span className="preview-th__type">{type}</span>
      <MiniHistogram column={name} bins={bins} />
      {resizer}
    </th>
  );
}
