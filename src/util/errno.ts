/** True when `error` is the one fs (or child_process) gives with this errno code, e.g. `ENOENT`. */
export function hasErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === code;
}

/** True for the error fs gives when a path does not exist, the one case that gets its own message. */
export function isNotFound(error: unknown): boolean {
  return hasErrnoCode(error, 'ENOENT');
}
