import type { Column } from '../../../engine/blocks/contract';
import { ColumnSelect } from '../../forms/ColumnSelect';
import { fieldBinder } from '../../forms/list-edit';

interface RatingColumnsParams {
  userColumn?: string | undefined;
  itemColumn?: string | undefined;
  ratingColumn?: string | undefined;
}

/** Who rated what, and how much: the three columns every model block reads. */
export function RatingColumnsFields<T extends RatingColumnsParams>({ params, onChange, columns, implicit }: { params: T; onChange(next: T): void; columns: readonly Column[]; implicit: boolean }) {
  const field = fieldBinder(params, onChange);
  return (
    <>
      <ColumnSelect label="User column" columns={columns} {...field('userColumn')} />
      <ColumnSelect label="Item column" columns={columns} {...field('itemColumn')} />
      <ColumnSelect
        label={implicit ? 'Weight column' : 'Rating column'}
        columns={columns}
        {...field('ratingColumn')}
        hint={implicit ? 'How strongly the user chose the item: a count, a play time, or 1.' : 'A number: stars, a score.'}
      />
    </>
  );
}
