import type { PublishResult } from '../publish.js';
import { describeHost } from './package-host.js';
import { escape, maintenanceTable, repositoryTable, tagTable } from './summary-tables.js';

/** The job summary: what was published (or planned), as markdown tables. */
export function renderSummary(result: PublishResult): string {
  const { release } = result;
  if (result.mode === 'unpublish' || result.mode === 'resign') return renderMaintenance(result);
  const out: string[] = [
    `## Falco ${release.version} (${release.channel})${result.dryRun ? ' — dry run, nothing published' : ''}`,
    '',
    `latest: **${result.latest.latest}** — ${escape(result.latest.reason)}`,
    '',
  ];
  if (result.packageHost) out.push(`package host: \`${describeHost(result.packageHost)}\``, '');
  out.push(...tagTable(result));
  const packages = result.plan.flatMap((step) => (step.step === 'publish-package' ? [step] : []));
  if (packages.length > 0) {
    out.push(`Packages${result.packageVersion ? ` (version ${result.packageVersion})` : ''}:`, '');
    out.push('| package | path | size | sha256 | action |', '|---|---|---|---|---|');
    for (const pkg of packages) {
      out.push(`| ${escape(pkg.file)} | \`${pkg.path}\` | ${pkg.size} | \`${pkg.sha256}\` | ${pkg.action} |`);
    }
    out.push('');
  }
  out.push(...repositoryTable(result));
  out.push(...cdnLine(result), ...signatureTable(result));
  return out.join('\n');
}

/** `mode: unpublish` and `mode: resign`: what each repository lost or had signed again, and the CDN. */
function renderMaintenance(result: PublishResult): string {
  const title =
    result.mode === 'unpublish'
      ? `## Falco ${result.release.version} unpublished from the package host`
      : '## Package repositories signed again';
  const out = [`${title}${result.dryRun ? ' — dry run, nothing changed' : ''}`, ''];
  if (result.packageHost) out.push(`package host: \`${describeHost(result.packageHost)}\``, '');
  out.push(...maintenanceTable(result), ...cdnLine(result));
  return out.join('\n');
}

function cdnLine(result: PublishResult): string[] {
  const cdn = result.cdnInvalidation;
  if (!cdn) return [];
  const what =
    cdn.id === undefined
      ? 'nothing to invalidate (the run replaced no file a cache may hold)'
      : `invalidation \`${cdn.id}\` of ${cdn.items.length} path${cdn.items.length === 1 ? '' : 's'}, ${cdn.status}`;
  return [`CloudFront distribution \`${cdn.distribution}\`: ${what}`, ''];
}

/** One row per signature: what is signed, how, where it is stored, by whom; or, in a dry run, what would be. */
function signatureTable(result: PublishResult): string[] {
  const planned = result.plan.flatMap((step) =>
    step.step === 'sign-image'
      ? [`- sign \`${step.target}\` and its images, ${step.signing}`]
      : step.step === 'attest-provenance'
        ? [`- attest build provenance of ${step.images.length} images and ${step.packages.length} packages`]
        : [],
  );
  if (planned.length === 0) return [];
  if (result.signatures.length === 0) return ['Signatures (planned):', '', ...planned, ''];
  const rows = result.signatures.map(
    (s) => `| \`${s.subject}\` | ${s.kind} | \`${s.where}\` | ${escape(s.signer)} | ${s.state} |`,
  );
  return ['| signed | kind | stored at | signer | state |', '|---|---|---|---|---|', ...rows, ''];
}
