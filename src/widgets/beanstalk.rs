//! The Elastic Beanstalk deployment-policy explorer: pick a policy, fleet,
//! batch, traffic split and whether (and, for the rolling policies, in which
//! batch) the new version fails its health checks;
//! see the instances and serving capacity step by step, the documented
//! comparison with what changed since the previous policy highlighted, and
//! which policies meet a requirement.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::practice_set::SetSpec;
use crate::domain::widgets::beanstalk::{
    batches, fitting, timeline, BeanstalkFacts, Requirement, Scenario, Slot,
};
use crate::routes::Route;
use crate::widgets::{event_value, sources, use_simulator, ViewProps, WidgetProps};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EbQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// The policy chosen before, to highlight what differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fleet: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<u32>,
    /// Batch size as a percentage of the fleet instead of a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_pct: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eval: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fails: Option<bool>,
    /// The batch (from 1) that fails, for the rolling policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_batch: Option<u32>,
}

impl EbQuery {
    fn scenario(&self) -> Scenario {
        let fleet = self.fleet.unwrap_or(4).clamp(1, 20);
        let batch = match self.batch_pct {
            // A percentage is of the fleet, at least one instance.
            Some(p) => (fleet * p.clamp(1, 100)).div_ceil(100).max(1),
            None => self.batch.unwrap_or(2).clamp(1, fleet),
        };
        Scenario {
            fleet,
            batch,
            split_percent: self.split.unwrap_or(10).clamp(1, 100),
            evaluation_minutes: self.eval.unwrap_or(5).clamp(1, 600),
            fails: self.fails.unwrap_or(false),
            fail_batch: self.fail_batch.unwrap_or(1).max(1),
        }
    }
}

#[component]
pub fn BeanstalkWidget(props: &WidgetProps) -> Html {
    let route = props.route(Route::EmbedBeanstalk, Route::WidgetBeanstalk);
    match use_simulator::<BeanstalkFacts, EbQuery>("beanstalk", "Elastic Beanstalk facts", route) {
        Ok(p) => html! { <BeanstalkView ..p /> },
        Err(placeholder) => placeholder,
    }
}

const COLUMNS: [&str; 8] = [
    "Impact of a failed deployment",
    "Deploy time",
    "Zero downtime",
    "DNS change",
    "Rollback",
    "Code deployed to",
    "Environment types that allow it",
    "Needs",
];

#[component]
pub fn BeanstalkView(props: &ViewProps<BeanstalkFacts, EbQuery>) -> Html {
    let f = &props.facts;
    let q = &props.query;
    let policy_id = q.policy.clone().unwrap_or_else(|| "rolling".into());
    let policy = f.policy(&policy_id).or_else(|| f.policy.first());
    let prev = q.prev.as_deref().and_then(|id| f.policy(id));
    let sc = q.scenario();
    let pid = policy.map_or("", |p| p.id.as_str());
    let frames = timeline(pid, sc);
    let batch_count = batches(pid, sc);
    let set = |g: fn(&mut EbQuery, String)| {
        let q = q.clone();
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut next = q.clone();
            g(&mut next, event_value(&e));
            cb.emit(next);
        })
    };
    let choose = {
        let q = q.clone();
        let cb = props.on_change.clone();
        let current = policy_id.clone();
        Callback::from(move |e: Event| {
            let mut next = q.clone();
            next.prev = Some(current.clone());
            next.policy = Some(event_value(&e));
            cb.emit(next);
        })
    };
    let max_slots = frames.iter().map(|fr| fr.slots.len()).max().unwrap_or(1);
    let cells = policy.map(BeanstalkFacts::cells);
    let prev_cells = prev.map(BeanstalkFacts::cells);
    let practice = SetSpec {
        task: Some("1.4".into()),
        service: Some("Elastic Beanstalk".into()),
        ..SetSpec::default()
    };
    let mut urls: Vec<&str> = vec![f.source.as_str()];
    urls.extend(f.note.iter().map(|n| n.source.as_str()));
    let names = |ids: Vec<String>| {
        ids.iter()
            .filter_map(|id| f.policy(id))
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };

    html! {
        <div class="widget beanstalk" data-widget="beanstalk">
            <div class="widget-controls">
                <div class="field">
                    <label for="eb-policy">{ "Deployment policy" }</label>
                    <select id="eb-policy" onchange={choose}>
                        { for f.policy.iter().map(|p| html! { <option value={p.id.clone()} selected={p.id == policy_id}>{ p.name.clone() }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="eb-fleet">{ "Instances" }</label>
                    <input id="eb-fleet" type="number" min="1" max="20" value={sc.fleet.to_string()} onchange={set(|q, v| q.fleet = v.parse().ok())} />
                </div>
                <div class="field">
                    <label for="eb-batch">{ "Batch size (instances)" }</label>
                    <input id="eb-batch" type="number" min="1" max="20" value={sc.batch.to_string()} onchange={set(|q, v| { q.batch = v.parse().ok(); q.batch_pct = None; })} />
                </div>
                <div class="field">
                    <label for="eb-batch-pct">{ "…or batch size (% of the fleet)" }</label>
                    <input id="eb-batch-pct" type="number" min="1" max="100" value={q.batch_pct.map(|p| p.to_string()).unwrap_or_default()} placeholder="count" onchange={set(|q, v| q.batch_pct = v.parse().ok())} />
                </div>
                <div class="field">
                    <label for="eb-split">{ "Traffic split (%)" }</label>
                    <input id="eb-split" type="number" min="1" max="100" value={sc.split_percent.to_string()} onchange={set(|q, v| q.split = v.parse().ok())} />
                </div>
                <div class="field">
                    <label for="eb-eval">{ "Evaluation time (minutes)" }</label>
                    <input id="eb-eval" type="number" min="1" max="600" value={sc.evaluation_minutes.to_string()} onchange={set(|q, v| q.eval = v.parse().ok())} />
                </div>
                <label class="check"><input type="checkbox" checked={sc.fails} onchange={set(|q, v| q.fails = (v == "true").then_some(true))} />{ "The new version fails its health checks" }</label>
                if sc.fails && batch_count > 1 {
                    <div class="field">
                        <label for="eb-fail-batch">{ format!("…in batch (1–{batch_count})") }</label>
                        <input id="eb-fail-batch" type="number" min="1" max={batch_count.to_string()} value={sc.fail_batch.min(batch_count).to_string()} onchange={set(|q, v| q.fail_batch = v.parse().ok())} />
                    </div>
                }
            </div>
            <div class="widget-outputs">
                <section aria-labelledby="eb-steps-title">
                    <h2 id="eb-steps-title">{ "Instances, step by step" }</h2>
                    <p class="hint">{ "■ old version · ● new version · ○ out of service" }</p>
                    <ol class="eb-frames">
                        { for frames.iter().map(|fr| {
                            let symbols: String = fr.slots.iter().map(|s| match s { Slot::Old => '■', Slot::New => '●', Slot::Out => '○' }).collect();
                            html! {
                                <li data-serving={fr.serving().to_string()}>
                                    <span class="eb-slots" aria-hidden="true">{ format!("{symbols:<max_slots$}") }</span>
                                    <span class="eb-label">{ format!("{} — {} of {} serving{}", fr.label, fr.serving(), sc.fleet,
                                        if fr.new_traffic > 0 && fr.new_traffic < 100 { format!(", {} % of traffic on the new version", fr.new_traffic) } else { String::new() }) }</span>
                                </li>
                            }
                        }) }
                    </ol>
                    <p class="eb-min" aria-live="polite"><strong>{ format!("Lowest serving capacity: {} of {}", frames.iter().map(|f| f.serving()).min().unwrap_or(0), sc.fleet) }</strong></p>
                </section>
                <section aria-labelledby="eb-compare-title">
                    <h2 id="eb-compare-title">{ "How it compares" }</h2>
                    if let (Some(p), Some(cells)) = (policy, cells) {
                        <table class="eb-compare">
                            <caption>{ match prev { Some(pp) if pp.id != p.id => format!("{} (highlighted: what differs from {})", p.name, pp.name), _ => p.name.clone() } }</caption>
                            <tbody>
                                { for COLUMNS.iter().enumerate().map(|(i, col)| {
                                    let changed = prev_cells.as_ref().is_some_and(|pc| prev.is_some_and(|pp| pp.id != p.id) && pc[i] != cells[i]);
                                    html! { <tr class={classes!(changed.then_some("changed"))}><th scope="row">{ *col }</th><td>{ cells[i].clone() }</td></tr> }
                                }) }
                            </tbody>
                        </table>
                    }
                </section>
                <section aria-labelledby="eb-req-title">
                    <h2 id="eb-req-title">{ "Which policies fit a requirement" }</h2>
                    <dl class="eb-requirements">
                        <dt>{ "No reduced capacity" }</dt><dd data-req="capacity">{ names(fitting(f, Requirement::NoReducedCapacity)) }</dd>
                        <dt>{ "Cheapest (no extra instances)" }</dt><dd data-req="cheapest">{ names(fitting(f, Requirement::Cheapest)) }</dd>
                        <dt>{ "Fastest rollback (no redeploy)" }</dt><dd data-req="rollback">{ names(fitting(f, Requirement::FastestRollback)) }</dd>
                    </dl>
                </section>
            </div>
            <p class="practice-this">
                <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(practice)} classes="button secondary">
                    { "Practice this: Elastic Beanstalk questions (task 1.4)" }
                </Link<Route, SetSpec>>
            </p>
            if !f.note.is_empty() {
                <section aria-labelledby="eb-notes-title">
                    <h2 id="eb-notes-title">{ "Rules the steps follow" }</h2>
                    <ul class="eb-notes">{ for f.note.iter().map(|n| html! { <li data-note={n.id.clone()}>{ n.text.clone() }</li> }) }</ul>
                </section>
            }
            { sources(&urls) }
        </div>
    }
}
