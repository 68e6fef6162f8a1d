/**
 * Runs `pass` every `intervalMs` until stopped; a pass never overlaps the previous one, and a
 * failed pass is logged (as `failed`) without stopping the next. `stop` waits for a pass under way.
 */
export function repeatEvery(intervalMs: number, pass: () => Promise<unknown>, onFailure: (error: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await pass();
      } catch (error) {
        onFailure(error);
      }
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
