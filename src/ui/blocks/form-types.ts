import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { Column } from '../../engine/blocks/contract';
import type { RunFacts } from '../../engine/blocks/contract';
import type { TableProfile } from '../../engine/profile/types';
import type { BlockKind, blockRegistry } from '../../engine/blocks/registry';

/** A form's parameter value: what the user is editing, which may not be valid yet. */
export type FormParams<K extends BlockKind> = z.input<(typeof blockRegistry)[K]['params']>;

/** A problem with the current params, from the block's zod schema, by path (`keys.0.left`), in the form's words. */
export interface FormIssue {
  path: string;
  message: string;
  /** The catalog code the message stands for (E_PARAMS_INVALID), shown beside it. */
  code: string;
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

/** A block's params as its kind's schema gives them (defaults filled in). */
export type ParamsOf<K extends BlockKind> = z.output<(typeof blockRegistry)[K]['params']>;

/** What a block of kind K reports about its run (its definition's `report`). */
export type ReportOf<K extends BlockKind> = (typeof blockRegistry)[K] extends { report?: (facts: RunFacts) => infer R } ? Exclude<Awaited<R>, undefined> : never;

/** The extra tab of the bottom panel a model block gets: a training's progress and model, or an evaluation's crosstab. */
export interface ModelTab {
  kind: 'training' | 'evaluation';
  label: string;
  /** Shown first when the block is selected. */
  byDefault: boolean;
  /** An evaluation's error distances in words of its rating scale ("within half a star"). */
  distances?: DistanceNames;
}

/** What an evaluation calls predictions 0, ≤ 1, ≤ 2 and more than 2 steps of its rating scale away. */
export interface DistanceNames {
  exact: string;
  withinOne: string;
  withinTwo: string;
  further: string;
}

/** What the studio shows of a block's report besides its rows, for the kinds that have something to show. */
export interface BlockResultViews<K extends BlockKind> {
  /** A notice above the preview (an import: how it read a messy CSV file). */
  Banner?: ComponentType<{ report: ReportOf<K>; blockId: string }>;
  /** The model tab the block gets with these params, if any. */
  modelTab?(params: ParamsOf<K>): ModelTab | undefined;
}

export type BlockResultViewRegistry = { [K in BlockKind]?: BlockResultViews<K> };

/** What the studio knows of the tables arriving at a block, for settings read from the data. */
export interface InputFacts {
  /** The columns arriving at each input port. */
  columns: Record<string, Column[]>;
  /** A profile of the table arriving at a port (min, max, frequent values), or undefined when it cannot be had. */
  profile(port: string): Promise<TableProfile | undefined>;
}

/** What a kind says about a block beyond its form: settings read from its inputs, and a title from what it does. */
export interface BlockHooks<K extends BlockKind> {
  /**
   * Settings read from the inputs, for a block the user has not touched: only what the data makes certain (a key
   * both sides share, a column named `rating`); undefined leaves the form asking.
   */
  suggest?(facts: InputFacts, params: ParamsOf<K>): Promise<Partial<ParamsOf<K>> | undefined>;
  /** A title from what the block does with these settings (`Join on movieId`); undefined: the kind's title. */
  describe?(params: ParamsOf<K>): string | undefined;
  /**
   * What the block's card counts once it has run, where its main table's rows mean little (`30,000 rows scored`,
   * `610 users · 9,724 items`); undefined: its rows.
   */
  cardCount?(result: CardFacts<K>): string | undefined;
}

/** What a block's card knows of its last run. */
export interface CardFacts<K extends BlockKind> {
  rows: number | undefined;
  report: ReportOf<K> | undefined;
}

export type BlockHookRegistry = { [K in BlockKind]?: BlockHooks<K> };
