import type { HostLocation } from '../hosts/location.js';
import { openPackageHost } from '../hosts/open-host.js';
import type { Logger } from '../util/logger.js';
import { bintrayFileOf } from './bintray-placement.js';
import type { Config } from './inputs.js';
import type { PublishPorts } from './ports.js';
import { packagePortsFor } from './wiring.js';

/**
 * The ports of a `bintray://` host: the host (told where each layout path goes on Bintray) and, when
 * `dev-retention` keeps anything there, the retention of its dev repositories. Loaded only for Bintray.
 */
export async function bintrayPortsFor(
  config: Config,
  location: Extract<HostLocation, { kind: 'bintray' }>,
  logger: Logger,
): Promise<Pick<PublishPorts, 'host' | 'repositories'>> {
  const { bintray } = config;
  if (bintray === undefined) throw new Error('a bintray:// host needs its inputs');
  const tag = /^refs\/tags\/(.+)$/.exec(config.ref)?.[1];
  const host = await openPackageHost(
    location,
    { ...config, bintrayHost: { ...bintray, placement: bintrayFileOf, vcsTag: tag, released: new Date() } },
    logger,
  );
  // No repositories to keep or sign there: refuses signing-key, as for any such host.
  const ports = await packagePortsFor(host, config);
  if (config.packagePatterns.length === 0 || Object.keys(bintray.keep).length === 0) return ports;
  const [{ BintrayApi }, { BintrayVersions }, { BintrayRetention }] = await Promise.all([
    import('../hosts/bintray/bintray-api.js'),
    import('../hosts/bintray/bintray-versions.js'),
    import('./bintray-retention.js'),
  ]);
  const versions = new BintrayVersions(location.subject, new BintrayApi({ ...bintray, logger }));
  return { ...ports, repositories: new BintrayRetention(versions, bintray.keep, bintrayFileOf) };
}
