/** The grammar of an image tag (distribution spec): a word character, then up to 127 of [\w.-]. */
const TAG = /^[\w][\w.-]{0,127}$/;

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}
