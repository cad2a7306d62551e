import { UserError } from '../../util/errors.js';
import { dependenciesOf } from './rpm-dependencies.js';
import { filesOf } from './rpm-files.js';
import type { RpmHeader } from './rpm-header.js';
import type { RpmChangelog, RpmPackage } from './rpm-package.js';
import { SignatureTag, Tag } from './rpm-tags.js';

/** Where the main header lies in the file: repodata's header-range. */
export interface HeaderRange {
  readonly start: number;
  readonly end: number;
}

/** rpm's architecture names: x86_64, aarch64, noarch, ppc64le, armv7hl... */
const ARCH = /^[A-Za-z0-9_]{1,32}$/;

/** An RpmPackage from a package's signature and main headers. */
export function packageFromHeaders(
  main: RpmHeader,
  signature: RpmHeader,
  range: HeaderRange,
  subject: string,
): RpmPackage {
  const required = (tag: number, label: string): string => {
    const value = main.string(tag);
    if (value === undefined || value === '') {
      throw new UserError(
        subject,
        `has no ${label} in its main header`,
        'build the package again with rpmbuild',
      );
    }
    return value;
  };
  const files = filesOf(main, subject);
  // A source package says so by having the tag at all; its ARCH is the build machine's.
  const arch = main.has(Tag.sourcePackage) ? 'src' : required(Tag.arch, 'ARCH');
  // The arch names the package in repodata and in dnf's paths: anything but a plain word is refused.
  if (!ARCH.test(arch)) {
    throw new UserError(
      subject,
      `rpm header arch '${arch}' is not an architecture (letters, digits and _ only, e.g. x86_64)`,
      'build the package again with rpmbuild --target <arch>',
    );
  }
  return {
    name: required(Tag.name, 'NAME'),
    epoch: main.number(Tag.epoch),
    version: required(Tag.version, 'VERSION'),
    release: required(Tag.release, 'RELEASE'),
    arch,
    summary: main.string(Tag.summary) ?? '',
    description: main.string(Tag.description) ?? '',
    license: main.string(Tag.license) ?? '',
    vendor: main.string(Tag.vendor),
    group: main.string(Tag.group),
    url: main.string(Tag.url),
    buildhost: main.string(Tag.buildHost),
    sourcerpm: main.string(Tag.sourceRpm),
    packager: main.string(Tag.packager),
    buildTime: main.number(Tag.buildTime) ?? 0,
    installedSize: main.number(Tag.longSize) ?? main.number(Tag.size) ?? 0,
    // rpmbuild records the payload size in the signature; older builds also in the main header.
    archiveSize:
      signature.number(SignatureTag.longArchiveSize) ??
      signature.number(SignatureTag.payloadSize) ??
      main.number(Tag.longArchiveSize) ??
      main.number(Tag.archiveSize),
    headerStart: range.start,
    headerEnd: range.end,
    ...dependenciesOf(main, new Set(files.map((file) => file.path))),
    files,
    changelogs: changelogsOf(main),
  };
}

/** Changelog entries as the header stores them: newest first, author and text as written. */
function changelogsOf(header: RpmHeader): RpmChangelog[] {
  const times = header.numbers(Tag.changelogTime) ?? [];
  const names = header.strings(Tag.changelogName) ?? [];
  const texts = header.strings(Tag.changelogText) ?? [];
  const count = Math.min(times.length, names.length, texts.length);
  return times.slice(0, count).map((date, i) => ({ date, author: names[i] ?? '', text: texts[i] ?? '' }));
}
