//! 代祭扫: ask cemetery staff to tend a grave on a chosen day; see the request and staff's photos.

use super::i18n::Key;
use super::{api, labels};
use crate::i18n::{marked, use_i18n};
use crate::shared::api::ClientError;
use crate::shared::form::FormErrors;
use crate::shared::loadable::{failure_text, Loaded};
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::{Notice, NoticeKind, RadioOption, Radios, TextField};
use baoan_contract::memorial::{Cemetery, Grave, ProxyList, ProxyRequest, ProxyView, PROXY_SERVICES};
use baoan_contract::rules::date::Date;
use baoan_contract::ErrorCode;
use leptos::prelude::*;

/// The cemeteries offering the service (an alias: `view!` reads `<` as a tag).
type Cemeteries = Vec<Cemetery>;

#[component]
pub fn ProxyPage() -> impl IntoView {
    use_title(Key::ProxyTitle);
    view! {
        <RequireSignIn>
            <ProxyForm />
        </RequireSignIn>
    }
}

#[component]
fn ProxyForm() -> impl IntoView {
    let i18n = use_i18n();
    let (date, name, area, row, number, note) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let services = RwSignal::new(Vec::<String>::new());
    let cemetery = RwSignal::new(String::new());
    // Every cemetery whose staff offer the service (data from the server).
    let cemeteries = LocalResource::new(|| async {
        api::cemeteries().await.map(|all| all.into_iter().filter(|c| c.proxy_service).collect::<Vec<_>>())
    });
    // A 429 (too many requests today) says how long to wait; a cancel that lost to staff says so.
    let wait = RwSignal::new(None::<ClientError>);
    let cancel_lost = RwSignal::new(false);
    let list = LocalResource::new(api::proxy_requests);
    let cancel = Submit::new(api::cancel_proxy)
        .on_done(move |_: ProxyView| {
            cancel_lost.set(false);
            list.refetch();
        })
        .on_refused(move |e| {
            if e.code == ErrorCode::Conflict {
                cancel_lost.set(true);
            } else {
                wait.set(Some(ClientError::Api(e.clone())));
            }
            list.refetch();
            true
        });
    let send = Submit::new(api::request_proxy)
        .on_done(move |_: ProxyView| {
            wait.set(None);
            list.refetch()
        })
        .wait_in(wait);
    let errors = send.errors;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = ProxyRequest {
            cemetery_id: cemetery.get_untracked(),
            date: Date::parse_iso(date.get_untracked().trim()),
            services: services.get_untracked(),
            deceased_name: name.get_untracked(),
            grave: Grave { area: area.get_untracked(), row: row.get_untracked(), number: number.get_untracked() },
            note: note.get_untracked(),
        };
        match req.validate(crate::shared::clock::today()) {
            Ok(_) => send.send(req),
            Err(e) => {
                send.refuse(e);
            }
        }
    };
    view! {
        <h1>{move || i18n.t(Key::ProxyTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::ProxyLead)}</p>
        {send.summary()}
        <form novalidate on:submit=on_submit>
            <Loaded
                resource=cemeteries
                children=move |list: Cemeteries| {
                    view! { <CemeteryChoice list=list chosen=cemetery errors=errors /> }
                }
            />
            <TextField name="date" label=Key::ProxyDateLabel value=date errors=errors input_type="date" />
            <fieldset class="fieldset" id="services">
                <legend class="fieldset-legend">{move || i18n.t(Key::ProxyServicesLabel)}</legend>
                {PROXY_SERVICES
                    .iter()
                    .map(|&code| {
                        view! {
                            <div class="checkbox">
                                <input
                                    type="checkbox"
                                    id=format!("service-{code}")
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        services
                                            .update(|s| {
                                                s.retain(|c| c != code);
                                                if on {
                                                    s.push(code.to_string());
                                                }
                                            });
                                    }
                                />
                                <label for=format!(
                                    "service-{code}",
                                )>{move || i18n.t(labels::proxy_service(code))}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <TextField name="deceased_name" label=Key::DeceasedLabel value=name errors=errors maxlength=60 />
            <TextField name="grave_area" label=Key::GraveArea value=area errors=errors maxlength=10 />
            <TextField name="grave_row" label=Key::GraveRow value=row errors=errors maxlength=10 />
            <TextField name="grave_number" label=Key::GraveNumber value=number errors=errors maxlength=10 />
            <TextField name="note" label=Key::NoteLabel value=note errors=errors maxlength=300 />
            <button type="submit" class="button" disabled=move || send.pending().get()>
                {move || i18n.t(Key::ProxySubmit)}
            </button>
        </form>
        {move || {
            wait.get()
                .map(|e| {
                    view! {
                        <Notice kind=NoticeKind::Error role="alert">
                            <p>{move || failure_text(i18n, &e)}</p>
                        </Notice>
                    }
                })
        }}
        <h2>{move || i18n.t(Key::MyProxy)}</h2>
        {cancel.summary()}
        {move || {
            cancel_lost
                .get()
                .then(|| {
                    view! {
                        <Notice kind=NoticeKind::Error role="alert">
                            <p>{move || i18n.t(Key::ProxyAlreadyDone)}</p>
                        </Notice>
                    }
                })
        }}
        <Loaded
            resource=list
            children=move |list: ProxyList| {
                view! {
                    <ul class="plain-list">
                        {list
                            .requests
                            .into_iter()
                            .map(|p| {
                                let status = labels::proxy_status(&p.status);
                                let open = p.status == "requested";
                                let id = p.id.clone();
                                view! {
                                    <li class="memorial-message">
                                        <p>
                                            <strong>{p.reference.clone()}</strong>
                                            " "
                                            <span class="memorial-tag">{move || i18n.t(status)}</span>
                                        </p>
                                        <p>
                                            {p.cemetery_name.clone()}" · "{p.date.to_iso()}" · "
                                            {p.deceased_name.clone()}
                                        </p>
                                        {p
                                            .photos
                                            .iter()
                                            .map(|photo| {
                                                view! {
                                                    <img
                                                        class="proxy-photo"
                                                        src=api::proxy_photo_url(&p.id, photo)
                                                        alt=move || i18n.t(Key::StaffPhoto)
                                                    />
                                                }
                                            })
                                            .collect_view()}
                                        {open
                                            .then(|| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="link-button"
                                                        on:click=move |_| cancel.send(id.clone())
                                                    >
                                                        {move || i18n.t(Key::CancelProxy)}
                                                    </button>
                                                }
                                            })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }
        />
    }
}

/// One radio button per cemetery offering proxy sweeping (large, for elder mode too).
#[component]
fn CemeteryChoice(list: Vec<Cemetery>, chosen: RwSignal<String>, errors: FormErrors) -> impl IntoView {
    if chosen.get_untracked().is_empty() && list.len() == 1 {
        chosen.set(list[0].id.clone());
    }
    let lang = use_i18n().lang.get_untracked();
    let options = list
        .into_iter()
        .map(|c| RadioOption::plain(c.id, marked(&c.name, lang)).hint(marked(&c.address, lang)))
        .collect::<Vec<_>>();
    view! { <Radios name="cemetery_id" legend=Key::ProxyCemetery errors=errors value=chosen options=options /> }
}
