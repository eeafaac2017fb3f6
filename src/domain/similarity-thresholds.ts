/**
 * Default 雷同 thresholds, calibrated on the labelled evaluation set (src/domain/similarity-eval/,
 * checked by similarity-eval.test.ts and reported by `npm run bench`):
 * - every disguised copy scores ≥ 0.75 against its source (name-only copies exactly 0.75, summaries,
 *   padding and synonym paraphrases 0.81 and up); hard negatives (same chain, same product, another
 *   problem) stay ≤ 0.64. FLAG sits in that gap, near the middle of the best-F1 range.
 * - SHOW is lower, so the applicant also sees related results (same product, similar wording) and can
 *   tell them apart in the 雷同情况说明 before anything is flagged.
 * A campaign may set other values (campaign config `duplicate`); kept apart from the index so the web
 * bundle can read them without the segmenter.
 */
export const DEFAULT_FLAG_THRESHOLD = 0.7;
export const DEFAULT_SHOW_THRESHOLD = 0.45;
