// Browser test of Xét điều kiện khen thưởng and Bộ quy tắc: the school's officer opens the eligibility
// screen, finds Nguyễn Thị Lan and reads her LĐTT verdict with its reason; the administrator marks the
// rule set in force "chưa xác minh" on /quy-dinh; the officer's verdict then carries the badge.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, browserTestsEnabled, logInAs, startBrowserEnv, type TBrowserEnv } from './support';
import { schoolYearOf } from '../src/shared/vn';

const enabled = browserTestsEnabled('e2e/eligibility.test.ts');
const TT07 = 'luat2022-nd152-2025-tt07-2026';

/** Logs in over HTTP and returns a caller for the JSON API (cookie + CSRF). */
async function apiAs(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, origin: baseUrl, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, json: (await r.json()) as any };
  };
}

function markVerified(c: any): any {
  return { ...c, verified: true, ...(Array.isArray(c.criteria) ? { criteria: c.criteria.map(markVerified) } : {}) };
}

describe.skipIf(!enabled)('giao diện web: xét điều kiện khen thưởng, bộ quy tắc "chưa xác minh"', () => {
  let env: TBrowserEnv;
  let browser: Browser;
  let url = '';
  let cstdcs = { individual: 0, collective: 0, total: 0 };

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-eligibility-');
    browser = env.browser;
    url = env.server.url;
    // The administrator has read the texts behind LĐTT in the set in force for 2025-2026 (set-up via the API).
    const admin = await apiAs(url, 'admin', ADMIN_PASSWORD);
    const current = (await admin('GET', `/rule-sets/${TT07}`)).json;
    const set = current.ruleSet;
    const ldtt = { ...set.titles.LDTT, verified: true, criteria: { individual: set.titles.LDTT.criteria.individual.map(markVerified) } };
    const saved = await admin('POST', `/rule-sets/${TT07}/versions`, { baseVersion: current.version, reason: 'Đã đối chiếu tiêu chuẩn LĐTT', ruleSet: { ...set, verified: true, titles: { ...set.titles, LDTT: ldtt } } });
    expect(saved.status).toBe(200);
    // The school's CSTĐCS in the demo's ten years of history, as the statistics API counts them (the tab must show the same).
    const officer = await apiAs(url, 'pdp.tdkt', DEMO_PASSWORD);
    const lan = (await officer('GET', '/people?q=nguyen thi lan&pageSize=5')).json.items.find((p: { fullName: string }) => p.fullName === 'Nguyễn Thị Lan');
    // The tab's default range: the six school years up to the current one.
    const y = schoolYearOf(new Date().toISOString().slice(0, 10));
    const stats = (await officer('GET', `/award-stats?unitId=${lan.unitId}&groupBy=title&fromYear=${y - 5}&toYear=${y}`)).json;
    cstdcs = stats.items.find((i: { key: string }) => i.key === 'CSTDCS');
    expect(cstdcs.individual).toBeGreaterThanOrEqual(2);
  });

  afterAll(async () => {
    await env?.close();
  });

  async function openLan(page: Page) {
    await page.getByRole('heading', { name: 'Xét điều kiện khen thưởng' }).waitFor();
    await page.getByLabel('Tìm theo tên').fill('nguyen thi lan');
    await page.getByRole('button', { name: 'Nguyễn Thị Lan' }).first().click();
    const drawer = page.getByRole('dialog', { name: 'Điều kiện khen thưởng: Nguyễn Thị Lan' });
    await drawer.waitFor();
    return drawer.getByTestId('verdict-LDTT');
  }

  it('cán bộ TĐKT xem kết luận của Nguyễn Thị Lan kèm lý do; quản trị đánh dấu bộ quy tắc chưa xác minh thì kết luận hiện nhãn', async () => {
    const officer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const adminPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await logInAs(officer, url, 'pdp.tdkt');
      await officer.getByRole('link', { name: 'Xét điều kiện khen thưởng' }).click();
      await expect(officer.getByText('Trường THPT Phan Đình Phùng').first()).toBeVisibleSoon();
      const ldtt = await openLan(officer);
      await expect(ldtt.getByText('Lao động tiên tiến', { exact: true })).toBeVisibleSoon();
      await expect(ldtt.getByText(/^Năm học 2025-2026: Hoàn thành/)).toBeVisibleSoon();
      await expect(ldtt.getByText(/Luật Thi đua, khen thưởng 06\/2022\/QH15 Điều 24/).first()).toBeVisibleSoon();
      expect(await ldtt.getByText('chưa xác minh', { exact: true }).count()).toBe(0);
      // Her demo history (CSTĐCS in the two previous years, a provincial initiative): CSTĐ cấp tỉnh is proposed.
      const drawer = officer.getByRole('dialog', { name: 'Điều kiện khen thưởng: Nguyễn Thị Lan' });
      await expect(drawer.getByText(/đề nghị Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh/)).toBeVisibleSoon();
      await officer.keyboard.press('Escape');
      // Statistics: the school's CSTĐCS of the demo history, in the table and the chart.
      await officer.getByRole('tab', { name: 'Thống kê' }).click();
      const row = officer.getByRole('row', { name: /Chiến sĩ thi đua cơ sở/ });
      await expect(row).toBeVisibleSoon();
      expect((await row.textContent())?.replace(/\s+/g, ' ')).toMatch(new RegExp(`Chiến sĩ thi đua cơ sở\\s*${cstdcs.individual}\\s*0\\s*${cstdcs.total}`));
      await expect(officer.getByRole('img', { name: new RegExp(`^Biểu đồ số khen thưởng: .*\\bChiến sĩ thi đua cơ sở ${cstdcs.total}(,|$)`) })).toBeVisibleSoon();
      await officer.getByRole('tab', { name: 'Xét điều kiện' }).click();

      await logInAs(adminPage, url, 'admin', ADMIN_PASSWORD);
      await adminPage.getByRole('link', { name: 'Bộ quy tắc' }).click();
      await adminPage.getByRole('link', { name: 'Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP và Thông tư 07/2026/TT-BGDĐT' }).click();
      const verified = adminPage.getByRole('checkbox', { name: /^Đã xác minh với văn bản gốc/ });
      await verified.waitFor();
      expect(await verified.isChecked()).toBe(true);
      await verified.uncheck();
      await adminPage.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      const dialog = adminPage.getByRole('dialog', { name: 'Lưu phiên bản mới' });
      await dialog.getByLabel('Lý do thay đổi').fill('Thông tư 07/2026 chưa có bản gốc để đối chiếu');
      await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
      await expect(adminPage.getByText('Đã lưu phiên bản 3')).toBeVisibleSoon();
      await adminPage.getByRole('tab', { name: /Lịch sử phiên bản/ }).click();
      await expect(adminPage.getByText('Thông tư 07/2026 chưa có bản gốc để đối chiếu')).toBeVisibleSoon();

      await officer.reload();
      const after = await openLan(officer);
      await expect(after.getByText('chưa xác minh', { exact: true })).toBeVisibleSoon();
      await expect(after.getByText(/Bộ quy tắc luat2022-nd152-2025-tt07-2026, phiên bản 3/)).toBeVisibleSoon();

      // The teacher reads her own verdicts on her record.
      const teacher = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        await logInAs(teacher, url, 'gv.lan');
        await teacher.getByRole('link', { name: 'Hồ sơ của tôi', exact: true }).click();
        await teacher.getByRole('tab', { name: 'Điều kiện khen thưởng' }).click();
        const own = teacher.getByTestId('verdict-LDTT');
        await expect(own.getByText(/^Năm học 2025-2026: Hoàn thành/)).toBeVisibleSoon();
        await expect(own.getByText('chưa xác minh', { exact: true })).toBeVisibleSoon();
      } finally {
        await teacher.close();
      }
    } finally {
      await officer.close();
      await adminPage.close();
    }
  }, 240_000);
});
