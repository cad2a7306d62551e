import type { BintrayFile } from './bintray-file.js';

/**
 * The API's paths, each name percent-encoded as one segment: a dev version's `+` is `%2B` (a `+` left
 * as it is may be read as a space), and a `;` in a name could not pass for a matrix parameter.
 */
const segment = (name: string): string => encodeURIComponent(name);

/** `/repos/<subject>`: the subject's repositories. */
export function subjectPath(subject: string): string {
  return `/repos/${segment(subject)}`;
}

/** `/packages/<subject>/<repository>/<package>`. */
export function packagePath(subject: string, repository: string, pkg: string): string {
  return `/packages/${segment(subject)}/${segment(repository)}/${segment(pkg)}`;
}

/** `/packages/<subject>/<repository>/<package>/versions/<version>`. */
export function versionPath(subject: string, repository: string, pkg: string, version: string): string {
  return `${packagePath(subject, repository, pkg)}/versions/${segment(version)}`;
}

/**
 * The upload of a file: `/content/<subject>/<repository>/<package>/<version>/<path>` with Bintray's
 * matrix parameters. `publish=1` makes it downloadable at once; `override=1` (only when replacing)
 * lets it take the place of a file already there; a .deb gets the three `deb_*` parameters Bintray
 * requires of it to index it in its APT repository (`stable main`, its architecture).
 */
export function uploadPath(subject: string, file: BintrayFile, replace: boolean): string {
  const folders = file.path.split('/').map(segment).join('/');
  const params = [
    'publish=1',
    ...(replace ? ['override=1'] : []),
    ...(file.debArchitecture === undefined
      ? []
      : ['deb_distribution=stable', 'deb_component=main', `deb_architecture=${file.debArchitecture}`]),
  ];
  return `/content/${segment(subject)}/${segment(file.repository)}/${segment(file.package)}/${segment(file.version)}/${folders};${params.join(';')}`;
}
