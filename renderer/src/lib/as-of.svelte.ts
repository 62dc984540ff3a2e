// The as-of day: when set, the dashboard, the list and commitment pages show the state on that day.

class AsOf {
  /** YYYY-MM-DD, or null for today's state. */
  day = $state<string | null>(null);

  set(day: string | null): void {
    this.day = day || null;
  }
}

export const asOf = new AsOf();
