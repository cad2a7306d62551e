/**
 * RPM version order (rpm's rpmvercmp, rpm 4.18): dnf picks the newest package by it, so repodata sorts
 * and prunes by it. Alphanumeric segments are compared one by one, numbers as numbers and newer than
 * letters; `~` sorts before anything (even the end: `1.0~rc1` < `1.0`), `^` after the end but before
 * any further segment (`1.0` < `1.0^git1` < `1.0.1`).
 */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && isSeparator(a.charAt(i))) i++;
    while (j < b.length && isSeparator(b.charAt(j))) j++;

    const x = a.charAt(i);
    const y = b.charAt(j);
    if (x === '~' || y === '~') {
      if (x !== '~') return 1;
      if (y !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (x === '^' || y === '^') {
      if (x === '') return -1;
      if (y === '') return 1;
      if (x !== '^') return 1;
      if (y !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (x === '' || y === '') break;

    const numeric = isDigit(x);
    const inSegment = numeric ? isDigit : isLetter;
    let iEnd = i;
    let jEnd = j;
    while (iEnd < a.length && inSegment(a.charAt(iEnd))) iEnd++;
    while (jEnd < b.length && inSegment(b.charAt(jEnd))) jEnd++;
    // Segments of different kinds: the numeric one is newer.
    if (jEnd === j) return numeric ? 1 : -1;

    let one = a.slice(i, iEnd);
    let two = b.slice(j, jEnd);
    if (numeric) {
      one = one.replace(/^0+/, '');
      two = two.replace(/^0+/, '');
      if (one.length !== two.length) return one.length > two.length ? 1 : -1;
    }
    if (one !== two) return one < two ? -1 : 1;
    i = iEnd;
    j = jEnd;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export interface Evr {
  /** `0` when the package has none. */
  readonly epoch: string;
  readonly version: string;
  readonly release: string;
}

/** Epoch as a number, then version, then release. */
export function compareEvr(a: Evr, b: Evr): number {
  const epochs = Number(a.epoch || '0') - Number(b.epoch || '0');
  if (epochs !== 0) return Math.sign(epochs);
  return rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release);
}

/** `[epoch:]version-release`, the epoch shown only when not 0, as `rpm -q --qf '%{EVR}'` does. */
export function evrString(evr: Evr): string {
  const epoch = evr.epoch && evr.epoch !== '0' ? `${evr.epoch}:` : '';
  return `${epoch}${evr.version}-${evr.release}`;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
const isSeparator = (c: string): boolean => !isDigit(c) && !isLetter(c) && c !== '~' && c !== '^';
