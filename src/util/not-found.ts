/** True for the error fs gives when a path does not exist, the one case that gets its own message. */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
