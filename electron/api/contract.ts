// The API contract: each operation's name, input schema and output type, declared once.
// The IPC, HTTP and CLI adapters and the renderer's client are all derived from this list.
import { z } from 'zod';
import type { OperationName } from './operation-names.ts';
import type { CommitmentDetail, CommitmentPage, ReferenceData } from '../../db/model.ts';

export interface Operation<Input extends z.ZodType, Output> {
  input: Input;
  /** Never set at run time: carries the output type. */
  output?: Output;
}

const returns =
  <Output>() =>
  <Input extends z.ZodType>(input: Input): Operation<Input, Output> => ({ input });

const id = z.int('must be a whole number').positive('must be a positive id');
const isoDate = z.iso.date('must be a date written YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

export const commitmentKind = z.enum(['pledge', 'agreement', 'measure', 'threat', 'reprieve', 'review']);

export const sortColumns = ['title', 'dossier', 'status', 'announced_on', 'due_on', 'updated'] as const;

export const listCommitmentsInput = z.strictObject({
  dossierId: id.optional(),
  topicId: id.optional(),
  partyId: id.optional(),
  statusId: id.optional(),
  text: text(200).optional(),
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
});

export const contract = {
  listReference: returns<ReferenceData>()(z.strictObject({})),
  listCommitments: returns<CommitmentPage>()(listCommitmentsInput),
  getCommitment: returns<CommitmentDetail>()(z.strictObject({ id })),
  createDossier: returns<{ id: number }>()(
    z.strictObject({ name: nonEmpty(200), description: text(5_000).default('') }),
  ),
  createCommitment: returns<{ id: number }>()(createCommitmentInput),
  recordStatusUpdate: returns<{ id: number }>()(recordStatusUpdateInput),
  loadSample: returns<{ dossierId: number; created: boolean }>()(z.strictObject({})),
} satisfies { [Name in OperationName]: Operation<z.ZodType, unknown> };

export type Contract = typeof contract;
/** What a caller may send (defaults may be left out). */
export type InputOf<Name extends OperationName> = z.input<Contract[Name]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInputOf<Name extends OperationName> = z.output<Contract[Name]['input']>;
export type OutputOf<Name extends OperationName> = NonNullable<Contract[Name]['output']>;

export interface ApiError {
  code: 'invalid_input' | 'not_found' | 'conflict' | 'unknown_operation' | 'internal';
  message: string;
  /** For invalid input: which field and what is wrong with it. */
  issues?: { path: string; message: string }[];
}

export type ApiResult<Value> = { ok: true; value: Value } | { ok: false; error: ApiError };
