// The inbox's counts, shared by the top bar, the dashboard and the inbox itself.
import { api } from './api.ts';

class InboxCounts {
  unread = $state(0);
  waiting = $state(0);

  async refresh(): Promise<void> {
    try {
      const counts = await api.countInbox({});
      this.unread = counts.unread;
      this.waiting = counts.waiting;
    } catch {
      // The counts are a hint: the inbox itself says what went wrong.
    }
  }
}

export const inboxCounts = new InboxCounts();
