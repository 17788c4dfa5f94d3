// One typed error for the whole server; onError in app.ts turns it into an HTTP answer.
export type TErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'CSRF'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_TYPE'
  | 'QUOTA_EXCEEDED'
  | 'DEADLINE_PASSED';

const STATUS: Record<TErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  CSRF: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  QUOTA_EXCEEDED: 409,
  DEADLINE_PASSED: 409,
};

export type TFieldError = { field: string; message: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: { fields?: TFieldError[]; [k: string]: unknown },
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = 'Không tìm thấy dữ liệu') => new AppError('NOT_FOUND', what);
export const forbidden = (why = 'Bạn không có quyền thực hiện thao tác này') => new AppError('FORBIDDEN', why);
export const invalid = (message: string, fields?: TFieldError[]) => new AppError('VALIDATION', message, { fields });
