import { describeBadInputs, type BadCase } from './bad-input-runner.js';

/** Refs, the `images` lines, the image side's inputs and credentials: refused before anything is written. */
const cases: BadCase[] = [
  {
    name: 'a branch that is not the dev branch',
    inputs: { ref: 'refs/heads/feature' },
    message: "ref: 'refs/heads/feature' is not a release",
  },
  {
    name: 'a pull request ref',
    inputs: { ref: 'refs/pull/42/merge' },
    message: "ref: 'refs/pull/42/merge' is not a release",
  },
  {
    name: 'a tag name without refs/tags/',
    inputs: { ref: '1.0.0' },
    message: "ref: '1.0.0' is not a release",
  },
  {
    name: 'a tag of two version components',
    inputs: { ref: 'refs/tags/1.0' },
    message: "ref: 'refs/tags/1.0' is not a semantic version",
  },
  {
    name: 'a tag with a leading zero',
    inputs: { ref: 'refs/tags/01.0.0' },
    message: "ref: 'refs/tags/01.0.0' is not a semantic version",
  },
  {
    name: 'a tag that is a word',
    inputs: { ref: 'refs/tags/latest' },
    message: "ref: 'refs/tags/latest' is not a semantic version",
  },
  {
    name: 'build metadata in the tag',
    inputs: { ref: 'refs/tags/1.0.0+build.5' },
    message: 'build metadata',
  },
  {
    name: 'latest forced on a release candidate',
    inputs: { ref: 'refs/tags/1.0.0-rc1', latest: 'true' },
    files: ['falco-1.0.0-rc1-x86_64.deb'],
    message: "latest: 'true' is not allowed for a prerelease build",
  },
  {
    name: 'latest that is not a choice',
    inputs: { latest: 'maybe' },
    message: "latest: 'maybe' is not accepted",
  },
  {
    name: 'an images line without a repository',
    inputs: { images: 'bad:build' },
    message: "images (line 1): 'bad:build' names no repository",
  },
  {
    name: 'an images line with an unknown option',
    inputs: { images: 'bad:build REPO tag=edge' },
    message: "images (line 1): unknown option 'tag=edge'",
  },
  {
    name: 'an empty suffix',
    inputs: { images: 'bad:build REPO suffix=' },
    message: "images (line 1): suffix '' cannot be part of an image tag",
  },
  {
    name: 'a suffix that cannot be in a tag',
    inputs: { images: 'bad:build REPO suffix=-sl/im' },
    message: "images (line 1): suffix '-sl/im' cannot be part of an image tag",
  },
  {
    name: 'an uppercase repository',
    inputs: { images: 'bad:build Falcosecurity/Bad' },
    message: "images (line 1): 'Falcosecurity/Bad' is not a repository name",
  },
  {
    name: 'a repository path that climbs',
    inputs: { images: '# a comment line\nbad:build falcosecurity/../bad' },
    message: "images (line 2): 'falcosecurity/../bad' is not a repository name",
  },
  {
    name: 'an absolute repository path',
    inputs: { images: 'bad:build /falcosecurity/bad' },
    message: "images (line 1): '/falcosecurity/bad' is not a repository name",
  },
  {
    name: 'one repository and suffix listed twice',
    inputs: { images: 'bad:build REPO\n\nbad:build REPO' },
    message: 'is listed twice (also on line 1)',
  },
  {
    name: 'a source image the daemon does not have',
    inputs: { images: 'never-built:build REPO' },
    message: 'images: source image not found: never-built:build',
  },
  {
    // Layout sources may lie outside the workspace (e.g. RUNNER_TEMP, see the README): `..` and absolute
    // paths are resolved, and a directory that is no layout is refused before anything is pushed.
    name: 'an OCI layout source that climbs (../..) to a directory that is no layout',
    inputs: { 'image-driver': 'registry', images: 'oci-layout:../../etc:1.0 REPO' },
    message: 'oci-layout:/etc:1.0: /etc is not an OCI image layout (it has no oci-layout file)',
  },
  {
    name: 'an OCI layout source at an absolute path that is no layout',
    inputs: { 'image-driver': 'registry', images: 'oci-layout:/etc:1.0 REPO' },
    message: 'oci-layout:/etc:1.0: /etc is not an OCI image layout (it has no oci-layout file)',
  },
  {
    name: 'an unknown image driver',
    inputs: { 'image-driver': 'podman' },
    message: "image-driver: 'podman' is not accepted",
  },
  {
    name: 'a registry given as a URL',
    inputs: { registry: 'https://registry.example' },
    message: "registry: 'https://registry.example' is not a registry host",
  },
  {
    name: 'a username without a password',
    inputs: { 'registry-password': '' },
    message: 'registry-password: is empty but registry-username is set',
  },
  {
    name: 'a wrong registry password',
    inputs: { 'registry-password': 'wrong-pw-7d1e' },
    message: 'the registry refused logging in (HTTP 401',
  },
  {
    name: 'a registry that does not answer',
    inputs: { registry: '127.0.0.1:9' },
    message: 'cannot reach http://127.0.0.1:9',
  },
];

describeBadInputs('release', cases);
