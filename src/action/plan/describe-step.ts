import type { PlannedRetention } from '../../indexes/repository-updater.js';
import { describeLimit } from '../../indexes/retention.js';
import type { Step } from './steps.js';

/** Where the files retention would delete are listed: under the step, one a line. */
const UNDER_STEP = '\n           ';

/** One line per step, as the dry run prints the plan. */
export function describeStep(step: Step): string {
  switch (step.step) {
    case 'login':
      return `login    ${step.registry} as ${step.username}`;
    case 'push':
      return `push     ${step.source} → ${step.target}`;
    case 'sign-image':
      return `sign     ${step.target} (${step.signing}: cosign .sig tag and Sigstore bundle referrer, index and its images)`;
    case 'publish-package':
      return `package  ${step.file} → ${step.path} (${step.action}${step.headerSigned ? ', header signed' : ''}, sha256 ${step.sha256})`;
    case 'update-repository': {
      const count = step.repository.packages.length;
      const index = { apt: 'APT indexes', yum: 'YUM repodata', bin: 'no index' }[step.format];
      const keep = step.retention === undefined ? '' : `, keep ${describeLimit(step.retention.limit)}`;
      const signed = step.signedBy === undefined ? 'unsigned' : `signed by ${step.signedBy}`;
      return `index    ${step.root}: ${count} package${count === 1 ? '' : 's'} (${index}${keep}, ${signed})${deletions(step.retention)}`;
    }
    case 'withdraw-packages': {
      const index = { apt: 'APT indexes', yum: 'YUM repodata', bin: 'no index' }[step.format];
      const signed = step.signedBy === undefined ? 'unsigned' : `signed again by ${step.signedBy}`;
      const count = plural(step.packages.length, 'package');
      return `withdraw ${step.root}: ${count} (${index}, ${signed}); deletes ${plural(step.deletes.length, 'file')}:${listed(step.deletes)}`;
    }
    case 'resign-repository': {
      const parts = [
        step.rpmHeaders.length > 0
          ? `${plural(step.rpmHeaders.length, 'rpm header')} (the rpms replaced)`
          : '',
        step.signatures.length > 0 ? plural(step.signatures.length, '.asc signature') : '',
        step.indexes.length > 0 ? plural(step.indexes.length, 'index file') : '',
        step.staleBundles.length > 0
          ? `${plural(step.staleBundles.length, 'provenance bundle')} of the old rpm bytes deleted`
          : '',
      ].filter(Boolean);
      const what = parts.length === 0 ? 'nothing to sign again' : parts.join(', ');
      const files = [...step.rpmHeaders, ...step.signatures.map((pkg) => `${pkg}.asc`), ...step.indexes];
      return `resign   ${step.root}: ${plural(step.packages.length, 'package')}, signed by ${step.signedBy}: ${what}${listed([...new Set(files)])}`;
    }
    case 'attest-provenance':
      return `attest   build provenance of ${step.images.length} image${step.images.length === 1 ? '' : 's'} and ${step.packages.length} package${step.packages.length === 1 ? '' : 's'} (keyless, referrers and <file>.sigstore.json)`;
    case 'invalidate-cdn':
      return `cdn      invalidate what this run replaces (indexes, their signatures, replaced packages) in CloudFront distribution ${step.distribution}${step.wait ? ', and wait until it completes' : ''}`;
    case 'move-tag': {
      // A series tag says what it follows: it moves only while that release still leads the series.
      const series =
        step.series === undefined ? '' : ` (${step.series.scope} series, led by ${step.series.version})`;
      return `move     ${step.source} → ${step.target}${series}`;
    }
  }
}

/** Every file retention would delete, so a dry run shows what leaves the host before it does. */
function deletions(retention: PlannedRetention | undefined): string {
  if (retention === undefined) return '';
  const { deletes } = retention;
  if (deletes === undefined)
    return '; what retention deletes is not foreseen (another publisher was rewriting the repository)';
  if (deletes.length === 0) return '; retention deletes nothing';
  const files = `${deletes.length} file${deletes.length === 1 ? '' : 's'}`;
  return `; retention deletes ${files}:${deletes.map((path) => `${UNDER_STEP}${path}`).join('')}`;
}

/** `1 package`, `3 packages`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Paths under the step, one a line. */
function listed(paths: readonly string[]): string {
  return paths.map((path) => `${UNDER_STEP}${path}`).join('');
}
