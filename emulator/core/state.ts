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

  /** The last state asked for, and for which account and region: clients send request after request for the same. */
  private last?: { accountId: string; region: string; state: State };

  get(accountId: string, region: string): State {
    const last = this.last;
    if (last !== undefined && last.accountId === accountId && last.region === region) return last.state;
    const key = this.keyOf(accountId, region);
    let state = this.states.get(key);
    if (state === undefined) {
      state = this.create(accountId, region);
      this.states.set(key, state);
    }
    this.last = { accountId, region, state };
    return state;
  }

  /** Puts a state back under its key (restoring persisted or imported state). */
  set(key: string, state: State): void {
    this.last = undefined;
    this.states.set(key, state);
  }

  entries(): IterableIterator<[string, State]> {
    return this.states.entries();
  }

  /** Forgets every state (the caller disposes them first). */
  clear(): void {
    this.last = undefined;
    this.states.clear();
  }
}
