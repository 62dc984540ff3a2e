// Reference data (dossiers, parties, topics, statuses), loaded once and refreshed after changes.
import type { ReferenceData } from '../../../electron/domain/model.ts';
import { api } from './api.ts';

class ReferenceStore {
  data = $state<ReferenceData | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      this.data = await api.listReference({});
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }
}

export const reference = new ReferenceStore();
