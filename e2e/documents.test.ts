// Browser test of the Văn bản and Đọc văn bản screens: a real server (fresh SQLite database with the
// demo province) driven through the web app in the system Chromium. The officer of the Sở reads
// seed plan 000, sees the number in the form and its highlighted span in the source, creates a draft
// plan and opens it; then checks a Word file on Letter paper in Arial against the NĐ 30 format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, browserTestsEnabled, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/documents.test.ts');
const SEEDS = path.resolve(__dirname, '../test/fixtures/importer/seeds');
const SEED_000 = path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith('000_'))!);

/** A school's Word file that breaks the format: US Letter paper, 1-inch margins, Arial. */
async function brokenDocx(): Promise<Buffer> {
  const run = (text: string, bold = false) => new TextRun({ text, font: 'Arial', size: 24, bold });
  const doc = new Document({
    sections: [{
      properties: { page: { size: { width: 12240, height: 15840 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
      children: [
        new Paragraph({ children: [run('TRƯỜNG THCS THỬ NGHIỆM')] }),
        new Paragraph({ children: [run('Số: 3/KH-THCS')] }),
        new Paragraph({ children: [run('KẾ HOẠCH', true)] }),
        new Paragraph({ children: [run('Phát động phong trào thi đua năm học 2025-2026')] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

describe.skipIf(!enabled)('giao diện web: đọc văn bản, tạo dự thảo kế hoạch, kiểm tra thể thức', () => {
  let env: TBrowserEnv;
  let server: TBrowserEnv['server'];
  let browser: Browser;

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-docs-');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    await env?.close();
  });

  async function logIn(page: Page, username: string) {
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  }

  it('cán bộ TĐKT Sở đọc kế hoạch 000, thấy số 67/KH-TCGC và chỗ tô sáng, tạo dự thảo kế hoạch', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, 'so.tdkt');
    await page.getByRole('link', { name: 'Đọc văn bản' }).click();
    await page.getByRole('heading', { name: 'Đọc văn bản' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(SEED_000);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();

    const number = page.getByLabel('Số, ký hiệu');
    await number.waitFor();
    expect(await number.inputValue()).toBe('67/KH-TCGC');
    expect(await page.getByLabel('Ngày ban hành').inputValue()).toBe('26/09/2024');
    expect(await page.getByLabel('Tên phong trào').inputValue()).toBe('Đẩy mạnh cải cách hành chính');
    // The number is highlighted in the source text; focusing the field marks its span.
    const mark = page.locator('mark[data-field="number"]');
    expect(await mark.innerText()).toBe('67/KH-TCGC');
    await page.getByLabel('Tên phong trào').focus();
    const movementMark = page.locator('mark[data-field="movementName"]');
    expect(await movementMark.innerText()).toBe('Đẩy mạnh cải cách hành chính');
    await expect.poll(() => movementMark.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(await page.locator('mark[data-field^="legalBases."]').count()).toBe(4);

    // Correct the movement name, then create the draft plan of the Sở.
    await page.getByLabel('Tên phong trào').fill('Đẩy mạnh cải cách hành chính năm học 2024-2025');
    await page.getByRole('button', { name: 'Tạo dự thảo kế hoạch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo dự thảo kế hoạch' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Đơn vị ban hành kế hoạch').inputValue()).toBe('Sở Giáo dục và Đào tạo Hà Tĩnh');
    await dialog.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await page.getByText('Đã tạo dự thảo kế hoạch').waitFor();
    const link = page.getByRole('link', { name: /^Mở dự thảo:/ });
    expect(await link.getAttribute('href')).toMatch(/^\/ke-hoach\/[0-9a-f-]{36}$/);
    await link.click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    await page.getByText('Quyết định 35/QĐ-UBND ngày 11-1-2024', { exact: false }).first().waitFor();
    await page.getByText('Đẩy mạnh cải cách hành chính năm học 2024-2025').first().waitFor();
    const planId = page.url().split('/').pop()!;
    const plan = await page.evaluate(async (id) => (await fetch(`/api/v1/plans/${id}`)).json(), planId);
    expect(plan).toMatchObject({ state: 'draft', movementName: 'Đẩy mạnh cải cách hành chính năm học 2024-2025', periodFrom: '2024-09-01', periodTo: '2025-08-31' });
    expect(plan.body.awards).toHaveLength(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('đọc nhiều tệp một lúc: tiến độ, mỗi tệp một dòng, bản quét báo lỗi riêng, mở một tệp để xem', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await logIn(page, 'so.tdkt');
    await page.goto(server.url + '/doc-van-ban');
    await page.locator('input[type=file]').setInputFiles([SEED_000, path.resolve(__dirname, '../test/fixtures/importer/scanned-no-text.pdf')]);
    await page.getByRole('button', { name: 'Đọc 2 tệp' }).click();
    const table = page.getByRole('table', { name: 'Kết quả đọc nhiều tệp' });
    await table.waitFor({ timeout: 60_000 });
    expect(await page.getByText('Đã đọc 1/2 tệp, 1 tệp không đọc được.').count()).toBe(1);
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows[1]).toContain('67/KH-TCGC');
    expect(rows[2]).toContain('Tệp PDF là bản quét');
    await table.getByRole('button', { name: 'Xem' }).click();
    expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe('67/KH-TCGC');
    await page.close();
  });

  it('kiểm tra thể thức một tệp Word khổ Letter, phông Arial: báo khổ giấy và phông chữ', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await logIn(page, 'so.tdkt');
    await page.getByRole('link', { name: 'Văn bản', exact: true }).click();
    await page.getByRole('tab', { name: 'Kiểm tra thể thức' }).click();
    const file = path.join(env.dataDir, 'truong-gui-len.docx');
    fs.writeFileSync(file, await brokenDocx());
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const table = page.getByRole('table', { name: 'Kết quả kiểm tra thể thức' });
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('Khổ giấy phải là A4 (210 × 297 mm), đang là 215.9 × 279.4 mm');
    expect(text).toContain('Văn bản dùng phông chữ khác Times New Roman: Arial');
    expect(await page.getByText(/^truong-gui-len\.docx: \d+ lỗi/).count()).toBe(1);
    await page.close();
  });
});
