import { getExecOutput } from '@actions/exec';

export interface DockerResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The one seam through which every docker command runs (tests can pass their own). */
export type DockerRunner = (args: readonly string[], stdin?: string) => Promise<DockerResult>;

/** Runs the docker CLI through @actions/exec, quietly: the driver decides what reaches the log. */
export const runDocker: DockerRunner = async (args, stdin) => {
  try {
    return await getExecOutput('docker', [...args], {
      ignoreReturnCode: true,
      silent: true,
      ...(stdin === undefined ? {} : { input: Buffer.from(stdin) }),
    });
  } catch (error) {
    // @actions/exec throws when the binary itself cannot be found.
    return { exitCode: 127, stdout: '', stderr: error instanceof Error ? error.message : String(error) };
  }
};
