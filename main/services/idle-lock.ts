export type IdleLockOptions = {
  /** 0 disables the lock. Read on every check so a settings change applies at once. */
  minutes: () => number;
  isOpen: () => boolean;
  lock: () => Promise<unknown>;
  now?: () => number;
  checkEveryMs?: number;
  onError?: (error: unknown) => void;
};

/**
 * Locks the database after the configured idle time. Main owns the decision; the renderer only
 * reports activity, so a hung or closed window can't keep the database unlocked.
 */
export class IdleLock {
  readonly #options: IdleLockOptions;
  #lastActivity: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: IdleLockOptions) {
    this.#options = options;
    this.#lastActivity = this.#now();
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  touch(): void {
    this.#lastActivity = this.#now();
  }

  async check(): Promise<boolean> {
    const minutes = this.#options.minutes();
    if (minutes <= 0 || !this.#options.isOpen()) return false;
    if (this.#now() - this.#lastActivity < minutes * 60_000) return false;
    await this.#options.lock();
    return true;
  }

  start(): void {
    this.stop();
    this.#timer = setInterval(() => {
      this.check().catch((error: unknown) => this.#options.onError?.(error));
    }, this.#options.checkEveryMs ?? 10_000);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
