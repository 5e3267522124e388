/**
 * Every request the package makes: a timeout (30 s unless `configure({ fetchTimeoutMs })`),
 * one retry after a network error, a timeout or a 5xx answer, and a message that names the URL
 * and what went wrong. A static host that answers a missing file with its HTML index (200,
 * text/html) is caught too, for the files that cannot be HTML.
 */
import { pageRegistry } from './page-registry.js';
import type { Problem } from './problem.js';

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

export class FetchError extends Error {
  readonly problem: Problem;
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown; problem?: Problem },
  ) {
    super(message, options);
    this.name = 'FetchError';
    this.problem = options?.problem ?? {
      code: 'fetchStatus',
      params: { url, status: status ?? 0 },
    };
  }
}

export interface FetchOptions {
  /** What the file is, for the message: 'weights manifest', 'the bundled digits'... */
  what?: string;
  /** Refuse an HTML answer (a host's fallback page in place of a missing file). */
  notHtml?: boolean;
  signal?: AbortSignal;
}

export function fetchTimeoutMs(): number {
  return pageRegistry().settings.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
}

export async function fetchFile(url: string, options: FetchOptions = {}): Promise<Response> {
  try {
    return await fetchOnce(url, options);
  } catch (error) {
    const retryable =
      !(error instanceof FetchError) || error.status === undefined || error.status >= 500;
    if (!retryable || options.signal?.aborted) throw error;
    // The retry goes to the server, not to a cached copy of the failure.
    return fetchOnce(url, options, 'reload');
  }
}

async function fetchOnce(
  url: string,
  { what = 'file', notHtml = false, signal }: FetchOptions,
  cache: RequestCache = 'default',
): Promise<Response> {
  const timeout = fetchTimeoutMs();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const abortFromCaller = () => controller.abort();
  signal?.addEventListener('abort', abortFromCaller);
  let response: Response;
  try {
    response = await fetch(url, { signal: controller.signal, cache });
  } catch (cause) {
    const code = signal?.aborted
      ? 'fetchCancelled'
      : controller.signal.aborted
        ? 'fetchTimeout'
        : 'fetchNetwork';
    const reason = {
      fetchCancelled: 'the request was cancelled',
      fetchTimeout: `no answer within ${timeout / 1000} s`,
      fetchNetwork: 'the network request failed',
    }[code];
    throw new FetchError(`Could not load the ${what} from ${url}: ${reason}.`, url, undefined, {
      cause,
      problem: { code, params: { url, seconds: timeout / 1000 } },
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abortFromCaller);
  }
  if (!response.ok) {
    throw new FetchError(
      `Could not load the ${what} from ${url}: the server answered ${response.status} ${response.statusText}.`.replace(
        ' .',
        '.',
      ),
      url,
      response.status,
    );
  }
  if (notHtml && /text\/html/i.test(response.headers.get('content-type') ?? '')) {
    throw new FetchError(
      `Could not load the ${what} from ${url}: the server answered with an HTML page (is the file missing?).`,
      url,
      response.status,
      {
        problem: { code: 'fetchHtml', params: { url } },
      },
    );
  }
  return response;
}
