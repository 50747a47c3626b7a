// CSV as RFC 4180 has it (quoted cells, "" for a quote inside one, CRLF or LF), which covers both
// W&B exports: pandas' to_csv of run.history() (quotes only where needed, a newline after every
// row) and the web app's "Export CSV" of a chart (every cell quoted, no newline after the last row).

export interface Csv {
  rows: string[][];
  /** false when the text stops inside a quoted cell or mid-way through an unquoted last row */
  complete: boolean;
}

export function parseCsv(text: string): Csv {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let inQuotes = false;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = "";
    quoted = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') inQuotes = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === "" && !quoted) {
      inQuotes = true;
      quoted = true;
    } else if (c === ",") endCell();
    else if (c === "\n" || c === "\r") {
      endCell();
      rows.push(row);
      row = [];
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else cell += c;
    i++;
  }
  const endsOnRow = text.endsWith("\n") || text.endsWith("\r");
  // The last row, when no newline closes it, is whole only if its last cell was quoted and closed
  // (the web export); an unquoted one may have lost digits.
  const lastClosed = quoted && !inQuotes;
  if (!endsOnRow && (cell !== "" || row.length > 0 || quoted)) {
    endCell();
    rows.push(row);
  }
  return { rows, complete: !inQuotes && (endsOnRow || text === "" || lastClosed) };
}
