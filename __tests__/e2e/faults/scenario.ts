import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { storeClient, storeOf, type HostKind } from './object-stores.js';
import { runAction, type ActionRun, type RunOptions } from '../run-action.js';
import { startProxy, type CountingProxy, type Fault, type ProxyRules } from '../services/proxy.js';
import { IMAGES, USER, type FaultWorld } from './fault-world.js';

/** The faults of one scenario, per service; they act only while the scenario is armed. */
export interface ScenarioFaults {
  readonly registry?: ProxyRules;
  readonly s3?: ProxyRules;
  readonly token?: ProxyRules;
}

/**
 * One scenario's own view of the shared world: a registry namespace and a bucket (or directory) named
 * `name`, and proxies in front of the registry and the store that apply its faults when armed.
 */
export interface Scenario {
  readonly name: string;
  readonly world: FaultWorld;
  readonly host: HostKind;
  /** The directory of a directory host. */
  readonly hostDir: string;
  readonly registryProxy: CountingProxy;
  /** In front of the scenario's store (radosgw or Swift; radosgw for a directory host, unused). */
  readonly s3Proxy: CountingProxy;
  /** Faults on or off (off while the release before is published). */
  armed: boolean;
  /**
   * Publishes a version's images and packages as the release job does; the faults act if armed.
   * The scenario's `overrides` replace inputs and add variables (e.g. another registry address).
   */
  publish(version: string, options?: RunOptions): Promise<ActionRun>;
  overrides: { inputs: Record<string, string>; env: Record<string, string> };
  stop(): Promise<void>;
}

function armedRules(scenario: { armed: boolean }, rules: ProxyRules | undefined): ProxyRules {
  return {
    answer: (exchange, earlier): Fault | undefined =>
      scenario.armed ? rules?.answer?.(exchange, earlier) : undefined,
    headers: (exchange, headers) => {
      if (scenario.armed) rules?.headers?.(exchange, headers);
    },
    // Not a fault but the way there (e.g. what a TLS front adds): always on.
    requestHeaders: (exchange, headers) => rules?.requestHeaders?.(exchange, headers),
  };
}

export async function startScenario(
  world: FaultWorld,
  name: string,
  faults: ScenarioFaults = {},
  host: HostKind = 'radosgw',
): Promise<Scenario> {
  const state = { armed: false };
  const store = storeOf(world, host === 'directory' ? 'radosgw' : host);
  const registryProxy = await startProxy(world.registry.address, armedRules(state, faults.registry));
  const s3Proxy = await startProxy(new URL(store.endpoint).host, armedRules(state, faults.s3));
  world.tokenFaults.set(name, armedRules(state, faults.token));
  const hostDir = join(world.work, `host-${name}`);
  const packageHost: Record<string, string> = { 'package-host': hostDir };
  if (host !== 'directory') {
    const s3 = storeClient(world, host);
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    s3.destroy();
    packageHost['package-host'] = `s3://${name}/packages`;
    packageHost['s3-endpoint'] = `http://${s3Proxy.address}`;
    // Swift has no conditional writes: the workflow serializes its publishers instead.
    if (host === 'swift') packageHost.serialized = 'true';
  }
  const scenario: Scenario = {
    name,
    world,
    host,
    hostDir,
    registryProxy,
    s3Proxy,
    get armed() {
      return state.armed;
    },
    set armed(on: boolean) {
      state.armed = on;
    },
    overrides: { inputs: {}, env: {} },
    publish: (version, options = {}) =>
      runAction(
        {
          ref: `refs/tags/${version}`,
          'image-driver': 'registry',
          registry: registryProxy.address,
          images: IMAGES.map((image) => `oci-layout:images-${version}:${image} ${name}/${image}`).join('\n'),
          'registry-username': USER.username,
          'registry-password': USER.password,
          packages: `build-${version}/falco-*`,
          'signing-key': world.key.privateKey,
          ...packageHost,
          ...scenario.overrides.inputs,
        },
        {
          AWS_ACCESS_KEY_ID: store.accessKeyId,
          AWS_SECRET_ACCESS_KEY: store.secretAccessKey,
          ...scenario.overrides.env,
        },
        world.work,
        {
          ...options,
          secrets: () => [
            ...world.tokens.issued.map((token, i) => ({ name: `bearer token ${i + 1}`, value: token })),
            ...(options.secrets?.() ?? []),
          ],
        },
      ),
    stop: async () => {
      world.tokenFaults.delete(name);
      await Promise.all([registryProxy.stop(), s3Proxy.stop()]);
    },
  };
  return scenario;
}
