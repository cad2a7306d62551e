import { UserError } from '../../util/errors.js';
import { closest } from './edit-distance.js';
import { INPUT_NAMES } from './input-names.js';

/** The variable a runner passes an input in: `INPUT_` and the name uppercased, spaces as `_`. */
function variableOf(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

const KNOWN = new Set(INPUT_NAMES.map(variableOf));

/**
 * Refuses an `INPUT_*` variable that names no input: a misspelt `with:` key (`dry_run`) only earns a
 * warning from the runner, and the run would otherwise go on as if it was not set (publishing for real).
 */
export function rejectUnknownInputs(env: NodeJS.ProcessEnv): void {
  const unknown = Object.keys(env)
    .filter((variable) => variable.toUpperCase().startsWith('INPUT_') && !KNOWN.has(variable.toUpperCase()))
    .map((variable) => variable.slice('INPUT_'.length).toLowerCase())
    .sort();
  const name = unknown[0];
  if (name === undefined) return;
  const suggestion = closest(name, INPUT_NAMES);
  throw new UserError(
    name,
    'is not an input of this action',
    suggestion === undefined ? `its inputs are ${INPUT_NAMES.join(', ')}` : `did you mean ${suggestion}?`,
  );
}
