/**
 * Tiny packages that exercise every rule of createrepo_c's that our writers reproduce: epochs,
 * versioned and unversioned provides, requires with pre/post, rpmlib() and self-provided requires,
 * a require on the package's own primary file, repeated and libc.so.6 requires, conflicts, obsoletes,
 * directories, %ghost and %config files, primary and non-primary paths, XML-special and non-ASCII
 * text, more than ten changelog entries with colliding dates, and a package with no optional field.
 */
export interface SpecFixture {
  readonly name: string;
  /** `noarch`, or the arch rpmbuild --target builds for. */
  readonly target: string;
  readonly text: string;
  /** Where the package goes in the repository, when not at its root under its own name. */
  readonly location?: string;
}

/** Twelve entries, newest first as rpm stores them; three share Jan 2, four Jan 1, five Dec 1. */
const CHANGELOG_DAYS = [
  'Sat Jan 02 2021',
  'Sat Jan 02 2021',
  'Sat Jan 02 2021',
  'Fri Jan 01 2021',
  'Fri Jan 01 2021',
  'Fri Jan 01 2021',
  'Fri Jan 01 2021',
  'Tue Dec 01 2020',
  'Tue Dec 01 2020',
  'Tue Dec 01 2020',
  'Tue Dec 01 2020',
  'Tue Dec 01 2020',
];
const changelog = CHANGELOG_DAYS.map(
  (day, index) =>
    `* ${day} Jürgen Dev <dev@falco.org> - 0.${12 - index}\n- Change ${12 - index} & <more> "quoted"\n`,
).join('');

export const SPECS: readonly SpecFixture[] = [
  {
    name: 'falco',
    target: 'x86_64',
    text: `Name: falco
Epoch: 1
Version: 0.27.0
Release: 12+abc1234
Summary: Falco & <runtime> "security" — détection
License: Apache-2.0
Group: Applications/System
URL: https://falco.org/?a=1&b=2
Vendor: Falco Project
Packager: Falco <cncf-falco-dev@lists.cncf.io>
Provides: falco-engine = 0.27.0
Provides: libfalco.so()(64bit)
Provides: ünïcode'name
Requires: dkms >= 2.0
Requires(pre): /bin/sh
Requires(post): coreutils
Requires: /usr/bin/falco
Requires: /usr/share/falco/data.txt
Requires: libc.so.6()(64bit)
Requires: libc.so.6(GLIBC_2.17)(64bit)
Requires: libc.so.6(GLIBC_2.34)(64bit)
Requires: libc.so.6(GLIBC_2.4)(64bit)
Conflicts: sysdig < 0.1
Obsoletes: falco-old <= 1:0.26-1
Obsoletes: falco-older

%description
Falco runtime security.
Detects threats & <things> with "quotes", 'apostrophes' and	tabs; ünïcode.

%install
mkdir -p %{buildroot}/usr/bin %{buildroot}/etc/falco %{buildroot}/usr/share/falco %{buildroot}/var/log/falco
mkdir -p %{buildroot}/usr/lib %{buildroot}/opt/falco/bin %{buildroot}/usr/sbin
printf '#!/bin/sh\\necho hi\\n' > %{buildroot}/usr/bin/falco
echo 'rules' > %{buildroot}/etc/falco/falco.yaml
echo 'data' > %{buildroot}/usr/share/falco/data.txt
echo 'data' > '%{buildroot}/usr/share/falco/a&b <c> ü.txt'
echo 'mail' > %{buildroot}/usr/lib/sendmail
echo 'mail' > %{buildroot}/usr/lib/sendmail.cf
echo 'tool' > %{buildroot}/opt/falco/bin/tool
echo 'd' > %{buildroot}/usr/sbin/falcod

%pre
true
%post
true

%files
/usr/bin/falco
%dir /etc/falco
%config /etc/falco/falco.yaml
/usr/share/falco
%ghost /var/log/falco/falco.log
%dir /var/log/falco
/usr/lib/sendmail
/usr/lib/sendmail.cf
/opt/falco/bin
/usr/sbin/falcod

%changelog
${changelog}`,
  },
  {
    name: 'weird',
    target: 'noarch',
    text: `Name: weird
Version: 1.0~rc1^git2
Release: 1
Summary: Tilde and caret versions, no vendor, url or packager
License: GPL-2.0-only
Requires: foo = 2
Requires: foo >= 2
Requires: bar
Requires(pre): bar
Provides: config(weird) = 1.0~rc1^git2-1

%description
d

%install
mkdir -p %{buildroot}/usr/share/weird
echo a > %{buildroot}/usr/share/weird/x

%files
/usr/share/weird/x
`,
  },
  {
    name: 'minimal',
    target: 'noarch',
    text: `Name: minimal
Version: 1
Release: 1
Summary: No file, no changelog, no requirement
License: MIT

%description
d

%files
`,
  },
  {
    name: 'arm',
    target: 'aarch64',
    location: 'aarch64/arm-2.0-3.aarch64.rpm',
    text: `Name: arm
Version: 2.0
Release: 3
Summary: Another arch, in a subdirectory
License: MIT

%description
d

%install
mkdir -p %{buildroot}/usr/bin
echo a > %{buildroot}/usr/bin/arm

%files
/usr/bin/arm

%changelog
* Sat Jan 02 2021 Dev <dev@falco.org>   
- one
`,
  },
];
