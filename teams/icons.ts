/**
 * Draws the two Teams app icons from simple shapes, deterministically (same bytes every run):
 * - color.png, 192×192: a parcel with a green check badge on the CBP blue background;
 * - outline.png, 32×32: the same idea as white lines on a fully transparent background, which
 *   Teams requires of outline icons (white only, no colour, transparent elsewhere).
 *
 * Run `npx tsx teams/icons.ts` to redraw teams/color.png and teams/outline.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** The app's accent colour; also the manifest's `accentColor`, so Teams' tile matches the icon. */
export const CBP_BLUE = '#005288';

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

type Point = readonly [number, number];

/** A shape in unit coordinates (0..1 across the icon): does it cover the point? */
type Shape = (x: number, y: number) => boolean;

/** One coat of paint: a shape and its colour; later layers cover earlier ones. */
interface Layer {
  shape: Shape;
  color: Rgba;
}

const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };

function hex(color: string): Rgba {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new Error(`not a #rrggbb colour: ${color}`);
  return { r: parseInt(m[1], 16), g: parseInt(m[2], 16), b: parseInt(m[3], 16), a: 255 };
}

const everywhere: Shape = () => true;

function polygon(points: readonly Point[]): Shape {
  // Even-odd ray casting; the polygons here are convex, so any rule gives the same result.
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

function circle(center: Point, radius: number): Shape {
  return (x, y) => (x - center[0]) ** 2 + (y - center[1]) ** 2 <= radius ** 2;
}

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

/** A line through `points` with round ends and joins, `width` wide. */
function stroke(points: readonly Point[], width: number): Shape {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) if (distanceToSegment(x, y, points[i - 1], points[i]) <= width / 2) return true;
    return false;
  };
}

/**
 * Renders layers to a PNG, averaging `samples`×`samples` points per pixel (smooth edges without
 * randomness). With `binaryAlpha`, each pixel ends fully opaque or fully transparent.
 */
function render(size: number, layers: readonly Layer[], samples: number, binaryAlpha = false): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = TRANSPARENT;
          for (const layer of layers) if (layer.shape(x, y)) color = layer.color;
          // Premultiplied sums, so transparent samples do not darken the edges.
          r += color.r * color.a;
          g += color.g * color.a;
          b += color.b * color.a;
          a += color.a;
        }
      }
      const offset = (py * size + px) * 4;
      const alpha = a / (samples * samples);
      const opaque = binaryAlpha ? alpha >= 127.5 : alpha > 0;
      png.data[offset] = opaque && a > 0 ? Math.round(r / a) : 0;
      png.data[offset + 1] = opaque && a > 0 ? Math.round(g / a) : 0;
      png.data[offset + 2] = opaque && a > 0 ? Math.round(b / a) : 0;
      png.data[offset + 3] = binaryAlpha ? (opaque ? 255 : 0) : Math.round(alpha);
    }
  }
  return png;
}

/** The parcel seen from above-front: three faces of a cube, in unit coordinates. */
function parcelCorners(cx: number, cy: number, half: number, tilt: number, height: number) {
  const top: Point = [cx, cy - tilt * 2 - height / 2];
  const left: Point = [cx - half, cy - tilt - height / 2];
  const right: Point = [cx + half, cy - tilt - height / 2];
  const front: Point = [cx, cy - height / 2];
  const bottomLeft: Point = [cx - half, cy - tilt + height / 2];
  const bottomRight: Point = [cx + half, cy - tilt + height / 2];
  const bottom: Point = [cx, cy + height / 2];
  return { top, left, right, front, bottomLeft, bottomRight, bottom };
}

/**
 * The 192×192 full-colour icon.
 *
 * @example
 * const png = drawColorIcon(); // png.width === 192, png.height === 192
 */
export function drawColorIcon(): PNG {
  const c = parcelCorners(0.44, 0.52, 0.26, 0.13, 0.32);
  // Packing tape: across the lid from the back-left edge to the front-right edge, then down the right side.
  const along: Point = [0.26 * 0.14, -0.13 * 0.14];
  const lidStart: Point = [(c.left[0] + c.top[0]) / 2, (c.left[1] + c.top[1]) / 2];
  const lidEnd: Point = [(c.front[0] + c.right[0]) / 2, (c.front[1] + c.right[1]) / 2];
  const sideEnd: Point = [lidEnd[0], lidEnd[1] + 0.32];
  const plus = (p: Point, d: Point, k: number): Point => [p[0] + d[0] * k, p[1] + d[1] * k];
  const badgeCenter: Point = [0.71, 0.71];
  const layers: Layer[] = [
    { shape: everywhere, color: hex(CBP_BLUE) },
    { shape: polygon([c.top, c.right, c.front, c.left]), color: hex('#ffffff') },
    { shape: polygon([c.left, c.front, c.bottom, c.bottomLeft]), color: hex('#d4e2ef') },
    { shape: polygon([c.front, c.right, c.bottomRight, c.bottom]), color: hex('#a8c0d8') },
    { shape: polygon([plus(lidStart, along, -1), plus(lidStart, along, 1), plus(lidEnd, along, 1), plus(lidEnd, along, -1)]), color: hex('#e0b54a') },
    { shape: polygon([plus(lidEnd, along, -1), plus(lidEnd, along, 1), plus(sideEnd, along, 1), plus(sideEnd, along, -1)]), color: hex('#c99a2e') },
    // A ring of background colour separates the badge from the parcel.
    { shape: circle(badgeCenter, 0.2), color: hex(CBP_BLUE) },
    { shape: circle(badgeCenter, 0.165), color: hex('#2e8540') },
    { shape: stroke([[0.635, 0.715], [0.69, 0.77], [0.79, 0.655]], 0.05), color: WHITE },
  ];
  return render(192, layers, 4);
}

/**
 * The 32×32 outline icon: white lines only, every other pixel fully transparent.
 *
 * @example
 * const png = drawOutlineIcon(); // png.width === 32; each pixel is white or has alpha 0
 */
export function drawOutlineIcon(): PNG {
  const c = parcelCorners(0.42, 0.53, 0.29, 0.145, 0.32);
  const line = 2 / 32; // two pixels: thinner lines break up at this size
  const badgeCenter: Point = [0.73, 0.73];
  const layers: Layer[] = [
    { shape: stroke([c.top, c.right, c.bottomRight, c.bottom, c.bottomLeft, c.left, c.top], line), color: WHITE },
    { shape: stroke([c.left, c.front, c.right], line), color: WHITE },
    { shape: stroke([c.front, c.bottom], line), color: WHITE },
    // Clear a gap around the badge, then a white disc with the check cut out of it.
    { shape: circle(badgeCenter, 0.28), color: TRANSPARENT },
    { shape: circle(badgeCenter, 0.215), color: WHITE },
    { shape: stroke([[0.63, 0.735], [0.7, 0.805], [0.83, 0.655]], 0.08), color: TRANSPARENT },
  ];
  return render(32, layers, 4, true);
}

/**
 * Encodes a drawing as PNG bytes (RGBA, 8 bits per channel).
 *
 * @example
 * fs.writeFileSync('color.png', encodePng(drawColorIcon()));
 */
export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

/**
 * Writes color.png and outline.png into `dir`.
 *
 * @example
 * writeIcons('teams'); // ['teams/color.png', 'teams/outline.png']
 */
export function writeIcons(dir: string): string[] {
  const files = [
    [path.join(dir, 'color.png'), drawColorIcon()],
    [path.join(dir, 'outline.png'), drawOutlineIcon()],
  ] as const;
  for (const [file, png] of files) fs.writeFileSync(file, encodePng(png));
  return files.map(([file]) => file);
}

if (require.main === module) {
  for (const file of writeIcons(__dirname)) console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
