#!/usr/bin/env node
// The browser tests drive Debian's chromium (Playwright's own browser downloads cannot work offline). Installs it
// with apt when it is missing; that needs root, which CI and the development machines have.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`${CHROMIUM} is missing. Install Debian's chromium (sudo apt-get install chromium) and run the tests again.`);
    process.exit(1);
  }
  console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get …`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
