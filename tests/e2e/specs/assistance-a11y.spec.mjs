// The axe-core scan (WCAG 2.x A/AA; 7:1 contrast in elder mode) of the social-assistance pages,
// in each language, elder mode off and on.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, open, setPrefs, signIn } from "../support/app.mjs";
import { LANGS } from "../support/i18n.mjs";
import { PNG, completeDraft, PAGES } from "../support/assistance.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

for (const lang of LANGS) {
  for (const elder of [false, true]) {
    test(`assistance pages pass axe in ${lang}${elder ? ", elder mode" : ""}`, async ({ page }) => {
      test.setTimeout(120_000);
      await setPrefs(page, { lang, elder });
      await signIn(page.request);
      const up = await page.request.post("/api/v1/uploads", { headers: { "X-File-Name": "id.png" }, data: PNG });
      const draft = completeDraft((await up.json()).id);
      await page.addInitScript((d) => {
        if (!localStorage.getItem("baoan.my.draft.assistance")) localStorage.setItem("baoan.my.draft.assistance", JSON.stringify(d));
      }, draft);
      for (const path of PAGES) {
        await open(page, path);
        const results = await new AxeBuilder({ page })
          .options({ runOnly: { type: "tag", values: TAGS }, rules: elder ? { "color-contrast-enhanced": { enabled: true } } : {} })
          .analyze();
        const summary = results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`).join("\n");
        expect(results.violations, summary).toEqual([]);
      }
      // The application page with its timeline (submitted through the API).
      const r = await page.request.post("/api/v1/assistance/applications", {
        headers: { "Idempotency-Key": `axe-${lang}-${elder}-${Date.now()}` },
        data: toForm(draft),
      });
      expect(r.status(), await r.text()).toBe(200);
      const { reference } = await r.json();
      await open(page, `/assistance/applications/${reference}`);
      const results = await new AxeBuilder({ page }).options({ runOnly: { type: "tag", values: TAGS } }).analyze();
      expect(results.violations, JSON.stringify(results.violations.map((v) => v.id))).toEqual([]);
    });
  }
}

/** The draft as the API's form (what the app's to_form builds). */
function toForm(d) {
  return {
    programme: d.programme,
    applicant: { ...d.applicant, residence: d.residence },
    members: d.members.map((m) => ({ relation: m.relation, name: m.name, id_number: m.id_number, work_status: m.work_status,
      monthly_income_yuan: Number(m.income), disability_level: Number(m.disability), health: m.health })),
    income: { salary_yuan: 3000, pension_yuan: 0, rent_yuan: 0, other_income_yuan: 0, savings_yuan: 0, vehicles_yuan: 0, property_yuan: 0 },
    event: { kind: d.event_kind, date: d.event_date, place: d.event_place, description: d.event_description, expenses_yuan: 8000 },
    bank: d.bank,
    documents: d.documents,
    consents: Object.entries(d.consents).map(([person, signed_name]) => ({ person, signed_name })),
  };
}
