/**
 * A table as CSV, the way French spreadsheets open it: semicolons, CRLF line ends, a byte-order
 * mark so that accents survive, and every cell with a separator, quote or line break quoted.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(cell).join(';'));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null || value === undefined) {
    return '';
  }
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Offers {@code csv} for download as {@code fileName}. */
export function download(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
