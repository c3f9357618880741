// Keyboard only: the journeys completed with Tab, Shift+Tab, Enter, Space, the arrows and typing —
// no mouse, no click(). Every control passed shows a focus ring; the skip link works and nothing
// traps the focus; after each step the new page's heading has focus, after a refused submit the
// error summary. Results that arrive late are announced once through the polite live region
// (a code sent, a time just taken, an upload's end).
import { test, expect, open, h1, setPrefs, randomPhone, smsCode, signIn } from "../support/app.mjs";
import { t } from "../support/i18n.mjs";
import { mt, newCouple, signInAs, fillSlot } from "../support/marriage.mjs";
import { tm, portrait } from "../support/memorial.mjs";
import { ct } from "../support/charity.mjs";
import { ta, PNG, completeDraft } from "../support/assistance.mjs";
import { tabTo, typeInto, expectHeadingFocused, recordAnnouncements, announcements } from "../support/keyboard.mjs";

const L = "zh-Hans";
/** Screenshots of focus states in elder mode, for a person to look at (not compared). */
const shot = (page, name) => page.screenshot({ path: `test-results/keyboard/${name}.png` });

/** Checks `radio` (a selector) in the first radio group after the focus, with the arrows. */
async function chooseRadio(page, radio, group = "input[type=radio]") {
  await tabTo(page, group);
  await page.keyboard.press("Space");
  const target = page.locator(radio);
  for (let i = 0; i < 10 && !(await target.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(target).toBeChecked();
  await expect(target).toBeFocused();
}

/**
 * Presses Space on the focused file input and answers the system's file dialog with `file`.
 * Headless Chromium 156 under Playwright sometimes opens no dialog for a trusted key press on a
 * file input (measured on a bare page, a plain visible input too: between 1 single press in 15 and
 * 1 in 3 opened none; a second press opened it every time, 15 of 15; the click path has a known
 * race of the same kind, microsoft/playwright#28023). So a missed dialog is pressed for again, up
 * to three times, with the focus checked on the input each time: an input the keyboard cannot
 * open still fails.
 */
async function chooseFileWithSpace(page, input, file) {
  for (let attempt = 1; ; attempt++) {
    await expect(page.locator(input)).toBeFocused();
    const chooser = page.waitForEvent("filechooser", { timeout: 3000 }).catch(() => null);
    await page.keyboard.press("Space");
    const opened = await chooser;
    if (opened) return opened.setFiles(file);
    if (attempt === 3) throw new Error(`Space on ${input} opened no file dialog in 3 presses`);
  }
}

/** Tabs to a button (or link) whose text contains `text` and presses Enter. */
async function press(page, text, selector = "button, a[href]") {
  await tabTo(page, selector, { text });
  await page.keyboard.press("Enter");
}

test("the skip link leads into the page and the focus is never trapped", async ({ page }) => {
  await setPrefs(page, { lang: L, elder: true });
  await open(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  await expect(skip).toBeFocused();
  await shot(page, "skip-link");
  expect((await skip.boundingBox()).x, "the skip link is on screen when focused").toBeGreaterThanOrEqual(0);
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  // Onwards through the page to the footer, then back again: no trap either way.
  await tabTo(page, "footer a[href]", { max: 120 });
  await tabTo(page, ".skip-link", { back: true, max: 120 });
});

test("sign in with the keyboard: a refused number focuses the summary, the code sent is announced", async ({ page }) => {
  await setPrefs(page, { lang: L });
  const phone = randomPhone();
  await open(page, "/sign-in");
  await recordAnnouncements(page);
  await typeInto(page, "#phone", "12345");
  await page.keyboard.press("Enter");
  await expect(page.locator(".ui-error-summary")).toBeFocused();
  // The summary's link takes the cursor to the field.
  await tabTo(page, ".ui-error-summary a");
  await page.keyboard.press("Enter");
  await expect(page.locator("#phone")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(phone);
  await page.keyboard.press("Enter");
  // The code step: the cursor is in the code's box, the code sent is said once.
  await expect(page.locator("#code")).toBeFocused();
  const sent = `${t(L, "CodeSentTo")} ${phone.slice(0, 3)}****${phone.slice(-4)}`;
  await expect(page.locator("#live-region")).toHaveText(sent);
  await page.waitForTimeout(500);
  expect(await announcements(page)).toEqual([sent]);
  await page.keyboard.type(await smsCode(page.request, phone));
  await page.keyboard.press("Enter");
  // 我的 is another bundle: a full page load, which starts at the top of the document.
  await expect(h1(page)).toHaveText(t(L, "MineTitle"));
});

test("a marriage booking with the keyboard, through a time just taken (announced once)", async ({ page }) => {
  test.setTimeout(120_000);
  const couple = newCouple();
  await setPrefs(page, { lang: L, elder: true });
  await signInAs(page.request, couple.a);
  await open(page, "/marriage");
  await recordAnnouncements(page);
  await chooseRadio(page, "#kind-marriage");
  await shot(page, "marriage-radio");
  await press(page, mt(L, "Continue"));
  await expectHeadingFocused(page, mt(L, "OfficeTitle"));
  await press(page, mt(L, "ChooseOffice"));
  await expectHeadingFocused(page, mt(L, "DayTitle"));
  await shot(page, "marriage-heading");
  await tabTo(page, ".ui-choice:not([disabled])");
  await shot(page, "marriage-day-button");
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, mt(L, "SlotTitle"));
  await tabTo(page, ".ui-choice:not([disabled])");
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, mt(L, "PartiesTitle"));
  // Continue with party B missing: the summary takes the focus.
  await press(page, mt(L, "Continue"));
  await expect(page.locator(".ui-error-summary")).toBeFocused();
  await shot(page, "marriage-error-summary");
  await typeInto(page, '[id="party_a.nationality"]', couple.a.nationality);
  await shot(page, "marriage-text-field");
  await typeInto(page, '[id="party_b.name"]', couple.b.name);
  await typeInto(page, '[id="party_b.id_number"]', couple.b.id);
  await typeInto(page, '[id="party_b.phone"]', couple.b.phone);
  await typeInto(page, '[id="party_b.nationality"]', couple.b.nationality);
  await press(page, mt(L, "Continue"));
  await expectHeadingFocused(page, mt(L, "ExtrasTitle"));
  await press(page, mt(L, "Continue"));
  await expectHeadingFocused(page, mt(L, "CheckTitle"));

  // Meanwhile other couples take every place left at this time.
  const slotId = await page.evaluate(() => localStorage.getItem("baoan.my.draft.marriage.slot"));
  await fillSlot(slotId);
  await press(page, mt(L, "Submit"));
  const taken = page.locator(".marriage-taken");
  await expect(taken.getByRole("button").first()).toBeVisible();
  const said = `${mt(L, "SlotTakenTitle")} ${mt(L, "SlotTakenBody")}`;
  await expect(page.locator("#live-region")).toHaveText(said);
  // Once: not again when the page settles.
  await page.waitForTimeout(500);
  expect((await announcements(page)).filter((a) => a === said)).toHaveLength(1);
  await tabTo(page, ".marriage-taken button");
  await page.keyboard.press("Enter");
  await expect(taken).toHaveCount(0);
  await expect(h1(page)).toBeFocused();
  await press(page, mt(L, "Submit"));
  await expect(page).toHaveURL(/\/marriage\/bookings\//);
  await expect(h1(page)).toBeFocused();
});

test("a memorial's photo chosen and uploaded with the keyboard: the end is announced once", async ({ page }) => {
  await setPrefs(page, { lang: L, elder: true });
  await signIn(page.request);
  await open(page, "/memorial/memorials/new");
  await recordAnnouncements(page);
  await typeInto(page, "#deceased_name", "林秀英");
  await tabTo(page, "#photo");
  await shot(page, "memorial-photo-button");
  await chooseFileWithSpace(page, "#photo", { name: "portrait.png", mimeType: "image/png", buffer: await portrait(page) });
  await expect(page.locator("#live-region")).toHaveText(t(L, "UploadDone"));
  await page.waitForTimeout(500);
  const said = await announcements(page);
  expect(said[0]).toBe(t(L, "UploadStarted"));
  expect(said.filter((a) => a === t(L, "UploadDone"))).toHaveLength(1);
  await expect(page.getByText(tm(L, "PhotoAdded"))).toBeVisible();
});

test("a memorial visit booked with the keyboard", async ({ page }) => {
  await setPrefs(page, { lang: L, elder: true });
  await signIn(page.request);
  await open(page, "/memorial/book");
  await press(page, "宝山园", "a[href]");
  await expectHeadingFocused(page);
  await expect(h1(page)).toContainText(tm(L, "ChooseDay"));
  await tabTo(page, "main a.ui-choice");
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, tm(L, "ChooseSlot"));
  await tabTo(page, "main button.slot-button:not([disabled])");
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, tm(L, "DetailsTitle"));
  await typeInto(page, "#group_size", "7");
  await press(page, tm(L, "Continue"));
  await expect(page.locator(".ui-error-summary")).toBeFocused();
  await typeInto(page, "#group_size", "3");
  await typeInto(page, "#plate", "粤BD12345");
  await typeInto(page, "#deceased_name", "陈国华");
  await typeInto(page, "#grave_area", "A");
  await typeInto(page, "#grave_row", "3");
  await typeInto(page, "#grave_number", "12");
  await press(page, tm(L, "Continue"));
  await expectHeadingFocused(page, tm(L, "CheckTitle"));
  await press(page, tm(L, "ConfirmBooking"));
  await expectHeadingFocused(page, tm(L, "ConfirmedTitle"));
});

test("a charity gift with the keyboard: a refused amount, then the sandbox payment to the receipt", async ({ page }) => {
  await setPrefs(page, { lang: L, elder: true });
  await signIn(page.request);
  await open(page, "/charity/projects/p-reading-room");
  await press(page, ct(L, "GiveButton"), "a[href]");
  await expectHeadingFocused(page, ct(L, "GiveTitle"));
  await chooseRadio(page, "input[name=choice][value=other]", "input[name=choice]");
  await typeInto(page, "#amount", "66.666");
  await press(page, ct(L, "Continue"));
  await expect(page.locator(".ui-error-summary")).toBeFocused();
  await typeInto(page, "#amount", "66.60");
  // A named gift (the default) needs the name to show: the first refusal asked for it too.
  await typeInto(page, "#donor_name", "王小明");
  await press(page, ct(L, "Continue"));
  await expectHeadingFocused(page, ct(L, "PayTitle"));
  await press(page, ct(L, "PayButton"));
  await expectHeadingFocused(page, ct(L, "ReceiptThanks"));
  await expect(page.locator(".charity-receipt")).toContainText("¥66.60");
});

/** Chooses `value` in a <select> with the arrow keys (a closed select changes as they move). */
async function chooseOption(page, select, value) {
  await tabTo(page, select);
  const target = page.locator(select);
  for (let i = 0; i < 40 && (await target.inputValue()) !== value; i++) await page.keyboard.press("ArrowDown");
  await expect(target).toHaveValue(value);
}

/** Tabs to a task of the task list, opens it with Enter: its heading has the focus. */
async function openTask(page, key) {
  await press(page, ta(L, key), "a[href]");
  await expectHeadingFocused(page, ta(L, key));
}

/** "Save and continue": back on the task list, its heading focused. */
async function saveTask(page) {
  await press(page, ta(L, "SaveContinue"));
  await expectHeadingFocused(page, ta(L, "TaskListTitle"));
}

test("an assistance application typed with the keyboard alone, from the first form page to submission", async ({ page }) => {
  test.setTimeout(240_000);
  await setPrefs(page, { lang: L, elder: true });
  await signIn(page.request);
  // Only the eligibility check's outcome (the programme) is in the draft: every page of the
  // application is typed here. The check's own pages are walked by assistance.spec; its first
  // answer is given with the keyboard below.
  const full = completeDraft("none");
  const draft = { check: full.check, programme: full.programme, idempotency_key: "", saved_at: Date.now() };
  await page.addInitScript((d) => {
    if (!localStorage.getItem("baoan.my.draft.assistance")) localStorage.setItem("baoan.my.draft.assistance", JSON.stringify(d));
  }, draft);
  await open(page, "/assistance");
  await recordAnnouncements(page);
  await press(page, ta(L, "StartCheck"), "a[href]");
  await expectHeadingFocused(page, ta(L, "QResidence"));
  await chooseRadio(page, "#residence-elsewhere");
  await press(page, ta(L, "Continue"));
  await expect(h1(page)).not.toHaveText(ta(L, "QResidence"));
  await expect(h1(page)).toBeFocused();

  await open(page, "/assistance/apply");
  // The applicant: saved empty first, the summary takes the focus; then every field typed.
  await openTask(page, "TaskApplicant");
  await press(page, ta(L, "SaveContinue"));
  await expect(page.locator(".ui-error-summary")).toBeFocused();
  const a = full.applicant;
  await typeInto(page, '[id="applicant.name"]', a.name);
  await typeInto(page, '[id="applicant.id_number"]', a.id_number);
  await typeInto(page, '[id="applicant.phone"]', a.phone);
  await chooseRadio(page, '[id="applicant.residence-elsewhere"]', 'input[name="applicant.residence"]');
  await chooseOption(page, '[id="applicant.street"]', a.street);
  await chooseOption(page, '[id="applicant.community"]', a.community);
  await typeInto(page, '[id="applicant.address"]', a.address);
  await saveTask(page);

  // The household: one member, added and typed on their own page.
  await openTask(page, "TaskMembers");
  await press(page, ta(L, "AddMember"));
  await expectHeadingFocused(page, ta(L, "MemberTitle"));
  const m = full.members[0];
  await chooseRadio(page, '[id="member.relation-child"]', 'input[name="member.relation"]');
  await typeInto(page, '[id="member.name"]', m.name);
  await typeInto(page, '[id="member.id_number"]', m.id_number);
  await chooseRadio(page, '[id="member.work_status-student"]', 'input[name="member.work_status"]');
  await typeInto(page, '[id="member.monthly_income_yuan"]', m.income);
  await chooseRadio(page, '[id="member.disability_level-0"]', 'input[name="member.disability_level"]');
  await press(page, ta(L, "SaveContinue"));
  await expectHeadingFocused(page, ta(L, "TaskMembers"));
  await expect(page.locator(".member")).toContainText(m.name);
  await saveTask(page);

  await openTask(page, "TaskIncome");
  await typeInto(page, '[id="income.salary_yuan"]', full.income.salary);
  await expect(page.locator("#total-income")).toHaveText(full.income.salary);
  await saveTask(page);

  await openTask(page, "TaskEvent");
  await chooseRadio(page, '[id="event.kind-fire"]', 'input[name="event.kind"]');
  await typeInto(page, '[id="event.date"]', full.event_date);
  await typeInto(page, '[id="event.place"]', full.event_place);
  await typeInto(page, '[id="event.description"]', full.event_description);
  await typeInto(page, '[id="event.expenses_yuan"]', full.event_expenses);
  await saveTask(page);

  await openTask(page, "TaskBank");
  await typeInto(page, '[id="bank.bank_name"]', full.bank.bank_name);
  await typeInto(page, '[id="bank.holder"]', full.bank.holder);
  await typeInto(page, '[id="bank.account_number"]', full.bank.account_number);
  await saveTask(page);

  // The document: the file input is reached with Tab and opened with Space (the chooser is
  // the system's dialog, which the test answers as a resident would pick a file).
  await recordAnnouncements(page);
  await openTask(page, "TaskDocuments");
  await tabTo(page, "#file-id_cards");
  await chooseFileWithSpace(page, "#file-id_cards", { name: "id.png", mimeType: "image/png", buffer: PNG });
  await expect(page.locator('[data-kind="id_cards"] .uploaded-file')).toContainText("id.png");
  await expect(page.locator("#live-region")).toHaveText(t(L, "UploadDone"));
  await page.waitForTimeout(500);
  expect((await announcements(page)).filter((x) => x === t(L, "UploadDone"))).toHaveLength(1);
  await saveTask(page);

  // Consent: the applicant and the adult member each type their own name.
  await openTask(page, "TaskConsent");
  await typeInto(page, '[id="consents.applicant"]', full.consents.applicant);
  await typeInto(page, '[id="consents.members.0"]', full.consents["members.0"]);
  await saveTask(page);

  await press(page, ta(L, "CheckAnswers"), "a[href]");
  await expectHeadingFocused(page, ta(L, "CheckAnswers"));
  await expect(page.locator("main")).toContainText(full.bank.account_number);
  await press(page, ta(L, "Submit"));
  await expectHeadingFocused(page, ta(L, "ConfirmationTitle"));
});
