import { describe, expect, it } from 'vitest';
import { datelineOf, referenceDayOf } from './reference-day.ts';

const fallback = new Date('2027-02-01T12:00:00Z');

describe('reference day', () => {
  it('reads English and Spanish datelines', () => {
    expect(datelineOf('Title\nBRUSSELS, May 4, 2026 (Reuters) - The EU will…', 'en', fallback)).toBe(
      '2026-05-04',
    );
    expect(datelineOf('Título\nCÚCUTA, 9 de febrero de 2026.– Bogotá y Caracas…', 'es', fallback)).toBe(
      '2026-02-09',
    );
    expect(
      datelineOf('Joint Statement\n\nTashkent, 14 September 2026\n\nThe Presidents…', 'en', fallback),
    ).toBe('2026-09-14');
    expect(datelineOf('Press conference after the talks, Muscat, 9 December 2026\n', 'en', fallback)).toBe(
      '2026-12-09',
    );
  });

  it('gives a wire dateline without a year the latest such day on or before the fallback', () => {
    expect(datelineOf('KAMPALA, Jan 16 - Uganda and…', 'en', fallback)).toBe('2027-01-16');
    expect(datelineOf('WASHINGTON, 12 mar (EFE).- EE. UU.…', 'es', fallback)).toBe('2026-03-12');
  });

  it('prefers the publication date, then the dateline, then the given day, then today', () => {
    const text = 'Title\nLIMA, 3 August 2026 - Peru will…';
    expect(referenceDayOf(text, 'en', { published: '2026-08-04', given: '2027-01-01' })).toEqual({
      day: '2026-08-04',
      basis: 'published',
    });
    expect(referenceDayOf(text, 'en', { given: '2027-01-01' })).toEqual({
      day: '2026-08-03',
      basis: 'dateline',
    });
    expect(referenceDayOf('Peru will act soon.', 'en', { given: '2027-01-01' })).toEqual({
      day: '2027-01-01',
      basis: 'given',
    });
    expect(referenceDayOf('Peru will act soon.', 'en', { today: new Date('2026-05-05T08:00:00Z') })).toEqual({
      day: '2026-05-05',
      basis: 'today',
    });
  });

  it('does not take a date inside the first sentence of the body for a dateline', () => {
    expect(
      datelineOf('Canada will deploy officers by 9 May 2026, the minister said.', 'en', fallback),
    ).toBeNull();
  });
});
