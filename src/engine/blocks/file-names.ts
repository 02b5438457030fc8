import { z } from 'zod';

/** A bare file name: the flow never holds a path. */
export const bareFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', 'must be a bare file name, without a directory');

/** A logical input name, mapped to a real file by the CLI's `--input name=path` or the studio's file picker. */
export const inputName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'letters, digits, _ and - only, starting with a letter');
