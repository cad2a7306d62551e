import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runTool, toolText } from '../fixtures/tools.js';

/** .rpm files built by the real rpmbuild, and what rpm and createrepo_c say about them. */

/**
 * A package with one of each thing repodata cares about: an epoch, a %dir, a %ghost, a %config file,
 * versioned requires (one with its own epoch and release), Requires(pre), (post) and (preun),
 * provides, conflicts, obsoletes, a changelog, and the requires createrepo_c drops: rpmlib() ones
 * (rpmbuild adds them), its own primary files, what it provides itself, and all libc.so.6 ones but
 * the highest (GLIBC_2.34 sorts before GLIBC_2.4 as text but is newer).
 */
export const FULL_SPEC = `
Name: falco-test
Epoch: 2
Version: 0.27.0
Release: 12+abc1234
Summary: A tiny test package
License: Apache-2.0
Vendor: Falco Test Vendor
Group: Applications/System
URL: https://falco.org
Packager: Jörg Falcó <cncf-falco-dev@lists.cncf.io>
AutoReqProv: no
Requires: bash >= 4.0
Requires: libfoo = 1:2.3-4
Requires: /usr/bin/falco-test
Requires: /etc/falco/falco.yaml
Requires: /usr/share/falco-test/ghost.log
Requires: falco-virtual = 0.27.0
Requires: libc.so.6()(64bit)
Requires: libc.so.6(GLIBC_2.34)(64bit)
Requires: libc.so.6(GLIBC_2.4)(64bit)
Requires(pre): shadow-utils
Requires(post): coreutils
Requires(preun): procps
Provides: falco-virtual = 0.27.0
Provides: falco-api(1)
Conflicts: sysdig < 0.20
Obsoletes: falco-old <= 1:0.26.9-1

%description
A package for tests.
  It has an indented line, and <xml> & "quotes".

%install
mkdir -p %{buildroot}/usr/bin %{buildroot}/etc/falco %{buildroot}/usr/share/falco-test
printf '#!/bin/sh\\necho falco\\n' > %{buildroot}/usr/bin/falco-test
chmod 755 %{buildroot}/usr/bin/falco-test
echo 'rules: []' > %{buildroot}/etc/falco/falco.yaml
touch %{buildroot}/usr/share/falco-test/ghost.log

%files
/usr/bin/falco-test
%dir /usr/share/falco-test
%config(noreplace) /etc/falco/falco.yaml
%ghost /usr/share/falco-test/ghost.log

%changelog
* Tue Nov 25 2025 Jane Doe <jane@example.com> - 2:0.27.0-12
- Second entry
* Mon Nov 24 2025 John Roe <john@example.com> - 2:0.27.0-11
- First entry
  with a continuation
`;

/** The least a spec can say: no epoch, vendor, URL, packager, files or changelog. */
export const MINIMAL_SPEC = `
Name: falco-minimal
Version: 1.0
Release: 1
Summary: Minimal
License: MIT

%description
Minimal.

%files
`;

/** Builds the spec's binary package for x86_64 (whatever this machine is) in its own rpmbuild tree. */
export async function buildRpm(dir: string, name: string, spec: string): Promise<string> {
  const top = join(dir, `${name}-rpmbuild`);
  await mkdir(top, { recursive: true });
  const specFile = join(top, `${name}.spec`);
  await writeFile(specFile, spec);
  await runTool('rpmbuild', [
    '-bb',
    '--target',
    'x86_64',
    '--define',
    `_topdir ${top}`,
    '--define',
    `_tmppath ${join(top, 'tmp')}`,
    '--define',
    '_build_id_links none',
    specFile,
  ]);
  const rpms = join(top, 'RPMS', 'x86_64');
  const [built] = await readdir(rpms);
  if (built === undefined) throw new Error(`rpmbuild wrote no package for ${name}`);
  const file = join(dir, built);
  await copyFile(join(rpms, built), file);
  return file;
}

/** `rpm -qp --queryformat`, without looking for keys or a database. */
export function rpmQuery(file: string, format: string): Promise<string> {
  return toolText('rpm', ['-qp', '--nosignature', '--nodigest', '--queryformat', format, file]);
}

export interface RepodataEntry {
  readonly name: string;
  readonly flags?: string;
  readonly epoch?: string;
  readonly version?: string;
  readonly release?: string;
  readonly pre?: boolean;
}

export interface Repodata {
  readonly headerRange: { readonly start: number; readonly end: number };
  readonly installed: number;
  readonly archive: number;
  readonly dependencies: Readonly<
    Record<'provides' | 'requires' | 'conflicts' | 'obsoletes', RepodataEntry[]>
  >;
  readonly files: readonly { readonly path: string; readonly type: string }[];
}

function unescape(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

function attributes(text: string): Map<string, string> {
  return new Map([...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', unescape(m[2] ?? '')]));
}

/** What createrepo_c writes for one package, read back from its primary.xml and filelists.xml. */
export async function createrepoOf(dir: string, file: string): Promise<Repodata> {
  const repo = join(dir, 'repo');
  await mkdir(repo, { recursive: true });
  await copyFile(file, join(repo, 'package.rpm'));
  await runTool('createrepo_c', ['--simple-md-filenames', '--no-database', '--quiet', repo]);
  const xml = async (kind: string): Promise<string> =>
    gunzipSync(await readFile(join(repo, 'repodata', `${kind}.xml.gz`))).toString('utf8');
  const primary = await xml('primary');
  const filelists = await xml('filelists');

  const range = /<rpm:header-range start="(\d+)" end="(\d+)"\/>/.exec(primary);
  const size = /<size package="\d+" installed="(\d+)" archive="(\d+)"\/>/.exec(primary);
  if (!range || !size) throw new Error(`createrepo_c wrote an unexpected primary.xml:\n${primary}`);
  const section = (kind: string): RepodataEntry[] => {
    const body = new RegExp(`<rpm:${kind}>([\\s\\S]*?)</rpm:${kind}>`).exec(primary)?.[1] ?? '';
    return [...body.matchAll(/<rpm:entry ([^>]*)\/>/g)].map((m) => {
      const a = attributes(m[1] ?? '');
      const pick = (key: string, as: string): Record<string, string> => {
        const value = a.get(key);
        return value === undefined ? {} : { [as]: value };
      };
      return {
        name: a.get('name') ?? '',
        ...pick('flags', 'flags'),
        ...pick('epoch', 'epoch'),
        ...pick('ver', 'version'),
        ...pick('rel', 'release'),
        ...(a.get('pre') === '1' ? { pre: true } : {}),
      };
    });
  };
  return {
    headerRange: { start: Number(range[1]), end: Number(range[2]) },
    installed: Number(size[1]),
    archive: Number(size[2]),
    dependencies: {
      provides: section('provides'),
      requires: section('requires'),
      conflicts: section('conflicts'),
      obsoletes: section('obsoletes'),
    },
    files: [...filelists.matchAll(/<file(?: type="(\w+)")?>([^<]*)<\/file>/g)].map((m) => ({
      path: unescape(m[2] ?? ''),
      type: m[1] ?? 'file',
    })),
  };
}
