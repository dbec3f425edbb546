import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { BUNDLED_EVENTS_DIR, loadSeries, loadSeriesDir, SeriesError } from "../src/event/series.js";
import { seriesDir } from "./support/series-dir.js";

const at = (iso: string) => new Date(iso);

describe("the series: loading a folder of event files", () => {
  it("runs the bundled folder by default: the 2017 forum and the invented 2027 one, with the series' texts", () => {
    const series = loadSeries({}, loadEvent);
    expect(series.events.map((event) => event.id)).toEqual(["wealmaty-forum-2017", "wealmaty-forum-2027-2"]);
    expect(series.single).toBe(false);
    expect(series.text(series.title!, "en")).toBe("WeAlmaty — forums about the city");
    expect(series.languages).toEqual(["ru", "kk", "en"]);
    // The 2017 file keeps its path (tests and tools build on it).
    expect(BUNDLED_EVENT_FILE.startsWith(BUNDLED_EVENTS_DIR)).toBe(true);
  });

  it("answers upcoming, past and current with the clock passed in", () => {
    const dir = seriesDir([
      { id: "ev-b", title: "B", month: "2099-12" },
      { id: "ev-past", title: "Past" },
      { id: "ev-a", title: "A", month: "2099-11" },
    ]);
    const series = loadSeriesDir(dir);
    expect(series.events.map((event) => event.id)).toEqual(["ev-past", "ev-a", "ev-b"]);
    const ids = (events: { id: string }[]) => events.map((event) => event.id);
    expect(ids(series.upcoming(at("2050-01-01T00:00:00Z")))).toEqual(["ev-a", "ev-b"]);
    expect(ids(series.past(at("2050-01-01T00:00:00Z")))).toEqual(["ev-past"]);
    expect(series.current(at("2050-01-01T00:00:00Z")).id).toBe("ev-a");
    // Running (09:00–13:00 in Almaty = 04:00–08:00Z): still current.
    expect(series.current(at("2099-11-30T05:00:00Z")).id).toBe("ev-a");
    expect(series.current(at("2099-11-30T09:00:00Z")).id).toBe("ev-b");
    // All over: the latest past one.
    expect(series.current(at("2100-06-01T00:00:00Z")).id).toBe("ev-b");
    expect(ids(series.past(at("2100-06-01T00:00:00Z")))).toEqual(["ev-b", "ev-a", "ev-past"]);
    expect(series.byId("ev-a")?.id).toBe("ev-a");
    expect(series.byId("nope")).toBeUndefined();
  });

  it("reports every bad file with its path and every problem, and refuses a duplicate id", () => {
    const dir = seriesDir([
      { id: "one", title: "One" },
      { id: "two", title: "Two" },
    ]);
    writeFileSync(join(dir, "broken.yaml"), "id: [unclosed");
    writeFileSync(join(dir, "wrong.yaml"), "id: Bad Id\ntitle: x\n");
    const copy = readFileSync(join(dir, "one.yaml"), "utf8");
    writeFileSync(join(dir, "z-copy.yaml"), copy);
    try {
      loadSeriesDir(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SeriesError);
      const errors = (error as SeriesError).errors;
      expect(errors.map((each) => each.file.slice(dir.length + 1))).toEqual(["broken.yaml", "wrong.yaml", "z-copy.yaml"]);
      expect(errors[0]!.problems[0]).toMatch(/^YAML:/);
      expect(errors[1]!.problems).toEqual(
        expect.arrayContaining(["id: expected an id of a-z, 0-9 and -", "starts: required: a wall-clock time YYYY-MM-DDTHH:mm"]),
      );
      expect(errors[2]!.problems).toEqual(['id: "one" is already the id of one.yaml']);
    }
  });

  it("lets series.yaml give the timezone an event file leaves out", () => {
    const dir = seriesDir([{ id: "zoned", title: "Zoned" }], { title: "S", timezone: "Asia/Almaty" });
    const file = join(dir, "zoned.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^timezone: .*$/m, ""));
    expect(loadSeriesDir(dir).events[0]!.timezone).toBe("Asia/Almaty");
  });

  it("exits 1 at start listing every bad file of EVENTS_DIR", () => {
    const dir = mkdtempSync(join(tmpdir(), "wealmaty-bad-series-"));
    writeFileSync(join(dir, "a.yaml"), "id: a\n");
    writeFileSync(join(dir, "b.yaml"), "id: b\n");
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, BOT_TOKEN: "123:abc", EVENTS_DIR: dir },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`event file ${join(dir, "a.yaml")}:`);
    expect(result.stderr).toContain(`event file ${join(dir, "b.yaml")}:`);
    expect(result.stderr).toContain("  title: required");
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
