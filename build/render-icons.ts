/**
 * Renders the app and tray icons (PNG) from the SVGs in build/icons/ with Debian's Chromium, and
 * the app icon at every size the installers want into icon.ico (Windows) and icon.icns (macOS).
 * Run by hand when an SVG changes (`npx tsx build/render-icons.ts`); the files are committed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { ICNS_TYPES, ICO_SIZES, icnsFile, icoFile } from './icon-containers.js';

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
    const out = path.join(dir, `${base}${suffix}.png`);
    writeFileSync(out, await render(page, svg, size));
    process.stdout.write(`${out}\n`);
  }
}
const appIcon = readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const sizes = [...new Set([...ICO_SIZES, ...Object.keys(ICNS_TYPES).map(Number)])];
const renderings = new Map<number, Buffer>();
for (const size of sizes) renderings.set(size, await render(page, appIcon, size));
const images = (list: readonly number[]) =>
  list.map((size) => ({ size, png: renderings.get(size) as Buffer }));
writeFileSync(path.join(dir, 'icon.ico'), icoFile(images(ICO_SIZES)));
writeFileSync(path.join(dir, 'icon.icns'), icnsFile(images(Object.keys(ICNS_TYPES).map(Number))));
process.stdout.write(`${path.join(dir, 'icon.ico')}\n${path.join(dir, 'icon.icns')}\n`);
await browser.close();

/** One square rendering of an SVG, as PNG with a transparent background. */
async function render(on: Page, svg: string, size: number): Promise<Buffer> {
  await on.setViewportSize({ width: size, height: size });
  await on.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  return on.screenshot({ omitBackground: true });
}
