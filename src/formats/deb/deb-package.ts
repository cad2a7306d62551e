/**
 * What a .deb's control file says, kept verbatim: APT's Packages index repeats every field as written,
 * in the package's own order, so fields are an ordered list of [name, value] (multi-line values keep
 * their continuation lines, without the trailing newline).
 */
export interface DebControl {
  readonly fields: readonly (readonly [name: string, value: string])[];
  /** Shortcuts to the fields every index needs. */
  readonly package: string;
  readonly version: string;
  readonly architecture: string;
}
