// Preload (`node --import ./bench/maxrss.mjs ...`): prints the process's peak resident set size on exit as
// `maxrss-kib <n>` on stderr (getrusage's ru_maxrss, KiB on Linux), and its CPU time as `cpu-ms <n>`.
// Writes to a pipe are synchronous on Linux, so the lines get out even when the program calls process.exit().
import process from 'node:process';

process.once('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stderr.write(`\nmaxrss-kib ${usage.maxRSS}\ncpu-ms ${cpuMs}\n`);
});
