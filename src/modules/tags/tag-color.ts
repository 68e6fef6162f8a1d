import { TAG_COLORS, type Tag } from '../../contracts/tags.ts';

const KNOWN_COLORS = new Set<string>(TAG_COLORS);

/** A stored colour as the API's colour type; anything unknown (old data) shows as gray. */
export function tagColor(color: string): Tag['color'] {
  return KNOWN_COLORS.has(color) ? (color as Tag['color']) : 'gray';
}
