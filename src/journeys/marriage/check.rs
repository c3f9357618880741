//! Step 7: check your answers, then book. If the last place went meanwhile, say so kindly and
//! offer the nearest free slots; everything typed stays.

use super::api;
use super::draft::{use_draft, PartyDraft};
use super::i18n::Key;
use super::labels::{day_label, kind_label, slot_time};
use crate::i18n::use_i18n;
use crate::shared::announce::announce;
use crate::shared::page::use_title;
use crate::shared::session::{use_session, RequireSignIn};
use crate::shared::submit::Submit;
use crate::shared::ui::{Notice, NoticeKind, SummaryList, SummaryRow};
use baoan_contract::error::FieldError;
use baoan_contract::marriage::{Booking, NearestFree};
use baoan_contract::mask::mask_id_number;
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn CheckPage() -> impl IntoView {
    use_title(Key::CheckTitle);
    view! {
        <RequireSignIn>
            <Check />
        </RequireSignIn>
    }
}

#[component]
fn Check() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let taken = RwSignal::new(None::<NearestFree>);
    let navigate = use_navigate();
    let submit = Submit::once(draft.key, api::book)
        .on_done(move |b: Booking| {
            draft.clear();
            navigate(&format!("/marriage/bookings/{}", b.id), Default::default());
        })
        .on_refused(move |e| {
            if e.fields.get("slot_id") != Some(&FieldError::MarriageSlotFull) {
                return false;
            }
            // Offer the free times nearest to the one that just went.
            let (office, date) = (draft.office.get_untracked(), draft.date.get_untracked());
            leptos::task::spawn_local(async move {
                let near = api::nearest_free(office, date).await;
                taken.set(Some(near.unwrap_or(NearestFree { slots: vec![] })));
                // Said once through the page's live region, politely: the offer follows it.
                announce(format!("{} {}", i18n.t(Key::SlotTakenTitle), i18n.t(Key::SlotTakenBody)));
            });
            true
        });
    let book = move |_| submit.send(draft.request());
    let row = move |label: Key, value: String, change: &'static str| {
        view! {
            <SummaryRow label=label change=(change.to_string(), Key::Change.into())>
                {value}
            </SummaryRow>
        }
    };
    let party = move |p: PartyDraft, label: Key| {
        let text =
            format!("{} · {} · {}", p.name.get(), mask_id_number(&p.id_number.get().replace(' ', "")), p.phone.get());
        row(label, text, "/marriage/parties")
    };
    // Party A is the resident's profile (their phone is the account's).
    let session = use_session();
    let own = move || {
        let text = session.me.with(|m| {
            m.as_ref().and_then(|m| m.profile.as_ref().map(|p| format!("{} · {}", p.name, p.id_number_masked)))
        });
        row(Key::PartyA, text.unwrap_or_default(), "/marriage/parties")
    };
    view! {
        <h1>{move || i18n.t(Key::CheckTitle)}</h1>
        {submit.summary()}
        {move || {
            taken
                .get()
                .map(|near| {
                    view! {
                        <Notice kind=NoticeKind::Error class="marriage-taken" title=Key::SlotTakenTitle>
                            <p>{i18n.t(Key::SlotTakenBody)}</p>
                            <ul class="marriage-inline">
                                {near
                                    .slots
                                    .into_iter()
                                    .map(|s| {
                                        let label = format!("{} {}", day_label(s.date, i18n.lang.get()), slot_time(&s));
                                        view! {
                                            <li>
                                                <button
                                                    type="button"
                                                    class="button button-secondary"
                                                    on:click=move |_| {
                                                        draft.date.set(s.date.to_iso());
                                                        draft.slot.set(s.id.clone());
                                                        draft.ceremony.set(String::new());
                                                        draft.counselling.set(String::new());
                                                        taken.set(None);
                                                        if let Ok(Some(h1)) = document().query_selector("main h1") {
                                                            let _ = wasm_bindgen::JsCast::unchecked_into::<
                                                                web_sys::HtmlElement,
                                                            >(h1)
                                                                .focus();
                                                        }
                                                    }
                                                >
                                                    {label}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </Notice>
                    }
                })
        }}
        <SummaryList>
            {move || row(Key::KindQuestion, i18n.t(kind_label(draft.kind())).to_string(), "/marriage")}
            {move || row(
                Key::WhenLabel,
                format!(
                    "{} {}",
                    Date::parse_iso(&draft.date.get()).map(|d| day_label(d, i18n.lang.get())).unwrap_or_default(),
                    draft
                        .slot
                        .get()
                        .rsplit('|')
                        .next()
                        .map(|t| format!("{}:{}", &t[..2.min(t.len())], &t[2.min(t.len())..]))
                        .unwrap_or_default(),
                ),
                "/marriage/day",
            )} {own} {move || party(draft.b, Key::PartyB)}
            {move || row(
                Key::ExtrasTitle,
                [
                    (!draft.ceremony.get().is_empty()).then(|| i18n.t(Key::Ceremony)),
                    (!draft.counselling.get().is_empty()).then(|| i18n.t(Key::Counselling)),
                ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(i18n.t(Key::ListSeparator)),
                "/marriage/extras",
            )}
        </SummaryList>
        <p>{move || i18n.t(Key::CheckDeclaration)}</p>
        <button type="button" class="button" on:click=book disabled=move || submit.pending().get()>
            {move || i18n.t(if submit.pending().get() { Key::Submitting } else { Key::Submit })}
        </button>
    }
}
