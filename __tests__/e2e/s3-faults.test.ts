import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { byHashPath } from '../../src/formats/apt/apt-indexes.js';
import { parseRelease } from '../../src/formats/apt/release-file.js';
import { readPackageContents } from '../../src/formats/package-contents.js';
import { parseRepomd } from '../../src/formats/yum/repomd-xml.js';
import { SUITE_DIR } from '../../src/indexes/apt-state.js';
import type { PackageToIndex } from '../../src/indexes/indexed-package.js';
import { RepositoryUpdater, type RepositoryReport } from '../../src/indexes/repository-updater.js';
import type { S3Store } from '../../src/stores/s3-store.js';
import { madeFalcoDeb, madeFalcoRpm } from '../indexes/made-packages.js';
import { first, injected, s3Answer, startFaultyS3, type FaultyS3 } from './services/faulty-s3.js';

// The faults a real S3 gives on release day, injected by a loopback proxy in front of radosgw: a 500 to
// a conditional PUT (radosgw's answer to a race's loser, AWS's occasional InternalError) that may or may
// not have landed, and AWS's 409 to overlapping conditional writes. None may leave a Release or
// repomd.xml naming a file that is not there, or a package retention took out of the index.
let s3: FaultyS3;

beforeAll(async () => {
  s3 = await startFaultyS3('falco-index-faults');
}, 120_000);
afterEach(async () => s3.stopProxy());
afterAll(async () => s3?.stop());

/** Publishes one rpm of `version` into `rpm-dev`, keeping `keep` versions. */
async function publishRpm(store: S3Store, version: string, keep = 50): Promise<RepositoryReport> {
  const file = madeFalcoRpm(join(s3.work, `build-${s3.prefix}-${version}`), version, 'x86_64');
  return publish(store, `rpm-dev/falco-${version}-x86_64.rpm`, file, keep);
}

/** Uploads the package (past the proxy) and updates its repository through `store`. */
async function publish(store: S3Store, path: string, file: string, keep: number): Promise<RepositoryReport> {
  await s3.direct.put(path, { file, size: statSync(file).size });
  const kind = path.endsWith('.deb') ? 'deb' : 'rpm';
  const pkg: PackageToIndex = { path, localFile: file, contents: await readPackageContents(file, kind) };
  const updater = new RepositoryUpdater(() => ({ store, conditional: true }), {
    loadSigning: undefined,
    retention: { deb: { versions: keep }, rpm: { versions: keep }, bin: { versions: keep } },
    date: new Date(0),
    graceMs: 60_000,
    sleep: async () => undefined,
  });
  const [planned] = await updater.prepare([pkg]);
  if (planned === undefined) throw new Error('nothing planned');
  return updater.update(planned, new Set([path]));
}

/** The repodata files repomd.xml names, each read past the proxy: undefined where one is missing. */
async function namedFiles(): Promise<Map<string, number | undefined>> {
  const repomd = await s3.direct.get('rpm-dev/repodata/repomd.xml');
  if (repomd === undefined) throw new Error('no repomd.xml');
  const named = new Map<string, number | undefined>();
  for (const record of parseRepomd(repomd.bytes.toString('utf8')).records) {
    named.set(record.location, (await s3.direct.head(`rpm-dev/${record.location}`))?.size);
  }
  return named;
}

/** Each file repomd.xml names is there, the primary index among them. */
async function expectAllNamedThere(): Promise<void> {
  const named = await namedFiles();
  expect([...named.keys()].some((location) => PRIMARY.test(location))).toBe(true);
  for (const [location, size] of named)
    expect({ location, size }).toEqual({ location, size: expect.any(Number) });
}

const PRIMARY = /-primary\.xml\.gz$/;
const REPOMD = /\/repodata\/repomd\.xml$/;

describe('repository updates on radosgw under injected faults', () => {
  test('a 500 to a repodata write that did not land: it is written again before repomd.xml names it', async () => {
    const store = await s3.behind({ answer: first(PRIMARY, s3Answer(500, 'InternalError')) });
    await publishRpm(store, '0.28.0-1+aaa0001');
    expect(injected(s3)).toBe(1);
    await expectAllNamedThere();
  });

  test('a 500 to a by-hash write that did not land: it is written again before Release names it', async () => {
    const store = await s3.behind({ answer: first(/\/by-hash\/SHA256\//, s3Answer(500, 'InternalError')) });
    const file = madeFalcoDeb(join(s3.work, `build-${s3.prefix}`), '0.28.0-1+aaa0001', 'x86_64');
    await publish(store, 'deb-dev/stable/falco-0.28.0-1+aaa0001-x86_64.deb', file, 50);
    expect(injected(s3)).toBe(1);
    const release = await s3.direct.get(`deb-dev/${SUITE_DIR}/Release`);
    const listed = parseRelease(release?.bytes.toString('utf8') ?? '').files;
    expect(listed.length).toBeGreaterThan(0);
    for (const { path, sha256 } of listed) {
      const key = `deb-dev/${SUITE_DIR}/${byHashPath(path, sha256 ?? '')}`;
      expect({ key, there: (await s3.direct.head(key)) !== undefined }).toEqual({ key, there: true });
    }
  });

  test('a 500 to a repodata write that landed: it is found there, and repomd.xml names it', async () => {
    const store = await s3.behind({ afterForward: first(PRIMARY, s3Answer(500, 'InternalError')) });
    await publishRpm(store, '0.28.0-1+aaa0001');
    expect(injected(s3)).toBe(1);
    await expectAllNamedThere();
  });

  test('409 ConditionalRequestConflict to the repomd.xml write: read again and retried, the package listed', async () => {
    const store = await s3.behind({ answer: first(REPOMD, s3Answer(409, 'ConditionalRequestConflict')) });
    const report = await publishRpm(store, '0.28.0-1+aaa0001');
    expect(injected(s3)).toBe(1);
    expect(report.conflicts).toBe(1);
    await expectAllNamedThere();
  });

  test('a 500 to a repomd.xml write that landed: the package retention took out is still deleted', async () => {
    await publishRpm(await s3.behind({}), '0.28.0-1+aaa0001', 1);
    // The same repository again, now behind a proxy that loses the answer to the next repomd.xml write.
    const faulty = await s3.behind({ afterForward: first(REPOMD, s3Answer(500, 'InternalError')) }, true);
    const report = await publishRpm(faulty, '0.28.0-2+bbb0002', 1);
    expect(injected(s3)).toBe(1);
    expect(report.removed).toEqual(['rpm-dev/falco-0.28.0-1+aaa0001-x86_64.rpm']);
    expect(await s3.direct.list('rpm-dev/falco-')).toEqual(['rpm-dev/falco-0.28.0-2+bbb0002-x86_64.rpm']);
  });
});
