import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText } from '../../../src/formats/yum/xml-escape.js';

describe('escapeText', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    [`"quotes" and 'apostrophes'`, `"quotes" and 'apostrophes'`],
    ['tab\tnewline\ncr\r', 'tab\tnewline\ncr&#13;'],
    ['ünïcode 日本 😀', 'ünïcode 日本 😀'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(escapeText(value)).toBe(expected);
  });
});

describe('escapeAttribute', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    [`"quotes" and 'apostrophes'`, `&quot;quotes&quot; and 'apostrophes'`],
    ['tab\tnewline\ncr\r', 'tab&#9;newline&#10;cr&#13;'],
    ['Jürgen', 'J&#xFC;rgen'],
    ['日本', '&#x65E5;&#x672C;'],
    ['😀', '&#x1F600;'],
  ])('%j → %j', (value, expected) => {
    expect(escapeAttribute(value)).toBe(expected);
  });
});

describe('characters XML cannot carry', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['bell\u0007', 'U+0007'],
    ['\u001F', 'U+001F'],
    ['\uFFFE', 'U+FFFE'],
    ['\uD800 alone', 'U+D800'],
    ['alone \uDC00', 'U+DC00'],
  ])('refuses %j', (value, code) => {
    expect(() => escapeText(value)).toThrow(`${code} cannot be written in repodata XML`);
    expect(() => escapeAttribute(value)).toThrow(`${code} cannot be written in repodata XML`);
  });
});
