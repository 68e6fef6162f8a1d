import { useElementSize } from '@mantine/hooks';

/** A chart is drawn at the width it is shown at (never under 320 px), so its labels keep their size on any screen. */
export function useChartWidth(fallback: number) {
  const { ref, width } = useElementSize();
  return { ref, width: Math.max(320, Math.round(width) || fallback) };
}
