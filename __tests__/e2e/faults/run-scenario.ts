import { join } from 'node:path';
import { expect } from 'vitest';
import type { ActionRun } from '../run-action.js';
import { errorLine } from '../run-action.js';
import { displayedLog } from '../services/secrets-audit.js';
import { badSignatures, clientsView, type ClientsView } from './clients-view.js';
import { BEFORE, IMAGES, RELEASE, type FaultWorld } from './fault-world.js';
import type { HostKind } from './object-stores.js';
import { startScenario, type Scenario, type ScenarioFaults } from './scenario.js';
import { injected } from './fault-rules.js';
import { leftovers } from './leftovers.js';
import { hostFiles, readEndState, type EndState } from './snapshot.js';

/** A scenario after its release: the run under faults, and what it left. */
export interface Outcome {
  readonly scenario: Scenario;
  readonly run: ActionRun;
  readonly state: EndState;
  readonly view: ClientsView;
  /** Signature files that do not verify. */
  readonly badSignatures: string[];
  /** Locks, temporary files, stray objects, incomplete uploads (see leftovers.ts). */
  readonly leftovers: string[];
}

/** Where the layout starts among the host's files: the bucket holds it under `packages/`. */
export function layoutRoot(scenario: Scenario, files: string): string {
  return scenario.host === 'directory' ? files : join(files, 'packages');
}

/** Reads back what the scenario's host and registry hold now, and what the clients see of it. */
export async function observe(scenario: Scenario, label: string): Promise<Omit<Outcome, 'run'>> {
  const files = await hostFiles(scenario, join(scenario.world.work, 'copies', scenario.name, label));
  const root = layoutRoot(scenario, files);
  const state = await readEndState(scenario, root);
  const view = await clientsView(scenario.world, root, `${scenario.name}-${label}`);
  return {
    scenario,
    state,
    view,
    badSignatures: badSignatures(scenario.world, root),
    leftovers: await leftovers(scenario, files),
  };
}

/**
 * One scenario: the release before published without faults (its `latest`), then the release under
 * test with the faults on; the faults are off again while the result is read back.
 */
export async function runScenario(
  world: FaultWorld,
  name: string,
  faults: ScenarioFaults,
  host: HostKind = 'radosgw',
  prepare?: (scenario: Scenario) => Promise<void>,
): Promise<Outcome> {
  const scenario = await startScenario(world, name, faults, host);
  try {
    await prepare?.(scenario);
    const before = await scenario.publish(BEFORE);
    expect(before.exitCode, `${name}: ${BEFORE}\n${displayedLog(before.stdout)}\n${before.stderr}`).toBe(0);
    scenario.armed = true;
    const run = await scenario.publish(RELEASE);
    scenario.armed = false;
    return { run, ...(await observe(scenario, 'after')) };
  } finally {
    scenario.armed = false;
    await scenario.stop();
  }
}

/** The run succeeded and left exactly what the clean run left, signed, and readable by both clients. */
export function expectCleanResult(outcome: Outcome, clean: Outcome): void {
  const { run, scenario } = outcome;
  expect(run.exitCode, `${scenario.name}:\n${displayedLog(run.stdout)}\n${run.stderr}`).toBe(0);
  expect(outcome.leftovers).toEqual([]);
  expect(outcome.state).toEqual(clean.state);
  expect(outcome.badSignatures).toEqual([]);
  const { aptUpdated, apt, dnfRead, dnf } = clean.view;
  expect(outcome.view, outcome.view.output).toMatchObject({ aptUpdated, apt, dnfRead, dnf });
}

/**
 * The run failed with one clear error, every `latest` still points at the release before, and both
 * clients read the repositories (whatever version they list). Returns the error.
 */
export function expectCleanFailure(outcome: Outcome): string {
  const { run, scenario, state } = outcome;
  expect(run.exitCode, `${scenario.name}:\n${displayedLog(run.stdout)}`).toBe(1);
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
  expect(errors, displayedLog(run.stdout)).toHaveLength(1);
  for (const image of IMAGES) {
    expect(state.tags[`${image}:latest`], `${image}:latest`).toBe(state.tags[`${image}:${BEFORE}`]);
  }
  expect(outcome.badSignatures).toEqual([]);
  expect(outcome.view.aptUpdated, outcome.view.output).toBe(true);
  expect(outcome.view.dnfRead, outcome.view.output).toBe(true);
  const error = errorLine(run);
  // One clear message: a stack trace means an error the action did not expect.
  expect(error).not.toMatch(/\n\s+at /);
  return error;
}

/** Requests through a scenario's proxies, all services together. */
const requests = (outcome: Outcome): number =>
  outcome.scenario.registryProxy.exchanges.length + outcome.scenario.s3Proxy.exchanges.length;

/** Faults given to a scenario's requests, the token server's (shared by all, told apart by scope) included. */
export function faultsGiven(outcome: Outcome): number {
  const { scenario } = outcome;
  const tokenRequests = scenario.world.tokenProxy.exchanges.filter((e) =>
    decodeURIComponent(e.url).includes(`repository:${scenario.name}/`),
  );
  return (
    injected(scenario.registryProxy.exchanges) +
    injected(scenario.s3Proxy.exchanges) +
    injected(tokenRequests)
  );
}

/** Retries stay bounded: the fault was given, and cost a handful of requests more than the clean run, per fault. */
export function expectBoundedRetries(outcome: Outcome, clean: Outcome): void {
  expect(faultsGiven(outcome), 'the fault was given').toBeGreaterThan(0);
  expect(requests(outcome)).toBeLessThanOrEqual(requests(clean) + 10 * faultsGiven(outcome));
}
