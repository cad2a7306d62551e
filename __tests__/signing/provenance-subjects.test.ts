import { describe, expect, it } from 'vitest';
import type { Subject } from '../../src/signing/in-toto.js';
import { imageSubject, packageSubject, sortedSubjects } from '../../src/signing/provenance-subjects.js';
import { DEB_SHA256, FALCO_IMAGE_DIGEST } from './provenance-fixture.js';

const subject = (name: string, sha256: string): Subject => ({ name, digest: { sha256 } });

describe('imageSubject', () => {
  it('names an image by registry and repository, without a tag, with the digest hex', () => {
    expect(imageSubject('ghcr.io', 'falcosecurity/falco-driver-loader', FALCO_IMAGE_DIGEST)).toStrictEqual(
      subject('ghcr.io/falcosecurity/falco-driver-loader', '1f'.repeat(32)),
    );
  });

  it('names Docker Hub docker.io, whichever of its hosts the target was given as', () => {
    for (const host of ['docker.io', 'index.docker.io', 'Index.Docker.IO']) {
      expect(imageSubject(host, 'falcosecurity/falco', FALCO_IMAGE_DIGEST).name).toBe(
        'docker.io/falcosecurity/falco',
      );
    }
  });

  it('keeps a registry port and writes the name in lower case', () => {
    expect(imageSubject('Registry.Example:5000', 'falcosecurity/falco', FALCO_IMAGE_DIGEST).name).toBe(
      'registry.example:5000/falcosecurity/falco',
    );
  });

  it.each([
    ['a bare hex digest', '1f'.repeat(32)],
    ['a sha512 digest', `sha512:${'1f'.repeat(64)}`],
    ['a short digest', 'sha256:1f1f'],
    ['an upper-case digest', `sha256:${'1F'.repeat(32)}`],
  ])('refuses %s', (_, digest) => {
    expect(() => imageSubject('docker.io', 'falcosecurity/falco', digest)).toThrow(/needs a sha256 digest/);
  });
});

describe('packageSubject', () => {
  it('names a package by its file name alone', () => {
    expect(packageSubject('/home/runner/work/falco/build/falco-0.39.0-x86_64.deb', DEB_SHA256)).toStrictEqual(
      subject('falco-0.39.0-x86_64.deb', DEB_SHA256),
    );
    expect(packageSubject('falco-0.39.0-x86_64.tar.gz', DEB_SHA256).name).toBe('falco-0.39.0-x86_64.tar.gz');
  });

  it('refuses a digest that is not sha256 hex', () => {
    expect(() => packageSubject('falco.deb', `sha256:${DEB_SHA256}`)).toThrow(/needs a sha256 digest/);
  });
});

describe('sortedSubjects', () => {
  it('keeps one of each name and digest, sorted by name then digest', () => {
    const a1 = subject('a', '01'.repeat(32));
    const a2 = subject('a', '02'.repeat(32));
    const b1 = subject('b', '01'.repeat(32));
    expect(sortedSubjects([b1, a2, a1, b1, subject('a', '02'.repeat(32))])).toStrictEqual([a1, a2, b1]);
  });

  it('sorts by code units, so a name sorts before its longer forms and capitals before small letters', () => {
    const names = sortedSubjects(
      ['falco-x', 'Falco', 'falco', 'falco-'].map((name) => subject(name, DEB_SHA256)),
    );
    expect(names.map((s) => s.name)).toStrictEqual(['Falco', 'falco', 'falco-', 'falco-x']);
  });

  it('leaves the list it was given as it was', () => {
    const given = [subject('b', DEB_SHA256), subject('a', DEB_SHA256)];
    sortedSubjects(given);
    expect(given.map((s) => s.name)).toStrictEqual(['b', 'a']);
  });
});
