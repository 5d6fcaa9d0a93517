//! Explore mode: the controls for one configuration (type, configuration,
//! custom values, fleet and a failing instance) and the output sections.

use yew::prelude::*;

use super::sections::{batches_section, lifecycle_section, rollback_section, traffic_section};
use super::{resolve, setter, CdQuery};
use crate::domain::widgets::codedeploy::{
    CodeDeployFacts, DeploymentType, MinHealthyType, PlatformId, Strategy,
};

#[derive(Properties, PartialEq)]
pub struct ExploreProps {
    pub facts: std::rc::Rc<CodeDeployFacts>,
    pub query: CdQuery,
    pub update_query: Callback<CdQuery>,
}

/// Explore mode: one configuration and everything it implies.
#[component]
pub fn Explore(props: &ExploreProps) -> Html {
    let facts = &props.facts;
    let query = &props.query;
    let sel = resolve(query, facts);
    let set = |f: fn(&mut CdQuery, String)| setter(query, &props.update_query, f);
    let platform = facts.platform(sel.platform);
    let types = html! {
        <fieldset class="choice">
            <legend>{ "Deployment type" }</legend>
            { for [DeploymentType::InPlace, DeploymentType::BlueGreen].iter().map(|t| {
                let allowed = platform.is_some_and(|p| p.types.contains(t));
                let reason = facts.unavailable(sel.platform).find(|u| u.kind == *t).map(|u| u.reason.clone());
                html! {
                    <label class={classes!((!allowed).then_some("unavailable"))}>
                        <input type="radio" name="cd-type" value={t.key()} checked={*t == sel.kind} disabled={!allowed}
                            onchange={set(|q, v| q.kind = Some(v))} />
                        { t.label() }
                        if let Some(reason) = reason.filter(|_| !allowed) {
                            <small class="why-not">{ format!(" — not available: {reason}") }</small>
                        }
                    </label>
                }
            }) }
        </fieldset>
    };
    let is_custom = sel.config.is_none();
    let config_select = html! {
        <div class="field">
            <label for="cd-config">{ "Deployment configuration" }</label>
            <select id="cd-config" onchange={set(|q, v| q.config = Some(v))}>
                { for facts.configs(sel.platform).map(|c| html! {
                    <option value={c.name.clone()} selected={sel.config.as_deref() == Some(c.name.as_str())}>{ c.name.clone() }</option>
                }) }
                <option value="custom" selected={is_custom}>{ "Custom configuration…" }</option>
            </select>
        </div>
    };
    let custom = if is_custom {
        match sel.platform {
            PlatformId::Server => {
                let (kind, value) = match sel.strategy {
                    Strategy::MinHealthy(m) if m.kind != MinHealthyType::MostConcurrency => {
                        (m.kind, m.value)
                    }
                    _ => (MinHealthyType::FleetPercent, 75),
                };
                html! {
                    <div class="custom-fields">
                        <div class="field">
                            <label for="cd-mh">{ "Minimum healthy hosts as" }</label>
                            <select id="cd-mh" onchange={set(|q, v| q.mh = Some(v))}>
                                <option value="fleet_percent" selected={kind == MinHealthyType::FleetPercent}>{ "Percentage of the fleet" }</option>
                                <option value="host_count" selected={kind == MinHealthyType::HostCount}>{ "Number of instances" }</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="cd-mhv">{ "Minimum healthy hosts" }</label>
                            <input id="cd-mhv" type="number" min="0" max={if kind == MinHealthyType::FleetPercent { "100" } else { "500" }}
                                value={value.to_string()} onchange={set(|q, v| q.mhv = v.parse().ok())} />
                        </div>
                    </div>
                }
            }
            _ => {
                let (kind, pct, every) = match sel.strategy {
                    Strategy::Canary { percent, interval } => ("canary", percent, interval),
                    Strategy::Linear { percent, interval } => ("linear", percent, interval),
                    _ => ("all_at_once", 10, 5),
                };
                html! {
                    <div class="custom-fields">
                        <div class="field">
                            <label for="cd-custom">{ "Traffic shifting" }</label>
                            <select id="cd-custom" onchange={set(|q, v| q.custom = Some(v))}>
                                <option value="canary" selected={kind == "canary"}>{ "Canary" }</option>
                                <option value="linear" selected={kind == "linear"}>{ "Linear" }</option>
                                <option value="all_at_once" selected={kind == "all_at_once"}>{ "All at once" }</option>
                            </select>
                        </div>
                        if kind != "all_at_once" {
                            <div class="field">
                                <label for="cd-pct">{ if kind == "canary" { "Canary percentage" } else { "Percentage per step" } }</label>
                                <input id="cd-pct" type="number" min="1" max="99" value={pct.to_string()} onchange={set(|q, v| q.pct = v.parse().ok())} />
                            </div>
                            <div class="field">
                                <label for="cd-every">{ "Interval (minutes)" }</label>
                                <input id="cd-every" type="number" min="1" max="2880" value={every.to_string()} onchange={set(|q, v| q.every = v.parse().ok())} />
                            </div>
                        }
                    </div>
                }
            }
        }
    } else {
        let c = sel.config.as_deref().and_then(|n| facts.config(n));
        html! { <p class="config-description">{ c.map(|c| c.description.clone()).unwrap_or_default() }</p> }
    };
    let fleet = (sel.platform == PlatformId::Server).then(|| html! {
        <div class="custom-fields">
            <div class="field">
                <label for="cd-fleet">{ "Instances in the deployment group" }</label>
                <input id="cd-fleet" type="number" min="1" max="500" value={sel.fleet.to_string()} onchange={set(|q, v| q.fleet = v.parse().ok())} />
            </div>
            <div class="field">
                <label for="cd-batch-min">{ "Minutes per batch (estimate)" }</label>
                <input id="cd-batch-min" type="number" min="1" max="600" value={sel.batch_minutes.to_string()} onchange={set(|q, v| q.batch_min = v.parse().ok())} />
            </div>
            if sel.kind == DeploymentType::InPlace {
                <div class="field">
                    <label for="cd-fail">{ "Instance that fails (0 = none)" }</label>
                    <input id="cd-fail" type="number" min="0" max={sel.fleet.to_string()} value={query.fail.unwrap_or(0).to_string()}
                        onchange={set(|q, v| q.fail = v.parse().ok().filter(|k| *k > 0))} />
                </div>
            }
        </div>
    });

    html! {
        <>
            <div class="widget-controls">
                { types }
                { config_select }
                { custom }
                { fleet.unwrap_or_default() }
            </div>
            <div class="widget-outputs">
                { traffic_section(facts, &sel) }
                { batches_section(facts, &sel) }
                { lifecycle_section(facts, &sel) }
                { rollback_section(facts) }
            </div>
        </>
    }
}
