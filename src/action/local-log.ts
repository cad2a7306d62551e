// Outside a runner nobody reads the workflow commands @actions/core writes to stdout: a person at a
// terminal would see `::add-mask::` with the secret in it and every `::debug::` line. This shows the log
// as a runner displays it instead, and hides the secrets as the runner's masking would.

/** What `::add-mask::` and every other command's data escape (%, CR, LF), undone. */
function unescapeData(data: string): string {
  return data.replace(/%(25|0D|0A)/gi, (code: string) =>
    code === '%25' ? '%' : code.toUpperCase() === '%0D' ? '\r' : '\n',
  );
}

/** How a runner titles an annotation in the log. */
const ANNOTATIONS: Readonly<Record<string, string>> = {
  error: 'Error',
  warning: 'Warning',
  notice: 'Notice',
};

/** The log of one run outside a runner: the secrets registered with `::add-mask::`, and its streams. */
export class LocalLog {
  private readonly secrets = new Set<string>();

  constructor(private readonly showDebug = false) {}

  /** A filter of one stream's text, write by write: a command counts only at the start of a line. */
  stream(): (text: string) => string {
    let atLineStart = true;
    return (text) => {
      let shown = '';
      for (const segment of text.split(/(?<=\n)/)) {
        shown += atLineStart ? this.line(segment) : segment;
        atLineStart = segment.endsWith('\n');
      }
      // The whole write at once: a secret of many lines is hidden as one.
      return this.redact(shown);
    };
  }

  /** One line (with its line end, if written yet) as a runner displays it; '' when it shows nothing. */
  private line(segment: string): string {
    const end = /\r?\n$/.exec(segment)?.[0] ?? '';
    const command = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(segment.slice(0, segment.length - end.length));
    if (!command) return segment;
    const [, name = '', data = ''] = command;
    const value = unescapeData(data);
    switch (name) {
      case 'add-mask':
        if (value.trim() !== '') this.secrets.add(value);
        return '';
      case 'debug':
        return this.showDebug ? `Debug: ${value}${end}` : '';
      case 'group':
        return `${value}${end}`;
      case 'endgroup':
        return '';
      default: {
        const title = ANNOTATIONS[name];
        return title === undefined ? segment : `${title}: ${value}${end}`;
      }
    }
  }

  /** Every registered secret replaced with `***`, the longest first (a whole key before its lines). */
  private redact(text: string): string {
    let redacted = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      redacted = redacted.split(secret).join('***');
    }
    return redacted;
  }
}

type Write = NodeJS.WriteStream['write'];
type WriteCallback = (error?: Error | null) => void;

/** Routes everything written to `stream` through `filter` (strings and bytes alike). */
export function filterWrites(stream: NodeJS.WriteStream, filter: (text: string) => string): void {
  const write = stream.write.bind(stream) as (chunk: string, callback?: WriteCallback) => boolean;
  const filtered = (
    chunk: string | Uint8Array,
    encodingOrCallback?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ): boolean => {
    const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    const text =
      typeof chunk === 'string' ? Buffer.from(chunk, encoding).toString() : Buffer.from(chunk).toString();
    return write(filter(text), done);
  };
  stream.write = filtered as Write;
}

/** Outside a runner: stdout and stderr show what a runner would display of them. */
export function showLocalLog(env: NodeJS.ProcessEnv): void {
  const log = new LocalLog(env.RUNNER_DEBUG === '1');
  filterWrites(process.stdout, log.stream());
  filterWrites(process.stderr, log.stream());
}
