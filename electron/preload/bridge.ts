// The type of window.pledgewatch, the one object the preload exposes; type-only, so the renderer can import it.
import type { ApiResult, InputOf, OutputOf } from '../api/contract.ts';
import type { OperationName } from '../api/operation-names.ts';

/** Calls one operation; resolves to its result, and never rejects for bad input (that is an `ok: false`). */
export type BridgeFunction<Name extends OperationName> = (
  input: InputOf<Name>,
) => Promise<ApiResult<OutputOf<Name>>>;

/** One function per API operation, and nothing else. */
export type PledgewatchBridge = { readonly [Name in OperationName]: BridgeFunction<Name> };
