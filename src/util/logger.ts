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

export interface CapturedLogger extends Logger {
  readonly lines: string[];
}

/** A logger that records lines instead of printing them. */
export function captureLogger(): CapturedLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => void lines.push(message),
    warning: (message) => void lines.push(`warning: ${message}`),
    debug: (message) => void lines.push(`debug: ${message}`),
    async group(title, fn) {
      lines.push(`group: ${title}`);
      return fn();
    },
  };
}
