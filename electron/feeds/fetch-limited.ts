// Fetching a feed or an article page off the web, within limits: http(s) only, one deadline for the
// whole request, a byte cap counted while the body streams in, redirects followed by hand and bounded,
// and conditional requests (ETag, Last-Modified) so an unchanged feed costs a 304 and nothing more.

export interface FetchLimits {
  /** For the whole request, redirects and body included. */
  timeoutMs: number;
  /** The most bytes a body may have; one longer is refused, not cut short. */
  maxBytes: number;
  /** How many redirects are followed before the address is given up on. */
  maxRedirects: number;
}

export const defaultFetchLimits: FetchLimits = {
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type Fetched =
  | { changed: false }
  | { changed: true; url: string; body: string; contentType: string; validators: Validators };

/** A fetch that went wrong, in words naming the address and what happened. */
export class FetchError extends Error {
  override name = 'FetchError';
  /** The HTTP status the server answered with, when it answered with an error; else null. */
  readonly status: number | null;

  constructor(message: string, status: number | null = null) {
    super(message);
    this.status = status;
  }
}

const userAgent = 'Pledgewatch (feed reader)';

/** Only http: and https: addresses: no file:, data: or anything else a feed might point to. */
export function webAddress(address: string): URL | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export async function fetchLimited(
  address: string,
  options: { limits?: FetchLimits; validators?: Validators; accept: string },
): Promise<Fetched> {
  const limits = options.limits ?? defaultFetchLimits;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = webAddress(address);
  if (!url) throw new FetchError(`${address}: only http and https addresses can be fetched.`);
  for (let hops = 0; ; hops += 1) {
    const headers: Record<string, string> = { Accept: options.accept, 'User-Agent': userAgent };
    // Validators belong to the address asked for; a redirect's target is asked afresh.
    if (hops === 0 && options.validators?.etag) headers['If-None-Match'] = options.validators.etag;
    if (hops === 0 && options.validators?.lastModified) {
      headers['If-Modified-Since'] = options.validators.lastModified;
    }
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'manual', signal });
    } catch (error) {
      throw new FetchError(`${address}: ${failureOf(error, limits)}`);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { changed: false };
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location)
        throw new FetchError(`${address}: answered ${response.status} with no address to go to.`);
      if (hops + 1 > limits.maxRedirects) {
        throw new FetchError(
          `${address}: redirected more than ${limits.maxRedirects} times (a redirect loop?).`,
        );
      }
      const next = webAddress(new URL(location, url).href);
      if (!next)
        throw new FetchError(`${address}: redirected to ${location}, which is not an http(s) address.`);
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchError(
        `${address}: the server answered ${response.status} ${response.statusText}.`.trim(),
        response.status,
      );
    }
    const body = await readCapped(response, address, limits, signal);
    return {
      changed: true,
      url: url.href,
      body,
      contentType: response.headers.get('content-type') ?? '',
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    };
  }
}

async function readCapped(
  response: Response,
  address: string,
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw new FetchError(
      `${address}: the response is ${declared} bytes, more than the ${limits.maxBytes} allowed.`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      size += next.value.byteLength;
      if (size > limits.maxBytes) {
        await reader?.cancel().catch(() => {});
        throw new FetchError(`${address}: the response is more than the ${limits.maxBytes} bytes allowed.`);
      }
      chunks.push(next.value);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(`${address}: ${failureOf(signal.aborted ? signal.reason : error, limits)}`);
  }
  return new TextDecoder(charsetOf(response.headers.get('content-type'))).decode(Buffer.concat(chunks));
}

function charsetOf(contentType: string | null): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
}

function failureOf(error: unknown, limits: FetchLimits): string {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no complete answer within ${limits.timeoutMs / 1000} seconds.`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return `could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message}).`;
}
