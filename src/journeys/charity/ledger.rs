//! A public ledger as a table with its running balance, and the spending chart: an SVG bar
//! chart drawn here (no library, no inline styles — sizes are SVG attributes, colours CSS classes).
//! The chart is an image with a text alternative; the same figures are in the table.

use super::i18n::Key;
use super::labels::{counterparty, kind, yuan, yuan_whole};
use crate::i18n::{use_i18n, Localised};
use baoan_contract::charity::{running_balances, spending_by_category, LedgerKind, LedgerLine};
use leptos::prelude::*;

#[component]
pub fn LedgerTable(lines: Vec<LedgerLine>) -> impl IntoView {
    let i18n = use_i18n();
    if lines.is_empty() {
        return view! { <p class="hint">{move || i18n.t(Key::LedgerEmpty)}</p> }.into_any();
    }
    let balances = running_balances(&lines);
    let rows = lines.into_iter().zip(balances).map(|(l, balance)| {
        let (k, cp) = (kind(l.kind), counterparty(l.counterparty));
        let signed = match l.kind {
            LedgerKind::Income => format!("+{}", yuan(l.amount_fen)),
            LedgerKind::Expense => format!("−{}", yuan(l.amount_fen)),
        };
        view! {
            <tr>
                <td>{l.date.to_iso()}</td>
                <td>{move || i18n.t(k)}</td>
                <td class="num">{signed}</td>
                <td>
                    <Localised text=l.purpose />
                </td>
                <td>{move || i18n.t(cp)}</td>
                <td>{l.receipt_ref}</td>
                <td class="num">{yuan(balance)}</td>
            </tr>
        }
    });
    view! {
        <div class="charity-table-wrap" tabindex="0" role="region" aria-label=move || i18n.t(Key::Ledger)>
            <table class="charity-table charity-ledger">
                <caption class="visually-hidden">{move || i18n.t(Key::Ledger)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::LedgerDate)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerKind)}</th>
                        <th scope="col" class="num">
                            {move || i18n.t(Key::Amount)}
                        </th>
                        <th scope="col">{move || i18n.t(Key::LedgerPurpose)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerCounterparty)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerReceipt)}</th>
                        <th scope="col" class="num">
                            {move || i18n.t(Key::LedgerBalance)}
                        </th>
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Horizontal bars, one per label, scaled to the largest value.
#[component]
pub fn BarChart(title: Key, bars: Vec<(Key, i64)>) -> impl IntoView {
    let i18n = use_i18n();
    const W: i64 = 340;
    const ROW: i64 = 44;
    const LABEL_W: i64 = 0;
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let height = (bars.len() as i64 * ROW).max(ROW);
    let summary = {
        let bars = bars.clone();
        move || bars.iter().map(|(k, v)| format!("{} {}", i18n.t(*k), yuan_whole(*v))).collect::<Vec<_>>().join("; ")
    };
    let drawn = bars.into_iter().enumerate().map(|(i, (label, value))| {
        let y = i as i64 * ROW;
        let w = ((value as i128 * (W - LABEL_W) as i128) / max as i128).max(2) as i64;
        view! {
            <text x="0" y=(y + 14).to_string() class="chart-label">
                {move || format!("{}  {}", i18n.t(label), yuan_whole(value))}
            </text>
            <rect
                x="0"
                y=(y + 20).to_string()
                width=w.to_string()
                height="16"
                rx="3"
                class=format!("chart-bar chart-bar-{}", i % 6)
            />
        }
    });
    view! {
        <figure class="charity-chart">
            <figcaption>{move || i18n.t(title)}</figcaption>
            <svg viewBox=format!("0 0 {W} {height}") width="100%" role="img" aria-label=summary>
                {drawn.collect_view()}
            </svg>
        </figure>
    }
}

/// The spending chart of a ledger: expenses per counterparty category.
#[component]
pub fn SpendingChart(lines: Vec<LedgerLine>) -> impl IntoView {
    let i18n = use_i18n();
    let bars: Vec<(Key, i64)> = spending_by_category(&lines).into_iter().map(|(c, v)| (counterparty(c), v)).collect();
    if bars.is_empty() {
        return view! { <p class="hint">{move || i18n.t(Key::ChartEmpty)}</p> }.into_any();
    }
    view! { <BarChart title=Key::ChartTitle bars=bars /> }.into_any()
}
