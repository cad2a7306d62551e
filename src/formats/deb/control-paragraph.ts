import { UserError } from '../../util/errors.js';
import { debianVersionProblem } from '../apt/debian-version.js';
import type { DebControl } from './deb-package.js';
import { isDebianArchitecture } from './debian-architecture.js';

/** deb822 field names: printable ASCII but space and colon, not starting with `#` or `-`. */
const FIELD = /^([!-"$-,.-9;-~][!-9;-~]*):(.*)$/;
const REBUILD = 'fix DEBIAN/control and build the package again with dpkg-deb --build';

/**
 * Parses a binary package's control file (one deb822 paragraph). Values are taken as dpkg takes
 * them, which is what `dpkg-deb --field` prints and what APT's Packages repeats: blanks after the
 * colon and trailing whitespace of the whole value dropped, continuation lines kept as written
 * (leading space, ` .` lines and all), joined with `\n`. A value may start with `\n` when its first
 * line is empty (Conffiles-style fields).
 */
export function parseControl(text: string, subject: string): DebControl {
  const fields = readFields(text, subject);
  const value = (wanted: string): string => {
    const found = fields.find(([name]) => name.toLowerCase() === wanted.toLowerCase());
    if (found === undefined || found[1] === '') {
      throw new UserError(subject, `control file has no ${wanted} field`, REBUILD);
    }
    return found[1];
  };
  const control = {
    fields,
    package: value('Package'),
    version: value('Version'),
    architecture: value('Architecture'),
  };
  // A value that is not one name would write a path outside the suite, or a Release the next run cannot read.
  if (!isDebianArchitecture(control.architecture)) {
    throw new UserError(
      subject,
      `control file Architecture '${control.architecture}' is not an architecture (one Debian architecture name such as amd64, arm64 or all)`,
      REBUILD,
    );
  }
  // APT orders versions to pick a candidate, and retention to prune: one it cannot order is refused here.
  const problem = debianVersionProblem(control.version);
  if (problem !== undefined) {
    throw new UserError(
      subject,
      `control file Version '${control.version}' is not a Debian version: ${problem}`,
      REBUILD,
    );
  }
  return control;
}

/** The paragraph's fields in order, values as dpkg takes them; anything but one paragraph is refused. */
function readFields(text: string, subject: string): [name: string, value: string][] {
  const fields: [name: string, value: string][] = [];
  const seen = new Set<string>();
  let ended = false;
  for (const [index, line] of text.split('\n').entries()) {
    const lineNumber = index + 1;
    if (/^[ \t]*$/.test(line)) {
      // The blank line that ends the paragraph; blank lines before it are skipped.
      if (fields.length > 0) ended = true;
      continue;
    }
    if (ended) {
      throw new UserError(subject, `control file has more than one paragraph (line ${lineNumber})`, REBUILD);
    }
    const last = fields.at(-1);
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (last === undefined) {
        throw new UserError(
          subject,
          `control file starts with a continuation line (line ${lineNumber})`,
          REBUILD,
        );
      }
      last[1] += `\n${line}`;
      continue;
    }
    const match = FIELD.exec(line);
    if (!match) {
      throw new UserError(subject, `control file line ${lineNumber} is not "Field: value": ${line}`, REBUILD);
    }
    const name = match[1] ?? '';
    const key = name.toLowerCase();
    if (seen.has(key)) {
      throw new UserError(subject, `control file has the field ${name} twice (line ${lineNumber})`, REBUILD);
    }
    seen.add(key);
    fields.push([name, (match[2] ?? '').replace(/^[ \t]+/, '')]);
  }
  // dpkg trims ASCII whitespace only (String.trimEnd would also take Unicode spaces).
  for (const field of fields) field[1] = field[1].replace(/[ \t\n\r\f\v]+$/, '');
  return fields;
}
