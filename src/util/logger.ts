/**
 * The logging seam. Only main.ts binds it to @actions/core; everything else receives a Logger,
 * so tests capture what would be printed (and can check that no secret appears in it).
 */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}
