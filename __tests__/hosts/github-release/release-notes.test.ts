import { describe, expect, it } from 'vitest';
import {
  NOTES_BEGIN,
  NOTES_END,
  notesSection,
  withNotes,
} from '../../../src/hosts/github-release/release-notes.js';

const SHA = 'b'.repeat(64);
const section = notesSection(
  [{ ref: 'docker.io/falcosecurity/falco:0.26.0', digest: `sha256:${'a'.repeat(64)}` }],
  [
    {
      name: 'falco-0.27.0-12+abc1234-x86_64.deb',
      size: 12_345_678,
      sha256: SHA,
      url: 'https://github.com/falcosecurity/falco/releases/download/dev/falco-0.27.0-12%2Babc1234-x86_64.deb',
    },
    { name: 'tiny-0.1.0-noarch.tar.gz', size: 512, sha256: SHA, url: 'https://example.test/a (b).tar.gz' },
  ],
);

describe('the release notes section', () => {
  it('lists each image tag with its digest and each package with its size, sha256 and download link', () => {
    expect(section.startsWith(`${NOTES_BEGIN}\n`)).toBe(true);
    expect(section.endsWith(NOTES_END)).toBe(true);
    expect(section).toContain(`| \`docker.io/falcosecurity/falco:0.26.0\` | \`sha256:${'a'.repeat(64)}\` |`);
    // GitHub's URL is already encoded: it is kept as it is, not encoded twice.
    expect(section).toContain(
      `| [falco-0.27.0-12+abc1234-x86_64.deb](https://github.com/falcosecurity/falco/releases/download/dev/falco-0.27.0-12%2Babc1234-x86_64.deb) | 11.8 MiB (12345678 bytes) | \`${SHA}\` |`,
    );
    // A parenthesis or space would end the link.
    expect(section).toContain('(https://example.test/a%20%28b%29.tar.gz) | 512 B |');
  });

  it('leaves out a table with nothing in it', () => {
    expect(notesSection([], [])).not.toContain('###');
  });

  it('is appended after a blank line, or is the whole of an empty body', () => {
    expect(withNotes('Release notes.\n\n', section)).toBe(`Release notes.\n\n${section}`);
    expect(withNotes(null, section)).toBe(section);
  });

  it('replaces the section a run wrote before, keeping what is around it', () => {
    const old = notesSection([], []);
    expect(withNotes(`before\n\n${old}\n\nafter`, section)).toBe(`before\n\n${section}\n\nafter`);
  });

  it('replaces to the end of the body when the end marker was deleted', () => {
    expect(withNotes(`before\n\n${NOTES_BEGIN}\nstale`, section)).toBe(`before\n\n${section}`);
  });
});
