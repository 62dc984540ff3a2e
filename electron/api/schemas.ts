// The pieces the API contract's operations are declared with: the operation's shape, the input
// schemas several operations (and the command line's flags) share, and the small fields they are
// made of. contract.ts assembles the operations from them.
import { z } from 'zod';
import { citationStyleIds, evidenceFormats } from '../domain/model.ts';
import { reportTemplateFormats } from '../../db/report-templates.ts';
import { sourceFileTypes } from '../ingest/source-file-types.ts';

export interface Operation<Input extends z.ZodType, Output> {
  input: Input;
  /** Never set at run time: carries the output type. */
  output?: Output;
}

export const returns =
  <Output>() =>
  <Input extends z.ZodType>(input: Input): Operation<Input, Output> => ({ input });

export const id = z.int('must be a whole number').positive('must be a positive id');
/** A calendar day written YYYY-MM-DD (2025-02-30 is not one); the command line checks its flags with it. */
export const isoDate = z.iso.date('must be a date written YYYY-MM-DD');
export const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
export const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

export const commitmentKind = z.enum(['pledge', 'agreement', 'measure', 'threat', 'reprieve', 'review']);

export const sortColumns = ['title', 'dossier', 'status', 'announced_on', 'due_on', 'updated'] as const;

export const deadlineState = z.enum(['none', 'upcoming', 'due_soon', 'passed', 'met']);

export const statusCategory = z.enum(['open', 'closed']);

/** The styles a report cites its sources in. */
export const citationStyle = z.enum(citationStyleIds, `must be one of ${citationStyleIds.join(', ')}`);

/** The files a report's evidence is exported as, for a reference manager. */
export const evidenceFormat = z.enum(evidenceFormats, `must be one of ${evidenceFormats.join(', ')}`);

/** The list's filters, shared by the list, bulk actions and reports. */
export const commitmentFilter = z.strictObject({
  dossierId: id.optional(),
  topicId: id.optional(),
  partyId: id.optional(),
  statusId: id.optional(),
  statusCategory: statusCategory.optional(),
  deadlineState: deadlineState.optional(),
  /** Which date the range applies to. */
  dateField: z.enum(['announced_on', 'due_on']).default('due_on'),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  text: text(200).optional(),
  /** The state on that day, from history; today when left out. */
  asOf: isoDate.optional(),
});

export const listCommitmentsInput = commitmentFilter.extend({
  sort: z.enum(sortColumns).default('due_on'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500).default(100),
});

export const deadlineInput = z.union([
  z.strictObject({ on: isoDate }),
  z.strictObject({
    amount: z.int().positive('must be at least 1').max(100_000),
    unit: z.enum(['days', 'weeks', 'months', 'years']),
    from: isoDate,
  }),
]);

export const createCommitmentInput = z.strictObject({
  dossierId: id,
  title: nonEmpty(300),
  summary: text(20_000).default(''),
  kind: commitmentKind.default('pledge'),
  parentId: id.nullable().default(null),
  madeBy: z.array(id).max(50).default([]),
  owedTo: z.array(id).max(50).default([]),
  topicIds: z.array(id).max(50).default([]),
  announcedOn: isoDate.nullable().default(null),
  deadline: deadlineInput.nullable().default(null),
  statusId: id.optional(),
});

export const recordStatusUpdateInput = z.strictObject({
  commitmentId: id,
  statusId: id,
  effectiveOn: isoDate,
  note: text(20_000).default(''),
  partyId: id.nullable().default(null),
  excerptId: id.nullable().default(null),
  correctsId: id.nullable().default(null),
  /** Marking a commitment broken before its deadline needs the analyst's reason. */
  brokenBeforeDeadlineReason: text(2_000).optional(),
});

export const referenceName = nonEmpty(200);
export const colour = z.string().regex(/^#[0-9a-f]{6}$/, 'must be a colour written #rrggbb');

/** An edit names only the fields it changes: no defaults here, or leaving a field out would reset it. */
export const updateCommitmentInput = z.strictObject({
  id,
  dossierId: id.optional(),
  title: nonEmpty(300).optional(),
  summary: text(20_000).optional(),
  kind: commitmentKind.optional(),
  parentId: id.nullable().optional(),
  madeBy: z.array(id).max(50).optional(),
  owedTo: z.array(id).max(50).optional(),
  topicIds: z.array(id).max(50).optional(),
  announcedOn: isoDate.nullable().optional(),
  deadline: deadlineInput.nullable().optional(),
});

export const offset = z.int('must be a whole number').min(0, 'must be 0 or more');

export const quoteSpan = z.strictObject({
  sourceId: id,
  start: offset,
  end: offset,
  speaker: text(200).default(''),
  /** A span of a summary, in other words than the original's: shown as a paraphrase, not a quotation. */
  paraphrase: z.boolean().default(false),
});

/** The formats of a report and of the scorecard. */
export const reportFormat = z.enum(reportTemplateFormats);
export const templateName = nonEmpty(200);

/** A report: the list's filters (with asOf, the state on that day) and what it is compared with. */
/** The language a report is written in; English when left out (the app sends its own). */
export const reportLanguage = z.enum(['en', 'es'], 'must be en or es').optional();

export const reportRequest = z.strictObject({
  scope: commitmentFilter.default({ dateField: 'due_on' }),
  language: reportLanguage,
  /** What changed since this day. */
  since: isoDate.optional(),
  /** The template it belongs to: without `since`, compared with that template's last report. */
  template: templateName.optional(),
  /** The style its sources are cited in; left out, the one chosen in the settings. */
  style: citationStyle.optional(),
});

/** A file dropped into the app: its name (whose extension gives its type) and its bytes in base64. */
export const importFile = z.strictObject({
  name: nonEmpty(260).regex(/\.(csv|xlsx|json)$/i, 'must be the name of a .csv, .xlsx or .json file'),
  /** About 75 MB of file: far more than a spreadsheet of every commitment. */
  contentBase64: z.base64('must be the file’s bytes in base64').max(100_000_000, 'is too large a file'),
});

/** The files draftSource reads a source from, by extension; the command line picks its operation by them. */
export { sourceFileTypes };

export const sourceFileName = new RegExp(
  `(${sourceFileTypes.map((type) => type.replace('.', '\\.')).join('|')})$`,
  'i',
);

/** A team's PostgreSQL: its address (postgres://member@host/database) and, in the desktop app, a password. */
export const teamLogin = z.strictObject({
  server: z
    .string()
    .trim()
    .max(2_000)
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL address written postgres://member@host/database'),
  password: z.string().max(200).optional(),
});

/** A feed's address: http(s) only. */
export const feedUrl = z
  .string()
  .trim()
  .max(2_000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }));
