import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, icnsFile, icoFile, pngSize, type PngImage } from './icon-containers.js';

/** A minimal PNG header (signature and IHDR) declaring `size` x `size`. */
function fakePng(size: number): Buffer {
  const png = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
  png.writeUInt32BE(13, 8);
  png.write('IHDR', 12, 'latin1');
  png.writeUInt32BE(size, 16);
  png.writeUInt32BE(size, 20);
  return png;
}

/** The directory of an .ico: size and PNG size of each entry, read back from the bytes. */
function icoDirectory(ico: Buffer): { size: number; png: { width: number; height: number } }[] {
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const at = 6 + 16 * index;
    const offset = ico.readUInt32LE(at + 12);
    const png = ico.subarray(offset, offset + ico.readUInt32LE(at + 8));
    return { size: ico.readUInt8(at) || 256, png: pngSize(png) };
  });
}

/** The type codes of an .icns and the sizes of their PNGs. */
function icnsDirectory(icns: Buffer): [string, number][] {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const entries: [string, number][] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
    entries.push([icns.toString('latin1', at, at + 4), pngSize(icns.subarray(at + 8)).width]);
  }
  return entries;
}

const images = (sizes: readonly number[]): PngImage[] => sizes.map((size) => ({ size, png: fakePng(size) }));

describe('icon containers', () => {
  it('packs PNGs into an .ico whose directory points at each of them', () => {
    expect(icoDirectory(icoFile(images([16, 32, 256])))).toEqual([
      { size: 16, png: { width: 16, height: 16 } },
      { size: 32, png: { width: 32, height: 32 } },
      { size: 256, png: { width: 256, height: 256 } },
    ]);
  });

  it('packs PNGs into an .icns under their size’s type', () => {
    expect(icnsDirectory(icnsFile(images([16, 512, 1024])))).toEqual([
      ['icp4', 16],
      ['ic09', 512],
      ['ic10', 1024],
    ]);
  });

  it('refuses images that are not what they claim or have no slot', () => {
    expect(() => icoFile([{ size: 32, png: fakePng(16) }])).toThrow('the 32 px image is 16x16');
    expect(() => icoFile(images([512]))).toThrow(/up to 256/);
    expect(() => icnsFile(images([48]))).toThrow(/no slot for 48/);
    expect(() => icoFile([{ size: 16, png: Buffer.from('GIF89a') }])).toThrow('not a PNG image');
  });

  it('the shipped icons hold every size Windows and macOS ask for', () => {
    const ico = readFileSync(new URL('icons/icon.ico', import.meta.url));
    expect(icoDirectory(ico).map((entry) => [entry.size, entry.png.width])).toEqual(
      ICO_SIZES.map((size) => [size, size]),
    );
    const icns = readFileSync(new URL('icons/icon.icns', import.meta.url));
    expect(icnsDirectory(icns)).toEqual([
      ['icp4', 16],
      ['icp5', 32],
      ['icp6', 64],
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
      ['ic10', 1024],
    ]);
  });
});
