import type { Credentials } from './registry.js';
import { skopeo } from './skopeo-cli.js';

/** skopeo on one `docker://` reference of a loopback (plain HTTP) test registry. */
function skopeoOn(args: string[], ref: string, auth: Credentials | undefined): Promise<string> {
  const creds = auth === undefined ? [] : ['--creds', `${auth.username}:${auth.password}`];
  return skopeo([...args, ...creds, '--tls-verify=false', `docker://${ref}`], [auth]);
}

/** The manifest digest of `ref` ("127.0.0.1:PORT/ns/name:tag"), as an independent client sees it. */
export async function skopeoDigest(ref: string, auth?: Credentials): Promise<string> {
  return (await skopeoOn(['inspect', '--format', '{{.Digest}}'], ref, auth)).trim();
}

/** The tags of `repo` ("127.0.0.1:PORT/ns/name"); [] when the registry does not know the repository. */
export async function skopeoTags(repo: string, auth?: Credentials): Promise<string[]> {
  try {
    const output = JSON.parse(await skopeoOn(['list-tags'], repo, auth)) as { Tags?: string[] | null };
    return output.Tags ?? [];
  } catch (error) {
    // distribution 2.8 answers 404 NAME_UNKNOWN; skopeo 1.9 reports only the status code.
    if (error instanceof Error && /registry 404 \(Not Found\)|NAME_UNKNOWN/.test(error.message)) return [];
    throw error;
  }
}
