// Browser test of the whole commendation journey: the school's council votes in the demo review
// session, the school builds the dossier from it and sends it to the Sở, the Sở returns it once with a
// reason, the school sends it again, the Sở accepts, assigns and checks it, the Giám đốc issues the
// decision; the payout list (Excel) holds the right amount, the teacher's history shows the title, and
// the public page shows the published decision without logging in.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_SALARY_TABLE } from '../src/rules/data/base-salary';
import { formatMoneyVi } from '../src/shared/vn';
import { browserTestsEnabled, logInAs, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/commendation-journey.test.ts');
const REASON = 'Thiếu minh chứng sáng kiến kinh nghiệm';

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe.skipIf(!enabled)('giao diện web: bình xét → hồ sơ → trả lại → gửi lại → quyết định → tiền thưởng → công khai', () => {
  let env: TBrowserEnv;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-journey-');
    browser = env.browser;
    base = env.server.url;
  });

  afterAll(async () => {
    await env?.close();
  });

  async function as(username: string, fn: (page: Page) => Promise<void>) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true } as never);
    page.on('dialog', (d) => void d.accept());
    try {
      await logInAs(page, base, username);
      await fn(page);
    } finally {
      await page.close();
    }
  }

  async function openSession(page: Page) {
    await page.getByRole('link', { name: 'Bình xét' }).click();
    await page.getByRole('heading', { name: 'Bình xét thi đua' }).waitFor();
    await page.getByRole('table', { name: 'Danh sách phiên bình xét' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /Bình xét thi đua năm học/ }).waitFor();
  }

  async function openDossier(page: Page) {
    await page.getByRole('link', { name: 'Hồ sơ khen thưởng' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ khen thưởng' }).waitFor();
    await page.getByRole('table', { name: 'Danh sách hồ sơ khen thưởng' }).getByRole('link').first().click();
    await expect(page.getByRole('table', { name: 'Danh sách đề nghị khen thưởng' })).toBeVisibleSoon();
  }

  it('từ phiên bình xét đến quyết định, danh sách chi tiền và lịch sử khen thưởng của cô Lan', async () => {
    // 1. The council votes: the officer opens the session, four members vote for everyone, the officer closes it.
    await as('pdp.tdkt', async (page) => {
      await openSession(page);
      await page.getByRole('button', { name: 'Khai mạc, mở bỏ phiếu' }).click();
      await expect(page.getByText('Đã có 0/5 thành viên bỏ phiếu', { exact: false })).toBeVisibleSoon();
    });
    for (const member of ['pdp.hieutruong', 'pdp.hoidong', 'pdp.hoidong2', 'pdp.hoidong3']) {
      await as(member, async (page) => {
        await openSession(page);
        const ballot = page.getByRole('table', { name: 'Phiếu bầu' });
        await expect(ballot).toBeVisibleSoon();
        const rows = ballot.getByRole('row');
        const n = await rows.count();
        for (let i = 0; i < n; i++) await rows.nth(i).getByText('Đồng ý', { exact: true }).click();
        await page.getByRole('button', { name: 'Gửi phiếu' }).click();
        await expect(page.getByText('Bạn đã bỏ phiếu.', { exact: false })).toBeVisibleSoon();
      });
    }
    let dossierTitle = '';
    await as('pdp.tdkt', async (page) => {
      await openSession(page);
      await page.getByRole('button', { name: 'Kết thúc và kiểm phiếu' }).click();
      await expect(page.getByRole('table', { name: 'Kết quả kiểm phiếu' })).toBeVisibleSoon();

      // 2. The school builds the dossier from the closed session and sends it to the Sở.
      await page.getByRole('link', { name: 'Hồ sơ khen thưởng' }).click();
      await page.getByRole('heading', { name: 'Hồ sơ khen thưởng' }).waitFor();
      await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Phiên bình xét đã kết thúc').click();
      await page.getByRole('option').first().click();
      await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
      const items = page.getByRole('table', { name: 'Danh sách đề nghị khen thưởng' });
      await expect(items).toBeVisibleSoon();
      expect(await items.innerText()).toContain('Nguyễn Thị Lan');
      expect(await items.innerText()).toContain('Chiến sĩ thi đua cơ sở');
      dossierTitle = (await page.getByRole('heading', { level: 2 }).first().innerText()).trim();
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await expect(page.getByText('Đã gửi, chờ tiếp nhận').first()).toBeVisibleSoon();
    });
    expect(dossierTitle).toContain('Đề nghị khen thưởng');

    // 3. The Sở returns it once with a reason.
    await as('so.tdkt', async (page) => {
      await openDossier(page);
      await page.getByRole('button', { name: 'Trả lại' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Lý do trả lại').fill(REASON);
      await dialog.getByRole('button', { name: 'Trả lại' }).click();
      await expect(page.getByText('Bị trả lại').first()).toBeVisibleSoon();
    });

    // 4. The school sees the reason and sends it again.
    await as('pdp.tdkt', async (page) => {
      await openDossier(page);
      await expect(page.getByText(REASON).first()).toBeVisibleSoon();
      await page.getByRole('button', { name: 'Gửi lại' }).click();
      await expect(page.getByText('Đã gửi, chờ tiếp nhận').first()).toBeVisibleSoon();
    });

    // 5. The Sở accepts, takes it on and checks it.
    await as('so.tdkt', async (page) => {
      await openDossier(page);
      await page.getByRole('button', { name: 'Tiếp nhận' }).click();
      await page.getByRole('button', { name: 'Nhận thụ lý' }).click();
      await page.getByRole('button', { name: 'Thẩm định đạt' }).click();
      const timeline = page.getByLabel('Quá trình xử lý hồ sơ');
      await expect(timeline.getByText('Thẩm định hồ sơ')).toBeVisibleSoon();
      const text = await timeline.innerText();
      expect(text).toContain(`Lý do: ${REASON}`);
      for (const step of ['Lập hồ sơ', 'Gửi hồ sơ', 'Trả lại hồ sơ', 'Tiếp nhận hồ sơ', 'Phân công cán bộ thụ lý']) expect(text).toContain(step);
    });

    // 6. The Giám đốc issues the decision; the money uses the base salary in force today.
    const salary = BASE_SALARY_TABLE.find((e) => e.effectiveFrom <= todayIso() && (!e.effectiveTo || todayIso() <= e.effectiveTo))!.amount;
    const expected = Math.ceil(salary / 10_000) * 10_000;
    let decisionNumber = '';
    await as('so.giamdoc', async (page) => {
      await openDossier(page);
      await page.getByRole('button', { name: 'Ban hành quyết định' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
      const list = page.getByRole('table', { name: 'Danh sách kèm theo quyết định' });
      await expect(list).toBeVisibleSoon();
      const lanRow = list.getByRole('row').filter({ hasText: 'Nguyễn Thị Lan' });
      expect(await lanRow.innerText()).toContain(formatMoneyVi(expected));
      decisionNumber = (await page.getByRole('heading', { name: /Quyết định số/ }).innerText()).replace(/^Quyết định số\s+/, '').split(' ')[0];
      expect(decisionNumber).toMatch(/\/QĐ-SGDĐT$/);

      // The payout list in Excel.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải danh sách chi tiền thưởng (Excel)' }).click(),
      ]);
      const file = await download.path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(file!) as unknown as ArrayBuffer);
      const cells: unknown[][] = [];
      wb.worksheets[0].eachRow((r) => cells.push(r.values as unknown[]));
      const lan = cells.find((r) => r[2] === 'Nguyễn Thị Lan' && r[4] === 'Chiến sĩ thi đua cơ sở');
      expect(lan?.[6]).toBe(salary);
      expect(lan?.[7]).toBe(expected);

      await page.getByRole('button', { name: 'Công khai' }).click();
      await expect(page.getByText('Đã công khai').first()).toBeVisibleSoon();
    });

    // 7. The teacher sees the title in her history.
    await as('gv.lan', async (page) => {
      await page.getByRole('link', { name: 'Hồ sơ của tôi', exact: true }).click();
      await page.getByRole('tab', { name: 'Khen thưởng', exact: true }).click();
      const history = page.getByRole('table', { name: 'Lịch sử khen thưởng' });
      await expect(history).toBeVisibleSoon();
      const row = history.getByRole('row').filter({ hasText: decisionNumber });
      await expect(row).toBeVisibleSoon();
      expect(await row.innerText()).toContain('Chiến sĩ thi đua cơ sở');
    });

    // 8. The public page, without logging in.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${base}/cong-khai`);
      await page.getByRole('heading', { name: 'Công khai khen thưởng' }).waitFor();
      const card = page.getByLabel(`Quyết định số ${decisionNumber}`);
      await expect(card).toBeVisibleSoon();
      expect(await card.innerText()).toContain('Nguyễn Thị Lan');
    } finally {
      await page.close();
    }
  }, 400_000);
});
