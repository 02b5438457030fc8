/** What a translation learned on the way: non-deterministic functions it kept, and where it approximated Spark. */
export interface TranslationNotes {
  /** Function names whose value changes from run to run (current_timestamp, rand, …). */
  nondeterministic: Set<string>;
  /** One line per knowing approximation, e.g. "rand(seed): the seed is not honoured". */
  approximations: Set<string>;
}

export function newNotes(): TranslationNotes {
  return { nondeterministic: new Set(), approximations: new Set() };
}

export function mergeNotes(into: TranslationNotes, from: TranslationNotes): void {
  from.nondeterministic.forEach((n) => into.nondeterministic.add(n));
  from.approximations.forEach((n) => into.approximations.add(n));
}
