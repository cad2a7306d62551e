import { describe, expect, it } from 'vitest';
import { DEFAULT_BINTRAY_API_URL, readBintrayInputs } from '../../../src/hosts/bintray/bintray-inputs.js';
import { userErrorOf } from '../../fixtures/errors.js';

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

const CREDENTIALS = { 'package-host-username': 'falco-bot', 'package-host-password': 'key' };

describe('readBintrayInputs', () => {
  it('reads the user, API key and API URL, the default when the URL is empty', () => {
    expect(readBintrayInputs(reader(CREDENTIALS), true)).toEqual({
      apiUrl: DEFAULT_BINTRAY_API_URL,
      username: 'falco-bot',
      apiKey: 'key',
    });
    expect(
      readBintrayInputs(reader({ ...CREDENTIALS, 'bintray-api-url': 'http://127.0.0.1:8080/api/v1/' }), true)
        ?.apiUrl,
    ).toBe('http://127.0.0.1:8080/api/v1');
  });

  it('leaves the credentials to another host, but refuses a Bintray API URL there', () => {
    expect(
      readBintrayInputs(reader({ ...CREDENTIALS, 'bintray-api-url': DEFAULT_BINTRAY_API_URL }), false),
    ).toBe(undefined);
    const error = userErrorOf(() =>
      readBintrayInputs(reader({ 'bintray-api-url': 'https://bintray.example.com' }), false),
    );
    expect(error.message).toBe(
      'bintray-api-url: is set, but package-host is not bintray://… — remove bintray-api-url, or publish to bintray://<subject>',
    );
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'no user',
      { 'package-host-password': 'key' },
      'package-host-username: is empty, but package-host is bintray://… — set it to the Bintray user whose API key package-host-password holds',
    ],
    [
      'no API key',
      { 'package-host-username': 'falco-bot' },
      "package-host-password: is empty, but package-host is bintray://… — set it to the Bintray user's API key, from a secret",
    ],
    [
      'plain http off loopback',
      { ...CREDENTIALS, 'bintray-api-url': 'http://bintray.example.com' },
      "bintray-api-url: 'http://bintray.example.com' is not https — use https (plain http only on loopback: the API key is in every request)",
    ],
    [
      'another scheme',
      { ...CREDENTIALS, 'bintray-api-url': 'ftp://bintray.example.com' },
      "bintray-api-url: 'ftp://bintray.example.com' is not https — use an https URL",
    ],
    [
      'credentials in the URL',
      { ...CREDENTIALS, 'bintray-api-url': 'https://user:key@bintray.example.com' },
      'bintray-api-url: carries credentials — remove them from the URL: the user and API key go in package-host-username and package-host-password',
    ],
    [
      'not a URL',
      { ...CREDENTIALS, 'bintray-api-url': 'bintray.example.com' },
      "bintray-api-url: 'bintray.example.com' is not a URL — write e.g. https://api.bintray.com",
    ],
  ])('refuses %s', (_, values, message) => {
    expect(userErrorOf(() => readBintrayInputs(reader(values), true)).message).toBe(message);
  });
});
