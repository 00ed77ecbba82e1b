/**
 * Renders the app and tray icons (PNG) from the SVGs in build/icons/ with Debian's Chromium.
 * Run by hand when an SVG changes (`npx tsx build/render-icons.ts`); the PNGs are committed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const dir = fileURLToPath(new URL('icons/', import.meta.url));
// Tray icons: 16 px plus @2x for high-DPI screens (Electron picks the @2x file by itself).
const outputs: Record<string, [number, string][]> = {
  icon: [[512, '']],
  tray: [
    [16, ''],
    [32, '@2x'],
  ],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const file of readdirSync(dir).filter((name) => name.endsWith('.svg'))) {
  const svg = readFileSync(path.join(dir, file), 'utf8');
  const base = file.replace(/\.svg$/, '');
  for (const [size, suffix] of outputs[base.startsWith('tray') ? 'tray' : 'icon'] ?? []) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    const out = path.join(dir, `${base}${suffix}.png`);
    await page.screenshot({ path: out, omitBackground: true });
    process.stdout.write(`${out}\n`);
  }
}
await browser.close();
