import { describe, expect, it } from 'vitest';
import { readInputs, type InputReader } from '../../../src/action/inputs.js';
import { readHostCredentials } from '../../../src/action/inputs/host-credential-inputs.js';
import { userErrorOf } from '../../fixtures/errors.js';

function reader(values: Readonly<Record<string, string>>): InputReader {
  return (name) => values[name] ?? '';
}

const HTTPS = { packages: 'build/*', 'package-host': 'https://repo.example.com/artifactory/falco' };
const read = (values: Record<string, string>) =>
  readInputs(reader({ ref: 'refs/tags/0.26.0', ...values }), { GITHUB_WORKSPACE: '/w' });

describe('readHostCredentials', () => {
  it('reads a user and password as Basic, a token as Bearer, nothing as none', () => {
    expect(
      readHostCredentials(reader({ 'package-host-username': ' deployer ', 'package-host-password': 'p w' })),
    ).toEqual({ kind: 'basic', username: 'deployer', password: 'p w' });
    expect(readHostCredentials(reader({ 'package-host-token': 'tok' }))).toEqual({
      kind: 'bearer',
      token: 'tok',
    });
    expect(readHostCredentials(reader({}))).toBeUndefined();
  });

  it.each<[Record<string, string>, string, string]>([
    [
      { 'package-host-username': 'deployer' },
      'package-host-password',
      'is empty but package-host-username is set',
    ],
    [
      { 'package-host-password': 'secret-1' },
      'package-host-username',
      'is empty but package-host-password is set',
    ],
    [
      { 'package-host-token': 'tok', 'package-host-password': 'secret-1' },
      'package-host-token',
      'is set together with package-host-username / package-host-password',
    ],
    [
      { 'package-host-username': 'a:b', 'package-host-password': 'secret-1' },
      'package-host-username',
      'contains a colon, which HTTP Basic authentication cannot carry',
    ],
  ])('refuses %j, naming %s', (values, subject, problem) => {
    const error = userErrorOf(() => readHostCredentials(reader(values)));
    expect(error.subject).toBe(subject);
    expect(error.problem).toBe(problem);
    expect(error.message).not.toContain('secret-1');
  });
});

describe('the inputs of an http(s):// package host', () => {
  it('give the host, its credentials and serialized', () => {
    const config = read({
      ...HTTPS,
      'package-host-username': 'deployer',
      'package-host-password': 'pw',
      serialized: 'true',
      'package-host-insecure': 'false',
    });
    expect(config.packageHost).toEqual({ kind: 'http', url: 'https://repo.example.com/artifactory/falco/' });
    expect(config.packageHostCredentials).toEqual({ kind: 'basic', username: 'deployer', password: 'pw' });
    expect(config.serialized).toBe(true);
  });

  it('take plain http on loopback as it is, and off loopback only with package-host-insecure', () => {
    expect(read({ packages: 'b/*', 'package-host': 'http://127.0.0.1:8080/dav' }).packageHost).toEqual({
      kind: 'http',
      url: 'http://127.0.0.1:8080/dav/',
    });
    const offLoopback = { packages: 'b/*', 'package-host': 'http://repo.internal/falco' };
    const error = userErrorOf(() => read(offLoopback));
    expect(error.subject).toBe('package-host');
    expect(error.remedy).toContain('package-host-insecure: true');
    expect(read({ ...offLoopback, 'package-host-insecure': 'true' }).packageHost).toEqual({
      kind: 'http',
      url: 'http://repo.internal/falco/',
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ packages: 'b/*', 'package-host': './out', 'package-host-insecure': 'true' }, 'package-host-insecure'],
    [
      { packages: 'b/*', 'package-host': 's3://falco-distribution/p', 'package-host-token': 'tok-0' },
      'package-host-token',
    ],
    [
      {
        packages: 'b/*',
        'package-host': './out',
        'package-host-username': 'u',
        'package-host-password': 'secret-2',
      },
      'package-host-username / package-host-password',
    ],
    [{ ...HTTPS, 's3-region': 'us-east-1' }, 's3-region'],
  ])('refuse inputs another host does not take: %j', (values, subject) => {
    const error = userErrorOf(() => read(values));
    expect(error.subject).toBe(subject);
    expect(error.message).not.toContain('secret-2');
  });
});
