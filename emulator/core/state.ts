/** Per-account, per-region state for one service, created on first use. */
export class StateStore<State> {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly create: (accountId: string, region: string) => State,
    private readonly global = false,
  ) {}

  get(accountId: string, region: string): State {
    const key = this.global ? accountId : `${accountId}/${region}`;
    let state = this.states.get(key);
    if (state === undefined) {
      state = this.create(accountId, region);
      this.states.set(key, state);
    }
    return state;
  }

  entries(): IterableIterator<[string, State]> {
    return this.states.entries();
  }
}
