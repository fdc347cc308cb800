import { existsSync } from 'node:fs';
import { z } from 'zod';

const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with sqlite: or postgres://')
    .default('sqlite:./data/guanxi.db'),
  GUANXI_SECRET: z.string().min(32, 'GUANXI_SECRET must be at least 32 characters').optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  WEB_DIST: z.string().optional(),
  /** `off` stops this process from running scheduled jobs (another process on the same database runs them). */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** How often an idle worker looks for queued jobs, and how often periodic jobs check for a due slot. */
  JOBS_POLL_MS: z.coerce.number().int().min(100).default(1000),
  SCHEDULER_TICK_SECONDS: z.coerce.number().positive().default(30),
  /** PostgreSQL: how often pg-boss expires lost leases and archives finished jobs. */
  /** How often pending notification e-mails are sent (the `email-outbox` periodic job). */
  EMAIL_OUTBOX_SECONDS: z.coerce.number().positive().default(30),
  /** How often each open notification stream (SSE) looks for changes. */
  NOTIFY_STREAM_POLL_MS: z.coerce.number().int().min(100).default(5000),
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(30),
  POOL_SWEEP_MINUTES: z.coerce.number().positive().default(60),
  /** How often due task reminders are looked for. */
  TASK_REMINDER_SECONDS: z.coerce.number().positive().default(60),
  /** Attachment files live under `<dir>/<tenant>/<id>` (docs/decisions/011-attachments-on-local-disk.md). */
  ATTACHMENTS_DIR: z.string().min(1).default('./data/attachments'),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export type Config = Readonly<z.infer<typeof ZConfig>>;

/** Reads settings from the environment (and `.env` when present) once, and fails fast on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${lines.join('; ')}`);
  }
  return Object.freeze({ ...parsed.data, ...overrides });
}
