import { describe, expect, it } from 'vitest';
import { renderFilelists, renderOther, renderPrimary } from './render-documents.js';
import { BARE, FALCO, yumFile } from './rpm-package-fixture.js';

const falco = yumFile(FALCO);
const bare = yumFile(BARE);

describe('renderPrimary', () => {
  it('writes a package as createrepo_c does', () => {
    expect(renderPrimary([falco])).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="1">
<package type="rpm">
  <name>falco</name>
  <arch>x86_64</arch>
  <version epoch="1" ver="0.27.0" rel="12+abc1234"/>
  <checksum type="sha256" pkgid="YES">${falco.sha256}</checksum>
  <summary>Falco &amp; &lt;runtime&gt; "security"</summary>
  <description>Falco runtime security.
Detects threats &amp; &lt;things&gt;.</description>
  <packager>Falco &lt;cncf-falco-dev@lists.cncf.io&gt;</packager>
  <url>https://falco.org/?a=1&amp;b=2</url>
  <time file="1609581600" build="1609581600"/>
  <size package="7683" installed="29" archive="944"/>
  <location href="falco-0.27.0-12+abc1234.x86_64.rpm"/>
  <format>
    <rpm:license>Apache-2.0</rpm:license>
    <rpm:vendor>Falco Project</rpm:vendor>
    <rpm:group>Applications/System</rpm:group>
    <rpm:buildhost>builder</rpm:buildhost>
    <rpm:sourcerpm>falco-0.27.0-12+abc1234.src.rpm</rpm:sourcerpm>
    <rpm:header-range start="4504" end="7465"/>
    <rpm:provides>
      <rpm:entry name="falco" flags="EQ" epoch="1" ver="0.27.0" rel="12+abc1234"/>
      <rpm:entry name="falco-engine" flags="EQ" epoch="0" ver="0.27.0"/>
      <rpm:entry name="libfalco.so()(64bit)"/>
    </rpm:provides>
    <rpm:requires>
      <rpm:entry name="/bin/sh" pre="1"/>
      <rpm:entry name="dkms" flags="GE" epoch="0" ver="2.0"/>
    </rpm:requires>
    <rpm:conflicts>
      <rpm:entry name="sysdig" flags="LT" epoch="0" ver="0.1"/>
    </rpm:conflicts>
    <rpm:obsoletes>
      <rpm:entry name="falco-old" flags="LE" epoch="1" ver="0.26" rel="1"/>
    </rpm:obsoletes>
    <file type="dir">/etc/falco</file>
    <file>/etc/falco/falco.yaml</file>
    <file>/usr/bin/falco</file>
  </format>
</package>
</metadata>`);
  });

  it('writes absent fields as empty elements and zeros, and leaves out empty dependency blocks', () => {
    expect(renderPrimary([bare])).toContain(`<package type="rpm">
  <name>bare</name>
  <arch>noarch</arch>
  <version epoch="0" ver="1" rel="1"/>
  <checksum type="sha256" pkgid="YES">${bare.sha256}</checksum>
  <summary>s</summary>
  <description>d</description>
  <packager></packager>
  <url></url>
  <time file="1609581600" build="1"/>
  <size package="7683" installed="0" archive="0"/>
  <location href="bare-1-1.noarch.rpm"/>
  <format>
    <rpm:license>MIT</rpm:license>
    <rpm:vendor></rpm:vendor>
    <rpm:group></rpm:group>
    <rpm:buildhost></rpm:buildhost>
    <rpm:sourcerpm></rpm:sourcerpm>
    <rpm:header-range start="0" end="0"/>
  </format>
</package>
`);
  });

  it('escapes the location as an attribute', () => {
    expect(renderPrimary([yumFile(BARE, { location: 'dir/a&b "ü".rpm' })])).toContain(
      '<location href="dir/a&amp;b &quot;&#xFC;&quot;.rpm"/>',
    );
  });

  it('counts the packages and writes them in the order given', () => {
    const xml = renderPrimary([bare, falco]);
    expect(xml).toContain('packages="2"');
    expect(xml.indexOf('<name>bare</name>')).toBeLessThan(xml.indexOf('<name>falco</name>'));
    expect(renderPrimary([])).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="0">
</metadata>`);
  });

  it('refuses text XML cannot carry', () => {
    expect(() => renderPrimary([yumFile({ ...BARE, summary: 'bell\u0007' })])).toThrow('U+0007');
  });
});

describe('renderFilelists', () => {
  it('lists every file, directories and ghosts marked', () => {
    expect(renderFilelists([falco])).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<filelists xmlns="http://linux.duke.edu/metadata/filelists" packages="1">
<package pkgid="${falco.sha256}" name="falco" arch="x86_64">
  <version epoch="1" ver="0.27.0" rel="12+abc1234"/>
  <file type="dir">/etc/falco</file>
  <file>/etc/falco/falco.yaml</file>
  <file>/usr/bin/falco</file>
  <file>/usr/share/falco/data.txt</file>
  <file type="ghost">/var/log/falco/falco.log</file>
</package>
</filelists>`);
  });
});

describe('renderOther', () => {
  it('lists the changelog oldest first', () => {
    expect(renderOther([falco, bare])).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<otherdata xmlns="http://linux.duke.edu/metadata/other" packages="2">
<package pkgid="${falco.sha256}" name="falco" arch="x86_64">
  <version epoch="1" ver="0.27.0" rel="12+abc1234"/>
  <changelog author="Dev &lt;dev@falco.org&gt; - 0.26.0" date="1609502400">- First</changelog>
  <changelog author="Dev &lt;dev@falco.org&gt; - 0.27.0" date="1609588800">- Second &amp; &lt;more&gt;</changelog>
</package>
<package pkgid="${bare.sha256}" name="bare" arch="noarch">
  <version epoch="0" ver="1" rel="1"/>
</package>
</otherdata>`);
  });
});
