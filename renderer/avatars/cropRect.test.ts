import { assert, test } from 'vitest';
import { cropRect } from './cropRect.ts';

test('the centred square of the short side, zoomed and moved within the picture', () => {
  assert.deepEqual(cropRect(400, 200, 1, 0, 0), { sx: 100, sy: 0, side: 200 });
  assert.deepEqual(cropRect(400, 200, 1, -1, 0), { sx: 0, sy: 0, side: 200 });
  assert.deepEqual(cropRect(400, 200, 1, 1, 0), { sx: 200, sy: 0, side: 200 });
  assert.deepEqual(cropRect(400, 200, 2, 0, 1), { sx: 150, sy: 100, side: 100 });
  assert.deepEqual(cropRect(400, 200, 2, 5, -5), { sx: 300, sy: 0, side: 100 }, 'moves stay inside');
  assert.deepEqual(cropRect(100, 100, 0.5, 0, 0), { sx: 0, sy: 0, side: 100 }, 'never zoomed out past the picture');
});
