// Measuring a page as elder mode promises it: text ≥ 20 px, every target in <main> ≥ 60 px
// high with ≥ 8 px between targets. Used by specs/elder-crawl.spec.mjs; the numbers also go to
// bench/ELDER.md (the before/after of issue 14).
export const MIN_TEXT_PX = 20;
export const MIN_TAP_PX = 60;
export const MIN_GAP_PX = 8;

/**
 * What a resident taps in <main>. Radios and checkboxes are measured by their row (the label is
 * part of the target). Links inside running text are left out (see inSentence).
 */
const TARGETS = [
  "main a[href]:not(.skip-link)",
  "main button",
  "main summary",
  "main select",
  "main textarea",
  'main input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"]):not([type="file"])',
  "main .ui-radios__item",
  "main .radio",
  "main .checkbox",
  "main .file-label",
].join(", ");

/**
 * The page's smallest text and lowest target, and every breach: text under 20 px (anywhere on
 * the page), a target under 60 px, two targets closer than 8 px.
 */
export async function measure(page) {
  return page.evaluate(
    ({ minText, minTap, minGap, selector }) => {
      const visible = (el) => {
        if (el.getClientRects().length === 0) return false;
        const style = getComputedStyle(el);
        if (style.visibility === "hidden" || Number(style.opacity) === 0) return false;
        return !el.closest(".visually-hidden, .skip-link, #boot-splash");
      };
      const label = (el) =>
        `${el.tagName.toLowerCase()}${el.classList.length ? "." + [...el.classList].join(".") : ""} "${(el.innerText || el.value || el.getAttribute("aria-label") || "").trim().split("\n")[0].slice(0, 24)}"`;
      const small = [];
      let smallest = Infinity;
      for (const el of document.body.querySelectorAll("*")) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent.trim()).join("");
        if (!own || !visible(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        // SVG text is drawn scaled with its picture: what the eye sees is size × scale.
        let seen = size;
        const svg = el.closest("svg");
        if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
          seen = (size * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
        }
        smallest = Math.min(smallest, seen);
        if (seen < minText - 0.01) small.push(`${label(el)}: ${own.slice(0, 20)} (${seen.toFixed(1)}px)`);
      }
      // A link inside a sentence (its paragraph holds other words): WCAG 2.5.8 exempts it, and a
      // sentence cannot be 60 px high without breaking it apart. A link alone in its paragraph is
      // a target like any other.
      const inSentence = (el) => {
        if (el.tagName !== "A") return false;
        const block = el.closest("p");
        return !!block && block.textContent.trim() !== el.textContent.trim();
      };
      const targets = [...document.querySelectorAll(selector)].filter((el) => visible(el) && !inSentence(el));
      // A target inside another (a button in a radio row) is measured once, as the outer one.
      const outer = targets.filter((t) => !targets.some((o) => o !== t && o.contains(t)));
      const short = [];
      let lowest = Infinity;
      const boxes = outer.map((el) => ({ el, r: el.getBoundingClientRect() }));
      for (const { el, r } of boxes) {
        lowest = Math.min(lowest, r.height);
        if (r.height < minTap - 0.5) short.push(`${label(el)} (${r.height.toFixed(1)}px)`);
      }
      const close = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          const dx = Math.max(b.left - a.right, a.left - b.right);
          const dy = Math.max(b.top - a.bottom, a.top - b.bottom);
          const gap = Math.max(dx, dy);
          if (gap < minGap - 0.5) close.push(`${label(boxes[i].el)} ↔ ${label(boxes[j].el)} (${gap.toFixed(1)}px)`);
        }
      }
      return {
        smallest: smallest === Infinity ? null : Math.round(smallest * 10) / 10,
        lowest: lowest === Infinity ? null : Math.round(lowest * 10) / 10,
        targets: outer.length,
        small,
        short,
        close,
      };
    },
    { minText: MIN_TEXT_PX, minTap: MIN_TAP_PX, minGap: MIN_GAP_PX, selector: TARGETS },
  );
}
