import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

const JOB = ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];

describe("--format html and --out", () => {
  it("writes one self-contained HTML file, only when asked, and nothing to stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-out-"));
    const { status, stdout, stderr } = await cli([...JOB, "--format", "html", "--out", "report.html"], {}, dir);
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/wrote .*report\.html/);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/\b(src|href)=|@import|url\(/);
    expect(html).toContain("402만 원");
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual(["report.html"]);
  });
  it("never replaces a file without --force, never writes over a directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-out-"));
    writeFileSync(join(dir, "keep.md"), "precious");
    mkdirSync(join(dir, "folder"));
    const exists = await cli([...JOB, "--format", "markdown", "--out", "keep.md"], {}, dir);
    expect(exists.status).toBe(2);
    expect(exists.stderr).toMatch(/--out "keep\.md": the file exists; add --force/);
    expect(readFileSync(join(dir, "keep.md"), "utf8")).toBe("precious");
    const folder = await cli([...JOB, "--format", "markdown", "--out", "folder"], {}, dir);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/is a directory/);
    const missing = await cli([...JOB, "--out", "no/such/dir/x.txt"], {}, dir);
    expect(missing.status).toBe(2);
    expect(existsSync(join(dir, "no"))).toBe(false);
    const forced = await cli([...JOB, "--format", "markdown", "--out", "keep.md", "--force"], {}, dir);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, "keep.md"), "utf8")).toMatch(/^### 7B parameters/);
  });
  it("html on stdout when no --out is given", async () => {
    expect((await cli([...JOB, "--format", "html"])).stdout).toMatch(/<svg/);
  });
});
