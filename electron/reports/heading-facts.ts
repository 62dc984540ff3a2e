// The facts under a report's title, the same for the briefing and the scorecard in every format: the
// day described, the day compared with (the scorecard's), how recent the data is, how many commitments,
// when the report was made. Each writer lays them out its own way.
import * as m from '../shared/i18n/paraglide/messages.js';
import type { ReportHeading } from './model.ts';
import { commitmentCountText, readableCount, readableDay, readableMoment } from './wording.ts';

/** The day a report describes: the day asked for, or "today, 3 Oct 2025". */
export function headingDayText(heading: Pick<ReportHeading, 'asOf' | 'day'>): string {
  return heading.asOf ? readableDay(heading.asOf) : m.layout_today({ day: readableDay(heading.day) });
}

/** The facts as label and value, for a list (HTML, Markdown); `comparedWith` only for the scorecard. */
export function headingFacts(
  heading: ReportHeading,
  commitments: number,
  comparedWith?: string,
): [string, string][] {
  return [
    [m.layout_as_of(), headingDayText(heading)],
    ...(comparedWith === undefined ? [] : [[m.card_compared_with(), comparedWith] as [string, string]]),
    [m.layout_data_through(), heading.dataThrough ? readableMoment(heading.dataThrough) : m.layout_no_data()],
    [m.layout_commitments(), readableCount(commitments)],
    [m.layout_generated(), readableMoment(heading.generatedAt)],
  ];
}

/** The same facts as one line of short sentences, for the Word document: "As of … · Data through … · …". */
export function headingFactsLine(heading: ReportHeading, commitments: number, comparedWith?: string): string {
  return [
    m.layout_meta_as_of({ day: headingDayText(heading) }),
    ...(comparedWith === undefined ? [] : [comparedWith]),
    heading.dataThrough
      ? m.layout_meta_data_through({ moment: readableMoment(heading.dataThrough) })
      : m.layout_meta_no_data(),
    commitmentCountText(commitments),
    m.layout_meta_generated({ moment: readableMoment(heading.generatedAt) }),
  ].join(' · ');
}
