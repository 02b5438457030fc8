import { writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { clickBlock, expectFresh, importDataFiles, musicBlockIds, openFresh, studioDoc } from './helpers';

/**
 * Where the underline under an expression lies, against where the characters it should mark are drawn in the
 * textarea: the same font, measured by the page, from the textarea's content edge.
 */
async function underlinePlacement(box: Locator, mark: Locator): Promise<{ text: string; offsetPx: number; expectedPx: number; widthPx: number; expectedWidthPx: number }> {
  const from = Number(await mark.getAttribute('data-from'));
  const to = Number(await mark.getAttribute('data-to'));
  const markBox = (await mark.boundingBox())!;
  const measured = await box.evaluate((el, [a, b]) => {
    const ta = el as HTMLTextAreaElement;
    const style = getComputedStyle(ta);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const line = ta.value.slice(0, a!).split('\n').pop()!;
    return {
      contentLeft: ta.getBoundingClientRect().left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
      before: ctx.measureText(line).width,
      width: ctx.measureText(ta.value.slice(a!, b!)).width,
      text: ta.value.slice(a!, b!),
    };
  }, [from, to]);
  return {
    text: measured.text,
    offsetPx: markBox.x - measured.contentLeft,
    expectedPx: measured.before,
    widthPx: markBox.width,
    expectedWidthPx: measured.width,
  };
}

/** The message an input's aria-describedby points at: what a screen reader reads with the field. */
async function describedText(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join('\n');
}

test('a formula typo: "Did you mean" the column, with its code, underlined under the misspelt name', async ({ page }) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await clickBlock(page, 'danceability');
  const expression = page.getByLabel('Expression');
  const original = await expression.inputValue();
  await expression.fill('0.3*valence +\n0.1*livenes + 0.1*energy');
  const block = page.getByTestId('block-danceability');
  await expect(block).toHaveAttribute('data-status', 'error');
  await expect(block).toContainText('E_FORMULA_INVALID');
  const said = 'Formula for "danceability": No column `livenes`. Did you mean `liveness`?';
  await expect(page.getByTestId('inspector-error')).toContainText('E_FORMULA_INVALID');
  await expect(page.getByTestId('inspector-error')).toContainText(said);
  await expect(page.getByTestId('inspector-error')).not.toContainText(/Binder|LINE \d|FROM clause/);

  // At the box: marked invalid, described by the message with its code, and the misspelt name underlined in place.
  await expect(expression).toHaveAttribute('aria-invalid', 'true');
  expect(await describedText(page, expression)).toContain(`${said}E_FORMULA_INVALID`);
  const mark = page.getByTestId('code-underline');
  await expect(mark).toHaveAttribute('data-from', '18');
  await expect(mark).toHaveAttribute('data-to', '25');
  const placed = await underlinePlacement(expression, mark);
  expect(placed.text).toBe('livenes');
  expect(Math.abs(placed.offsetPx - placed.expectedPx)).toBeLessThan(1.5);
  expect(Math.abs(placed.widthPx - placed.expectedWidthPx)).toBeLessThan(1.5);
  // On the second line: below the first line's text.
  expect((await mark.boundingBox())!.y).toBeGreaterThan((await expression.boundingBox())!.y + 14);
  await page.screenshot({ path: 'test-results/screens/formula-typo-underlined.png' });

  // The other branch keeps previewing.
  await expect(page.getByTestId('block-ratings')).toHaveAttribute('data-status', 'fresh');

  // A dangling operator: the parser's verdict in words, the `+` it stopped after underlined.
  await expression.fill('0.3*valence + 0.1*liveness +');
  await expect(block).toContainText('E_FORMULA_SYNTAX');
  await expect(page.getByTestId('inspector-error')).toContainText('Formula for "danceability": The expression ends too early: something is missing after `+`.');
  await expect(mark).toHaveAttribute('data-from', '27');
  expect((await underlinePlacement(expression, mark)).text).toBe('+');

  // Editing the text takes the stale underline away at once; fixing it clears the error.
  await expression.fill(original);
  await expect(mark).toHaveCount(0);
  await expectFresh(page, ['danceability', 'split']);
  await expect(block).not.toContainText(/E_FORMULA/);
  await expect(expression).not.toHaveAttribute('aria-invalid', 'true');
});

test('a join on a column renamed upstream says which key is missing, from which block, in plain words', async ({ page }) => {
  test.setTimeout(180_000);
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await clickBlock(page, 'drop_ids');
  await page.getByRole('button', { name: 'Add step' }).click();
  const step = page.getByRole('group', { name: 'Step 2' });
  // A new step asks for what it needs, in the form's words, with its code.
  await expect(step).toContainText('Choose the columns to dropE_PARAMS_INVALID');
  await step.getByLabel('Operation').selectOption('rename');
  await expect(step).toContainText('Choose the column to renameE_PARAMS_INVALID');
  await expect(step).toContainText('Give the new column a nameE_PARAMS_INVALID');
  await expect(page.getByTestId('inspector-issues')).not.toContainText(/Too small|operations\.1/);
  await step.getByLabel('Column', { exact: true }).selectOption('userId');
  await step.getByLabel('New name').fill('user_id');
  await expect(page.getByTestId('inspector-issues')).toHaveCount(0);
  await expect.poll(async () => (await studioDoc(page)).blocks.find((b) => b.id === 'drop_ids')!.params.operations).toHaveLength(2);

  const join = page.getByTestId('block-join_users');
  await expect(join).toHaveAttribute('data-status', 'error', { timeout: 90_000 });
  await expect(join).toContainText('E_JOIN_KEY_MISSING');
  await clickBlock(page, 'join_users');
  const said = 'The right input, from block "Drop ids and session columns", has no column "userId" to join on (was it renamed or dropped upstream?). Did you mean "user_id"?';
  await expect(page.getByTestId('inspector-error')).toContainText('E_JOIN_KEY_MISSING');
  await expect(page.getByTestId('inspector-error')).toContainText(said);
  // At the right key's picker too, which is marked invalid and described by the message.
  const rightKey = page.getByLabel('Right key');
  await expect(rightKey).toHaveAttribute('aria-invalid', 'true');
  expect(await describedText(page, rightKey)).toContain(said);
  await expect(page.getByLabel('Left key')).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/screens/join-renamed-key.png' });

  // Choosing the renamed column fixes it.
  await rightKey.selectOption('user_id');
  await expectFresh(page, ['join_users']);
});

test('a file that is not a table says what it looks like and what to do, with E_NOT_A_TABLE', async ({ page }, testInfo) => {
  await openFresh(page);
  await expectFresh(page, musicBlockIds);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  // A PNG image and a JSON document, each saved under a .csv name.
  const png = testInfo.outputPath('photo.csv');
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 64 }, (_, i) => i)]));
  const json = testInfo.outputPath('movies.csv');
  writeFileSync(json, '{\n  "movies": [{ "movieId": 1, "title": "Toy Story" }]\n}\n');
  await importDataFiles(page, [png, json]);
  const blocks = (await studioDoc(page)).blocks;
  const idOf = (file: string) => blocks.find((b) => b.params.file === file)!.id;

  for (const [file, says] of [
    ['photo.csv', 'Input "photo" (photo.csv) is not a table: its bytes look like a PNG image. An image holds no rows.'],
    ['movies.csv', 'Input "movies" (movies.csv) is not a table: its bytes look like JSON. Set the format to json on the import block'],
  ] as const) {
    const id = idOf(file);
    const block = page.getByTestId(`block-${id}`);
    await expect(block).toHaveAttribute('data-status', 'error');
    await expect(block).toContainText('E_NOT_A_TABLE');
    await page.evaluate(() => (window as unknown as { __wrangle: { actions: { select(ids: string[]): void } } }).__wrangle.actions.select([]));
    await clickBlock(page, id);
    await expect(page.getByTestId('inspector-error')).toContainText('E_NOT_A_TABLE');
    await expect(page.getByTestId('inspector-error')).toContainText(says);
    await expect(page.getByTestId('inspector-error')).not.toContainText(/windows-1252|Invalid Input Error|sniff/i);
  }
  await page.screenshot({ path: 'test-results/screens/not-a-table.png' });
});
