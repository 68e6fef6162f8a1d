const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/**
 * A key suggested from a label ("Размер компании" → "razmer_kompanii"): lowercase Latin
 * letters, digits and _, starting with a letter, as the server requires.
 */
export function attributeKeyFromLabel(label: string): string {
  const latin = [...label.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')].map((char) => CYRILLIC[char] ?? char).join('');
  const key = latin.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60).replace(/_+$/, '');
  if (key === '') return '';
  return /^[a-z]/.test(key) ? key : `a_${key}`.slice(0, 60);
}
