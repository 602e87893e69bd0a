/** One line of the benchmark table. */
export type BenchResult = {
  id: string;
  measure: string;
  value: number;
  unit: string;
  baseline: number;
  baselineName: string;
  target: string;
  met: boolean | undefined;
  note?: string;
};

const fmt = (n: number) =>
  !Number.isFinite(n)
    ? "n/a"
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2);

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.id,
    r.measure,
    `${fmt(r.value)} ${r.unit}`,
    `${fmt(r.baseline)} ${r.unit} (${r.baselineName})`,
    Number.isFinite(r.value / r.baseline) ? `${fmt(r.value / r.baseline)}x` : "n/a",
    r.target,
    r.met === undefined ? "-" : r.met ? "met" : "MISSED",
  ]);
  const header = ["#", "measure", "value", "baseline", "ratio", "target", ""];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  for (const r of results.filter((result) => result.note)) console.log(`  ${r.id}: ${r.note}`);
}
