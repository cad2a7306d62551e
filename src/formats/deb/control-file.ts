import tar from 'tar-stream';

/**
 * The `./control` file of a control.tar, as text; undefined when the archive has none. dpkg-deb
 * writes `./control`; other tools write `control`: both are taken. Throws tar-stream's error on a
 * damaged archive.
 */
export async function controlFileOf(controlTar: Buffer): Promise<string | undefined> {
  const extract = tar.extract();
  extract.end(controlTar);
  let control: Buffer | undefined;
  for await (const entry of extract) {
    const name = entry.header.name.replace(/^(\.\/)+/, '');
    const isFile = entry.header.type === 'file' || entry.header.type === 'contiguous-file';
    if (name === 'control' && isFile && control === undefined) {
      const chunks: Buffer[] = [];
      // tar-stream yields Buffers; its typings inherit Readable's untyped iterator.
      for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
      control = Buffer.concat(chunks);
    } else {
      entry.resume(); // md5sums, conffiles, maintainer scripts: not needed for the indexes
    }
  }
  return control?.toString('utf8');
}
