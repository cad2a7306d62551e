/** The value of HTTP Basic authentication, `base64(user:password)`: sent to registries and masked in logs. */
export function basicAuthValue(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}
