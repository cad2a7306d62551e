import type { Logger } from './logger.js';

type Line = { readonly level: 'info' | 'warning' | 'debug'; readonly message: string };
type Group = { readonly title: string; readonly lines: Line[] };

/** A logger that keeps what it is told, and a way to tell it all, in order, to another logger. */
export interface BufferedLogger extends Logger {
  /** Replays the kept lines and groups on `to`, each group whole. */
  replay(to: Logger): Promise<void>;
}

/**
 * For work that runs beside other work: a runner's log groups cannot interleave, so each piece of work
 * logs here and its groups are written whole once it is done. Lines outside any group are kept in place.
 */
export function bufferedLogger(): BufferedLogger {
  const entries: (Line | Group)[] = [];
  let current: Group | undefined;
  const add = (level: Line['level'], message: string): void => {
    (current?.lines ?? entries).push({ level, message });
  };
  return {
    info: (message) => add('info', message),
    warning: (message) => add('warning', message),
    debug: (message) => add('debug', message),
    async group(title, fn) {
      // A group inside a group is flattened, as the runner's log does.
      if (current !== undefined) return fn();
      current = { title, lines: [] };
      entries.push(current);
      try {
        return await fn();
      } finally {
        current = undefined;
      }
    },
    async replay(to) {
      const say = (line: Line): void => to[line.level](line.message);
      for (const entry of entries) {
        if ('title' in entry) await to.group(entry.title, async () => entry.lines.forEach(say));
        else say(entry);
      }
    },
  };
}
