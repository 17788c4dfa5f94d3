// HTTP for rules: rule sets (read; new version by an administrator), eligibility of people and
// collectives, the what-if check, and award statistics. Four routers mounted under /api/v1.
import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonOk, useCaseContext, ZIdParam } from '../http';
import { awardStats } from './award-stats';
import { listEligibility, personEligibility, unitEligibility } from './eligibility-service';
import { checkRulesCase } from './rules-check';
import { createRuleSetVersion, getRuleSet, listRuleSets } from './rule-sets';
import {
  ZAwardStats,
  ZAwardStatsQuery,
  ZEligibilityList,
  ZEligibilityQuery,
  ZNewRuleSetVersion,
  ZPersonEligibilityAnswer,
  ZRuleSetCreated,
  ZRuleSetDetail,
  ZRuleSetList,
  ZRuleSetParam,
  ZRuleSetVersionQuery,
  ZRulesCheckAnswer,
  ZRulesCheckBody,
  ZUnitEligibilityAnswer,
  ZYearQuery,
} from './rules.schemas';

export function ruleSetRoutes() {
  const r = createRouter();
  const tags = ['Bộ quy tắc'];
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Các bộ quy tắc đang áp dụng (phiên bản mới nhất)', responses: jsonOk(ZRuleSetList) }),
    async (c) => c.json(await listRuleSets(useCaseContext(c)), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{code}', tags, summary: 'Một bộ quy tắc (JSON) và lịch sử phiên bản', request: { params: ZRuleSetParam, query: ZRuleSetVersionQuery }, responses: jsonOk(ZRuleSetDetail) }),
    async (c) => c.json((await getRuleSet(useCaseContext(c), c.req.valid('param').code, c.req.valid('query').version)) as never, 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{code}/versions', tags, summary: 'Lưu bộ quy tắc đã sửa thành phiên bản mới (quản trị; ghi nhật ký; quyết định cũ giữ phiên bản cũ)', request: { params: ZRuleSetParam, ...jsonBody(ZNewRuleSetVersion) }, responses: jsonOk(ZRuleSetCreated) }),
    async (c) => c.json((await createRuleSetVersion(useCaseContext(c), c.req.valid('param').code, c.req.valid('json'))) as never, 200),
  );
  return r;
}

export function eligibilityRoutes() {
  const r = createRouter();
  const tags = ['Xét điều kiện khen thưởng'];
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Điều kiện khen thưởng của mọi cá nhân trong đơn vị cho một năm học (lý do, đề xuất)', request: { query: ZEligibilityQuery }, responses: jsonOk(ZEligibilityList) }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listEligibility(useCaseContext(c), { ...q, onlyEligible: q.onlyEligible === 'true' }), 200);
    },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/person/{id}', tags, summary: 'Điều kiện khen thưởng của một cá nhân (cả chính mình)', request: { params: ZIdParam, query: ZYearQuery }, responses: jsonOk(ZPersonEligibilityAnswer) }),
    async (c) => c.json(await personEligibility(useCaseContext(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/unit/{id}', tags, summary: 'Điều kiện danh hiệu tập thể của đơn vị và các đơn vị trực thuộc', request: { params: ZIdParam, query: ZYearQuery }, responses: jsonOk(ZUnitEligibilityAnswer) }),
    async (c) => c.json(await unitEligibility(useCaseContext(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  return r;
}

export function rulesCheckRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'post', path: '/check', tags: ['Bộ quy tắc'], summary: 'Kiểm tra một tình huống giả định (không đọc, không ghi cơ sở dữ liệu ngoài bộ quy tắc)', request: jsonBody(ZRulesCheckBody), responses: jsonOk(ZRulesCheckAnswer) }),
    async (c) => c.json((await checkRulesCase(useCaseContext(c), c.req.valid('json'))) as never, 200),
  );
  return r;
}

export function awardStatsRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/', tags: ['Xét điều kiện khen thưởng'], summary: 'Thống kê khen thưởng (còn hiệu lực) trong đơn vị', request: { query: ZAwardStatsQuery }, responses: jsonOk(ZAwardStats) }),
    async (c) => c.json(await awardStats(useCaseContext(c), c.req.valid('query')), 200),
  );
  return r;
}

