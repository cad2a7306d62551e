import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { madeFalcoDeb, madeFalcoRpm } from '../indexes/made-packages.js';
import { cut, debSaying, rpmClaiming, rpmWithArch } from './bad-input-files.js';
import { describeBadInputs, type BadCase } from './bad-input-runner.js';

/** A real package of `version`, under the name of another: what a renamed build looks like. */
function renamed(kind: 'deb' | 'rpm', version: string, file: string): BadCase['make'] {
  return async ({ build }) => {
    const make = kind === 'deb' ? madeFalcoDeb : madeFalcoRpm;
    await rename(make(`${build}.made`, version, 'x86_64'), join(build, file));
  };
}

/** Package files: their names, what they say inside, whether they are whole, and where they are. */
const cases: BadCase[] = [
  {
    name: 'a package pattern that matches nothing',
    inputs: { packages: 'no-such-dir/*.deb' },
    message: 'packages: no-such-dir/*.deb matches no file (patterns are matched from ',
  },
  {
    name: 'two package patterns that match nothing',
    inputs: { packages: 'BUILD/*.deb\nno-such-dir/*.rpm\nbuild/*.tar.gz' },
    message: 'packages: no-such-dir/*.rpm, build/*.tar.gz match no file',
  },
  {
    name: 'a package name that does not parse',
    inputs: {},
    files: ['falco-1.0.0-x86_64.deb', 'falco-1.0.0-amd64.deb'],
    message: 'packages: falco-1.0.0-amd64.deb: the file name does not parse',
  },
  {
    name: 'a package name whose version is not one',
    inputs: {},
    files: ['falco-1.0-x86_64.deb'],
    message: "packages: falco-1.0-x86_64.deb: '1.0' is not a version",
  },
  {
    name: 'a package of another version',
    inputs: {},
    files: ['falco-1.0.0-x86_64.deb', 'falco-0.9.0-x86_64.rpm'],
    message: 'carries version 0.9.0, but the release is 1.0.0',
  },
  {
    name: 'dev packages of two versions',
    inputs: { ref: 'refs/heads/master' },
    files: ['falco-1.1.0-3+abc1234-x86_64.deb', 'falco-1.1.0-4+def5678-x86_64.deb'],
    message: 'a dev build must carry one version',
  },
  {
    name: 'two files that are one package',
    inputs: { packages: 'BUILD/*\nBUILD-again/*' },
    make: async ({ build }) => {
      await mkdir(`${build}-again`, { recursive: true });
      await rename(
        madeFalcoDeb(`${build}.made`, '1.0.0', 'x86_64', ' again'),
        `${build}-again/falco-1.0.0-x86_64.deb`,
      );
    },
    message: 'deb/stable/falco-1.0.0-x86_64.deb',
  },
  {
    name: 'a .deb named 1.0.0 whose control file says 0.9.0',
    inputs: {},
    files: [],
    make: renamed('deb', '0.9.0', 'falco-1.0.0-x86_64.deb'),
    message: 'packages: falco-1.0.0-x86_64.deb: its control file says Version 0.9.0, its name says 1.0.0',
  },
  {
    name: 'an .rpm named 1.0.0 whose header says 0.9.0',
    inputs: {},
    files: [],
    make: renamed('rpm', '0.9.0', 'falco-1.0.0-x86_64.rpm'),
    message:
      'packages: falco-1.0.0-x86_64.rpm: its rpm header says version-release 0.9.0-1, its name says 1.0.0',
  },
  {
    name: 'a .deb of another package',
    inputs: {},
    files: [],
    make: ({ build }) => debSaying(join(build, 'falco-1.0.0-x86_64.deb'), { Package: 'falco-driver' }),
    message: 'packages: falco-1.0.0-x86_64.deb: its control file says Package falco-driver',
  },
  {
    name: 'a .deb of two architectures',
    inputs: {},
    files: [],
    make: ({ build }) => debSaying(join(build, 'falco-1.0.0-x86_64.deb'), { Architecture: 'amd64 arm64' }),
    message:
      "packages: falco-1.0.0-x86_64.deb: control file Architecture 'amd64 arm64' is not an architecture",
  },
  {
    name: 'a .deb whose architecture is a path',
    inputs: {},
    files: [],
    make: ({ build }) => debSaying(join(build, 'falco-1.0.0-x86_64.deb'), { Architecture: 'x/../..' }),
    message: "packages: falco-1.0.0-x86_64.deb: control file Architecture 'x/../..' is not an architecture",
  },
  {
    name: 'an .rpm whose architecture is a path',
    inputs: {},
    files: [],
    make: ({ build }) => rpmWithArch(build, 'falco-1.0.0-x86_64.rpm', '../..'),
    message: "packages: falco-1.0.0-x86_64.rpm: rpm header arch '../..' is not an architecture",
  },
  {
    name: 'an .rpm of two architectures',
    inputs: {},
    files: [],
    make: ({ build }) => rpmWithArch(build, 'falco-1.0.0-x86_64.rpm', 'x86 64'),
    message: "packages: falco-1.0.0-x86_64.rpm: rpm header arch 'x86 64' is not an architecture",
  },
  {
    name: 'a truncated .deb',
    inputs: {},
    make: ({ build }) => cut(join(build, 'falco-1.0.0-x86_64.deb'), 0.5),
    message: 'packages: falco-1.0.0-x86_64.deb: ',
  },
  {
    name: 'a .deb that is text',
    inputs: {},
    files: [],
    make: ({ build }) => writeFile(join(build, 'falco-1.0.0-x86_64.deb'), 'Not Found\n'),
    message: 'packages: falco-1.0.0-x86_64.deb: ',
  },
  {
    name: 'a truncated .rpm',
    inputs: {},
    files: ['falco-1.0.0-x86_64.rpm'],
    make: ({ build }) => cut(join(build, 'falco-1.0.0-x86_64.rpm'), 0.9),
    message: 'packages: falco-1.0.0-x86_64.rpm: is truncated',
  },
  {
    name: 'an .rpm that is text',
    inputs: {},
    files: [],
    make: ({ build }) => writeFile(join(build, 'falco-1.0.0-x86_64.rpm'), '<html>Not Found</html>\n'),
    message: 'packages: falco-1.0.0-x86_64.rpm: is not an RPM package',
  },
  {
    name: 'an .rpm header that claims a gigabyte',
    inputs: {},
    files: [],
    make: ({ build }) => rpmClaiming(build, 'falco-1.0.0-x86_64.rpm', 0x40000000),
    message: 'packages: falco-1.0.0-x86_64.rpm: has a damaged main header',
  },
  {
    name: 'a package that is a symlink to a file outside the workspace',
    inputs: {},
    files: [],
    make: async ({ build }) => {
      const outside = madeFalcoDeb(join(tmpdir(), `outside-${process.pid}`), '1.0.0', 'x86_64');
      await symlink(outside, join(build, 'falco-1.0.0-x86_64.deb'));
    },
    message: 'packages: falco-1.0.0-x86_64.deb: is a link to',
  },
  {
    name: 'a package pattern at an absolute path outside the workspace',
    inputs: { packages: join(tmpdir(), `outside-abs-${process.pid}`, '*.deb') },
    make: async () => {
      madeFalcoDeb(join(tmpdir(), `outside-abs-${process.pid}`), '1.0.0', 'x86_64');
    },
    message: 'is outside the workspace',
  },
  {
    name: 'a package pattern that climbs out of the workspace',
    inputs: { packages: `../outside-rel-${process.pid}/*.deb` },
    make: async ({ workspace }) => {
      madeFalcoDeb(join(workspace, '..', `outside-rel-${process.pid}`), '1.0.0', 'x86_64');
    },
    message: `packages: ../outside-rel-${process.pid}/*.deb has a . or .. part`,
  },
];

describeBadInputs('packages', cases);
