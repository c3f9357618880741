// Walking the app with the keyboard alone: Tab/Shift+Tab to a control (checking on every stop
// that the focused control shows a focus ring), and the polite live region's announcements.
import { expect } from "./app.mjs";

/** What the focused element is, and whether it shows a focus ring (outline or box-shadow — on
 * its label for a file input drawn as its label button). Runs in the page. */
function focusState() {
  const a = document.activeElement;
  if (!a || a === document.body) return { tag: "BODY", id: "", cls: "", text: "", ring: false, control: false };
  const control = a.matches("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])");
  let shown = a;
  if (a.matches("input[type=file]") && a.nextElementSibling?.matches("label")) shown = a.nextElementSibling;
  const s = getComputedStyle(shown);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== "none";
  const text = (a.getAttribute("aria-label") || a.innerText || a.value || "").trim();
  return { tag: a.tagName, id: a.id, cls: a.className, text, ring: outline || shadow, control };
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element matches `selector` (and, when
 * given, its text contains `text`); every control passed on the way must show a focus ring.
 * Fails when `max` presses do not get there (a trap, or the control is not reachable).
 */
export async function tabTo(page, selector, { text, back = false, max = 80 } = {}) {
  const passed = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const state = await page.evaluate(focusState);
    passed.push(`${state.tag}#${state.id}.${state.cls} "${state.text.slice(0, 30)}"`);
    if (state.control) expect(state.ring, `focus ring on ${passed.at(-1)}`).toBe(true);
    const here = await page.evaluate(
      ([sel, text]) => {
        const a = document.activeElement;
        const t = (a?.getAttribute("aria-label") || a?.innerText || a?.value || "").trim();
        return !!a && a.matches(sel) && (!text || t.includes(text));
      },
      [selector, text ?? null],
    );
    if (here) return passed;
  }
  throw new Error(`${max} presses of Tab did not reach ${selector} ${text ?? ""}; passed:\n${passed.join("\n")}`);
}

/** Tabs to a field and types `value` into it (select-all first, so it replaces what is there). */
export async function typeInto(page, selector, value) {
  await tabTo(page, selector);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(value);
}

/** After a route change the new page's heading has focus. */
export async function expectHeadingFocused(page, text) {
  const heading = page.locator("main h1");
  if (text) await expect(heading).toHaveText(text);
  await expect(heading).toBeFocused();
}

/** Starts recording every text the live region is given (call once the app is on screen). */
export async function recordAnnouncements(page) {
  await page.evaluate(() => {
    const region = document.getElementById("live-region");
    window.__announced = [];
    new MutationObserver(() => {
      const text = region.textContent.trim();
      if (text) window.__announced.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

/** The texts announced since `recordAnnouncements`. */
export async function announcements(page) {
  return page.evaluate(() => window.__announced);
}
