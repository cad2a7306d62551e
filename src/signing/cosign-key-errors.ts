import { UserError } from '../util/errors.js';

// These inputs are secrets: no message may quote them, so none takes a value read from them.

export const AS_COSIGN_WRITES_IT =
  'give the contents of cosign.key as `cosign generate-key-pair` writes it, BEGIN and END lines included';

export const NEW_KEY_PAIR = 'make a new pair with `cosign generate-key-pair`';

export function badCosignKey(problem: string, remedy: string = AS_COSIGN_WRITES_IT): UserError {
  return new UserError('cosign-key', problem, remedy);
}

export function wrongCosignPassword(): UserError {
  // A wrong password and a changed ciphertext fail the same authentication: nothing tells them apart.
  return new UserError(
    'cosign-password',
    'does not decrypt cosign-key',
    'give the password `cosign generate-key-pair` asked for (empty if none was set); if it is right, cosign-key is damaged or incomplete',
  );
}
