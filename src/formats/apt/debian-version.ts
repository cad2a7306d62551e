/**
 * Debian version order, as dpkg implements it (lib/dpkg/version.c): APT picks the candidate by this
 * order, so the indexes sort and prune by it too. Plain string or semver order gets it wrong:
 * `1.0~rc1` is older than `1.0`, `1:0.1` is newer than `2.0`.
 */
export interface DebianVersion {
  readonly epoch: number;
  readonly upstream: string;
  /** Empty when the version has no `-`: dpkg then compares it equal to `0`. */
  readonly revision: string;
}

/**
 * Why `version` cannot be ordered (the epoch is not a number, the upstream version is empty);
 * undefined when it can. A package's Version is checked with this when it is read, so that the
 * comparisons of an index update never meet a version they cannot order.
 */
export function debianVersionProblem(version: string): string | undefined {
  const text = version.trim();
  const colon = text.indexOf(':');
  if (colon >= 0 && !/^[0-9]+$/.test(text.slice(0, colon))) return 'the epoch is not a number';
  const rest = text.slice(colon + 1);
  const hyphen = rest.lastIndexOf('-');
  if ((hyphen >= 0 ? rest.slice(0, hyphen) : rest) === '') return 'the upstream version is empty';
  return undefined;
}

export function parseDebianVersion(version: string): DebianVersion {
  // Versions reach the comparisons checked (debianVersionProblem): one that fails here is a defect.
  const problem = debianVersionProblem(version);
  if (problem !== undefined) throw new Error(`Debian version '${version}': ${problem}`);
  const text = version.trim();
  const colon = text.indexOf(':');
  const epoch = colon >= 0 ? Number(text.slice(0, colon)) : 0;
  const rest = text.slice(colon + 1);
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  return { epoch, upstream, revision: hyphen >= 0 ? rest.slice(hyphen + 1) : '' };
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
export function compareDebianVersions(a: string, b: string): number {
  const left = parseDebianVersion(a);
  const right = parseDebianVersion(b);
  if (left.epoch !== right.epoch) return left.epoch < right.epoch ? -1 : 1;
  return Math.sign(verrevcmp(left.upstream, right.upstream) || verrevcmp(left.revision, right.revision));
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

/** dpkg's weight of a non-digit character: `~` before the end of the string, letters before the rest. */
function order(c: string): number {
  if (c === '' || isDigit(c)) return 0;
  if (isLetter(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** Alternates non-digit runs (compared by `order`) and digit runs (compared as numbers). */
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const at = (s: string, k: number): string => s.charAt(k);
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(at(a, i))) || (j < b.length && !isDigit(at(b, j)))) {
      const difference = order(at(a, i)) - order(at(b, j));
      if (difference !== 0) return difference;
      i++;
      j++;
    }
    while (at(a, i) === '0') i++;
    while (at(b, j) === '0') j++;
    let firstDifference = 0;
    while (isDigit(at(a, i)) && isDigit(at(b, j))) {
      if (firstDifference === 0) firstDifference = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(at(a, i))) return 1;
    if (isDigit(at(b, j))) return -1;
    if (firstDifference !== 0) return firstDifference;
  }
  return 0;
}
