const MIB = 1024 * 1024;

/** The cases of detachSignFile: sizes around the read chunk (-1: a few bytes with CR LF and non-UTF-8). */
export const SIGN_FILE_CASES: readonly (readonly [label: string, size: number])[] = [
  ['an empty file', 0],
  ['a few bytes, CR LF and non-UTF-8 included', -1],
  ['several read chunks and a partial one', 3 * MIB + 123],
];
