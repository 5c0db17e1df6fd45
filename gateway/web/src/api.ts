import { problemOf, type Problem } from './problems';

/** A call the platform refused, with its problem. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

/** The person behind the session, as the gateway describes them (never their tokens). */
export interface Me {
  signedIn: boolean;
  signInAvailable: boolean;
  username?: string;
  displayName?: string;
  roles: string[];
  departements: string[];
  associationId?: string;
  csrf: { headerName: string; token: string; parameterName: string };
}

let csrf: Me['csrf'] | null = null;
let reSignIn: (() => Promise<void>) | null = null;

export async function loadMe(): Promise<Me> {
  const response = await fetch('/web/session', {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw new ApiError(problemOf(response.status, await body(response)));
  }
  const me = (await response.json()) as Me;
  me.roles = me.roles ?? [];
  me.departements = me.departements ?? [];
  csrf = me.csrf;
  return me;
}

/**
 * What to do when the session has ended in the middle of the work: the application asks the person
 * to sign in again (in another window, so that this page and what was typed in it stay), and the
 * call is then made again.
 */
export function onSessionLost(handler: () => Promise<void>) {
  reSignIn = handler;
}

/** The CSRF token of the session, for a form posted by the browser itself (sign-out). */
export function csrfToken() {
  return csrf;
}

/** A call to the public API through the gateway, as the signed-in person. */
export async function api<T>(method: string, path: string, payload?: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET' && csrf) {
      headers[csrf.headerName] = csrf.token;
    }
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    if (response.status === 401 && attempt === 0 && reSignIn) {
      await reSignIn();
      continue;
    }
    const content = await body(response);
    if (!response.ok) {
      throw new ApiError(problemOf(response.status, content));
    }
    return content as T;
  }
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, payload: unknown = {}) => api<T>('POST', path, payload);
export const put = <T>(path: string, payload: unknown) => api<T>('PUT', path, payload);

async function body(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return undefined;
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      return undefined;
    }
  }
  return await response.text();
}
