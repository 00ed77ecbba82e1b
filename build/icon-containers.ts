/**
 * Packs PNG renderings of the app icon into the containers the installers want: `.ico` for
 * Windows (the exe and the NSIS installer) and `.icns` for macOS. Both formats carry PNG data as
 * is, so no image library is needed, and electron-builder has nothing left to convert (its icon
 * conversion downloads a tool bundle, which cannot be done offline).
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One rendering of the icon. */
export interface PngImage {
  readonly size: number;
  readonly png: Buffer;
}

/** The sizes each container holds. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const ICNS_TYPES: Readonly<Record<number, string>> = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};

/** The width and height a PNG declares. @throws Error when it is no PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (
    png.length < 24 ||
    !png.subarray(0, 8).equals(PNG_SIGNATURE) ||
    png.toString('latin1', 12, 16) !== 'IHDR'
  )
    throw new Error('not a PNG image');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function checked(images: readonly PngImage[]): PngImage[] {
  return images.map((image) => {
    const { width, height } = pngSize(image.png);
    if (width !== image.size || height !== image.size)
      throw new Error(`the ${image.size} px image is ${width}x${height}`);
    return image;
  });
}

/** A Windows `.ico` holding the PNGs (PNG entries are valid from Windows Vista on). */
export function icoFile(images: readonly PngImage[]): Buffer {
  const entries = checked(images);
  if (entries.some((image) => image.size > 256)) throw new Error('an .ico holds images up to 256 px');
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach((image, index) => {
    const at = 6 + 16 * index;
    header.writeUInt8(image.size === 256 ? 0 : image.size, at);
    header.writeUInt8(image.size === 256 ? 0 : image.size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(image.png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += image.png.length;
  });
  return Buffer.concat([header, ...entries.map((image) => image.png)]);
}

/** A macOS `.icns` holding the PNGs under their size's type code. */
export function icnsFile(images: readonly PngImage[]): Buffer {
  const chunks = checked(images).map((image) => {
    const type = ICNS_TYPES[image.size];
    if (type === undefined) throw new Error(`an .icns has no slot for ${image.size} px`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(image.png.length + 8, 4);
    return Buffer.concat([head, image.png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
