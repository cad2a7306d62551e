/**
 * in-toto attestation statements (spec v1): what a signature over a set of artifacts says about them.
 * The statement is the DSSE payload; its bytes are what gets signed.
 */
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';

/** The DSSE payload type of an in-toto statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** One artifact a statement speaks of: an image by its manifest digest, or a file by its content. */
export interface Subject {
  readonly name: string;
  readonly digest: { readonly sha256: string };
}

export interface Statement<Predicate> {
  readonly _type: typeof IN_TOTO_STATEMENT_V1;
  readonly subject: readonly Subject[];
  readonly predicateType: string;
  readonly predicate: Predicate;
}

/**
 * The bytes that get signed: compact JSON with every object's keys in code-unit order, so one statement
 * always signs to the same payload however its objects were built. Arrays keep their order.
 */
export function statementBytes(statement: Statement<unknown>): Buffer {
  return Buffer.from(stableJson(statement), 'utf8');
}

function stableJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a statement cannot hold the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object') {
    // Absent optional fields are left out, as JSON.stringify leaves out undefined properties.
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${stableJson(member)}`);
    return `{${members.join(',')}}`;
  }
  throw new Error(`a statement holds only JSON values, not ${typeof value}`);
}
