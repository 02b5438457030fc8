import { chromium } from 'playwright-core';
import { chromiumArgs } from '../playwright.config';
import { startPreview } from './studio-server';
import { PageProbe } from './studio-probe';
import { MemorySampler } from './studio-memory';
import { openStudio, type Studio } from './studio-steps';
const server = await startPreview();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
try {
  const page = await (await browser.newContext()).newPage();
  page.on('crash', () => console.log('CRASH'));
  page.on('console', (m) => console.log('console', m.text()));
  const probe = await PageProbe.install(page);
  const mem = await MemorySampler.start(browser, page, new URL(server.url).origin);
  const studio: Studio = { page, probe, blocks: 12, timeoutMs: 60000 };
  console.log('tti', await openStudio(studio, server.url));
  console.log(await mem.stop());
} finally { await browser.close(); server.stop(); }
