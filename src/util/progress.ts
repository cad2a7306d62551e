import type { Logger } from './logger.js';

const MIB = 1024 * 1024;

/** Transfers up to this size end before a line of progress would tell anything: they log none. */
export const PROGRESS_MIN_BYTES = 64 * MIB;
/** A line at least this often while bytes move, however slowly the percentage climbs. */
const LINE_EVERY_MS = 10_000;
/** A line each time the percentage passes a multiple of this. */
const STEP_PERCENT = 10;

/** Where progress lines go: the run's one logger and, for tests, the clock. */
export interface ProgressReporting {
  readonly logger: Logger;
  /** Milliseconds on a clock that never goes back. Default `performance.now`. */
  readonly now?: () => number;
}

/** The progress of one transfer; each call is cheap and allocates nothing, so it may be made per chunk. */
export interface Progress {
  /** `bytes` more have gone; logs a line when a 10 % step was passed or 10 s went by since the last one. */
  advance(bytes: number): void;
  /** The transfer starts over from its first byte (a retried upload sends every byte again). */
  restart(): void;
  /** The transfer is complete: one last line with the whole size, the time taken and the average rate. */
  finish(): void;
}

const NO_PROGRESS: Progress = {
  advance: () => undefined,
  restart: () => undefined,
  finish: () => undefined,
};

/**
 * Whether a transfer of `total` bytes gets progress lines: one over PROGRESS_MIN_BYTES with somewhere
 * to report. A writer may move bytes more cheaply when nothing needs counting (a copy in the kernel).
 */
export function reportsProgress(
  reporting: ProgressReporting | undefined,
  total: number,
): reporting is ProgressReporting {
  return reporting !== undefined && total > PROGRESS_MIN_BYTES;
}

/**
 * The progress of a transfer of `total` bytes, told as `<label> 40% of 1024 MiB, 85.3 MiB/s, ETA 7 s`.
 * A transfer that does not report (see reportsProgress) gets a reporter that does nothing.
 */
export function startProgress(
  reporting: ProgressReporting | undefined,
  label: string,
  total: number,
): Progress {
  if (!reportsProgress(reporting, total)) return NO_PROGRESS;
  return new ProgressLines(reporting.logger, label, total, reporting.now ?? (() => performance.now()));
}

class ProgressLines implements Progress {
  private sent = 0;
  private startedAt: number;
  private lastLineAt: number;
  /** The bytes at which the next 10 % step is reached. */
  private nextStepAt: number;
  private finished = false;

  constructor(
    private readonly logger: Logger,
    private readonly label: string,
    private readonly total: number,
    private readonly now: () => number,
  ) {
    this.startedAt = now();
    this.lastLineAt = this.startedAt;
    this.nextStepAt = this.bytesAt(STEP_PERCENT);
  }

  advance(bytes: number): void {
    this.sent += bytes;
    // The last byte is told by finish(), once the other side has confirmed the whole transfer.
    if (this.sent >= this.total) return;
    const at = this.now();
    if (this.sent < this.nextStepAt && at - this.lastLineAt < LINE_EVERY_MS) return;
    const percent = Math.floor((this.sent * 100) / this.total);
    this.lastLineAt = at;
    this.nextStepAt = this.bytesAt((Math.floor(percent / STEP_PERCENT) + 1) * STEP_PERCENT);
    const elapsedMs = at - this.startedAt;
    const rate = elapsedMs > 0 && this.sent > 0 ? (this.sent * 1000) / elapsedMs : undefined;
    const timing =
      rate === undefined
        ? ''
        : `, ${formatRate(rate)}, ETA ${formatSeconds(Math.ceil((this.total - this.sent) / rate))}`;
    this.logger.info(`${this.label} ${percent}% of ${formatMiB(this.total)}${timing}`);
  }

  restart(): void {
    this.sent = 0;
    this.startedAt = this.now();
    this.lastLineAt = this.startedAt;
    this.nextStepAt = this.bytesAt(STEP_PERCENT);
    this.finished = false;
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const elapsedMs = this.now() - this.startedAt;
    const rate = elapsedMs > 0 ? `, ${formatRate((this.total * 1000) / elapsedMs)}` : '';
    this.logger.info(`${this.label} 100% of ${formatMiB(this.total)} in ${formatElapsed(elapsedMs)}${rate}`);
  }

  private bytesAt(percent: number): number {
    return Math.ceil((this.total * percent) / 100);
  }
}

function formatMiB(bytes: number): string {
  const mib = bytes / MIB;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

function formatRate(bytesPerSecond: number): string {
  return `${(bytesPerSecond / MIB).toFixed(1)} MiB/s`;
}

/** Whole seconds as `7 s`, `2 min 5 s`, `1 h 3 min`. */
function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** A duration that already happened: tenths of a second under a minute. */
function formatElapsed(ms: number): string {
  return ms < 60_000 ? `${(Math.max(ms, 0) / 1000).toFixed(1)} s` : formatSeconds(Math.round(ms / 1000));
}
