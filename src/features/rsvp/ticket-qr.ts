import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";

const WIDTH_PX = 400;
const MARGIN_MODULES = 2;

/**
 * The ticket's QR image: a black-and-white PNG of the check-in deep link, about 400 px wide.
 * qrcode lays out the modules; the PNG is written here with one bit per pixel, because qrcode's
 * own renderer paints RGBA pixels through pngjs at ten times the cost, on every registration.
 */
export function renderTicketQr(link: string): Buffer {
  const { modules } = QRCode.create(link, { errorCorrectionLevel: "M" });
  const count = modules.size + 2 * MARGIN_MODULES;
  const scale = Math.max(1, Math.floor(WIDTH_PX / count));
  const side = count * scale;
  const rowBytes = 1 + Math.ceil(side / 8); // a filter byte (0: none), then the pixels
  const pixels = Buffer.alloc(rowBytes * side, 0xff); // 1 = white
  for (let row = 0; row < modules.size; row++) {
    // Draw one pixel row of this module row, then copy it down the module's height.
    const first = (row + MARGIN_MODULES) * scale * rowBytes;
    pixels[first] = 0;
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let x = (col + MARGIN_MODULES) * scale, end = x + scale; x < end; x++) {
        pixels[first + 1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
      }
    }
    for (let copy = 1; copy < scale; copy++) pixels.copy(pixels, first + copy * rowBytes, first, first + rowBytes);
  }
  for (let at = 0; at < pixels.length; at += rowBytes) pixels[at] = 0;

  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
