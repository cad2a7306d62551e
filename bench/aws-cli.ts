import { join } from 'node:path';
import type { Swift } from '../__tests__/e2e/services/swift.js';
import { runMeasured, type Measured } from './processes.js';

/** Debian's awscli; another `aws` may come first in PATH (a pyenv shim, a pip install). */
export const AWS = '/usr/bin/aws';

/**
 * The environment both the action and the aws CLI get for Swift: credentials from variables only, so neither
 * side reads a config or credentials file of the machine's (`home` stands in for HOME).
 */
export function swiftCredentials(swift: Swift, home: string): Record<string, string> {
  return {
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: swift.accessKeyId,
    AWS_SECRET_ACCESS_KEY: swift.secretAccessKey,
    AWS_DEFAULT_REGION: swift.region,
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    // Newer awscli (2.23+) streams uploads as aws-chunked with a trailing CRC by default, which Swift
    // answers with 501; the settings that turn it off are ignored by versions without it.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
  };
}

/** `aws --endpoint-url <endpoint> <args>`, measured; rejects with its stderr when it fails. */
export async function awsMeasured(
  endpoint: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<Measured> {
  const run = await runMeasured(AWS, ['--endpoint-url', endpoint, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  if (run.exitCode !== 0) throw new Error(`aws ${args.join(' ')} failed (${run.exitCode}):\n${run.stderr}`);
  return run;
}
