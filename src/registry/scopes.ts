/**
 * Token scopes (`repository:ns/name:pull,push`), as Docker's token protocol names them. A request
 * needs a set of them: a push needs `pull,push` on its repository, a mount also `pull` on the source.
 */

export function pullScope(name: string): string {
  return `repository:${name}:pull`;
}

export function pushScope(name: string): string {
  return `repository:${name}:pull,push`;
}

/** Resource ("repository:ns/name") → actions. The name may hold ':' (never the actions): split at the last one. */
function parse(scopes: readonly string[]): Map<string, Set<string>> {
  const resources = new Map<string, Set<string>>();
  for (const scope of scopes) {
    const last = scope.lastIndexOf(':');
    const resource = last > 0 ? scope.slice(0, last) : scope;
    const actions = last > 0 ? scope.slice(last + 1).split(',') : [];
    const set = resources.get(resource) ?? new Set<string>();
    for (const action of actions) if (action !== '') set.add(action);
    resources.set(resource, set);
  }
  return resources;
}

/** One scope per resource with all its actions, in a stable order: the same need gives the same list. */
export function mergeScopes(scopes: readonly string[]): string[] {
  return [...parse(scopes)]
    .map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`)
    .sort();
}

/** True when a token asked for `granted` serves a request that needs `wanted`. */
export function covers(granted: readonly string[], wanted: readonly string[]): boolean {
  const have = parse(granted);
  for (const [resource, actions] of parse(wanted)) {
    const held = have.get(resource);
    if (!held) return false;
    for (const action of actions) if (!held.has(action)) return false;
  }
  return true;
}
