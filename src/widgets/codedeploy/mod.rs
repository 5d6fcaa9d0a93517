//! The CodeDeploy deployment-configuration picker: choose a compute
//! platform, a deployment type and a predefined or custom configuration, and
//! see traffic over time, in-place batches, lifecycle events, an AppSpec
//! file and rollback behaviour — or state requirements and see which
//! predefined configurations satisfy them. This module holds the URL query,
//! its resolution and the widget shell; [`explore`] is the explore mode,
//! [`sections`] draws its outputs, [`requirements`] is requirement mode.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::practice_set::SetSpec;
use crate::domain::widgets::codedeploy::{
    CodeDeployFacts, DeploymentType, MinHealthy, MinHealthyType, PlatformId, Strategy,
};
use crate::routes::Route;
use crate::widgets::{sources, use_simulator, ViewProps, WidgetProps};

mod explore;
mod requirements;
mod sections;

pub use explore::{Explore, ExploreProps};
use requirements::requirement_mode;

/// A callback that edits the query with `f` and the event's value.
fn setter(
    query: &CdQuery,
    on_change: &Callback<CdQuery>,
    f: fn(&mut CdQuery, String),
) -> Callback<Event> {
    let query = query.clone();
    let on_change = on_change.clone();
    Callback::from(move |e: Event| {
        let mut next = query.clone();
        f(&mut next, crate::widgets::event_value(&e));
        on_change.emit(next);
    })
}

/// The widget's state as it appears in the URL query.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CdQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// A predefined configuration's name, or `custom`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
    /// Custom configuration: `canary`, `linear`, `all_at_once` or `min_healthy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pct: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mhv: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fleet: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_min: Option<u32>,
    /// `explore` (default) or `require`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposure: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_downtime: Option<bool>,
    /// In-place: the instance (1-based, in deployment order) that fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail: Option<u32>,
}

/// The resolved selection.
pub(crate) struct Selection {
    pub(crate) platform: PlatformId,
    pub(crate) kind: DeploymentType,
    pub(crate) config: Option<String>,
    pub(crate) strategy: Strategy,
    pub(crate) fleet: u32,
    pub(crate) batch_minutes: u32,
    /// In-place: the failing instance, within the fleet.
    pub(crate) fail: Option<u32>,
}

pub(crate) fn resolve(q: &CdQuery, facts: &CodeDeployFacts) -> Selection {
    let platform = q
        .platform
        .as_deref()
        .and_then(PlatformId::from_key)
        .unwrap_or(PlatformId::Server);
    let allowed = facts
        .platform(platform)
        .map(|p| p.types.clone())
        .unwrap_or_default();
    let kind = allowed
        .iter()
        .copied()
        .find(|t| Some(t.key()) == q.kind.as_deref())
        .or_else(|| allowed.first().copied())
        .unwrap_or(DeploymentType::BlueGreen);
    let fleet = q.fleet.unwrap_or(6).clamp(1, 500);
    let batch_minutes = q.batch_min.unwrap_or(5).clamp(1, 600);
    let predefined = facts
        .configs(platform)
        .find(|c| Some(c.name.as_str()) == q.config.as_deref())
        .or_else(|| {
            (q.config.as_deref() != Some("custom"))
                .then(|| facts.configs(platform).next())
                .flatten()
        });
    let (config, strategy) =
        match predefined.and_then(|c| c.strategy().map(|s| (c.name.clone(), s))) {
            Some((name, s)) => (Some(name), s),
            None => (None, custom_strategy(q, platform)),
        };
    Selection {
        platform,
        kind,
        config,
        strategy,
        fleet,
        batch_minutes,
        fail: q.fail.filter(|k| (1..=fleet).contains(k)),
    }
}

fn custom_strategy(q: &CdQuery, platform: PlatformId) -> Strategy {
    let pct = q.pct.unwrap_or(10).clamp(1, 99);
    let every = q.every.unwrap_or(5).clamp(1, 2880);
    match (platform, q.custom.as_deref()) {
        (PlatformId::Server, _) => Strategy::MinHealthy(MinHealthy {
            // Custom configurations can only use HOST_COUNT or FLEET_PERCENT.
            kind: if q.mh.as_deref() == Some("host_count") {
                MinHealthyType::HostCount
            } else {
                MinHealthyType::FleetPercent
            },
            value: q
                .mhv
                .unwrap_or(75)
                .min(if q.mh.as_deref() == Some("host_count") {
                    500
                } else {
                    100
                }),
        }),
        (_, Some("linear")) => Strategy::Linear {
            percent: pct,
            interval: every,
        },
        (_, Some("all_at_once")) => Strategy::AllAtOnce,
        _ => Strategy::Canary {
            percent: pct,
            interval: every,
        },
    }
}

#[component]
pub fn CodeDeployWidget(props: &WidgetProps) -> Html {
    let route = props.route(Route::EmbedCodeDeploy, Route::WidgetCodeDeploy);
    let ViewProps {
        facts,
        query,
        on_change,
    } = match use_simulator::<CodeDeployFacts, CdQuery>("codedeploy", "CodeDeploy facts", route) {
        Ok(p) => p,
        Err(placeholder) => return placeholder,
    };
    let sel = resolve(&query, &facts);

    let update = |f: fn(&mut CdQuery, String)| setter(&query, &on_change, f);
    let explore = query.mode.as_deref() != Some("require");

    let platforms = html! {
        <fieldset class="choice">
            <legend>{ "Compute platform" }</legend>
            { for facts.platform.iter().map(|p| html! {
                <label>
                    <input type="radio" name="cd-platform" value={p.id.key()} checked={p.id == sel.platform}
                        onchange={update(|q, v| { q.platform = Some(v); q.kind = None; q.config = None; q.custom = None; })} />
                    { p.name.clone() }
                </label>
            }) }
        </fieldset>
    };
    let mode = html! {
        <fieldset class="choice">
            <legend>{ "Mode" }</legend>
            <label><input type="radio" name="cd-mode" value="explore" checked={explore}
                onchange={update(|q, _| q.mode = None)} />{ "Explore a configuration" }</label>
            <label><input type="radio" name="cd-mode" value="require" checked={!explore}
                onchange={update(|q, _| q.mode = Some("require".into()))} />{ "Find configurations for requirements" }</label>
        </fieldset>
    };
    let practice = SetSpec {
        task: Some("1.4".into()),
        service: Some("CodeDeploy".into()),
        ..SetSpec::default()
    };
    let mut urls: Vec<&str> = facts.platform.iter().map(|p| p.source.as_str()).collect();
    urls.extend(facts.config.iter().map(|c| c.source.as_str()));
    urls.extend(facts.lifecycle.iter().map(|c| c.source.as_str()));
    urls.extend(
        facts
            .rule
            .iter()
            .chain(&facts.rollback)
            .chain(&facts.blue_green)
            .chain(&facts.hook_rule)
            .map(|c| c.source.as_str()),
    );

    html! {
        <div class="widget codedeploy" data-widget="codedeploy">
            <div class="widget-controls">
                { platforms }
                { mode }
            </div>
            if explore {
                <Explore facts={facts.clone()} query={query.clone()} update_query={on_change.clone()} />
            } else {
                { requirement_mode(&facts, &query, &sel, &update) }
            }
            <p class="practice-this">
                <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(practice)} classes="button secondary">
                    { "Practice this: CodeDeploy questions (task 1.4)" }
                </Link<Route, SetSpec>>
            </p>
            { sources(&urls) }
        </div>
    }
}
