// Shared set-up of the browser tests: the system Chromium (never a downloaded one), a real server on a
// fresh SQLite database with the demo province, and logging in through the login page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer } from '../src/server/main';
import { loadConfig } from '../src/server/config';

export const ADMIN_PASSWORD = 'admin-pass-e2e-123';
export const DEMO_PASSWORD = 'demo-pass-e2e-123';

function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    try {
      const p = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch {
      /* not installed */
    }
  }
  return null;
}

export const chromiumPath = findChromium();

/** Whether the browser tests of `file` run; prints the one-line skip reason when they do not. */
export function browserTestsEnabled(file: string): boolean {
  const strict = process.env.THIDUA_TEST_STRICT === '1';
  if (!chromiumPath && !strict) console.warn(`skip: ${file} needs the Chromium browser (Debian package "chromium")`);
  return !!chromiumPath || strict;
}

export type TBrowserEnv = { server: Awaited<ReturnType<typeof startServer>>; browser: Browser; dataDir: string; close: () => Promise<void> };

export async function startBrowserEnv(prefix: string): Promise<TBrowserEnv> {
  if (!chromiumPath) throw new Error('Không tìm thấy Chromium (cài gói Debian "chromium")');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const server = await startServer(
    loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', THIDUA_DATA_DIR: dataDir, DATABASE_URL: '', THIDUA_ADMIN_PASSWORD: ADMIN_PASSWORD, THIDUA_DEMO_PASSWORD: DEMO_PASSWORD, THIDUA_DEMO: '1', LOG_LEVEL: 'warn' }),
    { quiet: true },
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    server,
    browser,
    dataDir,
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login page and waits for the dashboard. */
export async function logInAs(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // An officer lands on "Tổng quan"; an individual's start page greets them by name ("Xin chào …").
  await page.getByRole('heading', { name: /^(Tổng quan$|Xin chào)/ }).first().waitFor();
}

// A small polling matcher: playwright-core has no `expect`, so wait for the locator here.
expect.extend({
  async toBeVisibleSoon(received: { waitFor: (o: { state: 'visible'; timeout: number }) => Promise<void> }) {
    try {
      await received.waitFor({ state: 'visible', timeout: 15_000 });
      return { pass: true, message: () => 'visible' };
    } catch (e) {
      return { pass: false, message: () => `not visible: ${(e as Error).message.split('\n')[0]}` };
    }
  },
});

declare module 'vitest' {
  interface Assertion<T = any> {
    toBeVisibleSoon(): Promise<T>;
  }
}
