/** A `WWW-Authenticate` challenge: the scheme and its parameters (realm, service, scope…). */
export interface Challenge {
  readonly scheme: 'basic' | 'bearer';
  readonly params: Readonly<Record<string, string>>;
}

// One header may hold several challenges: `Digest realm="x", Bearer realm="y",service="z"`.
// A parameter is `key=value` or `key="quoted, value"`; a scheme is a token not followed by `=`.
const PARAM = /[\s,]*([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/y;
const SCHEME = /[\s,]*([A-Za-z][\w-]*)(?=[\s,]|$)/y;

/** Parses the first Basic or Bearer challenge of a `WWW-Authenticate` header; undefined if none. */
export function parseChallenge(header: string | undefined): Challenge | undefined {
  if (!header) return undefined;
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let position = 0;
  while (position < header.length) {
    PARAM.lastIndex = position;
    const param = PARAM.exec(header);
    const current = challenges.at(-1);
    if (param && current) {
      const value = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : (param[3] ?? '');
      current.params[(param[1] ?? '').toLowerCase()] = value;
      position = PARAM.lastIndex;
      continue;
    }
    SCHEME.lastIndex = position;
    const scheme = SCHEME.exec(header);
    if (!scheme) break;
    challenges.push({ scheme: (scheme[1] ?? '').toLowerCase(), params: {} });
    position = SCHEME.lastIndex;
  }
  const found = challenges.find((c) => c.scheme === 'basic' || c.scheme === 'bearer');
  return found ? { scheme: found.scheme as Challenge['scheme'], params: found.params } : undefined;
}
