// Draws the site's icons without any image tool: a house under a roof, white on the brand blue (#1f4e79, the
// theme colour), as SVG and as PNGs written byte by byte (PNG: RFC 2083 / ISO 15948; zlib from Node). The shape
// keeps inside the middle 80%, the safe zone of a maskable icon, so a phone may crop it to a circle.
// Run: node scripts/icons.mjs   (writes public/icon.svg, icon-192.png, icon-512.png, apple-touch-icon.png)
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const brand = [0x1f, 0x4e, 0x79];
const white = [0xff, 0xff, 0xff];

// The drawing on a 100 × 100 grid: a roof (triangle), a body (rectangle), a door (rectangle in the brand colour).
const roof = [[50, 20], [80, 47], [20, 47]];
const body = { x: 28, y: 46, w: 44, h: 34 };
const door = { x: 44, y: 60, w: 12, h: 20 };

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="0" fill="#1f4e79"/>
<polygon points="${roof.map((p) => p.join(",")).join(" ")}" fill="#fff"/>
<rect x="${body.x}" y="${body.y}" width="${body.w}" height="${body.h}" fill="#fff"/>
<rect x="${door.x}" y="${door.y}" width="${door.w}" height="${door.h}" fill="#1f4e79"/>
</svg>
`;

function inTriangle(px, py, [a, b, c]) {
  const side = (p1, p2) => (px - p2[0]) * (p1[1] - p2[1]) - (p1[0] - p2[0]) * (py - p2[1]);
  const d1 = side(a, b), d2 = side(b, c), d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}
const inRect = (px, py, r) => px >= r.x && px < r.x + r.w && py >= r.y && py < r.y + r.h;

/** The colour at a point of the 100 × 100 grid. */
function colour(px, py) {
  if (inRect(px, py, door)) return brand;
  if (inTriangle(px, py, roof) || inRect(px, py, body)) return white;
  return brand;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A size × size RGB PNG; each pixel is 4 × 4 samples averaged, so the roof's edges are smooth. */
function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter type 0 (none) per row
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const c = colour(((x + (sx + 0.5) / 4) * 100) / size, ((y + (sy + 0.5) / 4) * 100) / size);
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      for (let i = 0; i < 3; i++) row[1 + x * 3 + i] = Math.round(sum[i] / 16);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = new URL("../public/", import.meta.url);
writeFileSync(new URL("icon.svg", out), svg);
writeFileSync(new URL("icon-192.png", out), png(192));
writeFileSync(new URL("icon-512.png", out), png(512));
writeFileSync(new URL("apple-touch-icon.png", out), png(180));
console.log("icons written to public/");
