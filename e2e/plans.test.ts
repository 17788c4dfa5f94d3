// Browser test of the plan screens: the Sở officer creates a chuyên đề plan from the catalogue,
// edits it and submits it; the Giám đốc issues it and cascades it to every THPT school; the board
// shows the ten schools; a school officer builds the school's plan from it, the principal issues it
// with the school's own number, and the Sở's board follows (drafting, then issued).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, browserTestsEnabled, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/plans.test.ts');

/** dd/mm/yyyy of today + `days`, in the browser's (= this machine's) time zone. */
function dayVi(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

describe.skipIf(!enabled)('giao diện web: kế hoạch phong trào, ban hành, giao triển khai, bảng theo dõi', () => {
  let env: TBrowserEnv;
  let server: TBrowserEnv['server'];
  let browser: Browser;

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-plans-');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    await env?.close();
  });

  async function logIn(page: Page, username: string) {
    await page.goto(server.url + '/');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  }

  /** The number shown on the board's card for one status, e.g. "Chưa triển khai". */
  async function boardCount(page: Page, label: string): Promise<number> {
    const card = page.getByRole('group', { name: 'Số đơn vị theo trạng thái' }).locator(`[aria-label^="${label}:"]`);
    await card.waitFor({ timeout: 15_000 });
    return Number((await card.getAttribute('aria-label'))!.split(':')[1].trim());
  }

  it('Sở lập kế hoạch CCHC từ danh mục, Giám đốc ban hành và giao 10 trường THPT, trường lập và ban hành kế hoạch thực hiện', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      // 1. The Sở officer creates the plan from the catalogue.
      await logIn(page, 'so.tdkt');
      await page.getByRole('link', { name: 'Kế hoạch, phong trào' }).click();
      await page.getByRole('heading', { name: 'Kế hoạch, phong trào thi đua' }).waitFor();
      await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
      const create = page.getByRole('dialog');
      await create.getByRole('radio', { name: 'Đẩy mạnh cải cách hành chính' }).click();
      await create.getByRole('button', { name: 'Tạo dự thảo' }).click();
      const heading = page.getByRole('heading', { name: /Đẩy mạnh cải cách hành chính/ });
      await heading.waitFor();
      const planUrl = page.url();
      expect(planUrl).toMatch(/\/ke-hoach\/[\w-]+$/);
      expect(await page.getByText('Dự thảo', { exact: true }).first().isVisible()).toBe(true);

      // 2. Edit the first content item; the new text is what the section shows.
      const contents = page.getByRole('region', { name: 'Nội dung thi đua' });
      await contents.getByRole('button', { name: 'Sửa Nội dung thi đua' }).click();
      await contents.getByRole('textbox', { name: 'Nội dung 1', exact: true }).fill('Thi đua giải quyết 100% hồ sơ thủ tục hành chính đúng hạn, không để tồn đọng.');
      await contents.getByRole('button', { name: 'Lưu' }).click();
      await expect(contents.getByText('1. Thi đua giải quyết 100% hồ sơ thủ tục hành chính đúng hạn, không để tồn đọng.')).toBeVisibleSoon();

      // A quota that is not a number is refused with the server's message, on the field.
      const awards = page.getByRole('region', { name: 'Hình thức khen thưởng' });
      await awards.getByRole('button', { name: 'Sửa Hình thức khen thưởng' }).click();
      await awards.getByRole('textbox', { name: 'Số lượng khen thưởng 1', exact: true }).fill('nhiều');
      await awards.getByRole('button', { name: 'Lưu' }).click();
      const quotaAlert = awards.getByRole('alert');
      await quotaAlert.waitFor();
      expect(await quotaAlert.innerText()).toContain('Hình thức khen thưởng 1 – số lượng: Số lượng phải là một số hoặc một khoảng');
      await awards.getByRole('button', { name: 'Hủy' }).click();
      await expect(awards.getByRole('cell', { name: '04 đơn vị dẫn đầu' })).toBeVisibleSoon();

      // 3. Submit to the head.
      await page.getByRole('button', { name: 'Trình duyệt' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Trình duyệt' }).click();
      await expect(page.getByText('Chờ duyệt', { exact: true }).first()).toBeVisibleSoon();
      expect(await page.getByRole('button', { name: 'Sửa Nội dung thi đua' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Tài khoản: Trần Thị Thu Hà' }).click();
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

      // 4. The Giám đốc issues it (next number of the register) and cascades it to every THPT school.
      await logIn(page, 'so.giamdoc');
      await page.goto(planUrl);
      await heading.waitFor();
      await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
      const issue = page.getByRole('dialog');
      expect((await issue.getByRole('textbox', { name: 'Người ký', exact: true }).inputValue()).length).toBeGreaterThan(3);
      await issue.getByRole('checkbox', { name: 'Giao đơn vị cấp dưới xây dựng kế hoạch thực hiện' }).check();
      await issue.getByRole('textbox', { name: 'Loại đơn vị' }).click();
      await page.getByRole('option', { name: 'Trường THPT', exact: true }).click();
      await issue.getByRole('textbox', { name: 'Hạn ban hành kế hoạch thực hiện' }).fill(dayVi(14));
      await issue.getByRole('button', { name: 'Ban hành', exact: true }).click();
      await issue.waitFor({ state: 'hidden' });
      await expect(page.getByText(/^Số \d+\/KH-SGDĐT ngày \d\d\/\d\d\/\d{4}$/)).toBeVisibleSoon();
      const issuedNumber = ((await page.getByText(/^Số \d+\/KH-SGDĐT ngày /).first().textContent()) ?? '').replace(/^Số (\S+) ngày.*$/, '$1');
      expect(await page.getByText('Đã ban hành', { exact: true }).first().isVisible()).toBe(true);

      // The board: the ten THPT schools, none started.
      await page.getByRole('tab', { name: 'Triển khai' }).click();
      expect(await boardCount(page, 'Chưa triển khai')).toBe(10);
      expect(await boardCount(page, 'Đang xây dựng')).toBe(0);
      const rows = page.getByRole('table', { name: /^Đơn vị trực thuộc Sở Giáo dục và Đào tạo Hà Tĩnh/ }).getByRole('row').filter({ hasText: 'Trường THPT' });
      expect(await rows.count()).toBe(10);
      expect(await rows.filter({ hasText: 'Chưa triển khai' }).count()).toBe(10);
      await page.getByRole('button', { name: 'Tài khoản: ' }).click();
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

      // 5. The school's officer builds the school's plan from the Sở's plan.
      await logIn(page, 'pdp.tdkt');
      await page.getByRole('link', { name: 'Kế hoạch, phong trào' }).click();
      await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
      const fromParent = page.getByRole('dialog');
      await fromParent.getByRole('textbox', { name: 'Cách tạo' }).click();
      await page.getByRole('option', { name: 'Từ kế hoạch cấp trên' }).click();
      // The demo's own CCHC plan is listed too: pick the one issued above by its number.
      await fromParent.getByRole('radio', { name: /Đẩy mạnh cải cách hành chính/ }).filter({ hasText: `Số ${issuedNumber} ` }).click();
      await fromParent.getByRole('button', { name: 'Tạo dự thảo' }).click();
      await expect(page.getByText(/Thực hiện kế hoạch của Sở Giáo dục và Đào tạo Hà Tĩnh/)).toBeVisibleSoon();
      expect(page.url()).not.toBe(planUrl);
      await expect(page.getByText('Trường THPT Phan Đình Phùng', { exact: true }).first()).toBeVisibleSoon();
      const schoolPlanUrl = page.url();
      await page.getByRole('button', { name: 'Trình duyệt' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Trình duyệt' }).click();
      await expect(page.getByText('Chờ duyệt', { exact: true }).first()).toBeVisibleSoon();
      await page.getByRole('button', { name: 'Tài khoản: Phạm Thị Hồng' }).click();
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

      // 6. The Sở's board now shows that school drafting, the other nine not started.
      await logIn(page, 'so.tdkt');
      await page.goto(planUrl);
      await page.getByRole('tab', { name: 'Triển khai' }).click();
      expect(await boardCount(page, 'Đang xây dựng')).toBe(1);
      expect(await boardCount(page, 'Chưa triển khai')).toBe(9);
      const pdp = page.getByRole('row').filter({ hasText: 'Trường THPT Phan Đình Phùng' });
      expect(await pdp.innerText()).toContain('Đang xây dựng');
      await pdp.getByRole('link', { name: 'Dự thảo' }).click();
      await expect(page.getByText(/Thực hiện kế hoạch của Sở Giáo dục và Đào tạo Hà Tĩnh/)).toBeVisibleSoon();
      expect(page.url()).toBe(schoolPlanUrl);
      await page.getByRole('button', { name: 'Tài khoản: Trần Thị Thu Hà' }).click();
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

      // 7. The principal issues the school's plan with the school's own number; the Sở sees it issued.
      await logIn(page, 'pdp.hieutruong');
      await page.goto(schoolPlanUrl);
      await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Ban hành', exact: true }).click();
      const schoolNumber = page.getByText(/^Số \d+\/KH-[A-ZĐ]+ ngày \d\d\/\d\d\/\d{4}$/);
      await expect(schoolNumber).toBeVisibleSoon();
      expect(await schoolNumber.innerText()).not.toContain('SGDĐT');
      await page.getByRole('button', { name: 'Tài khoản: ' }).click();
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await logIn(page, 'so.tdkt');
      await page.goto(planUrl);
      await page.getByRole('tab', { name: 'Triển khai' }).click();
      expect(await boardCount(page, 'Đã ban hành')).toBe(1);
      expect(await boardCount(page, 'Chưa triển khai')).toBe(9);
      expect(await page.getByRole('row').filter({ hasText: 'Trường THPT Phan Đình Phùng' }).innerText()).toContain('Đã ban hành');
    } catch (e) {
      // The page as it was when the step failed, to look at.
      await page.screenshot({ path: path.join(os.tmpdir(), 'thidua-e2e-plans-failed.png'), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await page.close();
    }
  });
});
