import { crc32, inflateSync } from "node:zlib";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { renderTicketQr } from "../src/features/rsvp/ticket-qr.js";

/** Reads a PNG's chunks (checking each CRC) and its 1-bit greyscale pixels. */
function decode(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString("ascii", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks.map((chunk) => chunk.type)).toEqual(["IHDR", "IDAT", "IEND"]);
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8)]).toEqual([1, 0, 0, 0, 0]);
  const raw = inflateSync(chunks[1]!.data);
  const rowBytes = 1 + Math.ceil(width / 8);
  expect(raw.length).toBe(rowBytes * height);
  const dark = (x: number, y: number) => {
    expect(raw[y * rowBytes], "filter byte").toBe(0);
    return ((raw[y * rowBytes + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0;
  };
  return { width, height, dark };
}

describe("the ticket's QR image", () => {
  it("is a valid black-and-white PNG whose pixels are the QR code of the link, with a quiet zone", () => {
    const link = "https://t.me/event_bot?start=ci_Zx81-abcDEF_123";
    const { width, height, dark } = decode(renderTicketQr(link));
    const { modules } = QRCode.create(link, { errorCorrectionLevel: "M" });
    const count = modules.size + 4;
    const scale = width / count;
    expect(width).toBe(height);
    expect(Number.isInteger(scale)).toBe(true);
    expect(width).toBeGreaterThan(300);
    expect(width).toBeLessThanOrEqual(400);
    let darkModules = 0;
    for (let row = -2; row < modules.size + 2; row++) {
      for (let col = -2; col < modules.size + 2; col++) {
        const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
        const expected = inside && Boolean(modules.get(row, col));
        const y = (row + 2) * scale;
        const x = (col + 2) * scale;
        // Every pixel of the module, corners included, has the module's colour.
        for (const [dx, dy] of [
          [0, 0],
          [scale - 1, 0],
          [0, scale - 1],
          [scale - 1, scale - 1],
        ] as const) {
          expect(dark(x + dx, y + dy), `module ${row},${col}`).toBe(expected);
        }
        if (expected) darkModules++;
      }
    }
    expect(darkModules).toBeGreaterThan(100);
  });
});
