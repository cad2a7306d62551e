import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Credentials } from '../__tests__/e2e/services/registry.js';
import { AWS } from './aws-cli.js';
import { exec } from './measure.js';
import { REBUILD } from './repository-seeds.js';
import { runMeasured, skopeoCopyMeasured, type Measured } from './processes.js';

// Falco's release as its scripts publish it today, for the whole-release benchmark. Images: one copy per
// tag and registry. Falco's scripts use crane; crane is not installed here, and skopeo (`copy --all`, the
// index and both platforms) makes the same requests a per-tag copy makes. Packages: the deb and rpm trees
// copied down whole, indexed again by apt-ftparchive and createrepo_c --update, signed by gpg, synced back.

/** A gpg home holding the signing key, for Falco's way to sign with; `stop` ends the gpg-agent gpg started there. */
export interface GpgHome {
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

export async function gpgHome(dir: string, armoredKey: string, passphrase: string): Promise<GpgHome> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const keyFile = join(dir, 'key.asc');
  await writeFile(keyFile, armoredKey);
  const env = { GNUPGHOME: dir, PATH: process.env.PATH ?? '' };
  await exec(
    'gpg',
    ['--batch', '--pinentry-mode', 'loopback', '--passphrase', passphrase, '--import', keyFile],
    env,
  );
  return {
    env,
    stop: async () => {
      await exec('gpgconf', ['--kill', 'gpg-agent'], env);
    },
  };
}

/** gpg signs what apt and dnf check: InRelease, Release.gpg and repomd.xml.asc of the repositories at REPO. */
export const SIGN = `set -e
sign() { gpg --batch --yes --pinentry-mode loopback --passphrase "$PASSPHRASE" "$@"; }
release="$REPO/deb/dists/stable/Release"
sign --clearsign -o "$REPO/deb/dists/stable/InRelease" "$release"
sign --armor --detach-sign -o "$release.gpg" "$release"
sign --armor --detach-sign -o "$REPO/rpm/repodata/repomd.xml.asc" "$REPO/rpm/repodata/repomd.xml"
`;

/**
 * Falco's way for the packages, in one bash run: `aws s3 cp --recursive` of deb/ and rpm/ down, the new files
 * added, both repositories indexed again and signed (Release.gpg, InRelease, repomd.xml.asc), `aws s3 sync`
 * back, and the tarballs copied up to bin/<arch>/. Every S3 request goes to `ENDPOINT`.
 */
const PUBLISH_PACKAGES = `set -e
s3() { "$AWS" --endpoint-url "$ENDPOINT" s3 "$@" --no-progress --only-show-errors; }
rm -rf "$WORK"
mkdir -p "$WORK"
s3 cp --recursive "s3://$BUCKET/$PREFIX/deb" "$WORK/deb"
s3 cp --recursive "s3://$BUCKET/$PREFIX/rpm" "$WORK/rpm"
cp "$NEW"/*.deb "$WORK/deb/stable/"
cp "$NEW"/*.rpm "$WORK/rpm/"
REPO="$WORK" bash -c "$REBUILD"
REPO="$WORK" bash -c "$SIGN"
s3 sync "$WORK/deb" "s3://$BUCKET/$PREFIX/deb"
s3 sync "$WORK/rpm" "s3://$BUCKET/$PREFIX/rpm"
for tarball in "$NEW"/*.tar.gz; do
  arch=$(basename "$tarball" .tar.gz); arch=\${arch##*-}
  s3 cp "$tarball" "s3://$BUCKET/$PREFIX/bin/$arch/$(basename "$tarball")"
done
`;

export interface PackagesRun {
  /** The S3 endpoint (the delaying proxy). */
  readonly endpoint: string;
  readonly bucket: string;
  readonly prefix: string;
  /** A directory holding the release's new .deb, .rpm and .tar.gz files. */
  readonly newPackages: string;
  /** Scratch space for the copy of the repositories. */
  readonly work: string;
  readonly passphrase: string;
  /** Credentials (see swiftCredentials) and the gpg home. */
  readonly env: Record<string, string>;
}

export async function publishPackagesFalcosWay(run: PackagesRun): Promise<Measured> {
  const measured = await runMeasured('bash', ['-c', PUBLISH_PACKAGES], {
    env: {
      PATH: process.env.PATH ?? '',
      ...run.env,
      AWS,
      ENDPOINT: run.endpoint,
      BUCKET: run.bucket,
      PREFIX: run.prefix,
      NEW: run.newPackages,
      WORK: run.work,
      PASSPHRASE: run.passphrase,
      REBUILD,
      SIGN,
    },
  });
  if (measured.exitCode !== 0)
    throw new Error(`Falco's package publish failed (${measured.exitCode}):\n${measured.stderr}`);
  return measured;
}

/** One `skopeo copy --all` per tag and registry, in turn, as Falco's release job runs its copies. */
export async function copyTagsFalcosWay(
  copies: readonly { from: string; to: string; login?: Credentials | undefined }[],
): Promise<void> {
  for (const { from, to, login } of copies) {
    const creds = login === undefined ? [] : ['--dest-creds', `${login.username}:${login.password}`];
    await skopeoCopyMeasured([
      '--all',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      ...creds,
      from,
      to,
    ]);
  }
}
