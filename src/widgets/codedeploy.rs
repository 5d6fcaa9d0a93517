//! The CodeDeploy deployment-configuration picker: choose a compute
//! platform, a deployment type and a predefined or custom configuration, and
//! see traffic over time, in-place batches, lifecycle events, an AppSpec
//! file and rollback behaviour — or state requirements and see which
//! predefined configurations satisfy them.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;
use crate::domain::practice_set::SetSpec;
use crate::domain::widgets::codedeploy::{
    appspec, batch_plan, first_exposure, minutes_to_full, traffic_steps, violations,
    CodeDeployFacts, DeploymentType, MinHealthy, MinHealthyType, PlatformId, Requirements, Step,
    Strategy,
};
use crate::widgets::{event_value, sources, use_simulator, ViewProps, WidgetProps};

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
}

/// The resolved selection.
struct Selection {
    platform: PlatformId,
    kind: DeploymentType,
    config: Option<String>,
    strategy: Strategy,
    fleet: u32,
    batch_minutes: u32,
}

fn resolve(q: &CdQuery, facts: &CodeDeployFacts) -> Selection {
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

    let update = {
        let query = query.clone();
        let on_change = on_change.clone();
        move |f: fn(&mut CdQuery, String)| {
            let query = query.clone();
            let on_change = on_change.clone();
            Callback::from(move |e: Event| {
                let mut next = query.clone();
                f(&mut next, event_value(&e));
                on_change.emit(next);
            })
        }
    };
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
    let set = |f: fn(&mut CdQuery, String)| {
        let query = query.clone();
        let cb = props.update_query.clone();
        Callback::from(move |e: Event| {
            let mut next = query.clone();
            f(&mut next, event_value(&e));
            cb.emit(next);
        })
    };
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

/// Steps of traffic (or, for in-place, of updated instances) over time.
fn timeline(sel: &Selection) -> (Vec<Step>, &'static str) {
    match (sel.platform, sel.kind, sel.strategy) {
        (PlatformId::Server, DeploymentType::InPlace, Strategy::MinHealthy(m)) => {
            match batch_plan(m, sel.fleet) {
                Ok(plan) => {
                    let mut done = 0;
                    let steps = plan
                        .batches
                        .iter()
                        .enumerate()
                        .map(|(i, b)| {
                            done += b;
                            Step {
                                minute: (i as u32 + 1) * sel.batch_minutes,
                                percent: done * 100 / sel.fleet,
                            }
                        })
                        .collect();
                    (steps, "instances updated")
                }
                Err(_) => (Vec::new(), "instances updated"),
            }
        }
        (PlatformId::Server, DeploymentType::BlueGreen, _) => (
            vec![Step {
                minute: 0,
                percent: 100,
            }],
            "traffic on the replacement instances",
        ),
        (_, _, s) => (traffic_steps(s), "traffic on the new version"),
    }
}

fn traffic_section(facts: &CodeDeployFacts, sel: &Selection) -> Html {
    let (steps, what) = timeline(sel);
    let total = steps.last().map_or(0, |s| s.minute);
    let (w, h, left, bottom) = (600.0, 220.0, 44.0, 28.0);
    let span = f64::from(total.max(1)) * 1.1;
    let x = |m: u32| left + (w - left - 10.0) * f64::from(m) / span;
    let y = |p: u32| (h - bottom) - (h - bottom - 10.0) * f64::from(p) / 100.0;
    let mut d = format!("M{:.1},{:.1}", x(0), y(0));
    for s in &steps {
        d.push_str(&format!(" H{:.1} V{:.1}", x(s.minute), y(s.percent)));
    }
    d.push_str(&format!(" H{:.1}", w - 10.0));
    let text: Vec<String> = steps
        .iter()
        .map(|s| format!("{} min: {} %", s.minute, s.percent))
        .collect();
    let headline = match (sel.platform, sel.kind) {
        (PlatformId::Server, DeploymentType::InPlace) if steps.is_empty() => {
            "This configuration cannot run on this fleet.".to_string()
        }
        (PlatformId::Server, DeploymentType::InPlace) => format!(
            "About {total} minutes for {} batches at your estimate per batch",
            steps.len()
        ),
        (PlatformId::Server, DeploymentType::BlueGreen) => {
            "Traffic is rerouted to the replacement instances once they are ready".to_string()
        }
        _ => format!("{} minutes to 100 %", minutes_to_full(sel.strategy)),
    };
    html! {
        <section class="traffic" aria-labelledby="cd-traffic-title">
            <h2 id="cd-traffic-title">{ format!("Share of {what} over time") }</h2>
            <p class="headline" data-minutes={total.to_string()}><strong>{ headline }</strong></p>
            <svg class="chart" viewBox={format!("0 0 {w} {h}")} width="100%" role="img" aria-labelledby="cd-traffic-title cd-traffic-desc">
                <desc id="cd-traffic-desc">{ text.join("; ") }</desc>
                { for [0_u32, 25, 50, 75, 100].iter().map(|p| html! {
                    <g>
                        <line x1={format!("{left}")} x2={format!("{}", w - 10.0)} y1={format!("{:.1}", y(*p))} y2={format!("{:.1}", y(*p))} class="grid" />
                        <text x={format!("{}", left - 6.0)} y={format!("{:.1}", y(*p) + 4.0)} class="axis" text-anchor="end">{ format!("{p}%") }</text>
                    </g>
                }) }
                <text x={format!("{left}")} y={format!("{}", h - 8.0)} class="axis">{ "0 min" }</text>
                <text x={format!("{}", w - 10.0)} y={format!("{}", h - 8.0)} class="axis" text-anchor="end">{ format!("{:.0} min", span) }</text>
                <path d={d} class="line" />
                { for steps.iter().map(|s| html! {
                    <circle cx={format!("{:.1}", x(s.minute))} cy={format!("{:.1}", y(s.percent))} r="4" class="dot" />
                }) }
            </svg>
            <ol class="steps visually-hidden-table">{ for text.iter().map(|t| html! { <li>{ t.clone() }</li> }) }</ol>
            <ul class="timing-notes">
                { for facts.timing_notes(sel.platform).map(|t| html! { <li>{ t.text.clone() }</li> }) }
            </ul>
        </section>
    }
}

fn batches_section(facts: &CodeDeployFacts, sel: &Selection) -> Html {
    let (PlatformId::Server, DeploymentType::InPlace, Strategy::MinHealthy(m)) =
        (sel.platform, sel.kind, sel.strategy)
    else {
        return Html::default();
    };
    let plan = batch_plan(m, sel.fleet);
    html! {
        <section class="batches" aria-labelledby="cd-batches-title">
            <h2 id="cd-batches-title">{ "Batches on this fleet" }</h2>
            { match plan {
                Ok(plan) => html! {
                    <>
                        <p class="batch-summary">
                            { format!("{} of {} instances must stay healthy, so CodeDeploy updates up to {} at a time: ",
                                plan.min_healthy, sel.fleet, plan.batch_size) }
                            <strong>{ plan.batches.iter().map(u32::to_string).collect::<Vec<_>>().join(" + ") }</strong>
                        </p>
                        <p class="success-condition">
                            { format!("Success condition: the deployment fails as soon as fewer than {} instances could remain healthy.", plan.min_healthy) }
                        </p>
                    </>
                },
                Err(e) => html! { <p class="error" role="alert">{ e }</p> },
            } }
            <ul class="rules">{ for facts.rule.iter().map(|r| html! { <li>{ r.text.clone() }</li> }) }</ul>
            <p class="hint">{ format!("First batch: {} % of the fleet.", first_exposure(sel.strategy, sel.fleet)) }</p>
        </section>
    }
}

fn lifecycle_section(facts: &CodeDeployFacts, sel: &Selection) -> Html {
    let Some(l) = facts.lifecycle(sel.platform, sel.kind) else {
        return Html::default();
    };
    html! {
        <section class="lifecycle" aria-labelledby="cd-life-title">
            <h2 id="cd-life-title">{ format!("Lifecycle events: {} {}", facts.platform(sel.platform).map_or("", |p| p.name.as_str()), sel.kind.label().to_lowercase()) }</h2>
            <ol class="events">
                { for l.events.iter().map(|e| html! {
                    <li class={classes!((!e.scriptable).then_some("reserved"), e.validation.then_some("validation"))} data-event={e.name.clone()}>
                        <code>{ e.name.clone() }</code>
                        if !e.scriptable { <span class="tag">{ "no hooks: reserved for CodeDeploy" }</span> }
                        if e.validation { <span class="tag validation">{ "validation hook" }</span> }
                        if !e.note.is_empty() { <small>{ format!(" — {}", e.note) }</small> }
                    </li>
                }) }
            </ol>
            <h3>{ "AppSpec file" }</h3>
            <pre class="appspec"><code>{ appspec(sel.platform, l) }</code></pre>
        </section>
    }
}

fn rollback_section(facts: &CodeDeployFacts) -> Html {
    html! {
        <section class="rollback" aria-labelledby="cd-rollback-title">
            <h2 id="cd-rollback-title">{ "Rollback" }</h2>
            <ul>{ for facts.rollback.iter().map(|r| html! { <li data-fact={r.id.clone()}>{ r.text.clone() }</li> }) }</ul>
        </section>
    }
}

fn requirement_mode(
    facts: &CodeDeployFacts,
    q: &CdQuery,
    sel: &Selection,
    update: &impl Fn(fn(&mut CdQuery, String)) -> Callback<Event>,
) -> Html {
    let req = Requirements {
        max_exposure: q.exposure,
        max_minutes: q.within,
        zero_downtime: q.zero_downtime.unwrap_or(false),
        fleet: sel.fleet,
        minutes_per_batch: sel.batch_minutes,
    };
    let rows: Vec<(String, Vec<String>)> = facts
        .configs(sel.platform)
        .filter_map(|c| c.strategy().map(|s| (c.name.clone(), violations(s, &req))))
        .collect();
    let fitting = rows.iter().filter(|(_, v)| v.is_empty()).count();
    html! {
        <>
            <div class="widget-controls">
                <div class="field">
                    <label for="cd-req-exposure">{ "Largest share exposed before validation (%)" }</label>
                    <input id="cd-req-exposure" type="number" min="1" max="100" value={q.exposure.map(|v| v.to_string()).unwrap_or_default()}
                        placeholder="no limit" onchange={update(|q, v| q.exposure = v.parse().ok())} />
                </div>
                <div class="field">
                    <label for="cd-req-within">{ "Full rollout within (minutes)" }</label>
                    <input id="cd-req-within" type="number" min="0" max="10000" value={q.within.map(|v| v.to_string()).unwrap_or_default()}
                        placeholder="no limit" onchange={update(|q, v| q.within = v.parse().ok())} />
                </div>
                <label class="check">
                    <input type="checkbox" checked={req.zero_downtime} onchange={update(|q, v| q.zero_downtime = (v == "true").then_some(true))} />
                    { "No downtime" }
                </label>
                if sel.platform == PlatformId::Server {
                    <div class="field">
                        <label for="cd-req-fleet">{ "Instances" }</label>
                        <input id="cd-req-fleet" type="number" min="1" max="500" value={sel.fleet.to_string()} onchange={update(|q, v| q.fleet = v.parse().ok())} />
                    </div>
                    <div class="field">
                        <label for="cd-req-batch">{ "Minutes per batch" }</label>
                        <input id="cd-req-batch" type="number" min="1" max="600" value={sel.batch_minutes.to_string()} onchange={update(|q, v| q.batch_min = v.parse().ok())} />
                    </div>
                }
            </div>
            <section class="requirements" aria-labelledby="cd-req-title">
                <h2 id="cd-req-title" aria-live="polite">{ format!("{fitting} of {} predefined configurations fit", rows.len()) }</h2>
                <table class="fit-table">
                    <thead><tr><th scope="col">{ "Configuration" }</th><th scope="col">{ "Fits?" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|(name, v)| html! {
                            <tr class={if v.is_empty() { "fits" } else { "breaks" }} data-config={name.clone()}>
                                <th scope="row"><code>{ name.clone() }</code></th>
                                <td>{ if v.is_empty() { "Yes".to_string() } else { format!("No: {}", v.join("; ")) } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
        </>
    }
}
