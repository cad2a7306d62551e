import { describe, expect, it } from 'vitest';
import { refusal, registryErrors } from '../../src/registry/refusal.js';
import type { Reply } from '../../src/registry/transport.js';

const reply = (statusCode: number, errors: unknown): Reply => ({
  statusCode,
  headers: {},
  url: 'https://registry.example/v2/',
  body: Buffer.from(JSON.stringify({ errors })),
});

const context = {
  subject: 'registry.example/falcosecurity/falco:0.40.0',
  doing: 'storing the manifest',
  remedy: 'check registry-username, registry-password and their permissions',
  redact: (text: string) => text.split('s3cr3t').join('***'),
};

describe('refusal', () => {
  it.each<[status: number, code: string, message: RegExp, remedy: string | undefined]>([
    [
      401,
      'UNAUTHORIZED',
      /refused storing the manifest \(HTTP 401 UNAUTHORIZED: m\)$/,
      'check registry-username, registry-password and their permissions',
    ],
    [
      403,
      'DENIED',
      /refused storing the manifest \(HTTP 403 DENIED: m\)$/,
      'check registry-username, registry-password and their permissions',
    ],
    [
      404,
      'NAME_UNKNOWN',
      /does not know it: storing the manifest failed \(HTTP 404 NAME_UNKNOWN: m\)$/,
      'check the repository name and the reference',
    ],
    [400, 'MANIFEST_INVALID', /rejected storing the manifest \(HTTP 400 MANIFEST_INVALID: m\)$/, undefined],
    [
      503,
      'UNAVAILABLE',
      /failed storing the manifest \(HTTP 503 UNAVAILABLE: m\)$/,
      'retry the workflow; if it persists, check the registry',
    ],
  ])('HTTP %i %s', (status, code, message, remedy) => {
    const error = refusal(reply(status, [{ code, message: 'm' }]), context);
    expect(error.subject).toBe(context.subject);
    expect(error.problem).toMatch(message);
    expect(error.remedy).toBe(remedy);
  });

  it('keeps secrets the registry echoed out of the message', () => {
    const error = refusal(reply(401, [{ code: 'UNAUTHORIZED', message: 'bad password s3cr3t' }]), context);
    expect(error.message).not.toContain('s3cr3t');
    expect(error.message).toContain('bad password ***');
  });

  it('reads several errors, and nothing from a body that is not the registry error format', () => {
    expect(registryErrors(Buffer.from('{"errors":[{"code":"A","message":"a"},{"code":"B"}]}'))).toBe(
      'A: a; B',
    );
    expect(registryErrors(Buffer.from('<html>bad gateway</html>'))).toBe('');
    expect(registryErrors(Buffer.from('{"errors":"nope"}'))).toBe('');
  });
});
