import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dearmorKeyring } from '../../formats/openpgp/gpg-tools.js';
import { generateTestKey, type TestKey } from '../../formats/openpgp/test-keys.js';
import { falcoBuild } from '../../indexes/falco-packages.js';
import { layeredImage, writeImageLayout } from '../layered-image.js';
import { shellProviderRepository } from '../services/package-clients.js';
import { startProxy, type CountingProxy, type ProxyRules } from '../services/proxy.js';
import { startRadosgw, type Radosgw } from '../services/radosgw.js';
import { startSwift, type Swift } from '../services/swift.js';
import { startRegistry, type Credentials, type Registry } from '../services/registry.js';
import { startTokenServer, type TokenServer } from '../services/token-server.js';

/** The registry user of every scenario; its password must never show (run-action.ts audits it). */
export const USER: Credentials = { username: 'falco-release', password: 'rel-Pw-4411-never-shown' };
/** The two releases a scenario publishes: the one before (its `latest`) and the one under test. */
export const BEFORE = '0.25.0';
export const RELEASE = '0.26.0';
export const IMAGES = ['falco', 'falco-driver-loader'] as const;

/**
 * The real services every scenario shares, each scenario under its own names (a registry namespace, a
 * bucket): a token server (behind a proxy whose faults each scenario scripts for its own namespace), a
 * docker-registry that trusts it, radosgw and Swift, and in `work` the builds of both releases (packages and
 * OCI layouts), the signing key and what apt and dnf need to check it.
 */
export interface FaultWorld {
  readonly work: string;
  readonly tokens: TokenServer;
  readonly tokenProxy: CountingProxy;
  /** Namespace → the faults of the token server for that scenario. */
  readonly tokenFaults: Map<string, ProxyRules>;
  readonly registry: Registry;
  readonly radosgw: Radosgw;
  readonly swift: Swift;
  readonly key: TestKey;
  readonly keyring: string;
  readonly shellRepository: string;
  stop(): Promise<void>;
}

/** The namespace a token request's scope names (`repository:<ns>/falco:pull,push`). */
function namespaceOfScope(url: string): string | undefined {
  const scope = new URL(url, 'http://token').searchParams.get('scope') ?? '';
  return /^repository:([^/:]+)\//.exec(scope)?.[1];
}

/** The size of the release's tarball. */
export const LARGE_TARBALL_BYTES = 20 * 1024 * 1024;

/** Incompressible bytes, as a real tarball's are. */
const noise = (size: number): Buffer => randomBytes(size);

/** Both releases' packages (`build-<version>/`) and images (`images-<version>/`, each tagged `<image>`). */
async function buildReleases(work: string): Promise<void> {
  await Promise.all(
    [BEFORE, RELEASE].map(async (version) => {
      falcoBuild(join(work, `build-${version}`), version);
      // A tarball of several S3 parts (8 MiB each): uploads that can break in the middle of a part.
      if (version === RELEASE) {
        writeFileSync(
          join(work, `build-${version}`, `falco-${version}-x86_64.tar.gz`),
          noise(LARGE_TARBALL_BYTES),
        );
      }
      const images = IMAGES.map((name) => ({
        image: layeredImage(`${name} ${version}`, { layers: 2, layerBytes: 256 * 1024 }),
        tag: name,
      }));
      await writeImageLayout(join(work, `images-${version}`), images);
    }),
  );
}

export async function startFaultWorld(): Promise<FaultWorld> {
  const work = mkdtempSync(join(tmpdir(), 'faults-'));
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const stopOne of stops.reverse()) await stopOne();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const radosgwStarted = startRadosgw();
    stops.push(async () => (await radosgwStarted.catch(() => undefined))?.stop());
    const swiftStarted = startSwift();
    stops.push(async () => (await swiftStarted.catch(() => undefined))?.stop());
    const tokens = await startTokenServer({ users: { [USER.username]: USER.password } });
    stops.push(() => tokens.stop());
    const tokenFaults = new Map<string, ProxyRules>();
    const tokenProxy = await startProxy(new URL(tokens.url).host, {
      answer: (exchange, earlier) => {
        const namespace = namespaceOfScope(exchange.url);
        return namespace === undefined ? undefined : tokenFaults.get(namespace)?.answer?.(exchange, earlier);
      },
    });
    stops.push(() => tokenProxy.stop());
    const { service, issuer, certificatePem } = tokens;
    const realm = `http://${tokenProxy.address}/token`;
    const registry = await startRegistry({ token: { realm, service, issuer, certificatePem } });
    stops.push(() => registry.stop());
    // RSA: dnf's repo_gpgcheck reads it as well as apt does.
    const key = await generateTestKey('rsa');
    const keyring = dearmorKeyring(key.publicKey, join(work, 'falco-archive-keyring.gpg'));
    const shellRepository = shellProviderRepository(join(work, 'shell'));
    await buildReleases(work);
    const [radosgw, swift] = await Promise.all([radosgwStarted, swiftStarted]);
    return {
      work,
      tokens,
      tokenProxy,
      tokenFaults,
      registry,
      radosgw,
      swift,
      key,
      keyring,
      shellRepository,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
