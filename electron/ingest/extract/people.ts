// People named with their office in the text act for their state: "Mexican President Claudia Sheinbaum",
// "the Canadian foreign minister, Mélanie Joly", "la presidenta de México, Claudia Sheinbaum",
// "el secretario de Estado estadounidense, Marco Rubio". Once named so, "Sheinbaum" alone is Mexico.
import type { Gazetteer } from './gazetteer.ts';

const office =
  '(?:president|prime minister|minister|secretary|chancellor|ambassador|premier|spokesperson|spokesman|spokeswoman|envoy|presidente|presidenta|canciller|ministr[oa]|secretari[oa]|embajador|embajadora|vocer[oa]|portavoz|primer ministro|primera ministra)';
const department =
  '(?:\\s+(?:of|de)\\s+(?:State|Estado|Foreign Affairs|Relaciones Exteriores|Asuntos Exteriores|Comercio|Trade|Salud|Health|Defensa|Defence|Defense|Economía|Hacienda|Gobernación))?';
// "Mexican President …", "Mexico's Foreign Secretary …", "the Canadian foreign minister, …"
const officeAfter = new RegExp(
  `^(?:'s|’s)?\\s+(?:[\\p{L}-]+\\s+){0,3}?${office}${department}(?=[\\s,])`,
  'iu',
);
// "la presidenta de México, …", "el secretario de Estado estadounidense, …", "la canciller argentina, …"
const officeBefore = new RegExp(`${office}${department}\\s+(?:de\\s+|del\\s+|of\\s+)?$`, 'iu');
const personName = /^,?\s+(\p{Lu}[\p{L}'’-]+(?:\s+(?:de la |de los |del |de )?\p{Lu}[\p{L}'’-]+){1,3})/u;

export interface Person {
  name: string;
  party: string;
}

/** The people the text names with their office, and the state each acts for (full name and surname). */
export function peopleIn(text: string, gazetteer: Gazetteer): Person[] {
  const people: Person[] = [];
  for (const mention of gazetteer.find(text)) {
    const after = text.slice(mention.end, mention.end + 80);
    const before = text.slice(Math.max(0, mention.start - 50), mention.start);
    const following = officeAfter.exec(after);
    const rest = following ? after.slice(following[0].length) : officeBefore.test(before) ? after : null;
    const person = rest === null ? null : personName.exec(rest);
    if (!person) continue;
    const full = person[1]!;
    // "President Lula of Brazil" names no person here; a state's name is never a person's.
    if (gazetteer.find(full).length > 0) continue;
    people.push({ name: full, party: mention.party });
    const surname = full.split(/\s+/).at(-1)!;
    if (surname.length > 3) people.push({ name: surname, party: mention.party });
  }
  return people;
}
