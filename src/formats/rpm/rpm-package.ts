/** A dependency entry of an .rpm (provides, requires, conflicts, obsoletes). */
export interface RpmDependency {
  readonly name: string;
  /** Comparison as repodata writes it: EQ, LT, LE, GT, GE; absent when unversioned. */
  readonly flags?: 'EQ' | 'LT' | 'LE' | 'GT' | 'GE';
  readonly epoch?: string;
  readonly version?: string;
  readonly release?: string;
  /** A requirement needed before install (RPMSENSE_PREREQ / script dependencies): repodata's `pre="1"`. */
  readonly pre?: boolean;
}

export interface RpmFile {
  readonly path: string;
  /** `dir` for directories, `ghost` for %ghost files, else a plain file. */
  readonly type: 'file' | 'dir' | 'ghost';
}

export interface RpmChangelog {
  readonly author: string;
  /** Seconds since the epoch. */
  readonly date: number;
  readonly text: string;
}

/** What an .rpm's headers say: every field YUM's primary, filelists and other metadata need. */
export interface RpmPackage {
  readonly name: string;
  /** Absent when the package has no epoch (repodata then writes epoch="0"). */
  readonly epoch?: number;
  readonly version: string;
  readonly release: string;
  readonly arch: string;
  readonly summary: string;
  readonly description: string;
  readonly license: string;
  readonly vendor?: string;
  readonly group?: string;
  readonly url?: string;
  readonly buildhost?: string;
  readonly sourcerpm?: string;
  readonly packager?: string;
  /** Seconds since the epoch. */
  readonly buildTime: number;
  /** Sum of the installed file sizes (RPMTAG_SIZE or LONGSIZE). */
  readonly installedSize: number;
  /** Payload archive size (RPMSIGTAG_PAYLOADSIZE / LONGARCHIVESIZE), when the package says it. */
  readonly archiveSize?: number;
  /** Byte offsets of the main header in the file: repodata's `<rpm:header-range start= end=>`. */
  readonly headerStart: number;
  readonly headerEnd: number;
  readonly provides: readonly RpmDependency[];
  readonly requires: readonly RpmDependency[];
  readonly conflicts: readonly RpmDependency[];
  readonly obsoletes: readonly RpmDependency[];
  readonly files: readonly RpmFile[];
  readonly changelogs: readonly RpmChangelog[];
}
