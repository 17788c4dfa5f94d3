// One error type for bad document input, carrying Vietnamese messages the CLI and the server can show.
import type { z } from 'zod';

export class DocumentInputError extends Error {
  readonly code = 'VALIDATION' as const;
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}\n${issues.map((i) => `- ${i}`).join('\n')}` : message);
    this.name = 'DocumentInputError';
  }
}

/** Parse data with a zod schema or throw a DocumentInputError listing each bad field by its path. */
export function parseDocumentInput<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : '(gốc)';
    return `${path}: ${issue.message}`;
  });
  throw new DocumentInputError(`Dữ liệu ${what} không hợp lệ.`, issues);
}
