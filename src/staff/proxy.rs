//! `/staff/proxy`, for gate staff: the proxy-sweeping requests families made at their cemetery
//! (open ones first, soonest first), each with the grave and the services asked for; the member
//! uploads photos of the work (through `shared::upload`, the app's one upload mechanism) and marks
//! it done, and the family gets a message. A request the family cancelled meanwhile is said
//! plainly (409).

use super::i18n::Key;
use super::{api_more as api, session::RequireStaff};
use crate::i18n::{fill, use_i18n};
use crate::shared::api::ClientError;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::{BackLink, Notice, NoticeKind, SummaryList, SummaryRow};
use crate::shared::upload::{upload_failure_message, upload_on_change_to};
use baoan_contract::memorial::{ProxyList, ProxyView, MAX_PROXY_PHOTOS};
use leptos::prelude::*;

#[component]
pub fn ProxyPage() -> impl IntoView {
    use_title(Key::ProxyTitle);
    view! {
        <RequireStaff>
            <Proxy />
        </RequireStaff>
    }
}

#[component]
fn Proxy() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::proxy_requests);
    view! {
        <BackLink href="/staff".to_string() text=Key::BackToWork />
        <h1>{move || i18n.t(Key::ProxyTitle)}</h1>
        <Loaded resource=list let:found>
            <Requests found=found />
        </Loaded>
    }
}

#[component]
fn Requests(found: ProxyList) -> impl IntoView {
    let i18n = use_i18n();
    if found.requests.is_empty() {
        return view! { <p class="staff-queue-empty">{move || i18n.t(Key::ProxyEmpty)}</p> }.into_any();
    }
    view! {
        <ul class="staff-queue">
            {found.requests.into_iter().map(|r| view! { <Request request=r /> }).collect_view()}
        </ul>
    }
    .into_any()
}

fn service(code: &str) -> Key {
    match code {
        "clean" => Key::ServiceClean,
        "flowers" => Key::ServiceFlowers,
        "wipe_stone" => Key::ServiceWipeStone,
        _ => Key::ServicePhoto,
    }
}

#[component]
fn Request(request: ProxyView) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(request);
    let id = shown.with_untracked(|r| r.id.clone());
    let progress = RwSignal::new(None::<f64>);
    let failure = RwSignal::new(None::<ClientError>);
    let on_photo = upload_on_change_to::<ProxyView>(
        &api::proxy_photo_path(&id),
        progress,
        failure,
        Callback::new(move |r: ProxyView| shown.set(r)),
    );
    let done = Submit::new(api::proxy_done).on_done(move |r: ProxyView| shown.set(r));
    let input_id = format!("photo-{id}");
    let r = shown.get_untracked();
    let reference = r.reference.clone();
    let grave = fill(
        i18n.t(Key::ProxyGraveValue),
        &[("area", &r.grave.area), ("row", &r.grave.row), ("number", &r.grave.number)],
    );
    let services = r.services.iter().map(|s| i18n.t(service(s))).collect::<Vec<_>>().join("、");
    view! {
        <li class="staff-queue-item staff-proxy" data-reference=reference>
            <h2 class="staff-queue-title">{r.deceased_name.clone()}</h2>
            <SummaryList>
                <SummaryRow label=Key::ProxyReference>{r.reference.clone()}</SummaryRow>
                <SummaryRow label=Key::ProxyDate>{r.date.to_iso()}</SummaryRow>
                <SummaryRow label=Key::ProxyGrave>{grave}</SummaryRow>
                <SummaryRow label=Key::ProxyServices>{services}</SummaryRow>
                {(!r.note.is_empty()).then(|| view! { <SummaryRow label=Key::ProxyNote>{r.note.clone()}</SummaryRow> })}
                <SummaryRow label=Key::ProxyPhotos>
                    {move || {
                        let n = shown.with(|r| r.photos.len()) as i64;
                        fill(i18n.t_n(Key::ProxyPhotoCount, n), &[("count", &n.to_string())])
                    }}
                </SummaryRow>
            </SummaryList>
            {done.summary()}
            {move || {
                let open = shown.with(|r| r.status == "requested");
                let full = shown.with(|r| r.photos.len() >= MAX_PROXY_PHOTOS);
                if !open {
                    let status = shown.with(|r| r.status.clone());
                    let key = if status == "done" { Key::ProxyDone } else { Key::ProxyClosed };
                    return view! {
                        <Notice kind=NoticeKind::Success>
                            <p>{move || i18n.t(key)}</p>
                        </Notice>
                    }
                        .into_any();
                }
                let input_id = input_id.clone();
                let id = id.clone();
                view! {
                    <div class="staff-actions">
                        {(!full)
                            .then(|| {
                                view! {
                                    <div class="file-field">
                                        <input
                                            type="file"
                                            class="file-input"
                                            id=input_id.clone()
                                            accept="image/jpeg,image/png"
                                            on:change=on_photo
                                        />
                                        <label class="button button-secondary file-label" for=input_id.clone()>
                                            {move || match progress.get() {
                                                Some(p) => {
                                                    let percent = ((p * 100.0).round() as i64).to_string();
                                                    fill(i18n.t(Key::ProxyUploading), &[("percent", &percent)])
                                                }
                                                None => i18n.t(Key::ProxyAddPhoto).to_string(),
                                            }}
                                        </label>
                                    </div>
                                }
                            })}
                        <button
                            type="button"
                            class="button"
                            disabled=done.pending()
                            on:click=move |_| done.send(id.clone())
                        >
                            {move || i18n.t(Key::ProxyMarkDone)}
                        </button>
                    </div>
                    {move || {
                        failure
                            .get()
                            .map(|e| {
                                view! {
                                    <p class="error-message" role="alert">
                                        {i18n.t(upload_failure_message(&e))}
                                    </p>
                                }
                            })
                    }}
                }
                    .into_any()
            }}
        </li>
    }
}
