/**
 * The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008): eight colours told apart
 * by readers with the common forms of colour blindness. Figures cycle through it in this order.
 */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"] as const;

/** The i-th colour of the palette, cycling. */
export function colour(i: number): string {
  return OKABE_ITO[((i % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length];
}

/** The colour with an alpha, for bands. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
