import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll } from 'vitest';
import { aptRepository, emptyRepodata, gzipBomb, yumRepository } from './bad-input-files.js';
import { describeBadInputs, type BadCase } from './bad-input-runner.js';
import { startAuthRegistries, type AuthRegistries } from './services/auth-registries.js';

/** More than an index may open up to (MAX_INDEX_BYTES, 128 MiB): what a gzip bomb on the host holds. */
const BOMB_BYTES = 129 * 1024 * 1024;

const pusher = { username: 'bad-pusher', password: 'pw-bad-pusher-4c2a' };
let registries: AuthRegistries;
beforeAll(async () => {
  registries = await startAuthRegistries(pusher);
});
afterAll(async () => {
  await registries?.stop();
});

const primaryOf = (body: string): Uint8Array =>
  gzipSync(`<?xml version="1.0"?>\n<metadata packages="1">${body}</metadata>\n`);
const repodataWithPrimary = (primary: Uint8Array): Record<string, Uint8Array | string> =>
  yumRepository({ primary, filelists: emptyRepodata('filelists'), other: emptyRepodata('other') });

/** The package host, what it already holds, and the registry's answers to the credentials. */
const cases: BadCase[] = [
  {
    name: 'a package host with an unknown scheme',
    inputs: { 'package-host': 'ftp://download.falco.org/packages' },
    message: "package-host: the scheme 'ftp://' has no adapter",
  },
  {
    name: 'a published package with different content',
    inputs: {},
    existing: () => ({ 'deb/stable/falco-1.0.0-x86_64.deb': 'another build\n' }),
    message: 'is already published with different content',
  },
  {
    name: 'an APT Release on the host that does not parse',
    inputs: {},
    existing: () => ({ 'deb/dists/stable/Release': 'SHA256:\n not a listing\n' }),
    message: 'package-host: deb: the current APT indexes cannot be read',
  },
  {
    name: 'an APT Packages index on the host that does not parse',
    inputs: {},
    existing: () => aptRepository({ Packages: Buffer.from('Package: falco\nVersion: 1:::\n') }),
    message: 'package-host: deb: the current APT indexes cannot be read',
  },
  {
    name: 'an APT Release whose architecture is a path',
    inputs: {},
    existing: () => ({
      'deb/dists/stable/Release': 'Suite: stable\nArchitectures: amd64 ../../../../escaped\nSHA256:\n',
    }),
    message:
      "package-host: deb: the current APT indexes cannot be read (Release: Architectures '../../../../escaped'",
  },
  {
    name: 'an APT Packages.gz on the host that opens up to more than an index may be',
    inputs: {},
    existing: async () => aptRepository({ 'Packages.gz': await gzipBomb(BOMB_BYTES, '\n') }),
    message:
      'package-host: deb: the current APT indexes cannot be read (main/binary-amd64/Packages.gz opens up to more than',
  },
  {
    name: 'a repomd.xml on the host that does not parse',
    inputs: {},
    files: ['falco-1.0.0-x86_64.rpm'],
    existing: () => ({ 'rpm/repodata/repomd.xml': '<repomd><data type="primary"></repomd>' }),
    message: 'package-host: rpm: the current YUM indexes cannot be read',
  },
  {
    name: 'primary.xml on the host with an entity expansion bomb',
    inputs: {},
    files: ['falco-1.0.0-x86_64.rpm'],
    existing: () =>
      repodataWithPrimary(
        gzipSync(
          [
            '<?xml version="1.0"?>',
            '<!DOCTYPE metadata [<!ENTITY a "aaaaaaaaaa">',
            ...Array.from(
              { length: 9 },
              (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`,
            ),
            ']>',
            '<metadata packages="1"><package type="rpm"><name>&bbbbbbbbb;</name></package></metadata>',
          ].join('\n'),
        ),
      ),
    message: 'package-host: rpm: the current YUM indexes cannot be read (XML line 2: DOCTYPE',
  },
  {
    name: 'primary.xml on the host nested a million deep',
    inputs: {},
    files: ['falco-1.0.0-x86_64.rpm'],
    existing: () =>
      repodataWithPrimary(primaryOf(`${'<package>'.repeat(1_000_000)}${'</package>'.repeat(1_000_000)}`)),
    message: 'package-host: rpm: the current YUM indexes cannot be read',
  },
  {
    name: 'a primary.xml.gz on the host that opens up to more than an index may be',
    inputs: {},
    files: ['falco-1.0.0-x86_64.rpm'],
    existing: async () => repodataWithPrimary(await gzipBomb(BOMB_BYTES)),
    message:
      'package-host: rpm: the current YUM indexes cannot be read (primary metadata opens up to more than',
  },
  {
    name: 'a signed repository on the host and no signing key',
    inputs: {},
    existing: () => ({
      ...aptRepository({ Packages: Buffer.from('') }),
      'deb/dists/stable/InRelease': 'signed\n',
    }),
    message: 'signing-key: is empty, but deb is a signed repository',
  },
  {
    name: 'a signing key that is not a key',
    inputs: { 'signing-key': 'not a key' },
    message: 'signing-key: ',
  },
  {
    name: 'a registry whose token service grants pull only',
    inputs: {},
    registry: () => ({ address: registries.bearer.address, auth: pusher }),
    // Every token it issues from now on (more than one run asks for) grants pull alone.
    before: () => Array.from({ length: 100 }, () => registries.tokens.spoilNext('pull-only')),
    message: 'the registry refused a push (opening an upload) (HTTP 401',
  },
];

describeBadInputs('hosts', cases);
