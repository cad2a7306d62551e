/** The next `count` requests to `endpoint` are answered `status` without being served. */
export interface InjectedFailure<Endpoint extends string = string> {
  readonly endpoint: Endpoint;
  readonly count: number;
  readonly status: number;
}

/** Failures asked for, used up in the order they were asked for. */
export class InjectedFailures<Endpoint extends string> {
  private readonly pending: { endpoint: Endpoint; remaining: number; status: number }[] = [];

  add(failure: InjectedFailure<Endpoint>): void {
    if (failure.count > 0) this.pending.push({ ...failure, remaining: failure.count });
  }

  /** The status to fail this request to `endpoint` with, or undefined to serve it. */
  take(endpoint: Endpoint): number | undefined {
    const index = this.pending.findIndex((failure) => failure.endpoint === endpoint);
    const failure = this.pending[index];
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining === 0) this.pending.splice(index, 1);
    return failure.status;
  }
}
