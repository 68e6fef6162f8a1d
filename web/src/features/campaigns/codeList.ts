/** Codes pasted from elsewhere, one per line or separated by commas, semicolons or spaces; each once, whatever its case. */
export function parseCodeList(text: string): string[] {
  const seen = new Set<string>();
  const codes: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const code = part.trim();
    if (code === '' || seen.has(code.toUpperCase())) continue;
    seen.add(code.toUpperCase());
    codes.push(code);
  }
  return codes;
}
