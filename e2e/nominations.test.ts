// Browser test of /de-nghi (đề nghị khen thưởng): the school's officer adds two nominations with the
// eligibility verdict and reasons beside each candidate, withdraws one with a reason; the teacher
// nominates herself ("Tự đề nghị") and sees it in her list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, logInAs, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/nominations.test.ts');

describe.skipIf(!enabled)('giao diện web: đề nghị khen thưởng, tự đề nghị, rút đề nghị', () => {
  let env: TBrowserEnv;
  let base: string;

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-nominations-');
    base = env.server.url;
  });

  afterAll(async () => {
    await env?.close();
  });

  async function openPage(page: Page, username: string) {
    await logInAs(page, base, username);
    await page.getByRole('link', { name: 'Đề nghị khen thưởng' }).click();
    await page.getByRole('heading', { name: 'Đề nghị khen thưởng' }).waitFor();
  }

  async function pick(page: Page, label: string, option: string | RegExp) {
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  }

  it('cán bộ TĐKT của trường đề nghị hai người, thấy lý do đối chiếu, rút một đề nghị kèm lý do', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      await openPage(page, 'pdp.tdkt');
      await page.getByRole('button', { name: 'Thêm đề nghị' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm đề nghị khen thưởng' });
      await expect(dialog).toBeVisibleSoon();
      expect(await dialog.getByRole('textbox', { name: 'Đơn vị có Hội đồng xét' }).inputValue()).toBe('Trường THPT Phan Đình Phùng');
      await pick(page, 'Danh hiệu, hình thức', 'Chiến sĩ thi đua cơ sở');
      const candidates = dialog.getByRole('table', { name: 'Cán bộ có thể đề nghị' });
      await expect(candidates).toBeVisibleSoon();
      const rows = candidates.locator('tbody tr');
      await expect(rows.first()).toBeVisibleSoon();
      expect(await rows.count()).toBe(10);

      // Beside each candidate: the verdict and its reasons for the chosen title.
      const reasons = rows.first().getByRole('list', { name: 'Lý do: Chiến sĩ thi đua cơ sở' });
      await expect(reasons).toBeVisibleSoon();
      expect(await reasons.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
      const firstRow = await rows.first().innerText();
      expect(firstRow).toMatch(/Đủ điều kiện|Chưa đủ điều kiện|Cần xác nhận/);
      expect(firstRow).toMatch(/LĐTT|Lao động tiên tiến/);

      const names: string[] = [];
      for (let i = 0; i < 2; i++) {
        const row = rows.nth(i);
        names.push((await row.locator('td').nth(1).locator('p').first().innerText()).trim());
        await row.getByRole('checkbox').check();
      }
      await dialog.getByRole('button', { name: 'Đề nghị 2 người' }).click();
      await expect(page.getByText('Đã ghi 2 đề nghị "Chiến sĩ thi đua cơ sở"', { exact: false })).toBeVisibleSoon();

      const list = page.getByRole('table', { name: 'Danh sách đề nghị khen thưởng' });
      await page.getByLabel('Tìm theo tên').fill(names[0].normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase());
      const row = list.locator('tbody tr').filter({ hasText: 'Chiến sĩ thi đua cơ sở' }).filter({ hasText: names[0] });
      await expect(row).toBeVisibleSoon();
      // The search (debounced, on the server) leaves only the first person's rows.
      await list.locator('tbody tr').filter({ hasText: names[1] }).first().waitFor({ state: 'detached', timeout: 15_000 });
      expect(await list.locator('tbody tr').filter({ hasText: names[0] }).count()).toBe(await list.locator('tbody tr').count());
      expect(await row.innerText()).toContain('Chờ bình xét');
      await row.getByRole('button', { name: `Rút đề nghị của ${names[0]}` }).click();
      const withdraw = page.getByRole('dialog', { name: /^Rút đề nghị/ });
      await withdraw.getByLabel('Lý do rút').fill('Chưa đủ minh chứng sáng kiến');
      await withdraw.getByRole('button', { name: 'Rút đề nghị' }).click();
      await expect(row.getByText('Đã rút')).toBeVisibleSoon();

      await page.getByLabel('Tìm theo tên').fill('');
      await expect(list.locator('tbody tr').filter({ hasText: names[1] }).filter({ hasText: 'Chờ bình xét' })).toBeVisibleSoon();
    } finally {
      await page.close();
    }
  });

  it('giáo viên tự đề nghị, thấy kết quả đối chiếu và đề nghị của mình trong danh sách', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      await openPage(page, 'gv.lan');
      await expect(page.getByText('Các đề nghị của bạn.', { exact: false })).toBeVisibleSoon();
      await page.getByRole('button', { name: 'Tự đề nghị' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tự đề nghị xét khen thưởng' });
      await expect(dialog).toBeVisibleSoon();
      await pick(page, 'Danh hiệu, hình thức đề nghị', /^Lao động tiên tiến/);
      await expect(dialog.getByTestId('verdict-LDTT')).toBeVisibleSoon();
      await dialog.getByLabel('Thành tích, ghi chú gửi Hội đồng').fill('Hoàn thành tốt nhiệm vụ giảng dạy');
      await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await expect(page.getByText('Đã gửi đề nghị "Lao động tiên tiến"', { exact: false })).toBeVisibleSoon();
      const row = page.getByRole('table', { name: 'Danh sách đề nghị khen thưởng' }).locator('tbody tr').filter({ hasText: 'Lao động tiên tiến' }).filter({ hasText: 'Tự đề nghị' });
      await expect(row).toBeVisibleSoon();
      const text = await row.innerText();
      expect(text).toContain('Chờ bình xét');
      expect(text).toContain('Hoàn thành tốt nhiệm vụ giảng dạy');
      expect(text).toContain('Trường THPT Phan Đình Phùng');
      // Her own self-nomination can be withdrawn by her; the officer's controls are not there.
      expect(await page.getByRole('button', { name: 'Thêm đề nghị' }).count()).toBe(0);
      expect(await row.getByRole('button', { name: /^Rút đề nghị của/ }).count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
