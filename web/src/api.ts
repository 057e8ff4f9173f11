/** The web session API (contract.md): JSON over same-origin fetch, the cookie is HttpOnly. */

export interface SessionResult {
  ok: boolean;
  status: number;
  account?: string;
  error?: string;
}

async function call(method: string, body?: unknown, path = '/api/session'): Promise<SessionResult> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    return { ok: false, status: 0, error: `The server cannot be reached (${String(e)})` };
  }
  let json: { account?: unknown; error?: unknown } = {};
  try {
    if (response.status !== 204) json = (await response.json()) as typeof json;
  } catch {
    json = {};
  }
  const account = typeof json.account === 'string' ? json.account : undefined;
  const error = typeof json.error === 'string' ? json.error : response.ok ? undefined : `${response.status} ${response.statusText}`.trim();
  return { ok: response.ok, status: response.status, account, error };
}

/** GET /api/session: the signed-in account, or not ok (401) when there is no valid cookie. */
export function currentSession(): Promise<SessionResult> {
  return call('GET');
}

/** POST /api/session: signs in. The password is sent once and kept nowhere. */
export function signIn(account: string, password: string): Promise<SessionResult> {
  return call('POST', { account, password });
}

/** POST /api/account: registers, then signs in (201). */
export function register(account: string, password: string): Promise<SessionResult> {
  return call('POST', { account, password }, '/api/account');
}

/** DELETE /api/session: revokes this session's token and clears the cookie. */
export function signOut(): Promise<SessionResult> {
  return call('DELETE');
}
