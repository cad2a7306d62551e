/**
 * Runs independent tasks at once and waits for all of them; if any fail, throws the failure of the
 * first task in the list (not the first to happen), so the same bad input always gets the same error.
 */
export async function allInOrder<T extends readonly unknown[]>(tasks: {
  readonly [K in keyof T]: () => Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(
    (tasks as readonly (() => Promise<unknown>)[]).map((task) => task()),
  );
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
