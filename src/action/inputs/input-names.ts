/** Every input of action.yml, in its order (`__tests__/contract.test.ts` checks the two agree). */
export const INPUT_NAMES = [
  'ref',
  'dev-branch',
  'images',
  'image-driver',
  'registry',
  'mirror-registries',
  'registry-insecure',
  'registry-username',
  'registry-password',
  'latest',
  'packages',
  'package-host',
  's3-endpoint',
  's3-region',
  'serialized',
  'signing-key',
  'signing-passphrase',
  'rpm-header-signatures',
  'dev-retention',
  'overwrite',
  'dry-run',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];
