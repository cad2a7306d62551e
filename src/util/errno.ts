/** The errno code of an error fs, net or child_process gives (`ENOENT`, `ECONNREFUSED`); undefined for others. */
export function errnoCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const { code } = error as NodeJS.ErrnoException;
  return typeof code === 'string' ? code : undefined;
}

/** True when `error` is the one fs (or child_process) gives with this errno code, e.g. `ENOENT`. */
export function hasErrnoCode(error: unknown, code: string): boolean {
  return errnoCode(error) === code;
}

/** True for the error fs gives when a path does not exist, the one case that gets its own message. */
export function isNotFound(error: unknown): boolean {
  return hasErrnoCode(error, 'ENOENT');
}
