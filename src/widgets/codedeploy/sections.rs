//! The explore-mode outputs: the traffic (or instance) chart, the batches
//! with their verdict, the lifecycle with an AppSpec file, and rollback.

use yew::prelude::*;

use super::Selection;
use crate::domain::widgets::codedeploy::{
    appspec, batch_plan, blue_green_plan, first_exposure, in_place_verdict, minutes_to_full,
    traffic_steps, CodeDeployFacts, DeploymentType, PlatformId, Step, Strategy,
};

/// The share of the fleet done after each batch; batch `i` ends at minute
/// `(i + offset) × minutes` (in-place counts finished batches, blue/green
/// rerouting starts at 0 like a traffic shift).
fn cumulative(batches: &[u32], fleet: u32, minutes: u32, offset: u32) -> Vec<Step> {
    let mut done = 0;
    batches
        .iter()
        .zip(offset..)
        .map(|(b, i)| {
            done += b;
            Step {
                minute: i * minutes,
                percent: done * 100 / fleet.max(1),
            }
        })
        .collect()
}

/// Steps of traffic (or, for in-place, of updated instances) over time.
fn timeline(sel: &Selection) -> (Vec<Step>, &'static str) {
    match (sel.platform, sel.kind, sel.strategy) {
        (PlatformId::Server, DeploymentType::InPlace, Strategy::MinHealthy(m)) => {
            let steps = batch_plan(m, sel.fleet)
                .map(|plan| cumulative(&plan.batches, sel.fleet, sel.batch_minutes, 1))
                .unwrap_or_default();
            (steps, "instances updated")
        }
        (PlatformId::Server, DeploymentType::BlueGreen, Strategy::MinHealthy(m)) => {
            let steps = blue_green_plan(m, sel.fleet)
                .map(|plan| cumulative(&plan.batches, sel.fleet, sel.batch_minutes, 0))
                .unwrap_or_default();
            (steps, "traffic on the replacement instances")
        }
        (_, _, s) => (traffic_steps(s), "traffic on the new version"),
    }
}

pub(super) fn traffic_section(facts: &CodeDeployFacts, sel: &Selection) -> Html {
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
        (PlatformId::Server, DeploymentType::BlueGreen) if steps.is_empty() => {
            "This configuration cannot run on this fleet.".to_string()
        }
        (PlatformId::Server, DeploymentType::BlueGreen) => format!(
            "About {total} minutes to reroute traffic in {} batches once the replacement instances are ready",
            steps.len()
        ),
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

pub(super) fn batches_section(facts: &CodeDeployFacts, sel: &Selection) -> Html {
    let (PlatformId::Server, Strategy::MinHealthy(m)) = (sel.platform, sel.strategy) else {
        return Html::default();
    };
    let blue_green = sel.kind == DeploymentType::BlueGreen;
    let plan = if blue_green {
        blue_green_plan(m, sel.fleet)
    } else {
        batch_plan(m, sel.fleet)
    };
    let (title, unit) = if blue_green {
        (
            "Rerouting to the replacement instances",
            "reroutes traffic to",
        )
    } else {
        ("Batches on this fleet", "updates")
    };
    let verdict = (!blue_green)
        .then(|| in_place_verdict(m, sel.fleet, sel.fail).ok())
        .flatten();
    let facts_list = if blue_green {
        &facts.blue_green
    } else {
        &facts.rule
    };
    html! {
        <section class="batches" aria-labelledby="cd-batches-title">
            <h2 id="cd-batches-title">{ title }</h2>
            { match plan {
                Ok(plan) => html! {
                    <p class="batch-summary">
                        { format!("{} of {} instances must stay healthy, so CodeDeploy {unit} up to {} at a time: ",
                            plan.min_healthy, sel.fleet, plan.batch_size) }
                        <strong>{ plan.batches.iter().map(u32::to_string).collect::<Vec<_>>().join(" + ") }</strong>
                    </p>
                },
                Err(e) => html! { <p class="error" role="alert">{ e }</p> },
            } }
            if let Some(v) = verdict {
                <p class="verdict" data-verdict={v.outcome.key()} aria-live="polite">
                    <strong>{ match (sel.fail, v.outcome.key()) {
                        (None, _) => "No instance fails: ".to_string(),
                        (Some(k), o) => format!("Instance {k} of {} fails — deployment {o}: ", sel.fleet),
                    } }</strong>
                    { v.reason }
                </p>
            }
            if blue_green {
                <p class="hint">{ "The guide names the rerouting batches only for the predefined configurations (all, up to half, or one replacement instance at a time); for a custom minimum this picture applies the same minimum to the replacement instances. The original instances are deregistered after rerouting." }</p>
            }
            <ul class="rules">{ for facts_list.iter().map(|r| html! { <li data-fact={r.id.clone()}>{ r.text.clone() }</li> }) }</ul>
            <p class="hint">{ format!("First batch: {} % of the fleet.", first_exposure(sel.strategy, sel.fleet)) }</p>
        </section>
    }
}

pub(super) fn lifecycle_section(facts: &CodeDeployFacts, sel: &Selection) -> Html {
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
            if sel.platform == PlatformId::Server {
                <ul class="rules">{ for facts.hook_rule.iter().map(|r| html! { <li data-fact={r.id.clone()}>{ r.text.clone() }</li> }) }</ul>
            }
            <h3>{ "AppSpec file" }</h3>
            <pre class="appspec"><code>{ appspec(sel.platform, l) }</code></pre>
        </section>
    }
}

pub(super) fn rollback_section(facts: &CodeDeployFacts) -> Html {
    html! {
        <section class="rollback" aria-labelledby="cd-rollback-title">
            <h2 id="cd-rollback-title">{ "Rollback" }</h2>
            <ul>{ for facts.rollback.iter().map(|r| html! { <li data-fact={r.id.clone()}>{ r.text.clone() }</li> }) }</ul>
        </section>
    }
}
