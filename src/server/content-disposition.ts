/** An attachment's Content-Disposition: an ASCII fallback, and the real name (Cyrillic too) per RFC 6266/5987. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\w.\- ]+/g, '_').replace(/^_+/, '') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
