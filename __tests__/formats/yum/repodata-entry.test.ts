import { describe, expect, it } from 'vitest';
import { renderFilelists, renderOther, renderPrimary } from './render-documents.js';
import { joinRepodata, repodataEntry } from '../../../src/formats/yum/repodata-entry.js';
import { parseFilelists, parseOther, parsePrimary } from '../../../src/formats/yum/repodata-parse.js';
import { BARE, FALCO, yumFile } from './rpm-package-fixture.js';

const files = [yumFile(FALCO), yumFile(BARE)];
const parsed = () => ({
  primary: parsePrimary(renderPrimary(files)),
  filelists: parseFilelists(renderFilelists(files)),
  other: parseOther(renderOther(files)),
});

describe('joinRepodata', () => {
  it('pairs the three documents into the entries we would render for the same packages', () => {
    const { primary, filelists, other } = parsed();
    expect(joinRepodata(primary, [...filelists].reverse(), other)).toEqual(files.map(repodataEntry));
  });

  it('pairs repeated pkgids in order', () => {
    const twice = [yumFile(BARE), yumFile(BARE, { location: 'copy/bare.rpm' })];
    const entries = joinRepodata(
      parsePrimary(renderPrimary(twice)),
      parseFilelists(renderFilelists(twice)),
      parseOther(renderOther(twice)),
    );
    expect(entries.map((entry) => entry.location)).toEqual(['bare-1-1.noarch.rpm', 'copy/bare.rpm']);
  });

  it('refuses a package missing from filelists or other', () => {
    const { primary, filelists, other } = parsed();
    expect(() => joinRepodata(primary, filelists.slice(1), other)).toThrow(
      'falco-1:0.27.0-12+abc1234.x86_64 is in primary.xml but not in filelists.xml',
    );
    expect(() => joinRepodata(primary, filelists, other.slice(0, 1))).toThrow(
      'bare-0:1-1.noarch is in primary.xml but not in other.xml',
    );
  });

  it('refuses a package only filelists or other knows', () => {
    const { primary, filelists, other } = parsed();
    expect(() => joinRepodata(primary.slice(1), filelists.slice(1), other)).toThrow(
      'falco-1:0.27.0-12+abc1234.x86_64 is in other.xml but not in primary.xml',
    );
  });

  it('refuses documents that disagree on what a pkgid is', () => {
    const { primary, filelists, other } = parsed();
    const renamed = filelists.map((record) => ({ ...record, name: `${record.name}-renamed` }));
    expect(() => joinRepodata(primary, renamed, other)).toThrow(
      `filelists.xml names pkgid ${files[0]?.sha256} falco-renamed-1:0.27.0-12+abc1234.x86_64`,
    );
  });
});
