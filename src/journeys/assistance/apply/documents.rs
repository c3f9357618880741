//! Task: documents — the list depends on the programme and the household; each essential one
//! must be uploaded, the others may follow later (容缺受理).

use super::save_and_continue;
use crate::i18n::{field_error_key, use_i18n};
use crate::journeys::assistance::draft::{edit, from_code, use_journey};
use crate::journeys::assistance::i18n::Key;
use crate::journeys::assistance::labels;
use crate::journeys::assistance::upload::FilePicker;
use crate::shared::form::FormErrors;
use crate::shared::ui::{BackLink, ErrorSummary};
use baoan_contract::api::UploadReceipt;
use baoan_contract::assistance::{required_documents, AttachedDocument, Residence};
use leptos::prelude::*;

#[component]
pub fn DocumentsTask() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_journey().draft;
    let errors = FormErrors::new();
    let needed = move || {
        draft.with(|d| {
            let residence: Residence = from_code(&d.residence).unwrap_or(Residence::Elsewhere);
            let disabled = d.members.iter().any(|m| m.disability.parse::<u8>().unwrap_or(0) > 0);
            d.programme().map(|p| required_documents(p, residence, disabled)).unwrap_or_default()
        })
    };
    view! {
        <BackLink href="/assistance/apply".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::TaskDocuments)}</h1>
        <p class="hint">{move || i18n.t(Key::DocumentsHint)}</p>
        <ErrorSummary errors=errors />
        {move || {
            needed()
                .into_iter()
                .map(|need| {
                    let kind = need.kind;
                    let field = format!("documents.{}", kind.code());
                    let error = errors.of(Box::leak(field.clone().into_boxed_str()));
                    let on_uploaded = Callback::new(move |r: UploadReceipt| {
                        edit(
                            draft,
                            |d| {
                                d.documents
                                    .push(AttachedDocument {
                                        kind,
                                        upload_id: r.id,
                                        name: r.name,
                                    })
                            },
                        );
                    });
                    view! {
                        <section class="document" id=field data-kind=kind.code()>
                            <h2>
                                {move || i18n.t(labels::document(kind))}" "
                                <span class="tag">
                                    {move || i18n.t(if need.essential { Key::Required } else { Key::MayFollowLater })}
                                </span>
                            </h2>
                            {move || {
                                error.get().map(|e| view! { <p class="error-message">{i18n.t(field_error_key(e))}</p> })
                            }}
                            <ul class="file-list">
                                {move || {
                                    draft
                                        .get()
                                        .documents
                                        .into_iter()
                                        .filter(|d| d.kind == kind)
                                        .map(|doc| {
                                            let id = doc.upload_id.clone();
                                            view! {
                                                <li class="uploaded-file">
                                                    {doc.name.clone()}" "
                                                    <button
                                                        type="button"
                                                        class="link-button"
                                                        on:click=move |_| {
                                                            let id = id.clone();
                                                            edit(draft, |d| d.documents.retain(|x| x.upload_id != id));
                                                        }
                                                    >
                                                        {move || i18n.t(Key::Remove)}
                                                    </button>
                                                </li>
                                            }
                                        })
                                        .collect_view()
                                }}
                            </ul>
                            <FilePicker kind=kind on_uploaded=on_uploaded />
                        </section>
                    }
                })
                .collect_view()
        }}
        <form novalidate on:submit=save_and_continue(errors, "documents.")>
            <button type="submit" class="button">
                {move || i18n.t(Key::SaveContinue)}
            </button>
        </form>
    }
}
