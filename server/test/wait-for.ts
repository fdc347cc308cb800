/** Waits until `check` returns a truthy value (polling real time; `tick` runs before each look). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, tick?: () => void, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    tick?.();
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
