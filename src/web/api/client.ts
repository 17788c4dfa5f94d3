// Typed client for the public HTTP API (/api/v1). Every unsafe request carries the CSRF token the
// server gave at login or /auth/me; errors arrive as ApiError with the server's Vietnamese message.
export type TFieldError = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: TFieldError[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when the server answers 401 (session expired): the app goes back to the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type TQueryValue = string | number | boolean | null | undefined;

/** `{ q: 'a', page: 2, x: '' }` → `?q=a&page=2` (empty values are left out). */
export function toQuery(params: Record<string, TQueryValue>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Hãy kiểm tra mạng và thử lại.');
  }
  if (!res.ok) {
    let code = 'HTTP_' + res.status;
    let message = res.status >= 500 ? 'Lỗi hệ thống, vui lòng thử lại sau' : 'Yêu cầu không thực hiện được';
    let fields: TFieldError[] = [];
    try {
      const data = (await res.json()) as { error?: { code?: string; message?: string; fields?: TFieldError[] } };
      if (data.error) {
        code = data.error.code ?? code;
        message = data.error.message ?? message;
        fields = data.error.fields ?? [];
      }
    } catch {
      /* not JSON */
    }
    if (res.status === 401 && !path.startsWith('/auth/login') && onUnauthenticated) onUnauthenticated();
    throw new ApiError(res.status, code, message, fields);
  }
  return res;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => json<T>('GET', path),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, body),
  upload: <T>(path: string, form: FormData) => json<T>('POST', path, form),
};

/** Downloads a file from the API (GET) and hands it to the browser as a download. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd);
  const name = m ? decodeURIComponent(m[1] ?? m[2]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The message a field got from the server, e.g. fieldError(err, 'birthDate'). */
export function fieldError(err: unknown, field: string): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  return err.fields.find((f) => f.field === field || f.field.startsWith(field + '.'))?.message;
}

/** The message to show for any error (server message, or a generic Vietnamese one). */
export function errorMessage(err: unknown, labels: Record<string, string> = {}): string {
  if (err instanceof ApiError) {
    let msg = err.message;
    // Validation messages name the field by its API key; show the form's label instead.
    for (const [key, label] of Object.entries(labels)) msg = msg.replace(new RegExp(`\\b${key}\\b`, 'g'), label);
    return msg;
  }
  if (err instanceof Error && err.name === 'FormCheckError') return err.message;
  return 'Đã có lỗi xảy ra, vui lòng thử lại';
}
