// What the commitment form's pickers offer: each party with what it is when a person (who they act
// for), each topic with its depth in the hierarchy; and the statuses a status select offers.
import type { Party, Status, Topic } from '../../../electron/domain/model.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

export interface PickerOption {
  id: number;
  label: string;
  /** Said beside the label, smaller: "person, for Mexico". */
  note?: string;
  /** How far in it sits, for a hierarchy; 0 or left out at the top. */
  depth?: number;
}

export function partyOptions(parties: readonly Party[]): PickerOption[] {
  const names = new Map(parties.map((party) => [party.id, party.name]));
  return parties.map((party) => ({
    id: party.id,
    label: party.name,
    ...(party.kind === 'person'
      ? {
          note:
            party.actsForId !== null
              ? m.party_picker_person_for({ name: names.get(party.actsForId) ?? '?' })
              : m.party_picker_person(),
        }
      : {}),
  }));
}

export function topicOptions(topics: readonly Topic[]): PickerOption[] {
  return topics.map((topic) => ({
    id: topic.id,
    label: topic.name,
    depth: topic.path.split(' › ').length - 1,
  }));
}

/** The statuses as the choices of a status select: their ids as the select's values. */
export function statusChoices(statuses: readonly Status[]): { value: string; label: string }[] {
  return statuses.map((status) => ({ value: String(status.id), label: status.name }));
}
