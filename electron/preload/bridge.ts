// The type of window.pledgewatch, the one object the preload exposes; type-only, so the renderer can import it.
import type { ApiResult, InputOf, OutputOf } from '../api/contract.ts';
import type { OperationName } from '../api/operation-names.ts';

/** Calls one operation; resolves to its result, and never rejects for bad input (that is an `ok: false`). */
export type BridgeFunction<Name extends OperationName> = (
  input: InputOf<Name>,
) => Promise<ApiResult<OutputOf<Name>>>;

/** One function per API operation, and nothing else. */
export type PledgewatchBridge = { readonly [Name in OperationName]: BridgeFunction<Name> };

/** Saved where the analyst chose, or not at all (the dialog was cancelled). */
export type SavedReport = { saved: true; path: string; commitmentCount: number } | { saved: false };

/** What the desktop app offers beyond the API, as window.pledgewatchDesktop; absent in browser mode. */
export interface DesktopBridge {
  /** Asks where to save (starting in the last report's folder), then makes the report there. */
  readonly saveReport: (request: InputOf<'renderReport'>) => Promise<ApiResult<SavedReport>>;
}
