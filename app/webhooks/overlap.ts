/** How long a rotated-out secret keeps signing beside the new one (hours → words), for the form. */
export const OVERLAP_CHOICES: readonly (readonly [number, string])[] = [
  [0, "no overlap (old secret stops now)"],
  [1, "old secret for 1 hour"],
  [24, "old secret for 24 hours"],
  [72, "old secret for 3 days"],
  [168, "old secret for 7 days"],
];
