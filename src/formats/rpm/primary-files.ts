/**
 * The files primary.xml lists (yum's rule, kept by createrepo_c): /etc/*, any *bin/*, sendmail — what yum
 * and dnf resolve file requires against without downloading filelists.
 */
export function isPrimaryFile(path: string): boolean {
  return path.startsWith('/etc/') || path === '/usr/lib/sendmail' || path.includes('bin/');
}
