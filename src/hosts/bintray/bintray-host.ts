import { stat } from 'node:fs/promises';
import { UserError } from '../../util/errors.js';
import { startProgress, type ProgressReporting } from '../../util/progress.js';
import type { PackageHost } from '../host.js';
import type { BintrayApi } from './bintray-api.js';
import type { BintrayFile, BintrayPlacement } from './bintray-file.js';
import { parseFiles } from './bintray-files.js';
import { packagePath, subjectPath, uploadPath, versionPath } from './bintray-paths.js';
import { refusal } from './bintray-refusals.js';
import { UploadBody } from './bintray-upload-body.js';

export interface BintrayHostOptions {
  /** Where each path of the host layout goes on Bintray. */
  readonly placement: BintrayPlacement;
  /** The tag a release is published from (`0.26.0`); undefined for a dev build, whose version names its commit. */
  readonly vcsTag: string | undefined;
  /** The `released` date of the versions the run creates: its start. */
  readonly released: Date;
  /** Where the progress of packages over 64 MiB is told; nowhere when absent. */
  readonly progress?: ProgressReporting | undefined;
}

/**
 * Packages on Bintray (`package-host: bintray://<subject>`), or a server that speaks its API. Files go
 * into versions of packages (`falco` 0.26.0) in the repositories `deb`, `rpm`, `bin` and their `-dev`
 * twins; the version is made when a run first needs it, and each file is published as it is uploaded.
 * Bintray indexes its APT and YUM repositories itself: this host has no `repositoryStore`, so the plan
 * has no index step (dev retention deletes versions instead, see the action's Bintray retention).
 */
export class BintrayHost implements PackageHost {
  readonly description: string;
  /** Per repository and package: checked once that Bintray has it (it makes no package on upload). */
  private readonly packages = new Map<string, Promise<void>>();
  /** Per version: its files by path and sha256, as they were before the run. */
  private readonly files = new Map<string, Promise<ReadonlyMap<string, string>>>();
  /** Per version: made (or found) once. */
  private readonly versions = new Map<string, Promise<void>>();

  constructor(
    private readonly subject: string,
    private readonly api: BintrayApi,
    private readonly options: BintrayHostOptions,
  ) {
    this.description = `bintray://${subject} (${api.url})`;
  }

  /**
   * The credentials, before anything else: listing the subject's repositories needs the user and API
   * key Bintray accepts, so a wrong key fails here, naming the inputs, with nothing written.
   */
  async check(): Promise<void> {
    const path = subjectPath(this.subject);
    const reply = await this.api.request('GET', path);
    if (reply.status === 200) return;
    throw refusal(
      reply,
      `list the repositories of ${this.subject}`,
      this.api.url,
      `check the subject in package-host (bintray://<subject>: the user or organization)`,
    );
  }

  async existing(path: string): Promise<string | undefined> {
    const file = this.options.placement(path);
    await this.packageThere(file);
    const files = await once(this.files, versionKey(file), () => this.readFiles(file));
    return files.get(file.path);
  }

  async put(path: string, localFile: string, options: { sha256: string; replace: boolean }): Promise<void> {
    const file = this.options.placement(path);
    await once(this.versions, versionKey(file), () => this.makeVersion(file));
    const { size } = await stat(localFile);
    const progress = startProgress(this.options.progress, `upload ${path}`, size);
    const body = new UploadBody(localFile, progress);
    const reply = await this.api.request('PUT', uploadPath(this.subject, file, options.replace), {
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
      body: () => body.open(),
    });
    if (reply.status === 200 || reply.status === 201) {
      progress.finish();
      if (body.sentSha256() === options.sha256) return;
      // Published already (publish=1): said plainly, so the next run, which sees other bytes there, is understood.
      throw new UserError(
        localFile,
        `changed while it was being published (its sha256 is no longer the one planned); Bintray now holds the changed bytes at ${where(file)}/${file.path}`,
        'make sure nothing rewrites the package files while the action runs, then run again with overwrite: true',
      );
    }
    if (reply.status === 409 && !options.replace) {
      // Published since the plan: by someone else, or by an attempt of ours whose answer was lost (a 5xx).
      const there = (await this.readFiles(file)).get(file.path);
      if (there === options.sha256) return;
      throw new UserError(
        `packages: ${path}`,
        'was published with different content by someone else meanwhile',
        'publish a new version, or set overwrite: true',
      );
    }
    throw refusal(reply, `upload ${where(file)}/${file.path}`, this.api.url);
  }

  /** Bintray answers 404 for a missing repository or package alike; its message says which. */
  private packageThere(file: BintrayFile): Promise<void> {
    return once(this.packages, `${file.repository}/${file.package}`, async () => {
      const reply = await this.api.request('GET', packagePath(this.subject, file.repository, file.package));
      if (reply.status === 200) return;
      throw refusal(
        reply,
        `find the package ${file.package} in the repository ${file.repository} of ${this.subject}`,
        this.api.url,
        `create the repository ${file.repository} and its package ${file.package} first (Bintray makes neither on upload), or check package-host`,
      );
    });
  }

  /** The files of a version (unpublished ones too: a name they hold is taken), by path; none before it exists. */
  private async readFiles(file: BintrayFile): Promise<ReadonlyMap<string, string>> {
    const path = `${versionPath(this.subject, file.repository, file.package, file.version)}/files?include_unpublished=1`;
    const reply = await this.api.request('GET', path);
    if (reply.status === 404) return new Map();
    if (reply.status !== 200) throw refusal(reply, `list the files of ${where(file)}`, this.api.url);
    return new Map(parseFiles(reply, this.api.url).map((remote) => [remote.path, remote.sha256]));
  }

  /** HEAD, then POST when it is not there; a 409 means another publisher (or a lost answer) made it. */
  private async makeVersion(file: BintrayFile): Promise<void> {
    const { subject, api } = this;
    const head = await api.request('HEAD', versionPath(subject, file.repository, file.package, file.version));
    if (head.status === 200) return;
    if (head.status !== 404) throw refusal(head, `look up ${where(file)}`, api.url);
    const body = JSON.stringify({
      name: file.version,
      desc: `${file.package} ${file.version}`,
      vcs_tag: this.options.vcsTag ?? file.version,
      released: this.options.released.toISOString(),
    });
    const made = await api.request(
      'POST',
      `${packagePath(subject, file.repository, file.package)}/versions`,
      {
        headers: { 'content-type': 'application/json' },
        body: () => Buffer.from(body),
      },
    );
    if (made.status === 201 || made.status === 200 || made.status === 409) return;
    throw refusal(made, `create ${where(file)}`, api.url);
  }
}

/** `deb-dev/falco/0.27.0-12+abc1234`: a version as a person reads it. */
function where(file: BintrayFile): string {
  return `${file.repository}/${file.package}/${file.version}`;
}

function versionKey(file: BintrayFile): string {
  return `${file.repository}/${file.package}/${file.version}`;
}

/** Runs `make` once per key; a failure is not kept, so a later call asks again. */
function once<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  return made;
}
