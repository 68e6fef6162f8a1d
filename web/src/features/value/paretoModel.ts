export interface ShareCut {
  customerShare: number;
  revenueShare: number;
}

/** The curve from the origin, by customer share: (0, 0) first, then the server's points. */
export function paretoCurve(points: readonly ShareCut[]): ShareCut[] {
  const sorted = points.filter((point) => point.customerShare > 0).toSorted((a, b) => a.customerShare - b.customerShare);
  return [{ customerShare: 0, revenueShare: 0 }, ...sorted];
}

/** The share of value held by the top `customerShare` of customers, read off the curve between its points. */
export function valueShareAt(curve: readonly ShareCut[], customerShare: number): number | null {
  if (curve.length < 2) return null;
  for (let index = 1; index < curve.length; index += 1) {
    const right = curve[index]!;
    if (right.customerShare < customerShare) continue;
    const left = curve[index - 1]!;
    const span = right.customerShare - left.customerShare || 1;
    return left.revenueShare + ((customerShare - left.customerShare) / span) * (right.revenueShare - left.revenueShare);
  }
  return curve.at(-1)!.revenueShare;
}

/**
 * Label positions (pixels, top to bottom) moved apart just enough that labels `gap` pixels
 * tall never overlap, keeping their order; each stays as close to its own point as it can.
 */
export function separateLabels(ys: readonly number[], gap: number): number[] {
  const order = ys.map((y, index) => ({ y, index })).toSorted((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const item of order) {
    const previous = placed.at(-1);
    placed.push(previous === undefined ? item.y : Math.max(item.y, previous + gap));
  }
  const result: number[] = Array.from({ length: ys.length }, () => 0);
  order.forEach((item, position) => {
    result[item.index] = placed[position]!;
  });
  return result;
}
