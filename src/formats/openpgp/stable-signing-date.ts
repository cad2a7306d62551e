import type { PrivateKey } from 'openpgp';

/**
 * A signature time that depends on the key alone, for signatures that must come out the same on every
 * run (an rpm's header signature is part of the published bytes: a new time would make a new file).
 * The earliest of the key's own dates (its creation, and each self- or binding signature's) at which it
 * can sign: a signing subkey or a later binding makes the primary key's creation too early. Undefined
 * when the key cannot sign at any of them (then it cannot sign now either, which the key check reports).
 */
export async function stableSigningDate(key: PrivateKey): Promise<Date | undefined> {
  const dates = new Set<number>([key.getCreationTime().getTime()]);
  for (const user of key.users) {
    for (const signature of user.selfCertifications) {
      if (signature.created) dates.add(signature.created.getTime());
    }
  }
  for (const subkey of key.subkeys) {
    dates.add(subkey.getCreationTime().getTime());
    for (const signature of subkey.bindingSignatures) {
      if (signature.created) dates.add(signature.created.getTime());
    }
  }
  for (const time of [...dates].sort((a, b) => a - b)) {
    const date = new Date(time);
    try {
      await key.getSigningKey(undefined, date);
      return date;
    } catch {
      // Not yet able to sign at this date: try the next.
    }
  }
  return undefined;
}
