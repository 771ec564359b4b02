/**
 * Formatting for the benchmark's printed report: aligned plain-text tables, byte and time units. Kept
 * apart from the measuring modules so the numbers they return stay plain data (also written as JSON).
 */

export type Align = 'left' | 'right';
export interface Column {
  readonly header: string;
  readonly align?: Align;
}

/** Right-aligns numbers, left-aligns text; a column's width is its widest cell. */
export const table = (columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string => {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => {
    const align = columns[i]?.align ?? 'left';
    return align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  };
  const line = (cells: readonly string[]) => indent + cells.map((c, i) => cell(c, i)).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

export const heading = (title: string): string => `\n${title}\n${'═'.repeat(title.length)}`;

export const ms = (value: number, digits = 2): string => `${value.toFixed(digits)} ms`;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (kib: number): string => `${(kib / 1024).toFixed(0)} MB`;
export const ratio = (value: number): string => `${value.toFixed(2)}×`;

const started = Date.now();
/** Progress lines (with seconds since start) go to stderr, so `npm run bench > report.txt` captures only the report. */
export const progress = (message: string): void => {
  process.stderr.write(`  [${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
};

export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
