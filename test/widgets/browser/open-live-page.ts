import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { JupyterServer } from "./jupyter-server";

/** What a test page needs: the jupyter-server, the live-page bundle (script and styles), and the cell to run. */
export interface LivePageSetup {
  browser: Browser;
  server: JupyterServer;
  pageJs: string;
  pageCss: string;
  code: string;
  viewport: { width: number; height: number };
  /** Collects the page's uncaught errors. */
  problems: string[];
}

/** A blank page on the server's origin (so its REST and WebSocket calls need no CORS) that has run `code` in a live dslab kernel. */
export async function openLivePage({ browser, server, pageJs, pageCss, code, viewport, problems }: LivePageSetup): Promise<Page> {
  // The API answers with a strict CSP; the test page reuses only its origin.
  const page = await browser.newPage({ viewport, bypassCSP: true });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${server.url}/api/status?token=${server.token}`);
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="padding: 24px"><div id="outputs"></div></body></html>`);
  await page.addStyleTag({ content: pageCss });
  await page.addScriptTag({ content: pageJs });
  const status = await page.evaluate((options) => (window as unknown as { dslabLive: { run(o: object): Promise<string> } }).dslabLive.run(options), {
    baseUrl: server.url,
    token: server.token,
    code,
  });
  expect(status).toBe("ok");
  return page;
}
