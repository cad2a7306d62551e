/** A parsed JSON object, read field by field with checks: the files we read are not ours. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses bytes that must hold a JSON object; undefined when they do not (the caller names the file). */
export function parseJsonObject(bytes: Buffer | string): JsonObject | undefined {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString());
  } catch {
    return undefined;
  }
  return isJsonObject(value) ? value : undefined;
}

/** The string fields of an object (annotations, labels); undefined when any value is not a string. */
export function stringRecord(value: unknown): Readonly<Record<string, string>> | undefined {
  if (!isJsonObject(value)) return undefined;
  const record: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field !== 'string') return undefined;
    record[key] = field;
  }
  return record;
}
