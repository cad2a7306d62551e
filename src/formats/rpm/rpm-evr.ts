export interface Evr {
  readonly epoch?: string;
  readonly version?: string;
  readonly release?: string;
}

/**
 * Splits a dependency version ("1:2.3-4") the way createrepo_c does for repodata: the epoch before
 * the first `:` ("0" when there is none, so `= 2.3` reads as epoch 0), the version up to the first
 * `-`, the release after it. Empty text gives an empty Evr; a non-numeric epoch gives undefined
 * (createrepo_c then leaves the dependency out).
 */
export function splitEvr(text: string): Evr | undefined {
  if (text === '') return {};
  const colon = text.indexOf(':');
  const epochText = colon < 0 ? '' : text.slice(0, colon);
  // strtol's idea of a number, which is what createrepo_c checks: blanks, a sign, digits.
  if (epochText !== '' && !/^[ \t\n\v\f\r]*[+-]?\d+$/.test(epochText)) return undefined;
  const rest = text.slice(colon + 1);
  const dash = rest.indexOf('-');
  const version = dash < 0 ? rest : rest.slice(0, dash);
  const release = dash < 0 ? '' : rest.slice(dash + 1);
  return { epoch: epochText || '0', version, ...(release ? { release } : {}) };
}
