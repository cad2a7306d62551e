import type { Step } from './steps.js';

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
      const keep = step.keep === undefined ? '' : `, keep the newest ${step.keep} versions`;
      const signed = step.signedBy === undefined ? 'unsigned' : `signed by ${step.signedBy}`;
      return `index    ${step.root}: ${count} package${count === 1 ? '' : 's'} (${index}${keep}, ${signed})`;
    }
    case 'attest-provenance':
      return `attest   build provenance of ${step.images.length} image${step.images.length === 1 ? '' : 's'} and ${step.packages.length} package${step.packages.length === 1 ? '' : 's'} (keyless, referrers and <file>.sigstore.json)`;
    case 'invalidate-cdn':
      return `cdn      invalidate what this run replaces (indexes, their signatures, replaced packages) in CloudFront distribution ${step.distribution}${step.wait ? ', and wait until it completes' : ''}`;
    case 'move-tag':
      return `move     ${step.source} → ${step.target}`;
  }
}
