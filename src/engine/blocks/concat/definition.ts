import { z } from 'zod';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { ColumnNameSet } from '../columns';
import { defineBlock, SINGLE_OUT } from '../contract';

const params = z
  .object({
    /** How many inputs: ports `in1` … `inN`. */
    inputs: z.number().int().min(2).max(4).default(2),
    /** Drops duplicate rows from the result (with a source column, rows from different inputs are never duplicates). */
    distinct: z.boolean().default(false),
    /** Adds this column, holding the port each row came from (`in1`, `in2`, …). */
    sourceColumn: z.string().min(1).optional(),
  })
  .strict();

/** The input port names for a number of inputs. */
export function concatPorts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `in${i + 1}`);
}

export const concatBlock = defineBlock({
  kind: 'concat',
  family: 'combine',
  title: 'Concatenate',
  description: 'Stacks the rows of 2–4 inputs, matching columns by name; a column missing from an input is NULL there.',
  params,
  inputs: (p) => concatPorts(p.inputs),
  outputs: () => SINGLE_OUT,
  compile({ params: p, inputs }) {
    const ports = concatPorts(p.inputs);
    const source = p.sourceColumn;
    if (source !== undefined) {
      for (const port of ports) ColumnNameSet.of(inputs[port]!).add(source, `It is the source column, and input ${port} has it.`);
    }
    const parts = ports.map((port) => {
      const tag = source === undefined ? '' : `, ${quoteLiteral(port)} AS ${quoteIdent(source)}`;
      return `SELECT *${tag} FROM ${inputs[port]!.ref}`;
    });
    const union = parts.join(p.distinct ? ' UNION BY NAME ' : ' UNION ALL BY NAME ');
    // BY NAME orders columns as first seen, which would put the source column amid the inputs' columns; it goes last.
    const select = source === undefined ? union : `SELECT * EXCLUDE (${quoteIdent(source)}), ${quoteIdent(source)} FROM (${union})`;
    return { select };
  },
});
