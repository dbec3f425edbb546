/** The benchmark's table and goal lines. */
import type { Figures } from "./driver.js";

export const fixed = (n: number, digits = 0) => n.toFixed(digits);
const cells = (values: string[], widths: number[]) =>
  values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
const WIDTHS = [38, 7, 9, 7, 6, 8, 8, 9, 9, 8, 8, 7, 8];

export function header() {
  console.log(
    cells(
      [
        "workload",
        "updates",
        "updates/s",
        "echo/s",
        "ratio",
        "p50 ms",
        "p99 ms",
        "½ p50 ms",
        "½ p99 ms",
        "Redis/u",
        "Redis KB/u",
        "API/u",
        "CPU ms/u",
      ],
      WIDTHS,
    ),
  );
}

export function row(full: Figures, reference: number, half?: Figures) {
  console.log(
    cells(
      [
        full.label,
        String(full.updates),
        fixed(full.rate),
        fixed(reference),
        fixed(full.rate / reference, 2),
        fixed(full.p50, 1),
        fixed(full.p99, 1),
        half ? fixed(half.p50, 1) : "-",
        half ? fixed(half.p99, 1) : "-",
        fixed(full.redisPerUpdate, 1),
        fixed(full.redisKbPerUpdate, 2),
        fixed(full.apiCallsPerUpdate, 1),
        fixed(full.cpuMsPerUpdate, 2),
      ],
      WIDTHS,
    ),
  );
}

export const met = (ok: boolean) => (ok ? "met" : "NOT met");
