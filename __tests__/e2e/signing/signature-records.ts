import { expect } from 'vitest';
import type { ActionRun } from '../run-action.js';
import { digestTag } from './image-signatures.js';
import type { SignedDigest } from './signature-checks.js';

/** One record of the `signatures` output. */
export interface SignatureOutput {
  subject: string;
  digest: string;
  kind: 'cosign-signature' | 'sigstore-bundle' | 'provenance';
  where: string;
  signer: string;
  state: 'signed' | 'present';
}

export function signaturesOf(outputs: Record<string, string>): SignatureOutput[] {
  return JSON.parse(outputs['signatures'] || '[]') as SignatureOutput[];
}

/**
 * The `signatures` output must hold, for `store` (a registry's repository or a layout's name), one
 * record of each kind per digest, each naming where it is stored; the job summary lists each place.
 */
export function expectSignatureRecords(
  run: Pick<ActionRun, 'outputs' | 'summary'>,
  store: string,
  signed: ReadonlyMap<string, SignedDigest>,
  signer: string,
  state: SignatureOutput['state'],
): void {
  const expected: SignatureOutput[] = [...signed].flatMap(([digest, found]) => [
    {
      subject: `${store}@${digest}`,
      digest,
      kind: 'sigstore-bundle' as const,
      where: `${store}@${found.referrer.digest}`,
      signer,
      state,
    },
    {
      subject: `${store}@${digest}`,
      digest,
      kind: 'cosign-signature' as const,
      where: `${store}:${digestTag(digest, '.sig')}`,
      signer,
      state,
    },
  ]);
  const order = (a: SignatureOutput, b: SignatureOutput): number =>
    `${a.digest} ${a.kind}`.localeCompare(`${b.digest} ${b.kind}`);
  const records = signaturesOf(run.outputs).filter((r) => r.subject.startsWith(`${store}@`));
  expect(records.sort(order)).toEqual(expected.sort(order));
  for (const record of expected) expect(run.summary).toContain(record.where);
}
