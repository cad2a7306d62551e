// Loaded by the entry before the rest of the bundle: syntax and APIs of Node 16, so that an older Node
// reads this and says what it needs instead of failing on a newer API further in.

/** The oldest Node.js major version the action runs on: action.yml's `node24` runtime. */
export const NEEDED_NODE_MAJOR = 24;

/** Why this Node cannot run the action, as one line; undefined when it can. */
export function nodeVersionProblem(version: string, execPath: string): string | undefined {
  const major = Number(version.split('.')[0]);
  if (major >= NEEDED_NODE_MAJOR) return undefined;
  return (
    `The Falco release publisher needs Node.js ${NEEDED_NODE_MAJOR} or later (the action's runtime is ` +
    `node${NEEDED_NODE_MAJOR}); this is Node.js ${version} at ${execPath}.`
  );
}

/** A failure line as a step shows it: the `::error::` command on a runner, a plain line elsewhere. */
export function failureLine(message: string, onRunner: boolean): string {
  if (!onRunner) return `Error: ${message}`;
  const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::error::${escaped}`;
}
