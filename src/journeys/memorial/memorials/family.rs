//! The owner's family controls on a memorial: create an invitation link (it expires and lets a
//! limited number of people join), see and withdraw links, see and remove family members.

use crate::journeys::memorial::i18n::Key;
use crate::i18n::use_i18n;
use crate::journeys::memorial::{api, labels};
use crate::shared::api::ClientError;
use crate::shared::loadable::failure_text;
use crate::shared::loadable::Loaded;
use crate::shared::ui::{Notice, NoticeKind};
use baoan_contract::memorial::{FamilyMemberList, InvitationList, INVITATION_DAYS, INVITATION_MAX_USES};
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the owner takes away: an invitation link, or a member.
#[derive(Clone)]
enum Removal {
    Invitation(String),
    Member(String),
}

#[component]
pub fn FamilyControls(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let failure = RwSignal::new(None::<ClientError>);
    let invite_path = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let invitations = LocalResource::new(move || api::invitations(id.get_value()));
    let members = LocalResource::new(move || api::members(id.get_value()));
    let invite = move |_| {
        spawn_local(async move {
            match api::invite(id.get_value()).await {
                Ok(inv) => {
                    failure.set(None);
                    let origin = window().location().origin().unwrap_or_default();
                    invite_path.set(Some(format!("{origin}{}", inv.path)));
                    invitations.refetch();
                }
                Err(e) => failure.set(Some(e)),
            }
        })
    };
    // Withdraw a link or remove a member, then reload both lists.
    let delete = move |what: Removal| {
        spawn_local(async move {
            let done = match what {
                Removal::Invitation(i) => api::revoke_invitation(id.get_value(), i).await,
                Removal::Member(m) => api::remove_member(id.get_value(), m).await,
            };
            match done {
                Ok(()) => {
                    failure.set(None);
                    invitations.refetch();
                    members.refetch();
                }
                Err(e) => failure.set(Some(e)),
            }
        })
    };
    let hint = move || {
        i18n.t(Key::InviteHint)
            .replace("{days}", &INVITATION_DAYS.to_string())
            .replace("{uses}", &INVITATION_MAX_USES.to_string())
    };
    view! {
        <h2>{move || i18n.t(Key::Family)}</h2>
        <p class="hint">{move || i18n.t(Key::FamilyHint)}</p>
        {move || {
            failure
                .get()
                .map(|e| {
                    view! {
                        <Notice kind=NoticeKind::Error role="alert">
                            <p>{move || failure_text(i18n, &e)}</p>
                        </Notice>
                    }
                })
        }}
        <button type="button" class="button button-secondary" on:click=invite>
            {move || i18n.t(Key::Invite)}
        </button>
        {move || {
            invite_path
                .get()
                .map(|p| {
                    view! {
                        <p>{hint}</p>
                        <p class="invite-link" data-testid="invite-link">
                            {p}
                        </p>
                    }
                })
        }}
        <h3>{move || i18n.t(Key::Invitations)}</h3>
        <Loaded
            resource=invitations
            children=move |list: InvitationList| {
                view! {
                    <ul class="plain-list" data-testid="invitations">
                        {list
                            .items
                            .into_iter()
                            .map(|inv| {
                                let key = labels::invitation_status(&inv.status);
                                let until = Date::from_unix_seconds(inv.expires_at, SHENZHEN_UTC_OFFSET).to_iso();
                                let what = Removal::Invitation(inv.id.clone());
                                let active = inv.status == "active";
                                view! {
                                    <li class="family-item">
                                        <p>
                                            <span class="memorial-tag">{move || i18n.t(key)}</span>
                                        </p>
                                        <p class="hint">
                                            {move || i18n.t(Key::InvUses)}": "{inv.uses}"/"{inv.max_uses}" · "
                                            {move || i18n.t(Key::InvValidUntil)}" "{until.clone()}
                                        </p>
                                        {active
                                            .then(|| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="link-button"
                                                        on:click=move |_| delete(what.clone())
                                                    >
                                                        {move || i18n.t(Key::Revoke)}
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
        <h3>{move || i18n.t(Key::Members)}</h3>
        <Loaded
            resource=members
            children=move |list: FamilyMemberList| {
                view! {
                    {list.items.is_empty().then(|| view! { <p class="hint">{move || i18n.t(Key::NoMembers)}</p> })}
                    <ul class="plain-list" data-testid="members">
                        {list
                            .items
                            .into_iter()
                            .map(|m| {
                                let what = Removal::Member(m.id.clone());
                                let who = if m.name.is_empty() {
                                    m.phone.clone()
                                } else {
                                    format!("{} · {}", m.name, m.phone)
                                };
                                view! {
                                    <li class="family-item">
                                        <p>
                                            {who}" "
                                            <button
                                                type="button"
                                                class="link-button"
                                                on:click=move |_| delete(what.clone())
                                            >
                                                {move || i18n.t(Key::RemoveMember)}
                                            </button>
                                        </p>
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
