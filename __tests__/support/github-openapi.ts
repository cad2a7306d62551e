import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * GitHub's published OpenAPI description (`@octokit/openapi`, dereferenced), read once per test file:
 * the GitHub fake finds each request's operation in it and checks the request against it, so what
 * the host sends is what GitHub documents, not what the fake happens to accept.
 */

const SPEC_FILE = 'node_modules/@octokit/openapi/generated/api.github.com.deref.json';

interface JsonObject {
  readonly [key: string]: unknown;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: JsonObject;
  readonly 'x-multi-segment'?: boolean;
}

export interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly template: string;
  /** The server the operation is served from when not the API's (`https://uploads.github.com`). */
  readonly server: string | undefined;
  readonly parameters: readonly Parameter[];
  readonly requestBody:
    | { readonly required: boolean; readonly content: Readonly<Record<string, { schema?: JsonObject }>> }
    | undefined;
  readonly responses: Readonly<
    Record<
      string,
      {
        content?: Readonly<
          Record<string, { schema?: JsonObject; examples?: Readonly<Record<string, { value?: unknown }>> }>
        >;
      }
    >
  >;
}

export interface Matched {
  readonly operation: Operation;
  /** The path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
}

interface SpecDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

interface Route {
  readonly operation: Operation;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literals: number;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;

export class GitHubSpec {
  private readonly routes: Route[] = [];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<JsonObject, ValidateFunction>();

  private constructor(spec: SpecDocument) {
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const method of METHODS) {
        const raw = item[method] as (JsonObject & { servers?: { url: string }[] }) | undefined;
        if (raw === undefined) continue;
        const operation: Operation = {
          operationId: String(raw['operationId']),
          method: method.toUpperCase(),
          template,
          server: raw.servers?.[0]?.url,
          parameters: (raw['parameters'] as Parameter[] | undefined) ?? [],
          requestBody: raw['requestBody'] as Operation['requestBody'],
          responses: (raw['responses'] as Operation['responses'] | undefined) ?? {},
        };
        this.routes.push(routeOf(operation));
      }
    }
    // A literal segment wins over a parameter: `/releases/latest` is not release `latest`.
    this.routes.sort((a, b) => b.literals - a.literals);
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addFormat('uri-template', true);
  }

  static load(): GitHubSpec {
    return new GitHubSpec(JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as SpecDocument);
  }

  /** The operation a request names, by method and path template; undefined: GitHub has no such route. */
  find(method: string, pathname: string): Matched | undefined {
    for (const route of this.routes) {
      if (route.operation.method !== method) continue;
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1] ?? '')));
      return { operation: route.operation, params };
    }
    return undefined;
  }

  /** What is wrong with a request's parameters (path and query), as GitHub would say it; empty: nothing. */
  checkParameters(matched: Matched, query: URLSearchParams): string[] {
    const problems: string[] = [];
    const declared = matched.operation.parameters;
    for (const parameter of declared) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      const value = parameter.in === 'path' ? matched.params[parameter.name] : query.get(parameter.name);
      if (value === undefined || value === null) {
        if (parameter.required) problems.push(`${parameter.name} is required`);
        continue;
      }
      if (parameter.schema && !this.validator(parameter.schema)(coerce(value, parameter.schema))) {
        problems.push(`${parameter.name}: '${value}' does not match ${JSON.stringify(parameter.schema)}`);
      }
    }
    for (const name of query.keys()) {
      if (!declared.some((parameter) => parameter.in === 'query' && parameter.name === name)) {
        problems.push(`${name} is not a query parameter of ${matched.operation.operationId}`);
      }
    }
    return problems;
  }

  /** What is wrong with a JSON body; unknown top-level properties count, as a typo would. */
  checkJsonBody(operation: Operation, body: unknown): string[] {
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (schema === undefined) return body === undefined ? [] : ['this operation takes no JSON body'];
    if (body === undefined) return operation.requestBody?.required ? ['a JSON body is required'] : [];
    const validate = this.validator(schema);
    const problems = validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `body${error.instancePath} ${error.message ?? ''}`);
    const properties = schema['properties'] as JsonObject | undefined;
    if (properties && typeof body === 'object' && body !== null && !Array.isArray(body)) {
      for (const key of Object.keys(body))
        if (!(key in properties)) problems.push(`body.${key} is not a property`);
    }
    return problems;
  }

  /** What is wrong with a response the fake is about to give: the fake must answer as GitHub documents. */
  checkResponse(operation: Operation, status: number, body: unknown): string[] {
    const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
    if (schema === undefined) return [];
    const validate = this.validator(schema);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `response${error.instancePath} ${error.message ?? ''}`);
  }

  /** The first documented example of an operation's response: the fake's objects start from these. */
  example(operationId: string, status: number): JsonObject {
    const route = this.routes.find((candidate) => candidate.operation.operationId === operationId);
    const content = route?.operation.responses[String(status)]?.content?.['application/json'];
    const example = Object.values(content?.examples ?? {})[0]?.value;
    if (typeof example !== 'object' || example === null)
      throw new Error(`${operationId} ${status} has no example`);
    return structuredClone(example as JsonObject);
  }

  private validator(schema: JsonObject): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}

function routeOf(operation: Operation): Route {
  const names: string[] = [];
  let literals = 0;
  const source = operation.template
    .split('/')
    .map((segment) => {
      const parameter = /^\{([^}]+)\}$/.exec(segment)?.[1];
      if (parameter === undefined) {
        literals++;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      names.push(parameter);
      const multi = operation.parameters.some((p) => p.name === parameter && p['x-multi-segment'] === true);
      return multi ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { operation, pattern: new RegExp(`^${source}$`), names, literals };
}

/** A parameter's text as the type its schema says, so the schema can check it. */
function coerce(value: string, schema: JsonObject): unknown {
  const type = schema['type'];
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
