//! The owner's family controls on a memorial: create an invitation link (it expires and lets a
//! limited number of people join), see and withdraw links, see and remove family members.

use crate::journeys::memorial::i18n::Key;
use crate::i18n::use_i18n;
use crate::shared::api::{self, ClientError};
use crate::shared::loadable::failure_text;
use crate::shared::loadable::Loaded;
use crate::shared::ui::{Notice, NoticeKind};
use baoan_contract::memorial::{FamilyMemberList, Invitation, InvitationList, INVITATION_DAYS, INVITATION_MAX_USES};
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn status_key(status: &str) -> Key {
    match status {
        "active" => Key::InvActive,
        "expired" => Key::InvExpired,
        "used_up" => Key::InvUsedUp,
        _ => Key::InvRevoked,
    }
}

#[component]
pub fn FamilyControls(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/memorial/memorials/{id}");
    let failure = RwSignal::new(None::<ClientError>);
    let invite_path = RwSignal::new(None::<String>);
    let invitations = {
        let base = base.clone();
        LocalResource::new(move || {
            let path = format!("{base}/invitations");
            async move { api::get::<InvitationList>(&path).await }
        })
    };
    let members = {
        let base = base.clone();
        LocalResource::new(move || {
            let path = format!("{base}/members");
            async move { api::get::<FamilyMemberList>(&path).await }
        })
    };
    let invite = {
        let base = base.clone();
        move |_| {
            let path = format!("{base}/invitations");
            spawn_local(async move {
                match api::post::<_, Invitation>(&path, &()).await {
                    Ok(inv) => {
                        failure.set(None);
                        let origin = window().location().origin().unwrap_or_default();
                        invite_path.set(Some(format!("{origin}{}", inv.path)));
                        invitations.refetch();
                    }
                    Err(e) => failure.set(Some(e)),
                }
            })
        }
    };
    // Withdraw a link or remove a member, then reload both lists.
    let delete = move |path: String| {
        spawn_local(async move {
            match api::delete(&path).await {
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
    let (inv_base, member_base) = (base.clone(), base);
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
                let inv_base = inv_base.clone();
                view! {
                    <ul class="plain-list" data-testid="invitations">
                        {list
                            .items
                            .into_iter()
                            .map(|inv| {
                                let key = status_key(&inv.status);
                                let until = Date::from_unix_seconds(inv.expires_at, SHENZHEN_UTC_OFFSET).to_iso();
                                let path = format!("{}/invitations/{}", inv_base, inv.id);
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
                                                        on:click=move |_| delete(path.clone())
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
                let member_base = member_base.clone();
                view! {
                    {list.items.is_empty().then(|| view! { <p class="hint">{move || i18n.t(Key::NoMembers)}</p> })}
                    <ul class="plain-list" data-testid="members">
                        {list
                            .items
                            .into_iter()
                            .map(|m| {
                                let path = format!("{}/members/{}", member_base, m.id);
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
                                                on:click=move |_| delete(path.clone())
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
