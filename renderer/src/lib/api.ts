// The renderer's one API client: IPC through the preload in the desktop app, HTTP in browser mode.
import type { ApiError, ApiResult, InputOf, OutputOf } from '../../../electron/api/contract.ts';
import { operationNames, type OperationName } from '../../../electron/api/operation-names.ts';
import type { PledgewatchBridge } from '../../../electron/preload/bridge.ts';
import { language } from './i18n.ts';

export type ApiClient = { [Name in OperationName]: (input: InputOf<Name>) => Promise<OutputOf<Name>> };

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly issues: NonNullable<ApiError['issues']>;

  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

declare global {
  interface Window {
    pledgewatch?: PledgewatchBridge;
  }
}

const tokenKey = 'pledgewatch.token';

/** Browser mode: the token arrives once in the URL; keep it for this tab and take it out of sight. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

type Transport = (name: OperationName, input: unknown) => Promise<ApiResult<unknown>>;

function httpTransport(): Transport {
  const token = browserToken();
  return async (name, input) => {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Pledgewatch-Token': token },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as ApiResult<unknown>;
  };
}

function ipcTransport(bridge: PledgewatchBridge): Transport {
  return (name, input) => (bridge[name] as (input: unknown) => Promise<ApiResult<unknown>>)(input);
}

/** The operations that write words into a file: they are written in the app's language unless asked otherwise. */
const writesWords: ReadonlySet<OperationName> = new Set([
  'previewReport',
  'renderReport',
  'renderScorecard',
  'renderCalendar',
  'publishTracker',
]);

function withLanguage(name: OperationName, input: unknown): unknown {
  if (!writesWords.has(name)) return input;
  const given = (input ?? {}) as { language?: string };
  return given.language === undefined ? { ...given, language: language() } : given;
}

function createClient(): ApiClient {
  const transport = window.pledgewatch ? ipcTransport(window.pledgewatch) : httpTransport();
  const client = Object.fromEntries(
    operationNames.map((name) => [
      name,
      async (input: unknown) => {
        const result = await transport(name, withLanguage(name, input));
        if (!result.ok) throw new ApiCallError(result.error);
        return result.value;
      },
    ]),
  );
  return client as ApiClient;
}

export const api = createClient();
