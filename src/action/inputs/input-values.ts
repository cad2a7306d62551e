import { UserError } from '../../util/errors.js';

/** Reads one input by its action.yml name; empty string when unset. */
export type InputReader = (name: string) => string;

/** A multi-line input's entries: trimmed, without blank lines and `#` comments. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** `true` or `false` (any case); empty is false. */
export function boolean(name: string, value: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (normalized === '' || normalized === 'false') return false;
  if (normalized === 'true') return true;
  throw new UserError(name, `'${value}' is not a boolean`, 'write true or false');
}

/** One of the accepted words (any case). */
export function oneOf<T extends string>(name: string, value: string, accepted: readonly T[]): T {
  const found = accepted.find((candidate) => candidate === value.trim().toLowerCase());
  if (found === undefined) {
    throw new UserError(name, `'${value}' is not accepted`, `write one of: ${accepted.join(', ')}`);
  }
  return found;
}
