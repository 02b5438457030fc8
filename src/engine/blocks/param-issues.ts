import type { z } from 'zod';
import type { FieldHolds, FieldWords, ParamPath, ParamWords } from './param-words';

/**
 * A schema problem with a block's settings as a sentence in the user's words. zod's own messages name types and
 * lengths ("Too small: expected string to have >=1 characters"); these name the field the form shows and say what to
 * do. Only issues without a message of their own get here: a schema's custom message (a refine's, a regex's) is kept.
 */
export interface SettingIssue {
  code?: string;
  path?: ParamPath;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  input?: unknown;
  values?: readonly unknown[];
  options?: readonly unknown[];
  keys?: readonly string[];
  divisor?: number | bigint;
}

/** `userColumn` → `User column`: the words a path key gives when the kind has none for it. */
function labelFromKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function holdsFromKey(key: string): FieldHolds | undefined {
  if (/(^c|C)olumns$|^(groupBy|orderBy|by)$/.test(key)) return 'columns';
  if (/(^c|C)olumn$|^(left|right|anchor|from)$/.test(key)) return 'column';
  return undefined;
}

/** The words for the setting at `path`: the kind's, else those of the list it is an item of, else its key's. */
export function wordsAt(path: ParamPath, params: unknown, kindWords?: ParamWords): FieldWords {
  const own = kindWords?.(path, params);
  if (own) return own;
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = wordsAt(path.slice(0, -1), params, kindWords);
    if (list.holds === 'columns') return { label: list.label, holds: 'column' };
    return { label: `${list.label} (item ${last + 1})` };
  }
  const key = typeof last === 'string' ? last : '';
  if (key === '') return { label: 'The settings' };
  const holds = holdsFromKey(key);
  return { label: labelFromKey(key), ...(holds ? { holds } : {}) };
}

const quoted = (label: string) => `“${label}”`;
const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
const list = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? `“${v}”` : String(v))).join(', ');

/** What to say when a setting is empty or missing. */
function askFor(words: FieldWords, origin: string | undefined): string {
  if (words.empty) return words.empty;
  switch (words.holds ?? (origin === 'array' ? 'list' : undefined)) {
    case 'column':
      return 'Choose a column';
    case 'columns':
      return 'Choose at least one column';
    case 'name':
      return `Type a name in ${quoted(words.label)}`;
    case 'expression':
      return `Write ${lower(words.label)}`;
    case 'number':
      return `Enter a number in ${quoted(words.label)}`;
    case 'choice':
      return `Choose ${lower(words.label)}`;
    case 'list':
      return `Add at least one entry to ${quoted(words.label)}`;
    default:
      return `Fill in ${quoted(words.label)}`;
  }
}

function tooSmall(issue: SettingIssue, words: FieldWords): string {
  const min = Number(issue.minimum);
  const label = quoted(words.label);
  if (issue.origin === 'string') return min <= 1 ? askFor(words, 'string') : `${label} needs at least ${min} characters`;
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (min <= 1) return askFor(words, 'array');
    return words.holds === 'columns' ? `Choose at least ${min} columns` : `${label} needs at least ${min} entries`;
  }
  if (issue.origin === 'date') return `${label} must be on or after ${String(issue.minimum)}`;
  return issue.inclusive === false ? `${label} must be more than ${min}` : `${label} must be at least ${min}`;
}

function tooBig(issue: SettingIssue, words: FieldWords): string {
  const max = Number(issue.maximum);
  const label = quoted(words.label);
  if (issue.origin === 'string') return `${label} takes at most ${max} characters`;
  if (issue.origin === 'array' || issue.origin === 'set') return words.holds === 'columns' ? `Choose at most ${max} columns` : `${label} takes at most ${max} entries`;
  return issue.inclusive === false ? `${label} must be less than ${max}` : `${label} must be at most ${max}`;
}

function wrongType(issue: SettingIssue, words: FieldWords): string {
  const label = quoted(words.label);
  if (issue.input === undefined || issue.input === null || issue.input === '') return askFor(words, issue.expected === 'array' ? 'array' : undefined);
  switch (issue.expected) {
    case 'int':
      return `${label} must be a whole number`;
    case 'number':
      return typeof issue.input === 'number' ? `${label} must be a finite number` : `${label} needs a number`;
    case 'string':
      return `${label} needs text`;
    case 'boolean':
      return `${label} is either on or off`;
    case 'array':
      return `${label} needs a list`;
    default:
      return `${label} has the wrong kind of value`;
  }
}

/** The sentence for one schema issue about a block's settings. */
export function settingIssueMessage(issue: SettingIssue, params: unknown, kindWords?: ParamWords): string {
  const path = issue.path ?? [];
  const words = wordsAt(path, params, kindWords);
  const label = quoted(words.label);
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue, words);
    case 'too_big':
      return tooBig(issue, words);
    case 'invalid_type':
      return wrongType(issue, words);
    case 'invalid_value':
      return `${label} must be one of ${list(issue.values ?? [])}`;
    case 'invalid_union':
      return issue.options?.length ? `${label} must be one of ${list(issue.options)}` : `${label} is not one of the forms it can take`;
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      return `${keys.length === 1 ? 'Unknown setting' : 'Unknown settings'} ${list(keys)}${path.length > 0 ? ` in ${lower(words.label)}` : ''}: remove ${keys.length === 1 ? 'it' : 'them'}`;
    }
    case 'not_multiple_of':
      return `${label} must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      return `${label} is not in the form it needs`;
    default:
      return `${label} is not valid`;
  }
}

/**
 * zod's per-parse error map for a block's settings. zod asks it only for issues the schema gave no message of its
 * own, so a kind's custom wording wins. `base` is where the params sit in the value being parsed (a flow's
 * `blocks.3.params`): issue paths are made relative to it.
 */
export function settingsErrorMap(params: unknown, kindWords?: ParamWords, base: ParamPath = []): z.core.$ZodErrorMap {
  return (issue) => {
    const path = (issue.path ?? []).slice(base.length);
    return settingIssueMessage({ ...(issue as SettingIssue), path }, params, kindWords);
  };
}

/** A kind's params schema and words: what parseSettings needs of a definition. */
interface SettingsOf<P> {
  params: z.ZodType<P, unknown>;
  paramWords?: ParamWords;
}

/** Parses a block's settings with its kind's schema; the issues read in the user's words. */
export function parseSettings<P>(def: SettingsOf<P>, value: unknown): z.ZodSafeParseResult<P> {
  return def.params.safeParse(value, { error: settingsErrorMap(value, def.paramWords) });
}
