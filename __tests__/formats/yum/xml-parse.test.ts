import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/formats/yum/xml-parse.js';
import { attribute, element, elements, optionalElement, textOf } from '../../../src/formats/yum/xml-tree.js';

describe('parseXml', () => {
  it('reads elements, attributes, text, self-closing elements, and where each element is', () => {
    const source = `<?xml version="1.0" encoding="UTF-8"?>\n<root a="1" b='two'>\n  <child x="y"/>\n  <text>hello</text>\n</root>\n`;
    const root = parseXml(source);
    expect(root.name).toBe('root');
    expect(Object.fromEntries(root.attributes)).toEqual({ a: '1', b: 'two' });
    expect(elements(root).map((child) => child.name)).toEqual(['child', 'text']);
    const text = element(root, 'text');
    expect(textOf(text)).toBe('hello');
    expect(source.slice(text.start, text.end)).toBe('<text>hello</text>');
    const child = element(root, 'child');
    expect(source.slice(child.start, child.end)).toBe('<child x="y"/>');
    expect(source.slice(root.start, root.end)).toBe(
      source.slice(source.indexOf('<root'), source.lastIndexOf('>') + 1),
    );
  });

  it('decodes entities and character references in text and attributes', () => {
    const root = parseXml('<r v="&quot;&#xFC;&#252;&apos;&lt;">&amp;&lt;&gt;&quot;&apos;&#13;&#x1F600;</r>');
    expect(root.attributes.get('v')).toBe(`"üü'<`);
    expect(textOf(root)).toBe(`&<>"'\r😀`);
  });

  it('normalizes line ends in text, and literal whitespace in attributes', () => {
    const root = parseXml('<r v="a\tb\nc\r\nd&#10;e">x\r\ny\rz</r>');
    expect(root.attributes.get('v')).toBe('a b c d\ne');
    expect(textOf(root)).toBe('x\ny\nz');
  });

  it('keeps CDATA as text and skips comments and processing instructions', () => {
    const root = parseXml(
      '<!-- before --><r><!-- inside --><?pi x?><![CDATA[<not> &markup;]]>tail</r><!-- after -->',
    );
    expect(textOf(root)).toBe('<not> &markup;tail');
    expect(elements(root)).toEqual([]);
  });

  it('keeps prefixed names as written', () => {
    const root = parseXml('<m xmlns:rpm="u"><rpm:entry name="x"/></m>');
    expect(attribute(element(root, 'rpm:entry'), 'name')).toBe('x');
  });

  it.each([
    ['<r><a></r>', '</r> does not close <a>'],
    ['<r>', '<r> is never closed'],
    ['<r></r><s/>', 'a second root element'],
    ['text<r/>', 'text outside the root element'],
    ['<!DOCTYPE r [<!ENTITY x "y">]><r/>', 'DOCTYPE and other declarations are not accepted'],
    ['<r>&unknown;</r>', 'unknown entity &unknown;'],
    ['<r>a & b</r>', "'&' is not a complete entity reference"],
    ['<r a=1/>', 'attribute a of <r> is not quoted'],
    ['<r a/>', 'attribute a of <r> has no value'],
    ['<r a="1" a="2"/>', '<r> has two a attributes'],
    ['<r a="1/>', 'attribute a of <r> is never closed'],
    ['<!-- never closed', 'unterminated comment'],
    ['', 'no root element'],
    ['<r>\n\n</x>', 'XML line 3: </x> does not close <r>'],
  ])('refuses %j', (source, problem) => {
    expect(() => parseXml(source)).toThrow(problem);
  });
});

describe('element helpers', () => {
  const root = parseXml('<r><a k="v">1</a><a>2</a><b/></r>');

  it('find children by name', () => {
    expect(elements(root, 'a').map(textOf)).toEqual(['1', '2']);
    expect(optionalElement(root, 'c')).toBeUndefined();
    expect(optionalElement(root, 'b')?.name).toBe('b');
  });

  it('say what is missing', () => {
    expect(() => element(root, 'c')).toThrow('<r> has no <c>');
    expect(() => attribute(element(root, 'b'), 'k')).toThrow('<b> has no k attribute');
  });
});
