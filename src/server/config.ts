// Process environment parsed once at boot. Every variable the server reads is listed here.
import path from 'node:path';
import { z } from 'zod';

const ZConfig = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 for a server, 127.0.0.1 for a laptop. */
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… switches to PostgreSQL; empty means the embedded SQLite file under THIDUA_DATA_DIR. */
  DATABASE_URL: z.string().optional().default(''),
  /** PostgreSQL connections per app server. */
  THIDUA_PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Folder for the SQLite file, uploaded files and generated artefacts (never served directly). */
  THIDUA_DATA_DIR: z.string().default('./data'),
  /** Password for the first administrator `admin`, applied on first boot only. Random (printed once) when unset. */
  THIDUA_ADMIN_PASSWORD: z.string().min(8, 'THIDUA_ADMIN_PASSWORD phải có ít nhất 8 ký tự').optional(),
  /** Load the demo province on first boot: "1" (default for the embedded database) or "0". */
  THIDUA_DEMO: z.enum(['0', '1']).optional(),
  /** Password for the demo accounts; random (written to data/demo-accounts.txt) when unset. */
  THIDUA_DEMO_PASSWORD: z.string().min(8).optional(),
  /** Session lifetime in hours. */
  THIDUA_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Largest accepted upload in megabytes. */
  THIDUA_MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
  /** Set "1" behind HTTPS so that cookies carry the Secure flag. */
  THIDUA_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /**
   * How far V8 lets the heap grow past what was live after the last full collection, in percent (V8's
   * --heap-growing-percent; 0 keeps V8's own factor, up to 4×). Read by bin/thidua.mjs, which starts the
   * server's node with it (V8 takes the flag only at start); listed here so that a bad value stops the boot.
   */
  THIDUA_HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(300).default(50),
  /** Run the in-process job worker ("0" for API-only servers). */
  THIDUA_WORKER: z.enum(['0', '1']).default('1'),
  /** A running job with no heartbeat for this long is taken to have died with its server and is queued again. */
  THIDUA_JOB_STALE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  /**
   * SMTP URL for e-mail reminders, e.g. smtp://user:pass@host:587; empty disables e-mail. Read from this
   * config by the reports reminders: "Nhắc ngay" and the daily job reports.remind (job handlers get the
   * config as `helpers.config`).
   */
  SMTP_URL: z.string().optional().default(''),
  /** Sender address for e-mails. */
  SMTP_FROM: z.string().default('thidua <no-reply@thidua.local>'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type TConfig = z.infer<typeof ZConfig> & { dataDir: string; dbKind: 'sqlite' | 'postgres' };

export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dbKind = /^postgres(ql)?:\/\//.test(c.DATABASE_URL) ? 'postgres' : 'sqlite';
  if (c.DATABASE_URL && dbKind === 'sqlite' && !c.DATABASE_URL.startsWith('sqlite:')) {
    throw new Error('DATABASE_URL phải bắt đầu bằng postgres:// hoặc sqlite:');
  }
  return { ...c, dataDir: path.resolve(c.THIDUA_DATA_DIR), dbKind };
}
