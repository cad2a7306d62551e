import type { DebFixture } from './debian-tools.js';

/**
 * Tiny packages covering what an index must carry over: fields in a non-canonical order with a
 * user-defined one, multi-line descriptions with ` .` paragraph breaks, epochs, tildes and `+` in
 * versions, both architectures, and an `Architecture: all` package that goes in every index.
 */
const falco = (version: string, architecture: string): DebFixture => ({
  control: `Package: falco
Version: ${version}
Architecture: ${architecture}
Maintainer: Falco <cncf-falco-dev@lists.cncf.io>
Installed-Size: 4
Depends: libc6 (>= 2.17), dkms
Recommends: linux-headers
Section: utils
Priority: optional
Homepage: https://falco.org
X-Falco-Build: ${architecture} & <things>
Description: Falco runtime security
 Detects threats & <things> "quoted" at runtime.
 .
 Second paragraph, with ünïcode.
`,
  files: { 'usr/bin/falco': `#!/bin/sh\necho falco ${version} ${architecture}\n` },
});

export interface DebSpec {
  /** Relative to the repository root, as in Falco's layout: `stable/<file>`. */
  readonly filename: string;
  readonly fixture: DebFixture;
}

export const DEBS: readonly DebSpec[] = [
  { filename: 'stable/falco-0.27.0-x86_64.deb', fixture: falco('0.27.0', 'amd64') },
  { filename: 'stable/falco-0.27.0-aarch64.deb', fixture: falco('0.27.0', 'arm64') },
  { filename: 'stable/falco-0.27.0~rc1-x86_64.deb', fixture: falco('0.27.0~rc1', 'amd64') },
  { filename: 'stable/falco-0.26.2+fix-x86_64.deb', fixture: falco('1:0.26.2+fix-1', 'amd64') },
  {
    filename: 'stable/falco-rules_1.0_all.deb',
    fixture: {
      control: `Package: falco-rules
Version: 1.0
Architecture: all
Maintainer: Falco <cncf-falco-dev@lists.cncf.io>
Description: Rules
 For every architecture.
`,
      files: { 'etc/falco/rules.yaml': 'rules: []\n' },
    },
  },
];
