import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { Column } from '../../engine/blocks/contract';
import type { BlockKind, blockRegistry } from '../../engine/blocks/registry';

/** A form's parameter value: what the user is editing, which may not be valid yet. */
export type FormParams<K extends BlockKind> = z.input<(typeof blockRegistry)[K]['params']>;

/** A problem with the current params, from the block's zod schema, by path (`keys.0.left`). */
export interface FormIssue {
  path: string;
  message: string;
}

export interface BlockFormProps<K extends BlockKind> {
  blockId: string;
  params: FormParams<K>;
  /** Every edit goes through here; the inspector validates it and records it for undo. */
  onChange(next: FormParams<K>): void;
  /** Upstream output columns by input port (empty until the upstream block has run). */
  inputs: Record<string, Column[]>;
  issues: FormIssue[];
}

/** One form per block kind: a kind without a form does not compile. */
export type BlockFormRegistry = { [K in BlockKind]: ComponentType<BlockFormProps<K>> };
