// Preload (`node --import ./bench/maxrss.mjs ...`): prints the process's peak resident set size on exit as
// `maxrss-kib <n>` on stderr, and its CPU time as `cpu-ms <n>`.
// The peak is VmHWM from /proc/self/status: the high-water mark of this program's own memory. getrusage's
// ru_maxrss is not used: Linux carries the high-water mark of the image before exec into it, and a child
// spawned from a large parent (the test runner) is, between fork and exec, a copy of that parent — some
// runs then report the parent's size instead of the program's (seen: ru_maxrss 146 MiB, VmHWM 106 MiB).
// Writes to a pipe are synchronous on Linux, so the lines get out even when the program calls process.exit().
import { readFileSync } from 'node:fs';
import process from 'node:process';

/** VmHWM in KiB, or getrusage's figure where /proc is not there. */
function peakKiB(usage) {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: fall through
  }
  return usage.maxRSS;
}

process.once('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stderr.write(`\nmaxrss-kib ${peakKiB(usage)}\ncpu-ms ${cpuMs}\n`);
});
