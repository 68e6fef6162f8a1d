/** The small server-rendered pages people open from an email (unsubscribe, survey): no script, phone-sized. */

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}' +
  'h1{font-size:1.4rem;margin:0 0 .25rem}p.muted{color:#666;margin-top:0}' +
  'button{font-size:1.05rem;padding:.75rem 1.4rem;border:0;border-radius:.5rem;background:#228be6;color:#fff;width:100%}' +
  'label.option{display:flex;gap:.75rem;align-items:center;padding:.7rem .8rem;border:1px solid #ddd;border-radius:.5rem;margin:.4rem 0;font-size:1.05rem}' +
  'label.option input{width:1.3rem;height:1.3rem}textarea{width:100%;box-sizing:border-box;font:inherit;padding:.6rem;border:1px solid #ccc;border-radius:.5rem;min-height:6rem}' +
  '.error{color:#c92a2a}';

export function htmlPage(lang: string, title: string, inner: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${inner}</body></html>`;
}
