import tar from 'tar-stream';

/** .deb files assembled in TypeScript (no dpkg-deb), so tests can give them any control file. */

/** A tar archive holding each file under its name. */
export async function tarOf(files: Readonly<Record<string, string>>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name, mode: 0o644 }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** An ar archive in dpkg's spelling: space-padded names, members on even offsets. */
export function arOf(members: readonly { readonly name: string; readonly data: Buffer }[]): Buffer {
  return Buffer.concat([
    Buffer.from('!<arch>\n', 'latin1'),
    ...members.flatMap(({ name, data }) => arMemberBytes(name, data)),
  ]);
}

/** One ar member: its 60-byte header (name space padded, size in decimal), the data, padded to even. */
export function arMemberBytes(name: string, data: Buffer): Buffer[] {
  const header =
    name.padEnd(16) +
    '0'.padEnd(12) +
    '0'.padEnd(6) +
    '0'.padEnd(6) +
    '100644'.padEnd(8) +
    String(data.length).padEnd(10) +
    '`\n';
  return [Buffer.from(header, 'latin1'), data, ...(data.length % 2 === 1 ? [Buffer.from('\n')] : [])];
}

/** A format 2.0 .deb whose uncompressed control.tar holds `./control` with `control` as its text. */
export async function debOf(control: string): Promise<Buffer> {
  return arOf([
    { name: 'debian-binary', data: Buffer.from('2.0\n') },
    { name: 'control.tar', data: await tarOf({ './control': control }) },
    { name: 'data.tar', data: await tarOf({}) },
  ]);
}
