import { z } from 'zod';

/** The types a user can cast to. A closed list, so a type name can never smuggle SQL in. */
export const castTypes = [
  'VARCHAR',
  'BOOLEAN',
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'DECIMAL(18,3)',
  'DATE',
  'TIMESTAMP',
  'TIME',
] as const;

export const castType = z.enum(castTypes);
export type CastType = z.infer<typeof castType>;
