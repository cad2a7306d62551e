import { createHash } from 'node:crypto';
import { rekorHandler, type TLog } from '@sigstore/mock/dist/rekor/index.js';
import { errorReply, parseJson, type EndpointHandler } from './http.js';

/**
 * `POST /api/v1/log/entries`: the mock log answers with an entry, its signed entry timestamp and an
 * inclusion proof in a one-entry tree. Unlike Rekor it does not check the entry's signature.
 */
export function logEntriesEndpoint(tlog: TLog): EndpointHandler {
  const mock = rekorHandler(tlog);
  return async ({ body }) => {
    const proposed = parseJson(body);
    if (typeof proposed !== 'object' || proposed === null) return errorReply(400, 'the entry is not JSON');
    const reply = await mock.fn(JSON.stringify(canonicalEntry(proposed as ProposedEntry)));
    return { status: reply.statusCode, body: reply.response, contentType: reply.contentType ?? 'text/plain' };
  };
}

interface ProposedEntry {
  kind?: string;
  apiVersion?: string;
  spec?: { proposedContent?: { envelope?: string; verifiers?: string[] } };
}

const sha256 = (data: string | Buffer) => ({
  algorithm: 'sha256',
  value: createHash('sha256').update(data).digest('hex'),
});

/**
 * The entry as Rekor stores it. The mock logs what it is sent, which is right for `hashedrekord` and
 * `intoto`; a `dsse` entry is sent as the envelope and its verifiers, and Rekor stores their hashes and
 * signatures instead, which is what verifiers compare the bundle with.
 */
function canonicalEntry(entry: ProposedEntry): object {
  const proposed = entry.spec?.proposedContent;
  if (entry.kind !== 'dsse' || !proposed?.envelope) return entry;
  const envelope = parseJson(proposed.envelope) as
    { payload?: string; signatures?: { sig?: string }[] } | undefined;
  const verifier = proposed.verifiers?.[0] ?? '';
  return {
    kind: 'dsse',
    apiVersion: entry.apiVersion,
    spec: {
      envelopeHash: sha256(proposed.envelope),
      payloadHash: sha256(Buffer.from(envelope?.payload ?? '', 'base64')),
      signatures: (envelope?.signatures ?? []).map(({ sig }) => ({ signature: sig ?? '', verifier })),
    },
  };
}
