import { z } from 'zod';
import { CSV_ENCODINGS } from '../../inputs/encoding';

/** The file formats an import reads. */
export const importFormat = z.enum(['csv', 'tsv', 'parquet', 'json', 'jsonl']);
export type ImportFormat = z.infer<typeof importFormat>;

/** How a CSV file is written. Every part left out is detected from the file (see csv-plan.ts). */
export const csvDialect = z
  .object({
    delimiter: z.string().max(4).optional(),
    /** `''`: no quoting. */
    quote: z.string().max(1).optional(),
    escape: z.string().max(1).optional(),
    header: z.boolean().optional(),
    /** Header rows (the names come from the first); more than one for a units row under the names. */
    headerRows: z.number().int().min(1).max(10).optional(),
    /** Lines before the header (a preamble). */
    skipRows: z.number().int().min(0).optional(),
    nullString: z.string().optional(),
    /** A strptime pattern such as `%d/%m/%Y`: picks day/month against month/day order. */
    dateFormat: z.string().optional(),
    /** Columns read as text whatever they look like (keeps leading zeros in ids). */
    textColumns: z.array(z.string()).optional(),
    encoding: z.enum(CSV_ENCODINGS).optional(),
    maxLineSize: z.number().int().positive().optional(),
    /**
     * Rows that do not fit the dialect: `pad` (the default) pads rows with too few fields with NULLs and leaves out
     * rows with too many or a broken quote; `reject` leaves out both; `fail` stops at the first, naming its line.
     */
    badRows: z.enum(['pad', 'reject', 'fail']).optional(),
  })
  .strict();

/** A CSV dialect as the import block's params hold it (every part optional: left out, it is detected). */
export type CsvDialect = z.input<typeof csvDialect>;
