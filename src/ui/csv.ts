/** Spreadsheets run cells starting with these as formulas: such cells get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A phone number as stored (E.164): a plus and digits only, which a spreadsheet cannot run as a formula. */
const PHONE = /^\+\d{7,15}$/;

function cell(value: string): string {
  // A phone is written whole, without the apostrophe that would show in the cell (a spreadsheet may still read it as a number).
  if (PHONE.test(value)) return `"${value}"`;
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file (RFC 4180, CRLF) in UTF-8 with a BOM, so Excel opens Cyrillic and Kazakh text right. */
export function toCsv(rows: string[][]): Buffer {
  const text = rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
