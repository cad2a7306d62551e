import { describe, expect, it } from 'vitest';
import { statementBytes } from '../../src/signing/in-toto.js';
import { tokenClaims } from '../../src/signing/provenance-claims.js';
import { runnerContext } from '../../src/signing/provenance-context.js';
import { imageSubject, packageSubject } from '../../src/signing/provenance-subjects.js';
import { provenanceStatement } from '../../src/signing/provenance.js';
import { DEB_SHA256, FALCO_IMAGE_DIGEST, RELEASE_ENV } from './provenance-fixture.js';

const image = imageSubject('docker.io', 'falcosecurity/falco', FALCO_IMAGE_DIGEST);
const deb = packageSubject('/tmp/packages/falco-0.39.0-x86_64.deb', DEB_SHA256);

describe('provenanceStatement', () => {
  it('from the runner variables, is the SLSA v1 workflow provenance of the run', () => {
    expect(provenanceStatement([image, deb], runnerContext(RELEASE_ENV))).toStrictEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [
        { name: 'docker.io/falcosecurity/falco', digest: { sha256: '1f'.repeat(32) } },
        { name: 'falco-0.39.0-x86_64.deb', digest: { sha256: 'ab'.repeat(32) } },
      ],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: {
          buildType: 'https://actions.github.io/buildtypes/workflow/v1',
          externalParameters: {
            workflow: {
              ref: 'refs/tags/0.39.0',
              repository: 'https://github.com/falcosecurity/falco',
              path: '.github/workflows/release.yaml',
            },
          },
          internalParameters: {
            github: {
              event_name: 'release',
              repository_id: '62939340',
              repository_owner_id: '32009367',
              runner_environment: 'github-hosted',
            },
          },
          resolvedDependencies: [
            {
              uri: 'git+https://github.com/falcosecurity/falco@refs/tags/0.39.0',
              digest: { gitCommit: 'a3d7c2f1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5' },
            },
          ],
        },
        runDetails: {
          builder: {
            id: 'https://github.com/falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.39.0',
          },
          metadata: {
            invocationId: 'https://github.com/falcosecurity/falco/actions/runs/11262651489/attempts/2',
          },
        },
      },
    });
  });

  it('with token claims, takes the run from the claims and the builder from the job workflow', () => {
    // The claims of a job that calls a reusable workflow of another repository, on an Enterprise server;
    // the variables say otherwise wherever they can, so every field shows where it came from.
    const claims = tokenClaims({
      iss: 'https://token.actions.example.ghe.com',
      aud: 'sigstore',
      ref: 'refs/tags/0.40.0',
      sha: 'ffffffffffffffffffffffffffffffffffffffff',
      repository: 'acme/falco-fork',
      repository_id: '111',
      repository_owner_id: '222',
      event_name: 'push',
      workflow_ref: 'acme/falco-fork/.github/workflows/publish.yml@refs/tags/0.40.0',
      job_workflow_ref: 'acme/shared/.github/workflows/release.yml@refs/heads/main',
      run_id: '333',
      run_attempt: '1',
      runner_environment: 'self-hosted',
    });
    const env = { ...RELEASE_ENV, GITHUB_SERVER_URL: 'https://example.ghe.com' };
    const { predicate } = provenanceStatement([deb], runnerContext(env, claims));
    expect(predicate.buildDefinition.externalParameters.workflow).toStrictEqual({
      ref: 'refs/tags/0.40.0',
      repository: 'https://example.ghe.com/acme/falco-fork',
      path: '.github/workflows/publish.yml',
    });
    expect(predicate.buildDefinition.internalParameters.github).toStrictEqual({
      event_name: 'push',
      repository_id: '111',
      repository_owner_id: '222',
      runner_environment: 'self-hosted',
    });
    expect(predicate.buildDefinition.resolvedDependencies).toStrictEqual([
      {
        uri: 'git+https://example.ghe.com/acme/falco-fork@refs/tags/0.40.0',
        digest: { gitCommit: 'ffffffffffffffffffffffffffffffffffffffff' },
      },
    ]);
    expect(predicate.runDetails).toStrictEqual({
      builder: { id: 'https://example.ghe.com/acme/shared/.github/workflows/release.yml@refs/heads/main' },
      metadata: { invocationId: 'https://example.ghe.com/acme/falco-fork/actions/runs/333/attempts/1' },
    });
  });

  it('lists each subject once, sorted by name then digest, whatever order they were published in', () => {
    const rpm = packageSubject('out/falco-0.39.0-x86_64.rpm', 'cd'.repeat(32));
    const otherImage = imageSubject('docker.io', 'falcosecurity/falco', `sha256:${'0a'.repeat(32)}`);
    const statement = provenanceStatement(
      [rpm, image, deb, otherImage, rpm, image],
      runnerContext(RELEASE_ENV),
    );
    expect(statement.subject).toStrictEqual([
      { name: 'docker.io/falcosecurity/falco', digest: { sha256: '0a'.repeat(32) } },
      { name: 'docker.io/falcosecurity/falco', digest: { sha256: '1f'.repeat(32) } },
      { name: 'falco-0.39.0-x86_64.deb', digest: { sha256: 'ab'.repeat(32) } },
      { name: 'falco-0.39.0-x86_64.rpm', digest: { sha256: 'cd'.repeat(32) } },
    ]);
    const reordered = provenanceStatement([image, otherImage, deb, rpm], runnerContext(RELEASE_ENV));
    expect(statementBytes(reordered).equals(statementBytes(statement))).toBe(true);
  });

  it('refuses a statement about nothing', () => {
    expect(() => provenanceStatement([], runnerContext(RELEASE_ENV))).toThrow(/at least one subject/);
  });
});
