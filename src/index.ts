import { failureLine, nodeVersionProblem } from './action/node-version.js';

// This file and what it imports stay small and readable by older Node: the action itself is loaded only
// once the version is known to be one it runs on.
const problem = nodeVersionProblem(process.versions.node, process.execPath);
if (problem !== undefined) {
  process.stdout.write(`${failureLine(problem, process.env.GITHUB_ACTIONS === 'true')}\n`);
  process.exitCode = 1;
} else {
  const { main } = await import('./action/main.js');
  await main();
}
