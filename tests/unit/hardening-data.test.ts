/** Issue 10: the hardening rules are data; a changed number fails here first. */
import { COMMENT_PAGE, NEAR_DUPLICATE } from '../../types/publicity';
import { FLAG_REASONS, RATING_GUARDS } from '../../types/rating';
import { CONFLICT_REASONS } from '../../types/review';
import { MAX_FILE_BYTES, MAX_NAME_CHARS, STORAGE_QUOTA_BYTES, UPLOAD_TTL_HOURS, UPLOAD_WINDOW_BYTES } from '../../types/files';

test('ratings: 300 codes per product a day; more than 20 ratings of one issuer’s codes in 10 minutes is a burst', () => {
  expect(RATING_GUARDS).toEqual({ codesPerProductPerDay: 300, burst: { ratings: 20, minutes: 10 } });
  expect(Object.keys(FLAG_REASONS)).toEqual(['issuer-account', 'provider-account', 'burst']);
});

test('publicity: pages of 50 (at most 200); near-duplicates at Jaccard 0.9 over 3-character shingles', () => {
  expect(COMMENT_PAGE).toEqual({ default: 50, max: 200 });
  expect(NEAR_DUPLICATE).toEqual({ jaccard: 0.9, shingle: 3 });
});

test('review: four reasons an expert is left out of a draw, each with a label', () => {
  expect(Object.keys(CONFLICT_REASONS)).toEqual(['account-applicant', 'account-recommender', 'declared', 'name']);
  expect(Object.values(CONFLICT_REASONS).every((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
});

test('files: 20 MB each, 500 MB stored and 500 MB uploaded a day per organisation, 24 hours to register, 100-character names', () => {
  expect([MAX_FILE_BYTES, STORAGE_QUOTA_BYTES, UPLOAD_WINDOW_BYTES, UPLOAD_TTL_HOURS, MAX_NAME_CHARS]).toEqual([20 * 1024 * 1024, 500 * 1024 * 1024, 500 * 1024 * 1024, 24, 100]);
});
