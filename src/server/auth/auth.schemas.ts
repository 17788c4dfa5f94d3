import { z } from '@hono/zod-openapi';

export const ZRoleCode = z.enum(['admin', 'officer', 'head', 'council', 'individual']);

export const ZMe = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    personId: z.string().nullable(),
    mustChangePassword: z.boolean(),
    roles: z.array(z.object({ role: ZRoleCode, roleLabel: z.string(), unitId: z.string(), unitName: z.string() })),
    permissions: z.array(z.string()),
    csrfToken: z.string(),
  })
  .openapi('Me');
