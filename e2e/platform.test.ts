// Browser test of the platform screens: a real server (fresh SQLite database with the demo province)
// driven through the real web app in the system Chromium, the way a user works.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, browserTestsEnabled, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/platform.test.ts');

/** A people workbook in the template's columns; `badDate` puts an impossible birth date on data row 2 (sheet row 3). */
async function peopleWorkbook(badDate: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(['Họ và tên (*)', 'Ngày sinh (*)', 'Giới tính (*)', 'Dân tộc', 'Số CCCD', 'Mã đơn vị (*)', 'Chức vụ']);
  ws.addRow(['Hoàng Văn Kiểm Thử', '12/03/1988', 'Nam', 'Kinh', '042088000111', 'THPT-42-01', 'Giáo viên Tin học']);
  ws.addRow(['Lê Thị Dòng Hai', badDate ? '31/02/1990' : '28/02/1990', 'Nữ', 'Kinh', '042190000222', 'THPT-42-01', 'Giáo viên Hóa học']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!enabled)('giao diện web: đăng nhập, tìm cán bộ, đơn vị, nhập Excel, đăng xuất', () => {
  let env: TBrowserEnv;
  let server: TBrowserEnv['server'];
  let browser: Browser;

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    await env?.close();
  });

  async function logIn(page: Page, username: string, password: string) {
    await page.goto(server.url + '/');
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisibleSoon();
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  }

  async function logOut(page: Page, fullName: string) {
    await page.getByRole('button', { name: `Tài khoản: ${fullName}` }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByLabel('Tên đăng nhập').isVisible()).toBe(true);
  }

  async function chooseFile(page: Page, label: string, name: string, buffer: Buffer) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: label }).click()]);
    await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  }

  it('cán bộ TĐKT Sở: sai mật khẩu thấy thông báo, tìm "nguyen thi lan", mở hồ sơ, nhập Excel có một dòng lỗi, đăng xuất', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      // A wrong password shows the server's Vietnamese message.
      await page.goto(server.url + '/');
      await page.getByLabel('Tên đăng nhập').fill('so.tdkt');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/mật khẩu/i);

      await logIn(page, 'so.tdkt', DEMO_PASSWORD);
      await expect(page.getByText('Cán bộ, giáo viên')).toBeVisibleSoon();

      // Search without diacritics.
      await page.getByRole('link', { name: 'Cán bộ', exact: true }).click();
      await page.getByLabel('Tìm cán bộ').fill('nguyen thi lan');
      const row = page.getByRole('row').filter({ hasText: 'Trường THPT Phan Đình Phùng' }).filter({ hasText: 'Nguyễn Thị Lan' });
      await row.waitFor();
      const rows = page.getByRole('table', { name: 'Danh sách cán bộ' }).getByRole('row');
      for (const text of await rows.allInnerTexts()) if (!/Họ và tên/.test(text)) expect(text).toContain('Nguyễn Thị Lan');

      // Her record names her school.
      await row.getByRole('link', { name: 'Nguyễn Thị Lan' }).click();
      await page.getByRole('heading', { name: 'Nguyễn Thị Lan' }).waitFor();
      await expect(page.getByRole('link', { name: 'Trường THPT Phan Đình Phùng' })).toBeVisibleSoon();
      await page.getByRole('tab', { name: 'Quá trình công tác' }).click();
      await expect(page.getByRole('table', { name: 'Quá trình công tác' }).getByText('Trường THPT Phan Đình Phùng').first()).toBeVisibleSoon();

      // Import a people file with one bad row: the dry run lists that row, "Nhập thật" stays off.
      await page.getByRole('link', { name: 'Nhập dữ liệu' }).click();
      await page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }).waitFor();
      await chooseFile(page, 'Tệp Excel (.xlsx)', 'can-bo-loi.xlsx', await peopleWorkbook(true));
      await page.getByRole('button', { name: 'Chạy thử' }).click();
      const errors = page.getByRole('table', { name: 'Các dòng có lỗi' });
      await errors.waitFor({ timeout: 30_000 });
      const errorRows = errors.getByRole('row').filter({ hasNotText: 'Dòng' });
      expect(await errorRows.count()).toBe(1);
      const cells = await errorRows.first().getByRole('cell').allInnerTexts();
      expect(cells[0]).toBe('3');
      expect(cells[1]).toBe('Ngày sinh');
      expect(cells[2]).toMatch(/31\/02\/1990|ngày/i);
      expect(await page.getByRole('button', { name: 'Nhập thật' }).isDisabled()).toBe(true);

      // The corrected file passes the dry run, then imports for real.
      await chooseFile(page, 'Tệp Excel (.xlsx)', 'can-bo.xlsx', await peopleWorkbook(false));
      await page.getByRole('button', { name: 'Chạy thử' }).click();
      await page.getByText('Tệp hợp lệ').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Nhập thật' }).click();
      await page.getByText('Đã nhập xong').waitFor({ timeout: 30_000 });
      const added = page.getByText('Đã thêm mới').locator('xpath=..');
      expect(await added.innerText()).toContain('2');

      // The imported person can be found without diacritics.
      await page.getByRole('link', { name: 'Cán bộ', exact: true }).click();
      await page.getByLabel('Tìm cán bộ').fill('hoang van kiem thu');
      await expect(page.getByRole('link', { name: 'Hoàng Văn Kiểm Thử' })).toBeVisibleSoon();

      await logOut(page, 'Trần Thị Thu Hà');
    } finally {
      await page.close();
    }
  });

  it('quản trị: thành lập tổ chuyên môn dưới trường THPT Phan Đình Phùng, thấy trong cây và danh sách', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await logIn(page, 'admin', ADMIN_PASSWORD);
      await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
      await page.getByLabel('Tìm đơn vị').fill('phan dinh phung');
      await page.getByRole('table', { name: 'Danh sách đơn vị' }).getByRole('link', { name: 'Trường THPT Phan Đình Phùng' }).click();
      await page.getByRole('heading', { name: 'Trường THPT Phan Đình Phùng' }).waitFor();

      await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tên đơn vị').fill('Tổ Tin học – Công nghệ');
      await dialog.getByRole('textbox', { name: 'Loại đơn vị' }).click();
      await page.getByRole('option', { name: 'Tổ chuyên môn' }).click();
      await dialog.getByLabel('Mã đơn vị').fill('THPT-42-01-TIN');
      await dialog.getByRole('button', { name: 'Thành lập' }).click();

      // The new unit's page, under its school.
      await page.getByRole('heading', { name: 'Tổ Tin học – Công nghệ' }).waitFor();
      await expect(page.getByText('Tổ chuyên môn', { exact: true })).toBeVisibleSoon();
      await page.getByRole('tab', { name: 'Lịch sử' }).click();
      await expect(page.getByText(/Thành lập/)).toBeVisibleSoon();

      // In the list (unaccented search) and in the tree under the school.
      await page.getByRole('link', { name: 'Đơn vị', exact: true }).first().click();
      await page.getByLabel('Tìm đơn vị').fill('to tin hoc');
      await expect(page.getByRole('table', { name: 'Danh sách đơn vị' }).getByRole('link', { name: 'Tổ Tin học – Công nghệ' })).toBeVisibleSoon();
      // The administrator's tree starts at the province: open the Sở, then the school.
      await page.getByRole('button', { name: 'Mở Sở Giáo dục và Đào tạo Hà Tĩnh' }).click();
      await page.getByRole('button', { name: 'Mở Trường THPT Phan Đình Phùng' }).click();
      await expect(page.getByRole('treeitem', { name: 'Tổ Tin học – Công nghệ' })).toBeVisibleSoon();

      await logOut(page, 'Quản trị hệ thống');
    } finally {
      await page.close();
    }
  });
});
