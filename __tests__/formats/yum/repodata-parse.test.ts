import { describe, expect, it } from 'vitest';
import { renderFilelists, renderOther, renderPrimary } from './render-documents.js';
import { parseFilelists, parseOther, parsePrimary } from '../../../src/formats/yum/repodata-parse.js';
import { BARE, FALCO, yumFile } from './rpm-package-fixture.js';

const falco = yumFile(FALCO);
const bare = yumFile(BARE);

describe('parsePrimary', () => {
  it('reads our primary.xml back into what we wrote', () => {
    const xml = renderPrimary([falco, bare]);
    const [first, second] = parsePrimary(xml);
    expect(first).toMatchObject({
      pkgid: falco.sha256,
      checksumType: 'sha256',
      name: 'falco',
      arch: 'x86_64',
      evr: { epoch: '1', version: '0.27.0', release: '12+abc1234' },
      summary: FALCO.summary,
      description: FALCO.description,
      packager: FALCO.packager,
      url: FALCO.url,
      time: { file: 1609581600, build: 1609581600 },
      size: { package: 7683, installed: 29, archive: 944 },
      location: falco.location,
      license: 'Apache-2.0',
      vendor: 'Falco Project',
      group: 'Applications/System',
      buildhost: 'builder',
      sourcerpm: FALCO.sourcerpm,
      headerRange: { start: 4504, end: 7465 },
      dependencies: {
        provides: [
          { name: 'falco', flags: 'EQ', epoch: '1', version: '0.27.0', release: '12+abc1234' },
          { name: 'falco-engine', flags: 'EQ', epoch: '0', version: '0.27.0' },
          { name: 'libfalco.so()(64bit)' },
        ],
        requires: [
          { name: '/bin/sh', pre: true },
          { name: 'dkms', flags: 'GE', epoch: '0', version: '2.0' },
        ],
        conflicts: [{ name: 'sysdig', flags: 'LT', epoch: '0', version: '0.1' }],
        obsoletes: [{ name: 'falco-old', flags: 'LE', epoch: '1', version: '0.26', release: '1' }],
      },
      files: [
        { path: '/etc/falco', type: 'dir' },
        { path: '/etc/falco/falco.yaml', type: 'file' },
        { path: '/usr/bin/falco', type: 'file' },
      ],
    });
    expect(second).toMatchObject({ name: 'bare', packager: '', dependencies: {}, files: [] });
    expect(`${first?.xml}\n${second?.xml}`).toBe(
      xml.slice(xml.indexOf('<package'), xml.lastIndexOf('</package>') + 10),
    );
  });

  it('keeps what it does not model in the verbatim element: xml:base, weak dependencies, other indentation', () => {
    const element = `<package type="rpm"><name>x</name><arch>noarch</arch><version epoch="0" ver="1" rel="1"/>
<checksum type="sha256" pkgid="YES">abc</checksum><time file="1" build="2"/><size package="3" installed="4" archive="5"/>
<location xml:base="https://mirror.example/" href="x.rpm"/><format><rpm:recommends><rpm:entry name="y"/></rpm:recommends></format></package>`;
    const [record] = parsePrimary(`<?xml version="1.0"?><metadata packages="1">${element}</metadata>`);
    expect(record?.xml).toBe(element);
    expect(record?.locationBase).toBe('https://mirror.example/');
    expect(record?.dependencies).toEqual({ recommends: [{ name: 'y' }] });
    expect(record?.summary).toBe('');
  });

  it.each([
    [
      '<filelists packages="0"></filelists>',
      'primary metadata: the root element is <filelists>, not <metadata>',
    ],
    ['<metadata packages="2"></metadata>', 'primary metadata says packages="2" but holds 0'],
    ['<metadata><package><name>x</name></package></metadata>', '<package> has no <checksum>'],
  ])('refuses %j', (xml, problem) => {
    expect(() => parsePrimary(xml)).toThrow(problem);
  });

  it('refuses dependency flags repodata does not use', () => {
    const xml = renderPrimary([falco]).replace('flags="GE"', 'flags="GREATER"');
    expect(() => parsePrimary(xml)).toThrow('<rpm:entry> has flags="GREATER"');
  });
});

describe('parseFilelists', () => {
  it('reads our filelists.xml back', () => {
    const [record] = parseFilelists(renderFilelists([falco]));
    expect(record).toMatchObject({
      pkgid: falco.sha256,
      name: 'falco',
      arch: 'x86_64',
      evr: { epoch: '1', version: '0.27.0', release: '12+abc1234' },
      files: FALCO.files,
    });
  });

  it('refuses a file type it does not know', () => {
    expect(() =>
      parseFilelists(
        '<filelists><package pkgid="a" name="n" arch="x"><version ver="1"/><file type="socket">/s</file></package></filelists>',
      ),
    ).toThrow('<file type="socket">');
  });
});

describe('parseOther', () => {
  it('reads our other.xml back, changelog oldest first', () => {
    const [record] = parseOther(renderOther([falco]));
    expect(record?.changelogs).toEqual([...FALCO.changelogs].reverse());
    expect(record?.pkgid).toBe(falco.sha256);
  });

  it('refuses a date that is not a number', () => {
    expect(() =>
      parseOther(
        '<otherdata><package pkgid="a" name="n" arch="x"><version ver="1"/><changelog author="a" date="soon">t</changelog></package></otherdata>',
      ),
    ).toThrow('<changelog date="soon"> is not an integer');
  });
});
