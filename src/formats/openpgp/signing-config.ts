import { config, enums, type Config } from 'openpgp';

/** openpgp's defaults, with the two choices apt and reproducible output need. */
export const SIGNING_CONFIG: Config = {
  ...config,
  // apt refuses SHA-1 signatures; openpgp never picks less than SHA-256, and asking for SHA-512
  // keeps it so should its default ever change.
  preferredHashAlgorithm: enums.hash.sha512,
  // openpgp salts every signature with a random notation by default (against fault attacks on
  // EdDSA); without it, a re-run that signs the same bytes at the same date writes the same files.
  nonDeterministicSignaturesViaNotation: false,
};
