// Browser test of unit assessment: the Sở defines a small CCHC table (Excel import, checked first)
// for hand-picked directly-run schools; three schools self-assess; two reviewers appraise in the grid
// (one steps aside on one school); the tiers approve and the council publishes; the ranking shows
// the leaders and sends them to nomination.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, browserTestsEnabled, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/assessments.test.ts');
const SCHOOLS = ['Trường THPT Phan Đình Phùng', 'Trường THPT Thành Sen', 'Trường THPT Hà Huy Tập'];
// Scores for 1.1, 1.2, 2.1, 2.2 by school officer.
const SELF: [string, string, number[]][] = [['pdp.tdkt', SCHOOLS[0], [10, 9, 30, 18]], ['ts.tdkt', SCHOOLS[1], [8, 10, 28, 20]], ['hht.tdkt', SCHOOLS[2], [9, 9, 25, 15]]];

async function criteriaFile(dir: string, bad: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  ws.addRow(['Mã', 'Tên nhóm / tiêu chí', 'Điểm tối đa', 'Điểm thưởng', 'Điểm trừ tối đa', 'Hướng dẫn chấm', 'Bắt buộc minh chứng (Có/Không)', 'Loại tệp minh chứng', 'Hạn tự đánh giá (dd/mm/yyyy)', 'Mã chỉ tiêu báo cáo']);
  ws.addRow(['1', 'Chỉ đạo, điều hành CCHC', 20]);
  ws.addRow(['1.1', 'Kế hoạch CCHC năm', 10, null, null, 'Đúng hạn: 10']);
  ws.addRow(['1.2', 'Báo cáo CCHC định kỳ', 10]);
  ws.addRow(['2', 'Thủ tục hành chính', 50]);
  ws.addRow(['2.1', 'Tỷ lệ hồ sơ trực tuyến trên 90%', bad ? 'ba mươi' : 30, null, null, null, null, null, null, 'tthc_online_rate']);
  ws.addRow(['2.2', 'Hồ sơ đúng hạn', 20]);
  const file = path.join(dir, bad ? 'bang-loi.xlsx' : 'bang-tieu-chi.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe.skipIf(!enabled)('giao diện web: đánh giá, xếp hạng chỉ số CCHC', () => {
  let env: TBrowserEnv;
  let browser: Browser;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-assess-');
    browser = env.browser;
    base = env.server.url;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-assess-files-'));
  }, 240_000);
  afterAll(async () => {
    await env?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function as(username: string, fn: (page: Page) => Promise<void>) {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 950 } });
    const page = await ctx.newPage();
    try {
      await page.goto(base + '/');
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
      await fn(page);
    } finally {
      await ctx.close();
    }
  }

  it('Sở lập bảng tiêu chí, 3 trường tự đánh giá, 2 người thẩm định (1 người xin không tham gia 1 trường), Hội đồng công bố, xếp hạng và đề nghị khen thưởng', async () => {
    let url = '';
    // 1. The Sở officer creates the assessment, imports the table (the bad file is refused row by row), picks three schools, assigns reviewers, opens it.
    await as('so.tdkt', async (page) => {
      await page.getByRole('link', { name: 'Đánh giá, xếp hạng' }).click();
      await page.getByRole('heading', { name: 'Đánh giá, xếp hạng' }).waitFor();
      await page.getByRole('button', { name: 'Tạo đợt đánh giá' }).click();
      const dlg = page.getByRole('dialog');
      await dlg.getByLabel('Tên đợt đánh giá').fill('Đánh giá Chỉ số CCHC các đơn vị trực thuộc năm 2026');
      await dlg.getByRole('button', { name: 'Tạo' }).click();
      await page.getByRole('heading', { name: 'Đánh giá Chỉ số CCHC các đơn vị trực thuộc năm 2026' }).waitFor();
      url = page.url().split('?')[0];

      await page.locator('input[type=file]').setInputFiles(await criteriaFile(dir, true));
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await expect(page.getByText('Dòng 6: Điểm tối đa "ba mươi" không hợp lệ (số không âm)')).toBeVisibleSoon();
      await page.locator('input[type=file]').setInputFiles(await criteriaFile(dir, false));
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await expect(page.getByText('Tệp hợp lệ: 6 dòng, 2 nhóm, tổng 70 điểm.')).toBeVisibleSoon();
      await page.getByRole('button', { name: 'Áp dụng bảng tiêu chí' }).click();
      await expect(page.getByText('Tổng điểm tối đa: 70')).toBeVisibleSoon();
      // Three tiers: officer → head → council (the council publishes).
      await page.getByRole('button', { name: 'Bỏ cấp 4' }).click();
      await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
      await expect(page.getByText('Đã lưu', { exact: true })).toBeVisibleSoon();

      await page.getByRole('tab', { name: 'Đơn vị' }).click();
      for (const name of SCHOOLS) {
        const picker = page.getByRole('textbox', { name: 'Thêm đơn vị chọn riêng' });
        await picker.fill(name.replace('Trường ', ''));
        await page.getByRole('option', { name }).click();
      }
      await page.getByRole('button', { name: 'Lưu danh sách đơn vị' }).click();
      const table = page.getByRole('table', { name: 'Đơn vị được đánh giá' });
      await expect(table.getByText(SCHOOLS[2])).toBeVisibleSoon();
      for (const label of ['1. Chỉ đạo, điều hành CCHC', '2. Thủ tục hành chính']) {
        for (const who of ['so.thamdinh1', 'so.thamdinh2']) {
          await page.getByRole('textbox', { name: label }).click();
          await page.getByRole('option', { name: new RegExp(`\\(${who.replace('.', '\\.')}\\)`) }).click();
          await page.keyboard.press('Escape');
        }
      }
      await page.getByRole('button', { name: 'Lưu phân công thẩm định' }).click();
      await page.getByRole('button', { name: 'Mở cho các đơn vị tự đánh giá' }).click();
      await expect(page.getByText('Các đơn vị tự đánh giá', { exact: true })).toBeVisibleSoon();
    });

    // 2. Three schools self-assess and submit; a score above the maximum is refused first.
    for (const [who, school, scores] of SELF) {
      await as(who, async (page) => {
        await page.goto(`${url}?tab=tu-danh-gia`);
        await expect(page.getByLabel('Điểm tiêu chí 1.1')).toBeVisibleSoon();
        expect(await page.getByRole('textbox', { name: 'Đơn vị' }).inputValue()).toBe(school);
        const codes = ['1.1', '1.2', '2.1', '2.2'];
        if (who === 'pdp.tdkt') {
          await page.getByLabel('Điểm tiêu chí 1.1').fill('11');
          await page.getByRole('button', { name: 'Lưu nháp' }).click();
          await expect(page.getByText('Điểm của tiêu chí 1.1 vượt quá điểm tối đa (10)')).toBeVisibleSoon();
        }
        for (const [k, code] of codes.entries()) {
          await page.getByLabel(`Điểm tiêu chí ${code}`).fill(String(scores[k]));
          await page.getByLabel(`Giải trình tiêu chí ${code}`).fill(`Đơn vị thực hiện tiêu chí ${code} theo kế hoạch`);
        }
        await page.getByRole('button', { name: 'Gửi tự đánh giá' }).click();
        await expect(page.getByText('Đã gửi tự đánh giá')).toBeVisibleSoon();
        await expect(page.getByText(`Tổng điểm tự chấm: ${scores.reduce((s, x) => s + x, 0)}`)).toBeVisibleSoon();
      });
    }

    await as('so.tdkt', async (page) => {
      await page.goto(`${url}?tab=don-vi`);
      await page.getByRole('button', { name: 'Chuyển sang thẩm định' }).click();
      await expect(page.getByText('Thẩm định', { exact: true }).first()).toBeVisibleSoon();
    });

    // 3. Reviewer 1 lowers Thành Sen's 2.1 with a reason (autosaved when leaving the cell); reviewer 2
    //    steps aside on Hà Huy Tập for group 2 and scores Thành Sen 2.1 too → the mean stands.
    await as('so.thamdinh1', async (page) => {
      await page.goto(`${url}?tab=tham-dinh`);
      await page.getByRole('textbox', { name: 'Nhóm tiêu chí' }).click();
      await page.getByRole('option', { name: /^2\. Thủ tục hành chính/ }).click();
      await page.getByLabel('Lý do thay đổi điểm (bắt buộc)').fill('Tỷ lệ trực tuyến thực tế 82%, chưa đạt 90%');
      const cell = page.getByLabel(`Điểm 2.1 của ${SCHOOLS[1]}`);
      await cell.fill('20');
      await cell.blur();
      await expect(page.getByText(`Đã lưu: ${SCHOOLS[1]} – 2.1, điểm thẩm định 20`)).toBeVisibleSoon();
    });
    await as('so.thamdinh2', async (page) => {
      await page.goto(`${url}?tab=tham-dinh`);
      await page.getByRole('textbox', { name: 'Nhóm tiêu chí' }).click();
      await page.getByRole('option', { name: /^2\. Thủ tục hành chính/ }).click();
      const row = page.getByRole('row', { name: new RegExp(SCHOOLS[2]) });
      await row.getByRole('button', { name: 'Không tham gia' }).click();
      await page.getByLabel('Lý do (xung đột lợi ích)').fill('Tôi là cựu hiệu phó của trường');
      await page.getByRole('button', { name: 'Xác nhận không tham gia' }).click();
      await expect(page.getByText('Lê Thị Mai không tham gia: Tôi là cựu hiệu phó của trường')).toBeVisibleSoon();
      await page.getByLabel('Lý do thay đổi điểm (bắt buộc)').fill('Đối chiếu số liệu dịch vụ công');
      const cell = page.getByLabel(`Điểm 2.1 của ${SCHOOLS[1]}`);
      await cell.fill('24');
      await cell.blur();
      await expect(page.getByText(`Đã lưu: ${SCHOOLS[1]} – 2.1, điểm thẩm định 22`)).toBeVisibleSoon();
    });

    // 4. Tiers: the officer submits and approves, the head approves, the council publishes.
    await as('so.tdkt', async (page) => {
      await page.goto(`${url}?tab=phe-duyet`);
      await page.getByRole('button', { name: 'Trình phê duyệt', exact: true }).click();
      await page.getByRole('button', { name: 'Đồng ý, chuyển cấp tiếp theo' }).click();
      await expect(page.getByText('Chờ: Trưởng phòng').first()).toBeVisibleSoon();
    });
    await as('so.giamdoc', async (page) => {
      await page.goto(`${url}?tab=phe-duyet`);
      await page.getByRole('button', { name: 'Đồng ý, chuyển cấp tiếp theo' }).click();
      await expect(page.getByText('Chờ: Hội đồng thi đua – khen thưởng').first()).toBeVisibleSoon();
    });
    await as('so.hoidong', async (page) => {
      await page.goto(`${url}?tab=phe-duyet`);
      await page.getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
      await expect(page.getByText(/Kết quả đã công bố/).first()).toBeVisibleSoon();
    });

    // 5. Ranking: Phan Đình Phùng 67, Thành Sen 60 (2.1: mean 22), Hà Huy Tập 58; the leaders go to nomination.
    await as('so.tdkt', async (page) => {
      await page.goto(`${url}?tab=ket-qua`);
      const ranking = page.getByRole('table', { name: /^Xếp hạng/ });
      await expect(ranking).toBeVisibleSoon();
      const rows = ranking.getByRole('row');
      await expect(rows.nth(1)).toBeVisibleSoon();
      expect(await rows.nth(1).innerText()).toMatch(/^1\s+Trường THPT Phan Đình Phùng[\s\S]*67/);
      expect(await rows.nth(2).innerText()).toMatch(/^2\s+Trường THPT Thành Sen[\s\S]*60/);
      expect(await rows.nth(3).innerText()).toMatch(/^3\s+Trường THPT Hà Huy Tập[\s\S]*58/);
      await page.getByRole('button', { name: 'Đề nghị khen thưởng các đơn vị dẫn đầu' }).click();
      await expect(page.getByText('Đã chuyển 3 đề nghị sang bình xét khen thưởng')).toBeVisibleSoon();
      await expect(page.getByText('Trường THPT Thành Sen — Giấy khen', { exact: false })).toBeVisibleSoon();
    });

    // 6. A school sees its own published result with the reviewers' reasons.
    await as('ts.tdkt', async (page) => {
      await page.goto(`${url}?tab=ket-qua`);
      await page.getByRole('button', { name: SCHOOLS[1] }).click();
      await expect(page.getByText('Nguyễn Văn Bình: 20 — Tỷ lệ trực tuyến thực tế 82%, chưa đạt 90%')).toBeVisibleSoon();
    });
  }, 300_000);
});
