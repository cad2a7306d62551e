/** A `WWW-Authenticate` challenge: the scheme and its parameters (realm, service, scope…). */
export interface Challenge {
  readonly scheme: 'basic' | 'bearer';
  readonly params: Readonly<Record<string, string>>;
}

/** Parses the first Basic or Bearer challenge of a `WWW-Authenticate` header; undefined if none. */
export function parseChallenge(header: string | undefined): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*(basic|bearer)\b\s*(.*)$/i.exec(header);
  if (!match) return undefined;
  const scheme = (match[1] ?? '').toLowerCase() as Challenge['scheme'];
  const params: Record<string, string> = {};
  // key="quoted, value" or key=token, separated by commas.
  for (const param of (match[2] ?? '').matchAll(/([a-zA-Z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    const key = (param[1] ?? '').toLowerCase();
    params[key] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : (param[3] ?? '');
  }
  return { scheme, params };
}
