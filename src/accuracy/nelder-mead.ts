/**
 * Minimises f over R^n by the Nelder–Mead simplex method (Nelder & Mead 1965; the standard
 * coefficients: reflection 1, expansion 2, contraction 0.5, shrink 0.5). Deterministic: the start
 * simplex steps each coordinate by `step`. Used to fit a handful of smooth parameters in log space,
 * where it needs no derivatives and converges in a few hundred evaluations.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  { step = 0.1, iterations = 2000, tolerance = 1e-10 }: { step?: number; iterations?: number; tolerance?: number } = {},
): number[] {
  const n = start.length;
  let simplex: { x: number[]; value: number }[] = [{ x: [...start], value: f(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = x[i]! + step;
    simplex.push({ x, value: f(x) });
  }
  const along = (from: number[], to: number[], t: number): number[] => from.map((v, i) => v + t * (to[i]! - v));
  for (let iteration = 0; iteration < iterations; iteration++) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + tolerance)) break;
    const centroid = start.map((_, i) => simplex.slice(0, n).reduce((sum, p) => sum + p.x[i]!, 0) / n);
    const reflected = along(centroid, worst.x, -1);
    const reflectedValue = f(reflected);
    if (reflectedValue < best.value) {
      const expanded = along(centroid, worst.x, -2);
      const expandedValue = f(expanded);
      simplex[n] =
        expandedValue < reflectedValue
          ? { x: expanded, value: expandedValue }
          : { x: reflected, value: reflectedValue };
    } else if (reflectedValue < simplex[n - 1]!.value) {
      simplex[n] = { x: reflected, value: reflectedValue };
    } else {
      const contracted = along(centroid, worst.x, 0.5);
      const contractedValue = f(contracted);
      if (contractedValue < worst.value) simplex[n] = { x: contracted, value: contractedValue };
      else
        simplex = simplex.map((p, i) =>
          i === 0 ? p : { x: along(best.x, p.x, 0.5), value: f(along(best.x, p.x, 0.5)) },
        );
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return simplex[0]!.x;
}
