import type { RepositoryReport } from '../../indexes/repository-updater.js';

/** One log line of what a repository update did. */
export function describeRepositoryReport(report: RepositoryReport): string {
  const parts = [
    report.changed === undefined ? undefined : report.changed ? 'indexes updated' : 'indexes already current',
    report.conflicts
      ? `${report.conflicts} concurrent update${report.conflicts > 1 ? 's' : ''} merged`
      : undefined,
    report.signatures
      ? `${report.signatures} package signature${report.signatures > 1 ? 's' : ''} written`
      : undefined,
    report.headersSigned?.length
      ? `${report.headersSigned.length} rpm header signature${report.headersSigned.length > 1 ? 's' : ''} made again`
      : undefined,
    report.derivedWritten ? `${report.derivedWritten} signature/plain index file(s) written` : undefined,
    report.removed.length > 0 ? `removed ${report.removed.join(', ')}` : undefined,
    report.expired?.length
      ? `${report.expired.length} index file(s) past their grace period deleted`
      : undefined,
  ];
  return `${report.root}: ${parts.filter(Boolean).join('; ') || 'nothing to do'}`;
}
