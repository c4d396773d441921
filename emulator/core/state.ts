/** Per-account, per-region state for one service, created on first use. */
export class StateStore<State> {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly create: (accountId: string, region: string) => State,
    readonly global = false,
  ) {}

  /** The key a state is stored under: `account/region`, or `account` for a global service. */
  keyOf(accountId: string, region: string): string {
    return this.global ? accountId : `${accountId}/${region}`;
  }

  get(accountId: string, region: string): State {
    const key = this.keyOf(accountId, region);
    let state = this.states.get(key);
    if (state === undefined) {
      state = this.create(accountId, region);
      this.states.set(key, state);
    }
    return state;
  }

  /** Puts a state back under its key (restoring persisted or imported state). */
  set(key: string, state: State): void {
    this.states.set(key, state);
  }

  entries(): IterableIterator<[string, State]> {
    return this.states.entries();
  }

  /** Forgets every state (the caller disposes them first). */
  clear(): void {
    this.states.clear();
  }
}
