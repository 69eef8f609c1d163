// The CORE plan and the account page in the browser, driven by real mouse and keyboard
// events (Playwright), with the widgets found through kamcanvas.parts(): the four CORE
// steps walked on the bundled example (an answer, a form, a done mark, a target, an
// evaluation), a contact added on the account page and covered by a team member, each
// found in kamcanvas.save(); the printable plans downloaded with a hostile account name,
// which the HTML shows as text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoProblems, launchBrowser, openApp, waitFor } from './harness.mjs';

let browser;
let app;
before(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
});
after(async () => {
  if (app) assertNoProblems(app.problems);
  await browser?.close();
});

const evaluate = (fn, arg) => app.page.evaluate(fn, arg);
const saved = async () => JSON.parse(await evaluate(() => kamcanvas.save()));
const accountOf = (portfolio, id) => portfolio.accounts.find((a) => a.id === id);

// Clicks the middle of the named part once it is drawn.
async function click(name) {
  const part = await waitFor(() => evaluate((n) => kamcanvas.parts().find((p) => p.name === n), name),
    (p) => p !== undefined, { what: `part ${name}` });
  await app.page.mouse.click(part.x + part.width / 2, part.y + part.height / 2);
}

const drawn = (name) => waitFor(() => evaluate((n) => kamcanvas.parts().some((p) => p.name === n), name),
  (found) => found, { what: `part ${name}` });

// Clicks a text field, replaces its text by typing, and presses Enter.
async function typeInto(name, text) {
  await click(name);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type(text);
  await app.page.keyboard.press('Enter');
}

const until = (read, accept, what) => waitFor(read, accept, { what });

test('plan: the four CORE steps of the bundled example, walked with mouse and keyboard', async () => {
  await evaluate(() => kamcanvas.view('plan'));

  // 1 Choice: the example's own check "ict_integratie" is no; yes makes the verdict a go.
  await click('plan/step:choice');
  await drawn('plan/verdict:go_with_reservations');
  await click('plan/check:ict_integratie:yes');
  await until(saved, (p) => p.core.choice.checks.ict_integratie === true, 'the check answered yes');
  await drawn('plan/verdict:go');

  // 2 Organisation: the portfolio redrawn centrally.
  await click('plan/step:organisation');
  await click('plan/form:central');
  await until(saved, (p) => p.organisation.form === 'central', 'the central form');

  // 3 Results: done, and Versland's revenue target for 2026 typed.
  await click('plan/step:results');
  await click('plan/done');
  await until(saved, (p) => p.core.results.done === true, 'Results done');
  await typeInto('plan/target_revenue:versland', '6100000');
  await until(saved, (p) => accountOf(p, 'versland').targets['2026'].revenue === 6100000, 'the target typed');
  assert.equal(accountOf(await saved(), 'versland').targets['2026'].share_of_wallet, 0.245, 'the share kept');

  // 4 Evaluation: an evaluation of today for Versland.
  await click('plan/step:evaluation');
  await click('plan/review:versland');
  const before = accountOf(await saved(), 'versland').evaluations.length;
  await click('plan/eval_add');
  const after = await until(saved, (p) => accountOf(p, 'versland').evaluations.length === before + 1, 'an evaluation');
  assert.match(accountOf(after, 'versland').evaluations.at(-1).date, /^\d{4}-\d{2}-\d{2}$/);
});

test('account page: a contact added and covered by a team member through the UI is saved', async () => {
  await evaluate(() => kamcanvas.view('account'));
  await click('account/choose');
  await click('account/filter');
  await app.page.keyboard.type('marktpl');
  await drawn('account/option:marktplein');
  await app.page.keyboard.press('Enter');
  await drawn('account/add_contact');
  const start = accountOf(await saved(), 'marktplein');
  const member = start.team[0].name;
  const index = start.contacts.length;

  await click('account/add_contact');
  await until(saved, (p) => accountOf(p, 'marktplein').contacts.length === index + 1, 'a new contact');
  await typeInto(`account/contact_name:${index}`, 'Sanne de Vries');
  await until(saved, (p) => accountOf(p, 'marktplein').contacts[index].name === 'Sanne de Vries', 'the name typed');

  await click(`account/cover:${index}`);
  await click(`account/cover_option:${member}`);
  await app.page.keyboard.press('Escape');
  const portfolio = await until(saved, (p) => accountOf(p, 'marktplein').contacts[index].covered_by?.[0] === member,
    'the contact covered');
  assert.deepEqual(accountOf(portfolio, 'marktplein').contacts[index], { name: 'Sanne de Vries', covered_by: [member] });
  // The other accounts' people are untouched.
  assert.equal(accountOf(portfolio, 'versland').contacts.length, 5);
});

test('plan export: the account plan and the portfolio plan of a hostile name download as escaped HTML', async () => {
  const hostile = '<script>alert(1)</script>';
  const outcome = await evaluate((name) => kamcanvas.load(JSON.stringify({
    kamcanvas: 1,
    portfolio: { name: 'Hostile' },
    accounts: [{ id: 'h', name, key: true, revenue: { 2025: 100 }, notes: name,
      contacts: [{ name, role: 'decider' }], team: [{ name: 'Ann', role: 'account manager' }] }],
  }), 'hostile.kamcanvas.json'), hostile);
  assert.equal(outcome.ok, true);
  await evaluate(() => kamcanvas.view('account'));
  await drawn('account/add_contact');

  const download = async (command) => {
    const pending = app.page.waitForEvent('download', { timeout: 10000 });
    await evaluate((c) => kamcanvas.command(c), command);
    const file = await pending;
    const chunks = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  };
  const account = await download('export-account-plan');
  assert.equal(account.name, 'Hostile-account-plan-h.html');
  assert.ok(!account.text.toLowerCase().includes('<script'), 'no script element in the plan');
  assert.ok(account.text.includes('Account plan: &lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(account.text.startsWith('<!DOCTYPE html>'));

  const portfolio = await download('export-portfolio-plan');
  assert.equal(portfolio.name, 'Hostile-plan.html');
  assert.ok(!portfolio.text.toLowerCase().includes('<script'));
  assert.ok(portfolio.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.equal((portfolio.text.match(/<svg/g) || []).length, 3, 'pyramid, Pareto and matrix pictures');

  // Opened in the browser, the page runs nothing and shows the name as text.
  const page = await app.context.newPage();
  let dialogs = 0;
  page.on('dialog', async (dialog) => { dialogs += 1; await dialog.dismiss(); });
  await page.setContent(account.text);
  assert.equal(await page.locator('h1').textContent(), `Account plan: ${hostile}`);
  assert.equal(dialogs, 0);
  await page.close();
});
