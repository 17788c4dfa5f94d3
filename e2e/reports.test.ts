// Browser test of the periodic reports: the Sở's CCHC plan asks a quarterly report of its THPT schools
// (demo). Two schools send this quarter's report; the Sở returns one with a reason and the school sends
// it again; a school that missed last quarter is reminded and then reports late; the Sở sees the
// roll-up chart and the ranking. Then the Sở adds a catalogue indicator and a new outreach-fed one to
// the form and moves this quarter's due date in the browser; a third school sees them, and its outreach
// figures follow its outreach log.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, logInAs, startBrowserEnv, type TBrowserEnv } from './support';

const enabled = browserTestsEnabled('e2e/reports.test.ts');
const ROMAN = ['I', 'II', 'III', 'IV'];

const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
/** The last day of today's quarter plus `days`, as dd/mm/yyyy. */
function afterQuarterEnd(days: number): string {
  const d = new Date();
  const end = new Date(Date.UTC(d.getFullYear(), Math.floor(d.getMonth() / 3) * 3 + 3, 0));
  end.setUTCDate(end.getUTCDate() + days);
  return dmy(end);
}

/** "Quý IV/2026" for today's quarter (offset 0) or the one before (-1). */
function quarterLabel(offset: number): string {
  const d = new Date();
  let q = Math.floor(d.getMonth() / 3) + offset;
  let y = d.getFullYear();
  if (q < 0) { q += 4; y -= 1; }
  return `Quý ${ROMAN[q]}/${y}`;
}

describe.skipIf(!enabled)('giao diện web: báo cáo định kỳ CCHC, trả lại, nhắc hạn, tổng hợp và xếp hạng', () => {
  let env: TBrowserEnv;
  let browser: Browser;
  let url: string;
  const current = quarterLabel(0);
  const previous = quarterLabel(-1);

  beforeAll(async () => {
    env = await startBrowserEnv('thidua-e2e-reports-');
    browser = env.browser;
    url = env.server.url;
  });
  afterAll(async () => { await env?.close(); });

  async function openMyReport(page: Page, period: string) {
    await page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: period }).filter({ hasText: 'Báo cáo kết quả công tác cải cách hành chính' });
    await row.getByRole('button', { name: 'Nhập báo cáo' }).click();
    await page.getByRole('heading', { name: new RegExp(period.replace('/', '\\/')) }).waitFor();
  }

  async function fill(page: Page, f: { received: string; onTime: string; late: string; full: string; partial: string; paid: string; satisfaction: string; hoSo: string }) {
    await page.getByLabel('Số hồ sơ TTHC tiếp nhận', { exact: false }).first().fill(f.received);
    await page.getByLabel('Số hồ sơ giải quyết đúng hạn', { exact: false }).first().fill(f.onTime);
    await page.getByLabel('Số hồ sơ giải quyết quá hạn', { exact: false }).first().fill(f.late);
    await page.getByLabel('Số hồ sơ tiếp nhận trực tuyến toàn trình', { exact: false }).first().fill(f.full);
    await page.getByLabel('Số hồ sơ tiếp nhận trực tuyến một phần', { exact: false }).first().fill(f.partial);
    await page.getByLabel('Số hồ sơ thanh toán phí, lệ phí trực tuyến', { exact: false }).first().fill(f.paid);
    await page.getByLabel('Tỷ lệ hài lòng của người dân, tổ chức', { exact: false }).first().fill(f.satisfaction);
    await page.locator('label').filter({ hasText: /^Có$/ }).first().click();
    await page.getByLabel('Tỷ lệ hồ sơ công việc xử lý trên môi trường điện tử', { exact: false }).first().fill(f.hoSo);
  }

  it('hai trường gửi báo cáo quý, Sở trả lại một báo cáo, trường gửi lại; trường nộp muộn được nhắc; Sở xem tổng hợp và xếp hạng', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      // 1. Phan Đình Phùng sends this quarter's report; the on-time share is computed as the figures are typed.
      await logInAs(page, url, 'pdp.tdkt');
      await openMyReport(page, current);
      await fill(page, { received: '200', onTime: '190', late: '10', full: '150', partial: '30', paid: '120', satisfaction: '96', hoSo: '90' });
      expect(await page.getByRole('textbox', { name: 'Tỷ lệ hồ sơ giải quyết đúng hạn' }).inputValue()).toBe('95%');
      expect(await page.getByRole('textbox', { name: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến (toàn trình và một phần)' }).inputValue()).toBe('90%');
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo' })).toBeVisibleSoon();
      await expect(page.getByText('Đã gửi', { exact: true }).first()).toBeVisibleSoon();
      const pdpUrl = page.url();

      // 2. The second school (no report last quarter: overdue) sends this quarter on time.
      await page.context().clearCookies();
      await logInAs(page, url, 'ts.tdkt');
      await page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
      const overdueRow = page.getByRole('row').filter({ hasText: previous }).filter({ hasText: 'Quá hạn' });
      await overdueRow.waitFor();
      const tsUnit = (await overdueRow.getByRole('cell').nth(2).innerText()).trim();
      await openMyReport(page, current);
      await fill(page, { received: '80', onTime: '80', late: '0', full: '60', partial: '10', paid: '40', satisfaction: '92', hoSo: '85' });
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo' })).toBeVisibleSoon();

      // 3. The Sở reminds the school that has not sent last quarter's report, and returns Phan Đình Phùng's report.
      await page.context().clearCookies();
      await logInAs(page, url, 'so.tdkt');
      await page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
      const board = page.getByRole('table', { name: 'Bảng theo dõi báo cáo' });
      await board.waitFor();
      await board.getByRole('row').filter({ hasText: tsUnit }).getByRole('button', { name: 'Nhắc' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã nhắc 1 đơn vị' })).toBeVisibleSoon();
      await expect(board.getByRole('row').filter({ hasText: tsUnit }).getByText('1 lần', { exact: false })).toBeVisibleSoon();
      await page.goto(pdpUrl);
      await page.getByRole('button', { name: 'Trả lại' }).click();
      await page.getByRole('dialog').getByLabel('Lý do trả lại').fill('Số hồ sơ trực tuyến toàn trình chưa khớp với Cổng dịch vụ công; đề nghị rà soát.');
      await page.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
      await expect(page.getByText('Bị trả lại', { exact: true }).first()).toBeVisibleSoon();

      // 4. The school sees the reason, corrects the figure and sends again.
      await page.context().clearCookies();
      await logInAs(page, url, 'pdp.tdkt');
      await openMyReport(page, current);
      await expect(page.getByText('Số hồ sơ trực tuyến toàn trình chưa khớp', { exact: false })).toBeVisibleSoon();
      await page.getByLabel('Số hồ sơ tiếp nhận trực tuyến toàn trình', { exact: false }).first().fill('160');
      expect(await page.getByRole('textbox', { name: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến (toàn trình và một phần)' }).inputValue()).toBe('95%');
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo' })).toBeVisibleSoon();

      // 5. The reminded school sends last quarter's report: marked late.
      await page.context().clearCookies();
      await logInAs(page, url, 'ts.tdkt');
      await openMyReport(page, previous);
      await expect(page.getByText('đã được nhắc 1 lần', { exact: false })).toBeVisibleSoon();
      await fill(page, { received: '70', onTime: '68', late: '2', full: '50', partial: '10', paid: '30', satisfaction: '90', hoSo: '80' });
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo' })).toBeVisibleSoon();
      await expect(page.getByText('Nộp muộn', { exact: true }).first()).toBeVisibleSoon();

      // 6. The Sở's roll-up of this quarter: both schools in the table, the chart and the ranking (on-time share: 100% first).
      await page.context().clearCookies();
      await logInAs(page, url, 'so.tdkt');
      await page.goto(url + '/bao-cao/tong-hop');
      await page.getByRole('heading', { name: 'Tổng hợp báo cáo' }).waitFor();
      await expect(page.locator('[role="img"][aria-label^="Biểu đồ xếp hạng"]')).toBeVisibleSoon();
      await expect(page.locator('[role="img"][aria-label^="Biểu đồ diễn biến"]')).toBeVisibleSoon();
      const ranking = page.getByRole('table', { name: 'Xếp hạng' });
      const first = ranking.getByRole('row').nth(1);
      await expect(first.filter({ hasText: tsUnit })).toBeVisibleSoon();
      expect(await first.getByRole('cell').nth(2).innerText()).toBe('100');
      const second = ranking.getByRole('row').nth(2);
      expect(await second.getByRole('cell').nth(1).innerText()).toContain('Phan Đình Phùng');
      expect(await second.getByRole('cell').nth(2).innerText()).toBe('95');
      const table = page.getByRole('table', { name: 'Số liệu tổng hợp' });
      // Totals row: 200 + 80 received.
      await expect(table.getByRole('row').filter({ hasText: 'Tổng hợp' }).getByText('280', { exact: true })).toBeVisibleSoon();
    } finally {
      await page.close();
    }
  }, 240_000);

  it('Sở thêm chỉ tiêu vào mẫu và đổi hạn nộp kỳ này; trường thấy chỉ tiêu mới, hạn mới và số liệu tuyên truyền tự điền từ sổ', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const due = afterQuarterEnd(20);
    try {
      // 1. The Sở opens the form editor from the board, adds a catalogue indicator to section IV and saves.
      await logInAs(page, url, 'so.tdkt');
      await page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
      await page.getByRole('link', { name: 'Sửa mẫu, kỳ báo cáo' }).click();
      await page.getByRole('heading', { name: /^Mẫu báo cáo: Báo cáo kết quả công tác cải cách hành chính/ }).waitFor();
      const picker = page.getByRole('textbox', { name: 'Thêm chỉ tiêu vào phần 4' });
      await picker.fill('rà soát');
      await page.getByRole('option', { name: 'Số văn bản quy phạm, nội bộ được rà soát' }).click();
      await expect(page.getByRole('table', { name: 'Chỉ tiêu của phần 4' }).getByText('Số văn bản quy phạm, nội bộ được rà soát')).toBeVisibleSoon();
      // …and a new indicator of the province's catalogue, counted from the outreach log (every channel).
      await page.getByRole('button', { name: 'Tạo chỉ tiêu mới cho phần 4' }).click();
      const create = page.getByRole('dialog');
      await create.getByLabel('Mã chỉ tiêu').fill('tt_hoat_dong_cchc');
      await create.getByLabel('Tên chỉ tiêu').fill('Số hoạt động tuyên truyền về cải cách hành chính');
      await create.getByLabel('Đơn vị tính').fill('hoạt động');
      await create.getByLabel('Lấy số liệu từ sổ tuyên truyền', { exact: false }).check();
      await create.getByRole('button', { name: 'Tạo và thêm vào mẫu' }).click();
      await expect(page.getByRole('table', { name: 'Chỉ tiêu của phần 4' }).getByText('Số hoạt động tuyên truyền về cải cách hành chính')).toBeVisibleSoon();
      await expect(page.getByRole('table', { name: 'Chỉ tiêu của phần 4' }).getByText('Từ sổ tuyên truyền: số hoạt động (mọi kênh)')).toBeVisibleSoon();
      await page.getByRole('button', { name: 'Lưu mẫu báo cáo' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã lưu mẫu báo cáo' })).toBeVisibleSoon();
      // Removing an indicator that sent reports hold is refused with the server's reason.
      await page.getByRole('button', { name: 'Bỏ chỉ tiêu: Tỷ lệ hài lòng của người dân, tổ chức' }).click();
      await page.getByRole('button', { name: 'Lưu mẫu báo cáo' }).click();
      await expect(page.getByText('Không bỏ được chỉ tiêu đã có số liệu trong báo cáo đã gửi', { exact: false })).toBeVisibleSoon();

      // 2. This quarter's due date moves (dd/mm/yyyy).
      await page.reload();
      const periods = page.getByRole('table', { name: 'Kỳ báo cáo' });
      await periods.getByRole('button', { name: `Sửa hạn nộp ${current}` }).click();
      await periods.getByRole('textbox', { name: `Hạn nộp ${current}` }).fill(due);
      await periods.getByRole('button', { name: 'Lưu', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: `Đã đổi hạn nộp ${current}: ${due}` })).toBeVisibleSoon();
      await expect(periods.getByRole('row').filter({ hasText: current }).getByText(due)).toBeVisibleSoon();

      // 3. A school without a report this quarter opens it: the new indicator, the new due date, and
      //    the website posts taken from its outreach log (none yet).
      await page.context().clearCookies();
      await logInAs(page, url, 'hht.tdkt');
      await openMyReport(page, current);
      await expect(page.getByText(`Hạn nộp ${due}`, { exact: false })).toBeVisibleSoon();
      await expect(page.getByLabel('Số văn bản quy phạm, nội bộ được rà soát', { exact: false }).first()).toBeVisibleSoon();
      const posts = page.getByRole('textbox', { name: 'Số tin, bài đăng trên website' });
      expect(await posts.inputValue()).toBe('0');
      expect(await page.getByRole('textbox', { name: 'Số hoạt động tuyên truyền về cải cách hành chính' }).inputValue()).toBe('0');
      await expect(page.getByText('Sổ tuyên truyền: số hoạt động (Website)', { exact: false })).toBeVisibleSoon();

      // 4. The school logs a website post today; its report now shows 1.
      await page.getByRole('link', { name: 'Truyền thông' }).click();
      await page.getByRole('heading', { name: 'Truyền thông, tuyên truyền thi đua' }).waitFor();
      await page.getByRole('button', { name: 'Ghi hoạt động' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Kênh' }).click();
      await page.getByRole('option', { name: 'Website' }).click();
      await dialog.getByLabel('Ngày thực hiện').fill(dmy(new Date()));
      await dialog.getByLabel('Nội dung').fill('Đăng tin công khai thủ tục tuyển sinh lớp 10 trên website của trường');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await expect(page.getByText('Đã ghi hoạt động tuyên truyền.')).toBeVisibleSoon();
      await openMyReport(page, current);
      await expect.poll(() => page.getByRole('textbox', { name: 'Số tin, bài đăng trên website' }).inputValue(), { timeout: 15_000 }).toBe('1');
      expect(await page.getByRole('textbox', { name: 'Số hoạt động tuyên truyền về cải cách hành chính' }).inputValue()).toBe('1');
    } finally {
      await page.close();
    }
  }, 240_000);
});
