/**
 * Starts components as soon as what they depend on is ready: siblings start in parallel, a chain
 * starts one after the other. Dependencies outside `components` count as ready already. When one
 * start fails, the others are told to give up (through the signal) and are waited for, so the
 * caller can tear down knowing nothing is still half-way through starting.
 */
export async function startInDependencyOrder<T extends { readonly name: string; readonly dependsOn: readonly string[] }>(
  components: readonly T[],
  startOne: (component: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const giveUp = new AbortController();
  const byName = new Map(components.map((c) => [c.name, c]));
  const started = new Map<string, Promise<void>>();
  const ready = (component: T): Promise<void> => {
    let promise = started.get(component.name);
    if (!promise) {
      const dependencies = component.dependsOn.flatMap((name) => byName.get(name) ?? []);
      promise = Promise.all(dependencies.map(ready)).then(() => {
        giveUp.signal.throwIfAborted();
        return startOne(component, giveUp.signal);
      });
      started.set(component.name, promise);
    }
    return promise;
  };
  try {
    await Promise.all(components.map(ready));
  } catch (error) {
    giveUp.abort(error);
    await Promise.allSettled(started.values());
    throw error;
  }
}

/** Runs tasks in parallel; when one fails, the others are told to give up and waited for, then it throws. */
export async function allOrGiveUp(tasks: readonly ((signal: AbortSignal) => Promise<void>)[], outer: AbortSignal): Promise<void> {
  const giveUp = new AbortController();
  const signal = AbortSignal.any([outer, giveUp.signal]);
  const running = tasks.map((task) => task(signal));
  try {
    await Promise.all(running);
  } catch (error) {
    giveUp.abort(error);
    await Promise.allSettled(running);
    throw error;
  }
}
