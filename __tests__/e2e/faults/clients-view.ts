import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gpgv } from '../../formats/openpgp/gpg-tools.js';
import { serveDirectory } from '../../formats/openpgp/static-server.js';
import { aptClient, aptVersions, dnfClient, dnfVersions } from '../services/package-clients.js';
import type { FaultWorld } from './fault-world.js';
import { filesUnder } from './snapshot.js';

/** What apt-get and dnf (x86_64 machines) make of the repositories: whether they read them, and the versions they list. */
export interface ClientsView {
  readonly aptUpdated: boolean;
  readonly apt: string[];
  readonly dnfRead: boolean;
  readonly dnf: string[];
  /** What the clients said when they failed. */
  readonly output: string;
}

/** Signatures that do not verify against the world's key, by file (empty when all do). */
export function badSignatures(world: FaultWorld, root: string): string[] {
  const pairs: [string, string | undefined][] = [
    ['deb/dists/stable/InRelease', undefined],
    ['deb/dists/stable/Release.gpg', 'deb/dists/stable/Release'],
    ['rpm/repodata/repomd.xml.asc', 'rpm/repodata/repomd.xml'],
  ];
  for (const file of filesUnder(root)) {
    if (/\.(deb|rpm|tar\.gz)\.asc$/.test(file)) pairs.push([file, file.slice(0, -'.asc'.length)]);
  }
  return pairs
    .filter(([signature]) => existsSync(join(root, signature)))
    .filter(([signature, data]) => {
      const files = data === undefined ? [signature] : [signature, data];
      return !gpgv(world.keyring, ...files.map((file) => join(root, file))).ok;
    })
    .map(([signature]) => signature);
}

/**
 * apt-get update and dnf repoquery against the repositories under `root`, served over loopback HTTP,
 * both checking the signatures with the world's key. `label` names the clients' own directories.
 */
export async function clientsView(world: FaultWorld, root: string, label: string): Promise<ClientsView> {
  const server = await serveDirectory(root);
  const home = join(world.work, 'clients', label);
  const apt = aptClient(
    join(home, 'apt'),
    `deb [signed-by=${world.keyring}] ${server.url}/deb stable main`,
    'amd64',
  );
  const dnf = dnfClient(
    join(home, 'dnf'),
    { baseurl: `${server.url}/rpm`, publicKey: world.key.publicKey },
    'x86_64',
    world.shellRepository,
  );
  try {
    const update = await apt.run('apt-get', 'update');
    const query = await dnfVersions(dnf, 'x86_64');
    return {
      aptUpdated: update.ok && !/^(W|E):/m.test(update.output),
      apt: update.ok ? (await aptVersions(apt)).sort() : [],
      dnfRead: query.ok,
      dnf: query.nevras,
      output: `${update.output}\n${query.output}`,
    };
  } finally {
    dnf.close();
    await server.close();
  }
}
