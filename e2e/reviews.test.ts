// Browser test of the review session (bình xét): the school officer opens the demo session, two
// council members vote in their own browsers (secret ballot), the officer closes it and the tally
// table and the Biên bản download appear.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, logInAs, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/reviews.test.ts');

describe.skipIf(!enabled)('giao diện web: bình xét thi đua, bỏ phiếu kín, kiểm phiếu', () => {
  let env: TBrowserEnv;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-reviews-');
    browser = env.browser;
    base = env.server.url;
  });

  afterAll(async () => {
    await env?.close();
  });

  async function openSession(page: Page, username: string) {
    await logInAs(page, base, username);
    await page.getByRole('link', { name: 'Bình xét' }).click();
    await page.getByRole('heading', { name: 'Bình xét thi đua' }).waitFor();
    await page.getByRole('table', { name: 'Danh sách phiên bình xét' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /Bình xét thi đua năm học/ }).waitFor();
  }

  async function vote(username: string, firstChoice: string) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await openSession(page, username);
      const ballot = page.getByRole('table', { name: 'Phiếu bầu' });
      await expect(ballot).toBeVisibleSoon();
      const rows = ballot.getByRole('row');
      const n = await rows.count();
      expect(n).toBe(3);
      for (let i = 0; i < n; i++) await rows.nth(i).getByText(i === 0 ? firstChoice : 'Đồng ý', { exact: true }).click();
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await expect(page.getByText('Bạn đã bỏ phiếu. Phiếu được lưu không kèm tên người bỏ phiếu.')).toBeVisibleSoon();
    } finally {
      await page.close();
    }
  }

  it('cán bộ TĐKT khai mạc, hai thành viên bỏ phiếu trên trình duyệt, kết thúc và xem kết quả', async () => {
    const officer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    officer.on('dialog', (d) => void d.accept());
    try {
      await openSession(officer, 'pdp.tdkt');
      await expect(officer.getByRole('table', { name: 'Thành viên Hội đồng' })).toBeVisibleSoon();
      await officer.getByRole('button', { name: 'Khai mạc, mở bỏ phiếu' }).click();
      await expect(officer.getByText('Đã có 0/5 thành viên bỏ phiếu', { exact: false })).toBeVisibleSoon();

      await vote('pdp.hoidong2', 'Đồng ý');
      await vote('pdp.hoidong3', 'Không đồng ý');

      await officer.reload();
      await expect(officer.getByText('Đã có 2/5 thành viên bỏ phiếu', { exact: false })).toBeVisibleSoon();
      await officer.getByRole('button', { name: 'Kết thúc và kiểm phiếu' }).click();
      const tally = officer.getByRole('table', { name: 'Kết quả kiểm phiếu' });
      await expect(tally).toBeVisibleSoon();
      const rows = tally.locator('tbody tr');
      expect(await rows.count()).toBe(3);
      const text = await tally.innerText();
      expect(text).toContain('1/5');
      expect(text).toContain('2/5');
      expect(text).toContain('Không đạt');
      await expect(officer.getByRole('link', { name: 'Tải Biên bản (Word)' })).toBeVisibleSoon();
      const href = await officer.getByRole('link', { name: 'Tải Biên bản (Word)' }).getAttribute('href');
      // Fetched by the page itself (Chromium), as a click on the link would.
      const got = await officer.evaluate(async (u) => {
        const r = await fetch(u);
        const b = new Uint8Array(await r.arrayBuffer());
        return { status: r.status, magic: String.fromCharCode(b[0], b[1]), size: b.length };
      }, href!);
      expect(got.status).toBe(200);
      expect(got.magic).toBe('PK');
    } finally {
      await officer.close();
    }
  });
});
