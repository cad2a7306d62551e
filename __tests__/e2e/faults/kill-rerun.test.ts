import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTools } from '../../formats/fixtures/tools.js';
import type { ActionRun } from '../run-action.js';
import { displayedLog } from '../services/secrets-audit.js';
import {
  BEFORE,
  IMAGES,
  LARGE_TARBALL_BYTES,
  RELEASE,
  startFaultWorld,
  type FaultWorld,
} from './fault-world.js';
import { expectCleanResult, layoutRoot, observe, runScenario, type Outcome } from './run-scenario.js';
import type { HostKind } from './object-stores.js';
import { startScenario, type Scenario, type ScenarioFaults } from './scenario.js';
import { leftovers } from './leftovers.js';
import { hostFiles, readEndState, type EndState } from './snapshot.js';

// A release job killed (SIGKILL: a runner that lost its machine) at each step it starts, one run after
// another, then run again: it must end as a clean release, and no kill may leave `latest` on a release
// whose packages and indexes are not all there, or change a published package.
useTools('apt-get', 'dnf', 'dpkg-deb', 'rpmbuild', 'createrepo_c', 'gpg', 'gpgv');

let world: FaultWorld;
let clean: Outcome;

beforeAll(async () => {
  world = await startFaultWorld();
  clean = await runScenario(world, 'killclean', {});
  expect(clean.run.exitCode, displayedLog(clean.run.stdout)).toBe(0);
}, 300_000);
afterAll(async () => {
  await world?.stop();
});

/** The lines the action prints as it starts each step of the plan (`::group::Push ...`). */
const stepsStarted = (stdout: string): number => (stdout.match(/^::group::/gm) ?? []).length;

/** Package files: published once, never changed. */
const isPackage = (key: string): boolean => /\.(deb|rpm|tar\.gz)$/.test(key);

/** What a kill left: the state read back right after it. */
interface AfterKill {
  readonly label: string;
  readonly state: EndState;
}

async function stateNow(scenario: Scenario, label: string): Promise<EndState> {
  const files = await hostFiles(scenario, join(world.work, 'copies', scenario.name, label));
  return readEndState(scenario, layoutRoot(scenario, files));
}

/**
 * Kills never leave `latest` on a half-published release: where a kill left any `latest` on the
 * release, every package and index of it is there (as the final state has them, signatures and
 * dates aside). And no package ever differed from what ends up published.
 */
function expectSafeKills(kills: readonly AfterKill[], final: EndState): void {
  const layout = (state: EndState): Record<string, string> =>
    Object.fromEntries(
      Object.entries(state.objects).filter(([, hash]) => hash !== 'signed' && hash !== 'dated'),
    );
  for (const { label, state } of kills) {
    const moved = IMAGES.filter(
      (image) => state.tags[`${image}:latest`] !== state.tags[`${image}:${BEFORE}`],
    );
    for (const image of moved)
      expect(state.tags[`${image}:latest`], `${label}: ${image}`).toBe(final.tags[`${image}:${RELEASE}`]);
    if (moved.length > 0)
      expect(layout(state), `${label}: latest moved before the packages were all published`).toEqual(
        layout(final),
      );
    for (const [key, hash] of Object.entries(state.objects).filter(([key]) => isPackage(key))) {
      expect(hash, `${label}: ${key}`).toBe(final.objects[key]);
    }
  }
}

/** Runs the release again and again, each run killed when it starts one step more than the run before. */
async function killAtEachStep(
  scenario: Scenario,
  first: number,
): Promise<{ kills: AfterKill[]; last: ActionRun }> {
  const kills: AfterKill[] = [];
  for (let step = first; ; step++) {
    const run = await scenario.publish(RELEASE, { killWhen: (stdout) => stepsStarted(stdout) >= step });
    if (!run.killed) return { kills, last: run };
    kills.push({ label: `killed at step ${step}`, state: await stateNow(scenario, `kill-${step}`) });
  }
}

/**
 * For the kill mid-upload: every PUT of the tarball (the whole file, or each part) stops moving at the
 * proxy once a third of the tarball's size went through, so the kill surely finds its upload unfinished
 * (on loopback the whole 20 MiB would otherwise go in about the time the kill takes to be asked for).
 */
const stallTarball: ScenarioFaults = {
  s3: {
    answer: (exchange) =>
      exchange.method === 'PUT' && exchange.url.includes('.tar.gz')
        ? { stallAfterBytes: LARGE_TARBALL_BYTES / 3 }
        : undefined,
  },
};

async function killAndRerun(name: string, host: HostKind, midUpload: boolean): Promise<void> {
  const scenario = await startScenario(world, name, midUpload ? stallTarball : {}, host);
  try {
    const before = await scenario.publish(BEFORE);
    expect(before.exitCode, displayedLog(before.stdout)).toBe(0);
    const kills: AfterKill[] = [];
    if (midUpload) {
      // Killed once a third of the tarball is through the proxy, where its upload then stalls.
      const tarballBytes = (): number =>
        scenario.s3Proxy.exchanges
          .filter((e) => e.method === 'PUT' && e.url.includes('.tar.gz'))
          .reduce((sum, e) => sum + e.requestBytes, 0);
      scenario.armed = true;
      const run = await scenario.publish(RELEASE, {
        killWhen: () => tarballBytes() >= LARGE_TARBALL_BYTES / 3,
      });
      scenario.armed = false;
      expect(run.killed, displayedLog(run.stdout)).toBe(true);
      expect(tarballBytes()).toBeLessThan(LARGE_TARBALL_BYTES);
      // The stall held the tarball's upload(s): the kill found it unfinished.
      expect(scenario.s3Proxy.exchanges.some((e) => e.injected)).toBe(true);
      kills.push({ label: 'killed mid-upload', state: await stateNow(scenario, 'kill-upload') });
      const left = await leftovers(scenario, join(world.work, 'copies', scenario.name, 'kill-upload'));
      const tarball = `packages/bin/x86_64/falco-${RELEASE}-x86_64.tar.gz`;
      // Without conditional writes the tarball goes in parts: the kill leaves its upload open, and the
      // re-run must clean it up. With them it goes in one create-only PUT, which the kill leaves undone.
      if (scenario.host === 'swift') expect(left).toContain(`incomplete multipart upload of ${tarball}`);
      else expect(left).toEqual([]);
    }
    const chain = await killAtEachStep(scenario, 1);
    kills.push(...chain.kills);
    expect(chain.last.exitCode, displayedLog(chain.last.stdout)).toBe(0);
    // Every step boundary was a kill: login, 2 pushes, 5 packages, 3 repositories, 2 moves.
    expect(chain.kills.length).toBe(stepsStarted(chain.last.stdout));
    const final = { run: chain.last, ...(await observe(scenario, 'final')) };
    expectCleanResult(final, clean);
    expectSafeKills(kills, final.state);
  } finally {
    await scenario.stop();
  }
}

describe('a release killed at each step, then run again, ends as a clean release', () => {
  it.concurrent('on radosgw, with a kill in the middle of a large package PUT first', async () => {
    await killAndRerun('kills3', 'radosgw', true);
  });
  it.concurrent('on Swift (serialized), with a kill in the middle of a multipart upload first', async () => {
    await killAndRerun('killsw', 'swift', true);
  });
  it.concurrent('on a directory host', async () => {
    await killAndRerun('killdir', 'directory', false);
  });
});
