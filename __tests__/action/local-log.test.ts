import { describe, expect, it } from 'vitest';
import { LocalLog } from '../../src/action/local-log.js';

describe('the log outside a runner', () => {
  it('drops add-mask and debug lines, shows a group as its title', () => {
    const show = new LocalLog().stream();
    expect(show('::add-mask::hunter2-secret\n')).toBe('');
    expect(show('::debug::Search path %27build%27\n')).toBe('');
    expect(show('::group::Publishing packages\n')).toBe('Publishing packages\n');
    expect(show('uploaded falco-0.26.0-x86_64.deb\n')).toBe('uploaded falco-0.26.0-x86_64.deb\n');
    expect(show('::endgroup::\n')).toBe('');
  });

  it('shows annotations as a runner titles them, unescaped', () => {
    const show = new LocalLog().stream();
    expect(show('::error::ref: is empty%0Aon two lines\n')).toBe('Error: ref: is empty\non two lines\n');
    expect(show('::warning file=a.yml,line=3::careful\n')).toBe('Warning: careful\n');
  });

  it('redacts every registered secret, the whole value before its lines', () => {
    const show = new LocalLog().stream();
    show('::add-mask::line one of the key%0Aline two of the key\n');
    show('::add-mask::line one of the key\n');
    expect(show('key: line one of the key\nline two of the key\n')).toBe('key: ***\n');
    expect(show('again line one of the key\n')).toBe('again ***\n');
  });

  it('redacts a secret on every stream of the log, and in a group title', () => {
    const log = new LocalLog();
    const stdout = log.stream();
    const stderr = log.stream();
    stdout('::add-mask::p4ssw0rd-123\n');
    expect(stderr('login with p4ssw0rd-123 failed\n')).toBe('login with *** failed\n');
    expect(stdout('::group::as p4ssw0rd-123\n')).toBe('as ***\n');
  });

  it('reads a command only at the start of a line, across writes', () => {
    const show = new LocalLog().stream();
    expect(show('progress: ')).toBe('progress: ');
    expect(show('::debug::not a command here\n')).toBe('::debug::not a command here\n');
    expect(show('::debug::this one is\n')).toBe('');
  });

  it('shows debug lines when the run asks for them', () => {
    const show = new LocalLog(true).stream();
    expect(show('::debug::matched 3 files\n')).toBe('Debug: matched 3 files\n');
  });
});
