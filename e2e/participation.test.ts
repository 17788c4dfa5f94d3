// Browser test of participation: gv.lan registers herself for the Sở's annual plan and submits an
// initiative; pdp.tdkt opens Đăng ký thi đua and finds her in the school's table and in the totals.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, logInAs, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/participation.test.ts');

describe.skipIf(!enabled)('giao diện web: đăng ký thi đua, sáng kiến', () => {
  let env: TBrowserEnv;
  let browser: Browser;

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-participation-');
    browser = env.browser;
  });

  afterAll(async () => {
    await env?.close();
  });

  async function cstdCount(page: Page): Promise<number> {
    const badge = page.getByLabel('Tổng số theo danh hiệu').locator('[data-title="CSTDCS"]');
    await badge.waitFor({ timeout: 15_000 });
    return Number((await badge.innerText()).split(':')[1].trim().replace(/\./g, ''));
  }

  it('gv.lan tự đăng ký và nộp sáng kiến; pdp.tdkt thấy cô trong bảng và tổng số', async () => {
    // The officer's count before.
    const officerCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const officer = await officerCtx.newPage();
    await logInAs(officer, env.server.url, 'pdp.tdkt');
    await officer.getByRole('link', { name: 'Đăng ký thi đua' }).click();
    await officer.getByRole('heading', { name: 'Đăng ký thi đua' }).waitFor();
    const before = await cstdCount(officer);

    const lanCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const lan = await lanCtx.newPage();
    try {
      await logInAs(lan, env.server.url, 'gv.lan');
      await lan.getByRole('link', { name: 'Đăng ký thi đua' }).click();
      await lan.getByRole('heading', { name: 'Đăng ký danh hiệu thi đua của tôi' }).waitFor();
      await lan.getByRole('textbox', { name: 'Danh hiệu đăng ký' }).click();
      await lan.getByRole('option', { name: 'Chiến sĩ thi đua cơ sở' }).click();
      await lan.getByLabel('Nội dung cam kết').fill('Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận cấp cơ sở.');
      await lan.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await expect(lan.getByText('Đã đăng ký danh hiệu Chiến sĩ thi đua cơ sở.')).toBeVisibleSoon();
      await expect(lan.getByText('Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận cấp cơ sở.').last()).toBeVisibleSoon();

      // Her initiative.
      await lan.getByRole('link', { name: 'Sáng kiến của tôi' }).click();
      await lan.getByRole('heading', { name: 'Sáng kiến của tôi' }).waitFor();
      await lan.getByRole('button', { name: 'Nộp sáng kiến' }).click();
      const dialog = lan.getByRole('dialog');
      await dialog.getByLabel('Tên sáng kiến').fill('Câu lạc bộ đọc sách Ngữ văn trực tuyến');
      await dialog.getByLabel('Tóm tắt nội dung, hiệu quả').fill('Học sinh đọc và thảo luận một tác phẩm mỗi tháng trên lớp học trực tuyến; 85% học sinh tham gia.');
      await dialog.getByRole('button', { name: 'Nộp' }).click();
      await expect(lan.getByText('Đã nộp sáng kiến "Câu lạc bộ đọc sách Ngữ văn trực tuyến".')).toBeVisibleSoon();
      const row = lan.getByRole('row', { name: /Câu lạc bộ đọc sách Ngữ văn trực tuyến/ });
      await expect(row).toBeVisibleSoon();
      expect(await row.innerText()).toContain('Đã nộp');
    } finally {
      await lanCtx.close();
    }

    // The officer sees her in the table and one more CSTĐCS in the totals.
    await officer.reload();
    await officer.getByRole('heading', { name: 'Đăng ký thi đua' }).waitFor();
    await expect.poll(() => cstdCount(officer), { timeout: 15_000 }).toBe(before + 1);
    await officer.getByLabel('Tìm cán bộ').fill('nguyen thi lan');
    const select = officer.getByRole('textbox', { name: 'Danh hiệu của Nguyễn Thị Lan' });
    await expect(select).toBeVisibleSoon();
    await expect.poll(() => select.inputValue(), { timeout: 15_000 }).toBe('Chiến sĩ thi đua cơ sở');
    expect(await officer.locator('[data-person="Nguyễn Thị Lan"]').innerText()).toContain('tự đăng ký');

    // The other participation screens open with the demo data.
    await officer.getByRole('link', { name: 'Truyền thông' }).click();
    await officer.getByRole('heading', { name: 'Truyền thông, tuyên truyền thi đua' }).waitFor();
    const zalo = officer.getByRole('table', { name: 'Tổng hợp theo kênh' }).getByRole('row', { name: /Zalo/ });
    await expect(zalo).toBeVisibleSoon();
    expect(await zalo.innerText()).toMatch(/Zalo\s+1\s+0\s+940/);
    await officer.getByRole('link', { name: 'Điển hình tiên tiến' }).click();
    await expect(officer.getByText('Cô giáo Nguyễn Thị Lan – lan tỏa sơ đồ tư duy số trong dạy học Ngữ văn')).toBeVisibleSoon();
    await officer.getByRole('link', { name: 'Giao ước thi đua' }).click();
    await officer.getByRole('button', { name: /Cụm thi đua số 1/ }).click();
    await expect(officer.getByRole('dialog').getByText('3/5 đơn vị đã ký')).toBeVisibleSoon();
    await officerCtx.close();
  });
});
