/**
 * An error the user can fix: it names what it is about (an input, a ref, a file, an image)
 * and says what to do. Anything else that reaches the top is a bug and keeps its stack.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly subject: string,
    readonly problem: string,
    readonly remedy?: string,
  ) {
    super(`${subject}: ${problem}${remedy ? ` — ${remedy}` : ''}`);
  }
}

/** Turns anything thrown into a one-line message. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
