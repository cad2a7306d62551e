/** The main-header tags read here, numbered as in rpm's rpmtag.h. */
export const Tag = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  summary: 1004,
  description: 1005,
  buildTime: 1006,
  buildHost: 1007,
  size: 1009,
  vendor: 1011,
  license: 1014,
  packager: 1015,
  group: 1016,
  url: 1020,
  arch: 1022,
  fileModes: 1030,
  fileFlags: 1037,
  sourceRpm: 1044,
  archiveSize: 1046,
  provideName: 1047,
  requireFlags: 1048,
  requireName: 1049,
  requireVersion: 1050,
  conflictFlags: 1053,
  conflictName: 1054,
  conflictVersion: 1055,
  changelogTime: 1080,
  changelogName: 1081,
  changelogText: 1082,
  obsoleteName: 1090,
  /** Present (whatever its value) only in source packages. */
  sourcePackage: 1106,
  provideFlags: 1112,
  provideVersion: 1113,
  obsoleteFlags: 1114,
  obsoleteVersion: 1115,
  dirIndexes: 1116,
  baseNames: 1117,
  dirNames: 1118,
  /** The 64-bit twin of archiveSize (RPMTAG_SIG_BASE + 15), when rpm copied it from the signature. */
  longArchiveSize: 271,
  longSize: 5009,
  /** The region tag of the main header: rpm signs only packages that have one (rpm 4 packages). */
  headerImmutable: 63,
  /** The payload's digest: what lets a signature of the main header alone vouch for the payload too. */
  payloadDigest: 5092,
  payloadDigestAlt: 5097,
} as const;

/** The signature-header tags read here (RPMSIGTAG_* in rpmtag.h). */
export const SignatureTag = {
  /** Main header + payload, in bytes (32-bit). */
  size: 1000,
  /** Uncompressed payload (cpio) size (32-bit). */
  payloadSize: 1007,
  /** Main header + payload, 64-bit (set instead of `size` past 4 GiB). */
  longSize: 270,
  /** Uncompressed payload size, 64-bit. */
  longArchiveSize: 271,
  /** OpenPGP signature of the main header by a DSA or EdDSA key. */
  dsaHeader: 267,
  /** OpenPGP signature of the main header by an RSA key. */
  rsaHeader: 268,
  /** rpm 6's OpenPGP signatures (base64 strings), any key type. */
  openPgp: 278,
  /** Legacy signatures of the main header and payload together: by RSA, DSA, PGP 5 keys. */
  pgp: 1002,
  gpg: 1005,
  pgp5: 1006,
  /** Zero bytes a signature can later take the place of, so signing keeps the file's size. */
  reservedSpace: 1008,
} as const;

/** Header entry data types (rpmTagType_e). */
export const TagType = {
  null: 0,
  char: 1,
  int8: 2,
  int16: 3,
  int32: 4,
  int64: 5,
  string: 6,
  bin: 7,
  stringArray: 8,
  i18nString: 9,
} as const;

/** Dependency flag bits (rpmsenseFlags in rpmds.h). */
export const Sense = {
  less: 1 << 1,
  greater: 1 << 2,
  equal: 1 << 3,
  /** Legacy PreReq. */
  prereq: 1 << 6,
  scriptPre: 1 << 9,
  scriptPost: 1 << 10,
} as const;

/** RPMFILE_GHOST in rpmfiles.h: a %ghost file, owned but not shipped. */
export const FILE_GHOST = 1 << 6;
/** S_IFMT and S_IFDIR of a file mode. */
export const MODE_TYPE_MASK = 0o170000;
export const MODE_DIRECTORY = 0o040000;
