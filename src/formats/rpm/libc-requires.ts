import { rpmvercmp } from './rpm-version.js';

/**
 * createrepo_c's ranking of two libc.so.6 requires by what their first parentheses hold
 * (`libc.so.6()` < `libc.so.6(GLIBC_2.3.4)(64bit)` < `libc.so.6(GLIBC_2.4)`): 2 when `second` ranks
 * higher, 1 when `first` does, 0 when equal.
 */
export function compareLibc(first: string, second: string): 0 | 1 | 2 {
  const open1 = first.indexOf('(');
  const open2 = second.indexOf('(');
  if (open1 < 0 && open2 < 0) return 0;
  if (open1 < 0) return 2;
  if (open2 < 0) return 1;
  const close1 = first.indexOf(')', open1);
  const close2 = second.indexOf(')', open2);
  if (close1 < 0 && close2 < 0) return 0;
  if (close1 < 0) return 2;
  if (close2 < 0) return 1;
  if (close1 === open1 + 1 && close2 === open2 + 1) return 0;
  if (close1 === open1 + 1) return 2;
  if (close2 === open2 + 1) return 1;
  // From the first digit after the parenthesis (it may lie past the closing one).
  const digit1 = firstDigit(first, open1 + 1);
  const digit2 = firstDigit(second, open2 + 1);
  if (digit1 > close1 && digit2 > close2) return 0;
  if (digit1 > close1) return 2;
  if (digit2 > close2) return 1;
  const order = Math.sign(rpmvercmp(first.slice(digit1, close1), second.slice(digit2, close2)));
  return order === -1 ? 2 : order === 1 ? 1 : 0;
}

function firstDigit(text: string, from: number): number {
  let at = from;
  while (at < text.length && !(text.charAt(at) >= '0' && text.charAt(at) <= '9')) at++;
  return at;
}
