import { describe, expect, it } from 'vitest';
import { deadlineOf } from './deadline.ts';

const reference = new Date('2026-05-14T12:00:00Z');
const due = (sentence: string, language: 'en' | 'es' = 'en', reprieve = false) =>
  deadlineOf(sentence, language, reference, { reprieve })?.value ?? null;

describe('deadline phrasing', () => {
  it.each([
    ['The ministers will meet by 9 May.', '2027-05-09'],
    ['The ministers will meet on 9 June.', '2026-06-09'],
    ['They will sign no later than 30 November 2026.', '2026-11-30'],
    ['They will report by the end of 2027.', '2027-12-31'],
    ['They will report before the end of September 2026.', '2026-09-30'],
    ['They will report by the end of the year.', '2026-12-31'],
    ['The plant will open in March 2027.', '2027-03-31'],
    ['They will decide before March 2027.', '2027-02-28'],
    ['They will double capacity by 2030.', '2030-12-31'],
    ['They will close two plants before 2030.', '2029-12-31'],
    ['A donor conference in the first half of 2027.', '2027-06-30'],
    ['A working group convened before the end of the first quarter of 2027.', '2027-03-31'],
    ['A summit in the third quarter of 2026.', '2026-09-30'],
    ['Officers will be deployed within six months.', 'P6M'],
    ['Aid will arrive within the next two weeks.', 'P2W'],
    ['Supplies will arrive in the next 48 hours.', 'PT48H'],
  ])('%s → %s', (sentence, value) => {
    expect(due(sentence)).toBe(value);
  });

  it.each([
    ['Chile se compromete a reforzar el control antes del 30 de junio de 2026.', '2026-06-30'],
    ['El estudio deberá estar terminado a más tardar el 31 de marzo de 2027.', '2027-03-31'],
    ['Celebrarán la cumbre a más tardar en junio de 2027.', '2027-06-30'],
    ['Los dos gobiernos firmarán un convenio antes de finales de 2026.', '2026-12-31'],
    ['Colombia desplegará guardabosques antes de que termine el año.', '2026-12-31'],
    ['Instalarán escáneres antes de marzo de 2027.', '2027-02-28'],
    ['Revisarán el acuerdo a finales de año.', '2026-12-31'],
    ['El Perú establecerá una veda en un plazo de 60 días.', 'P60D'],
    ['Duplicarán la inversión en los próximos cinco años.', 'P5Y'],
    ['Presentarán el plan en el segundo semestre de 2026.', '2026-12-31'],
  ])('%s → %s', (sentence, value) => {
    expect(due(sentence, 'es')).toBe(value);
  });

  it('never makes a past date a deadline', () => {
    expect(due('They met on 2 April 2026 and agreed by 1 May 2026 to act.')).toBeNull();
    expect(due('Las delegaciones se reunieron el 11 de marzo de 2026.', 'es')).toBeNull();
  });

  it('needs deadline phrasing: a date that only tells when something happens is not one', () => {
    expect(due('Exports fell in 2027 according to forecasts published on Friday.')).toBeNull();
    expect(due('Egypt signed a three-year wheat supply agreement.')).toBeNull();
  });

  it('keeps a reprieve as its duration, and a duration as one with the day it runs from', () => {
    expect(due('Washington agreed to delay the duty, due on June 10, for 120 days.', 'en', true)).toBe(
      'P120D',
    );
    expect(due('suspender durante 180 días el aumento de aranceles', 'es', true)).toBe('P180D');
    const running = deadlineOf(
      'Canada will share ice data within 90 days of this statement.',
      'en',
      reference,
    );
    expect(running).toMatchObject({ value: 'P90D', phrase: 'within 90 days', from: '2026-05-14' });
  });
});
