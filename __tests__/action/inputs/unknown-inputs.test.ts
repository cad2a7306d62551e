import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../../src/action/inputs/edit-distance.js';
import { INPUT_NAMES } from '../../../src/action/inputs/input-names.js';
import { rejectUnknownInputs } from '../../../src/action/inputs/unknown-inputs.js';
import { UserError } from '../../../src/util/errors.js';

/** The message rejectUnknownInputs throws for `env`, or '' when it accepts it. */
function rejection(env: NodeJS.ProcessEnv): string {
  try {
    rejectUnknownInputs(env);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  }
}

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('dry_run', 'dry-run')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'ref')).toBe(3);
    expect(editDistance('ref', 'ref')).toBe(0);
  });

  it('suggests only a name near enough to be a typo', () => {
    expect(closest('dryrun', INPUT_NAMES)).toBe('dry-run');
    expect(closest('signing_key', INPUT_NAMES)).toBe('signing-key');
    expect(closest('token', INPUT_NAMES)).toBeUndefined();
    expect(closest('npm-auth-key', INPUT_NAMES)).toBeUndefined();
  });
});

describe('unknown inputs', () => {
  it('names the closest valid input of a misspelt one', () => {
    expect(rejection({ INPUT_DRY_RUN: 'true' })).toBe(
      'dry_run: is not an input of this action — did you mean dry-run?',
    );
    expect(rejection({ INPUT_PACKAGE_HOST: 's3://bucket', INPUT_REF: 'refs/tags/1.0.0' })).toBe(
      'package_host: is not an input of this action — did you mean package-host?',
    );
    expect(rejection({ INPUT_IMAGE: 'falco:build falcosecurity/falco' })).toBe(
      'image: is not an input of this action — did you mean images?',
    );
  });

  it('lists the inputs when no name is near', () => {
    expect(rejection({ INPUT_TOKEN: 'x' })).toBe(
      `token: is not an input of this action — its inputs are ${INPUT_NAMES.join(', ')}`,
    );
  });

  it('accepts every input as a runner passes it, and other variables', () => {
    const env = Object.fromEntries(INPUT_NAMES.map((name) => [`INPUT_${name.toUpperCase()}`, '']));
    expect(rejection({ ...env, GITHUB_REF: 'refs/tags/1.0.0', INPUTS: 'x', PATH: '/usr/bin' })).toBe('');
  });
});
