// Builds the Hono app: security headers, logging, the session, CSRF, the feature routers, the web
// app's static files, and one onError that turns AppError into a Vietnamese JSON answer.
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { AppError } from './errors';
import { createRouter, type AppEnv, type TAppDeps } from './http';
import { CSRF_HEADER, SESSION_COOKIE, loadSession } from './auth/sessions';
import { authRoutes } from './auth/auth.routes';
import { unitRoutes } from './units/units.routes';
import { clusterRoutes } from './clusters/clusters.routes';
import { peopleRoutes } from './people/people.routes';
import { userRoutes } from './users/users.routes';
import { fileRoutes } from './files/files.routes';
import { jobRoutes } from './jobs/jobs.routes';
import { notificationRoutes } from './notifications/notifications.routes';
import { auditRoutes } from './audit/audit.routes';
import { importRoutes } from './imports/imports.routes';
import { planRoutes } from './plans/plans.routes';
import { documentRoutes } from './documents/documents.routes';
import { readerRoutes } from './reader/reader.routes';
import { awardRoutes } from './awards/awards.routes';
import { exemplarRoutes, initiativeRoutes, outreachRoutes, pactRoutes, registrationRoutes } from './participation/participation.routes';
import { reportRoutes } from './reports/reports.routes';
import { dossierRoutes } from './dossiers/dossiers.routes';
import { decisionRoutes, publicRoutes } from './decisions/decisions.routes';
import { nominationRoutes, reviewRoutes } from './reviews/reviews.routes';
import { awardStatsRoutes, eligibilityRoutes, ruleSetRoutes, rulesCheckRoutes } from './rules/rules.routes';
import { assessmentRoutes } from './assessments/assessments.routes';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createApp(deps: TAppDeps, opts: { webDir?: string } = {}) {
  const app = new Hono<AppEnv>();

  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      frameSrc: ["'self'", 'blob:'],
      objectSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'self'"],
    },
  }));

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('session', null);
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/')) {
      deps.log.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
    }
  });

  app.get('/healthz', async (c) => {
    await deps.database.db.selectFrom('settings').select('key').limit(1).execute();
    return c.json({ status: 'ok', db: deps.database.kind });
  });

  // Session and CSRF for the API.
  app.use('/api/*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await loadSession(deps.database.db, token) : null;
    c.set('session', session);
    if (UNSAFE.has(c.req.method)) {
      // Cross-site requests never pass: browsers send Origin on unsafe requests.
      const origin = c.req.header('origin');
      if (origin) {
        const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
        let originHost = '';
        try { originHost = new URL(origin).host; } catch { /* invalid origin */ }
        if (originHost !== host) throw new AppError('CSRF', 'Yêu cầu bị từ chối (nguồn không hợp lệ)');
      }
      if (session && c.req.header(CSRF_HEADER) !== session.csrfToken) {
        throw new AppError('CSRF', 'Phiên làm việc không hợp lệ, hãy tải lại trang (thiếu mã CSRF)');
      }
    }
    await next();
  });

  const api = createRouter();
  api.route('/auth', authRoutes());
  api.route('/units', unitRoutes());
  api.route('/clusters', clusterRoutes());
  api.route('/people', peopleRoutes());
  api.route('/users', userRoutes());
  api.route('/files', fileRoutes());
  api.route('/jobs', jobRoutes());
  api.route('/notifications', notificationRoutes());
  api.route('/audit', auditRoutes());
  api.route('/imports', importRoutes());
  api.route('/plans', planRoutes());
  api.route('/documents', documentRoutes());
  api.route('/reader', readerRoutes());
  api.route('/awards', awardRoutes());
  api.route('/reports', reportRoutes());
  api.route('/dossiers', dossierRoutes());
  api.route('/decisions', decisionRoutes());
  api.route('/public', publicRoutes());
  api.route('/assessments', assessmentRoutes());
  api.route('/rule-sets', ruleSetRoutes());
  api.route('/rules', rulesCheckRoutes());
  api.route('/eligibility', eligibilityRoutes());
  api.route('/award-stats', awardStatsRoutes());
  api.route('/nominations', nominationRoutes());
  api.route('/reviews', reviewRoutes());
  api.route('/registrations', registrationRoutes());
  api.route('/pacts', pactRoutes());
  api.route('/initiatives', initiativeRoutes());
  api.route('/outreach', outreachRoutes());
  api.route('/exemplars', exemplarRoutes());

  api.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
  app.route('/api/v1', api);
  let openApiDoc: unknown = null;
  app.get('/api/openapi.json', (c) => {
    openApiDoc ??= api.getOpenAPIDocument({
      openapi: '3.0.3',
      info: { title: 'thidua API', version: '1', description: 'API công khai của thidua: mọi màn hình web chỉ dùng API này. Phiên đăng nhập bằng cookie; mọi yêu cầu thay đổi dữ liệu gửi kèm tiêu đề X-CSRF-Token lấy từ /api/v1/auth/me.' },
      servers: [{ url: '/api/v1' }],
    });
    return c.json(openApiDoc);
  });
  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND', 'Không có địa chỉ API này');
  });

  const webDir = opts.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    const rel = path.relative(process.cwd(), webDir) || '.';
    app.use('/assets/*', serveStatic({ root: rel, onFound: (_p, c) => { c.header('Cache-Control', 'public, max-age=31536000, immutable'); } }));
    app.use('*', serveStatic({ root: rel }));
    // Client routes get index.html; re-read it when a rebuild replaced it, so deep links never point at old chunks.
    const indexFile = path.join(webDir, 'index.html');
    let cached = { mtimeMs: -1, html: '' };
    app.get('*', (c) => {
      const mtimeMs = fs.statSync(indexFile).mtimeMs;
      if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: fs.readFileSync(indexFile, 'utf8') };
      return c.html(cached.html);
    });
  }

  app.onError((err, c) => {
    if (err instanceof AppError) {
      if (err.status >= 500) deps.log.error({ err }, 'app error');
      return c.json({ error: { code: err.code, message: err.message, ...(err.details ?? {}) } }, err.status as 400);
    }
    if (err instanceof SyntaxError && UNSAFE.has(c.req.method)) {
      return c.json({ error: { code: 'VALIDATION', message: 'Nội dung gửi lên không phải JSON hợp lệ' } }, 400);
    }
    deps.log.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại sau' } }, 500);
  });

  return app;
}
