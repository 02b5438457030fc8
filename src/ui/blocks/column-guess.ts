import type { Column } from '../../engine/blocks/contract';
import type { ColumnProfile, TableProfile } from '../../engine/profile/types';

/** DuckDB's numeric types, as a column's type spells them. */
export const isNumericType = (type: string): boolean =>
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)/i.test(type);

export const isTextType = (type: string): boolean => /^(VARCHAR|TEXT|STRING)/i.test(type);

/** A name reduced to what people mean by it: `movie_id`, `MovieId` and `movieId_1` all read `movieid`. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/_\d+$/, '').replace(/[^a-z0-9]/g, '');
}

/** Types a join can compare without a cast surprising anyone: both numeric, or the same family. */
function comparable(a: string, b: string): boolean {
  if (isNumericType(a) && isNumericType(b)) return true;
  return a.replace(/\(.*$/, '').toUpperCase() === b.replace(/\(.*$/, '').toUpperCase();
}

/**
 * The key pair two inputs most plainly share: the same name and comparable types, else the same name once case,
 * underscores and a `_0`/`_1` suffix are set aside. Undefined when nothing matches: a guess that runs would be a
 * wrong answer that looks right.
 */
export function sharedKey(left: readonly Column[], right: readonly Column[]): { left: string; right: string } | undefined {
  for (const l of left) {
    const r = right.find((c) => c.name === l.name && comparable(l.type, c.type));
    if (r) return { left: l.name, right: r.name };
  }
  for (const l of left) {
    const r = right.find((c) => nameKey(c.name) === nameKey(l.name) && comparable(l.type, c.type));
    if (r) return { left: l.name, right: r.name };
  }
  return undefined;
}

/** The roles of a ratings table, by the names datasets give them. */
const ROLE_NAMES = {
  user: /^(user|userid|uid|customer|customerid|member|memberid|listener|listenerid|account|accountid|person|personid)$/,
  item: /^(item|itemid|iid|movie|movieid|product|productid|track|trackid|song|songid|artist|artistid|book|bookid|isbn|asin|sku|article|articleid)$/,
  rating: /^(rating|ratings|score|stars|star|rate|value|preference|plays|playcount|count|weight)$/,
};
const ROLE_HINT = { user: /user|customer|member/, item: /item|movie|product|track|song|book/, rating: /rating|score|star/ };

export type RatingRole = keyof typeof ROLE_NAMES;

/** The column that plays a role in a ratings table (ids: whole numbers or text; a rating: a number), or undefined. */
export function roleColumn(columns: readonly Column[], role: RatingRole, taken: readonly string[] = []): string | undefined {
  const fits = (c: Column): boolean =>
    !taken.includes(c.name) && (role === 'rating' ? isNumericType(c.type) : isNumericType(c.type) || isTextType(c.type));
  const exact = columns.find((c) => fits(c) && ROLE_NAMES[role].test(nameKey(c.name)));
  return (exact ?? columns.find((c) => fits(c) && ROLE_HINT[role].test(nameKey(c.name))))?.name;
}

/** User, item and rating columns of a ratings table, each only when its name says so. */
export function ratingColumns(columns: readonly Column[]): { user?: string; item?: string; rating?: string } {
  const user = roleColumn(columns, 'user');
  const item = roleColumn(columns, 'item', user ? [user] : []);
  const rating = roleColumn(columns, 'rating', [user, item].filter((n): n is string => n !== undefined));
  return { ...(user ? { user } : {}), ...(item ? { item } : {}), ...(rating ? { rating } : {}) };
}

const NICE_STEPS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

/**
 * A rating scale from a column's profile: its min and max, and the largest of the usual steps that every frequent
 * value and both ends sit on (0.5 to 5 in steps of 0.5 on half-star ratings).
 */
export function ratingScale(profile: ColumnProfile | undefined): { min: number; max: number; step: number } | undefined {
  if (!profile || typeof profile.min !== 'number' || typeof profile.max !== 'number' || !(profile.max > profile.min)) return undefined;
  const values = [profile.min, profile.max, ...profile.top.map((t) => Number(t.value)).filter(Number.isFinite)];
  const onStep = (v: number, step: number): boolean => Math.abs(v / step - Math.round(v / step)) < 1e-9;
  const span = profile.max - profile.min;
  // A step too coarse to hold as many distinct values as the column has cannot be its step.
  const step = [...NICE_STEPS].reverse().find((s) => s <= span && span / s + 1 >= profile.distinct - 1e-9 && values.every((v) => onStep(v, s)));
  return step === undefined ? undefined : { min: profile.min, max: profile.max, step };
}

/** A text column of few distinct values (2 to `limit`) that is not an id: what one-hot and ordinal encode. */
export function categoryColumn(profile: TableProfile | undefined, limit: number): string | undefined {
  return profile?.columns.find(
    (c) => isTextType(c.type) && c.distinct >= 2 && c.distinct <= limit && c.distinct < profile.rows && !/id$/i.test(nameKey(c.name)),
  )?.name;
}

/** The user, item and rating columns a model block would take from its ratings' columns, where their names give them. */
export function suggestRatingColumns(columns: Record<string, Column[]>): { userColumn?: string; itemColumn?: string; ratingColumn?: string } | undefined {
  const found = ratingColumns(columns.ratings ?? []);
  const next = {
    ...(found.user ? { userColumn: found.user } : {}),
    ...(found.item ? { itemColumn: found.item } : {}),
    ...(found.rating ? { ratingColumn: found.rating } : {}),
  };
  return Object.keys(next).length > 0 ? next : undefined;
}
